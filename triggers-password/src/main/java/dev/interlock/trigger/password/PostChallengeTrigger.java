package dev.interlock.trigger.password;

import dev.interlock.core.execution.Command;
import dev.interlock.core.trigger.ApiContract;
import dev.interlock.core.trigger.Arguments;
import dev.interlock.core.trigger.FlowSummary;
import dev.interlock.core.trigger.Schema;
import dev.interlock.core.trigger.TriggerBehavior;
import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerId;
import dev.interlock.core.trigger.TriggerMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code password-reset-post-challenge} v1 (password.md B): runs after the first reset challenge
 * and before the new password is entered; may deny, challenge with MFA (resume with the next
 * action), redirect or render a form (resume in {@code onContinuePostChallenge}).
 */
final class PostChallengeTrigger {
  static final String ID = "password-reset-post-challenge";
  /** Auth0 allows up to four actions on this trigger. */
  static final int MAX_ACTIONS = 4;

  private PostChallengeTrigger() {}

  static TriggerDefinition definition() {
    return new TriggerDefinition(
        TriggerId.of(ID),
        "v1",
        PasswordFamily.NAME,
        TriggerMode.SYNC,
        "onExecutePostChallenge",
        "onContinuePostChallenge",
        event(),
        ApiContract.of(PostChallengeApi.methods()),
        TriggerBehavior.withExampleEvent(new Behavior(), () -> PostChallengeEvent.builder().build()),
        "Runs in the password-reset journey after the first challenge, before the new password is set.");
  }

  static Schema event() {
    Schema method =
        Schema.object()
            .required("name", Schema.string())
            .required("timestamp", Schema.string())
            .optional("type", Schema.string());
    return Schema.object()
        .required(
            "authentication",
            Schema.object()
                .required("methods", Schema.arrayOf(method).defaultingToEmpty())
                .optional("riskAssessment", Shapes.riskAssessment())
                .defaultingToEmpty()
                .describedAs("How the user proved who they are so far (email, phone_number, mfa)."))
        .required("authorization", Schema.object().required("roles", Schema.arrayOf(Schema.string()).defaultingToEmpty())
            .defaultingToEmpty())
        .required("client", Shapes.client())
        .required("connection", Shapes.connection())
        .optional("custom_domain", Shapes.customDomain())
        .optional("organization", Shapes.organization())
        .optional("prompt", Schema.object().required("id", Schema.string()).optional("fields", Shapes.anyMap())
            .optional("vars", Shapes.anyMap()).describedAs("The submitted Form, after prompt.render."))
        .required("request", Shapes.request(true))
        .required("stats", Schema.object().required("logins_count", Schema.integer()))
        .required("tenant", Shapes.tenant())
        .required(
            "transaction",
            Schema.object()
                .required("locale", Schema.string())
                .required("ui_locales", Schema.arrayOf(Schema.string()).defaultingToEmpty())
                .optional("login_hint", Schema.string())
                .optional("state", Schema.string())
                .optional("correlation_id", Schema.string()))
        .required("user", Shapes.fullUser())
        .describedAs("The password-reset-post-challenge v1 event.");
  }

  /** Outcome, and the four-action limit. */
  static final class Behavior implements TriggerBehavior {
    @Override
    public Optional<String> completionProblem(FlowSummary flow) {
      if (flow.results().size() > MAX_ACTIONS) {
        return Optional.of(ID + " allows at most " + MAX_ACTIONS + " actions, but this flow ran " + flow.results().size());
      }
      return Optional.empty();
    }

    @Override
    public Map<String, Object> outcome(FlowSummary flow) {
      Map<String, Object> out = new LinkedHashMap<>();
      List<Command> commands = flow.effectiveCommands();
      switch (flow.status()) {
        case COMPLETED -> {
          out.put("result", "proceed");
          Command url = last(commands, PostChallengeApi.SET_RESULT_URL);
          if (url != null) {
            out.put("result_url", ResultUrl.build(new Arguments(url.name(), url.args())));
          }
        }
        case DENIED -> {
          out.put("result", "denied");
          out.put("error", "access_denied");
          out.put("error_description", last(commands, "access.deny").arg(0));
        }
        case SUSPENDED -> out.put("result", "suspended");
        default -> out.put("result", "failed");
      }
      return out;
    }

    private static Command last(List<Command> commands, String name) {
      Command found = null;
      for (Command c : commands) {
        if (c.name().equals(name)) {
          found = c;
        }
      }
      return found;
    }
  }
}
