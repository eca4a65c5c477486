package dev.interlock.trigger.password;

import dev.interlock.core.execution.ActionResult;
import dev.interlock.core.execution.ActionStatus;
import dev.interlock.core.trigger.ApiContract;
import dev.interlock.core.trigger.CommonApis;
import dev.interlock.core.trigger.FlowSummary;
import dev.interlock.core.trigger.Schema;
import dev.interlock.core.trigger.TriggerBehavior;
import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerId;
import dev.interlock.core.trigger.TriggerMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code post-change-password} v2 (password.md A): fired after the change is committed, so nothing
 * an action does can affect it; the api has only {@code cache}.
 */
final class PostChangePasswordTrigger {
  static final String ID = "post-change-password";

  private PostChangePasswordTrigger() {}

  static TriggerDefinition definition() {
    return new TriggerDefinition(
        TriggerId.of(ID),
        "v2",
        PasswordFamily.NAME,
        TriggerMode.ASYNC,
        "onExecutePostChangePassword",
        null,
        event(),
        ApiContract.of(CommonApis.cache()),
        TriggerBehavior.withExampleEvent(new Behavior(), () -> PostChangePasswordEvent.builder().build()),
        "Runs in the background after a database user's password was changed or reset.");
  }

  static Schema event() {
    return Schema.object()
        .optional("authentication", Schema.object().optional("riskAssessment", Shapes.riskAssessment()))
        .required("connection", Shapes.connection())
        .optional("custom_domain", Shapes.customDomain())
        .required("request", Shapes.request(false))
        .required("tenant", Shapes.tenant())
        .optional("transaction", Schema.object().optional("correlation_id", Schema.string()))
        .required("user", Shapes.reducedUser())
        .describedAs("The post-change-password v2 event.");
  }

  /**
   * The change is already committed: the outcome only reports which actions completed (for
   * example, which notifications went out), never something to apply.
   */
  static final class Behavior implements TriggerBehavior {
    @Override
    public Map<String, Object> outcome(FlowSummary flow) {
      List<Object> completed = new ArrayList<>();
      for (ActionResult r : flow.results()) {
        if (r.status() == ActionStatus.COMPLETED) {
          completed.add(r.actionName());
        }
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("password_change", "committed");
      out.put("completed_actions", completed);
      return out;
    }
  }
}
