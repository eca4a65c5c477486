package dev.interlock.trigger.mfa;

import dev.interlock.core.execution.ActionResult;
import dev.interlock.core.execution.ActionStatus;
import dev.interlock.core.execution.ExecutionStatus;
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
import java.util.Optional;

/**
 * {@code send-phone-message} v2 (mfa.md): the action is the delivery mechanism, so success is its
 * promise resolving and failure is a throw or timeout. The api has only {@code cache}.
 */
final class SendPhoneMessageTrigger {
  static final String ID = "send-phone-message";

  private SendPhoneMessageTrigger() {}

  static TriggerDefinition definition() {
    return new TriggerDefinition(
        TriggerId.of(ID),
        "v2",
        MfaFamily.NAME,
        TriggerMode.SYNC,
        "onExecuteSendPhoneMessage",
        null,
        event(),
        ApiContract.of(CommonApis.cache()),
        TriggerBehavior.withExampleEvent(new Behavior(), () -> SendPhoneMessageEvent.builder().build()),
        "Delivers an MFA enrollment or challenge code by SMS or voice through a custom provider.");
  }

  static Schema event() {
    Schema stringMap = Schema.mapOf(Schema.string());
    return Schema.object()
        .required(
            "message_options",
            Schema.object()
                .required("action", Schema.oneOf("enrollment", "second-factor-authentication")
                    .describedAs("The MFA step that needs the message."))
                .required("code", Schema.string().describedAs("The one-time code the user must enter (opaque string)."))
                .required("message_type", Schema.oneOf("sms", "voice"))
                .required("recipient", Schema.string().describedAs("The phone number to send to."))
                .required("text", Schema.string().describedAs("The localized message, containing the code."))
                .describedAs("What to send, to whom and how."))
        .optional(
            "client",
            Schema.object()
                .required("client_id", Schema.string())
                .required("name", Schema.string())
                .required("metadata", stringMap.defaultingToEmpty()))
        .optional(
            "custom_domain",
            Schema.object().required("domain", Schema.string()).required("domain_metadata", stringMap.defaultingToEmpty()))
        .required(
            "request",
            Schema.object()
                .required("ip", Schema.string())
                .required("method", Schema.string())
                .required("geoip", Schema.mapOf(Schema.any()).defaultingToEmpty())
                .optional("hostname", Schema.string())
                .optional("language", Schema.string().describedAs("The browser's language: the message's language."))
                .optional("user_agent", Schema.string()))
        .optional("security_context", Schema.object().optional("ja3", Schema.string()).optional("ja4", Schema.string()))
        .required("tenant", Schema.object().required("id", Schema.string()))
        .optional("transaction", Schema.object().optional("correlation_id", Schema.string()))
        .required("user", user())
        .describedAs("The send-phone-message v2 event.");
  }

  private static Schema user() {
    Schema s = Schema.object()
        .required("user_id", Schema.string())
        .required("created_at", Schema.string())
        .required("updated_at", Schema.string())
        .required("email_verified", Schema.bool())
        .required("app_metadata", Schema.mapOf(Schema.any()).defaultingToEmpty())
        .required("user_metadata", Schema.mapOf(Schema.any()).defaultingToEmpty());
    for (String name : List.of("email", "username", "name", "given_name", "family_name", "nickname", "phone_number",
        "picture", "last_password_reset")) {
      s = s.optional(name, Schema.string());
    }
    return s.optional("phone_verified", Schema.bool())
        .optional("identities", Schema.arrayOf(Schema.mapOf(Schema.any())))
        .optional("multifactor", Schema.arrayOf(Schema.string()))
        .describedAs("The user the code is for.");
  }

  /**
   * With a custom provider this trigger is the only delivery path: a flow without a completed
   * action delivered nothing, so it fails; the outcome says whether the message was handed off.
   */
  static final class Behavior implements TriggerBehavior {
    @Override
    public Optional<String> completionProblem(FlowSummary flow) {
      if (flow.results().isEmpty()) {
        return Optional.of("no action is bound to send-phone-message, so the message was not delivered");
      }
      return Optional.empty();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> outcome(FlowSummary flow) {
      Map<String, Object> out = new LinkedHashMap<>();
      boolean handedOff = flow.status() == ExecutionStatus.COMPLETED;
      out.put("delivery", handedOff ? "handed_off" : "failed");
      Object options = flow.event().get("message_options");
      if (options instanceof Map) {
        out.put("message_type", ((Map<String, Object>) options).get("message_type"));
        out.put("action", ((Map<String, Object>) options).get("action"));
      }
      List<Object> by = new ArrayList<>();
      for (ActionResult r : flow.results()) {
        if (r.status() == ActionStatus.COMPLETED) {
          by.add(r.actionName());
        }
      }
      if (handedOff) {
        out.put("handed_off_by", by);
      }
      return out;
    }
  }
}
