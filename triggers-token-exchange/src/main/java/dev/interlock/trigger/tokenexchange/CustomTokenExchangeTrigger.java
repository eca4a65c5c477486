package dev.interlock.trigger.tokenexchange;

import dev.interlock.core.execution.Command;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.json.Json;
import dev.interlock.core.trigger.ApiContract;
import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.CommonApis;
import dev.interlock.core.trigger.FlowSummary;
import dev.interlock.core.trigger.Schema;
import dev.interlock.core.trigger.common.EventShapes;
import dev.interlock.core.trigger.TriggerBehavior;
import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerId;
import dev.interlock.core.trigger.TriggerMode;
import dev.interlock.core.trigger.common.TransactionMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code custom-token-exchange} v1: event contract, flow rules and outcome (token-exchange.md). */
final class CustomTokenExchangeTrigger {
  static final String ID = "custom-token-exchange";

  private CustomTokenExchangeTrigger() {}

  static TriggerDefinition definition(boolean transactionMetadata) {
    List<ApiMethod> methods = new ArrayList<>(CustomTokenExchangeApi.methods());
    if (transactionMetadata) {
      methods.add(TransactionMetadata.setMetadata());
    }
    return new TriggerDefinition(
        TriggerId.of(ID),
        "v1",
        TokenExchangeFamily.NAME,
        TriggerMode.SYNC,
        "onExecuteCustomTokenExchange",
        null,
        event(),
        ApiContract.of(methods, CommonApis.cache()),
        TriggerBehavior.withExampleEvent(new Behavior(), () -> CustomTokenExchangeEvent.builder().build()),
        "Validates a custom subject token on /oauth/token (token exchange) and selects the user to issue tokens for.");
  }

  static Schema event() {
    return Schema.object()
        .required("client", Shapes.client())
        .optional("custom_domain", EventShapes.customDomain())
        .optional("organization", Shapes.organization())
        .required("request", EventShapes.tokenRequest())
        .required("resource_server", EventShapes.resourceServer())
        .required("tenant", EventShapes.tenant())
        .required(
            "transaction",
            Schema.object()
                .required("subject_token", Schema.string().describedAs("The raw subject token; the action must validate it."))
                .required("subject_token_type", Schema.string().describedAs("The profile's subject token type."))
                .required("requested_scopes", Schema.arrayOf(Schema.string()).defaultingToEmpty())
                .optional("requested_token_type", Schema.string().nullable())
                .optional("actor_token", Schema.string())
                .optional("actor_token_type", Schema.string())
                .optional("actor_token_user", Shapes.user().describedAs(
                    "The user of a valid Auth0 ID token sent as actor_token, already verified by the server."))
                .optional("metadata", Schema.mapOf(Schema.any()))
                .describedAs("The token-exchange request."))
        .describedAs("The custom-token-exchange v1 event.");
  }

  /**
   * Enforces the trigger's two structural rules at the end of a completed flow: one action per
   * profile, and exactly one selected user.
   */
  static final class Behavior implements TriggerBehavior {
    @Override
    public Optional<String> completionProblem(FlowSummary flow) {
      if (flow.results().size() > 1) {
        return Optional.of("custom-token-exchange runs exactly one action per profile, but this flow ran "
            + flow.results().size() + " actions");
      }
      List<Command> selections = selections(flow);
      if (selections.isEmpty()) {
        return Optional.of("the exchange selected no user: a successful custom-token-exchange action must call "
            + "api.authentication.setUserById or api.authentication.setUserByConnection exactly once, or deny");
      }
      if (selections.size() > 1) {
        return Optional.of("the exchange selected " + selections.size() + " users ("
            + String.join(", ", selections.stream().map(Command::name).toList())
            + "); a successful custom-token-exchange action selects exactly one user");
      }
      return Optional.empty();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> outcome(FlowSummary flow) {
      Map<String, Object> out = new LinkedHashMap<>();
      List<Command> commands = flow.effectiveCommands();
      if (flow.status() == ExecutionStatus.DENIED) {
        Command stop = last(commands, "access.deny", "access.rejectInvalidSubjectToken");
        if (stop.name().equals("access.deny")) {
          out.put("error", stop.arg(0));
          out.put("error_description", stop.arg(1));
        } else {
          out.put("error", "invalid_request");
          out.put("error_description", stop.arg(0));
          out.put("invalid_subject_token", true);
        }
        return out;
      }
      if (flow.status() != ExecutionStatus.COMPLETED) {
        return out;
      }
      Command selected = selections(flow).get(0);
      Map<String, Object> user = new LinkedHashMap<>();
      if (selected.name().equals(CustomTokenExchangeApi.SET_USER_BY_ID)) {
        user.put("user_id", selected.arg(0));
      } else {
        Map<String, Object> options = (Map<String, Object>) selected.arg(2);
        user.put("connection", selected.arg(0));
        user.put("user_attributes", Json.deepCopy(selected.arg(1)));
        user.put("creation_behavior", options.get("creationBehavior"));
        user.put("update_behavior", options.get("updateBehavior"));
      }
      out.put("user", user);
      Command org = last(commands, "authentication.setOrganization");
      if (org != null) {
        out.put("organization", org.arg(0));
      }
      Command actor = last(commands, "authentication.setActor");
      if (actor != null) {
        out.put("actor", Json.deepCopy(actor.arg(0)));
      }
      putMetadata(out, "app_metadata", commands, "user.setAppMetadata");
      putMetadata(out, "user_metadata", commands, "user.setUserMetadata");
      out.put("issue_refresh_token", actor == null);
      Object metadata = flow.flowState().get(TransactionMetadata.FLOW_STATE_KEY);
      if (metadata != null) {
        // transaction-scoped: the caller hands it on to post-login's event.transaction.metadata
        out.put("transaction_metadata", Json.deepCopy(metadata));
      }
      return out;
    }

    private static List<Command> selections(FlowSummary flow) {
      return flow.effectiveCommands().stream()
          .filter(c -> c.name().equals(CustomTokenExchangeApi.SET_USER_BY_ID)
              || c.name().equals(CustomTokenExchangeApi.SET_USER_BY_CONNECTION))
          .toList();
    }

    private static void putMetadata(Map<String, Object> out, String key, List<Command> commands, String name) {
      Map<String, Object> merged = new LinkedHashMap<>();
      for (Command c : commands) {
        if (c.name().equals(name)) {
          merged.put((String) c.arg(0), Json.deepCopy(c.arg(1)));
        }
      }
      if (!merged.isEmpty()) {
        out.put(key, merged);
      }
    }

    private static Command last(List<Command> commands, String... names) {
      Command found = null;
      for (Command c : commands) {
        if (List.of(names).contains(c.name())) {
          found = c;
        }
      }
      return found;
    }
  }
}
