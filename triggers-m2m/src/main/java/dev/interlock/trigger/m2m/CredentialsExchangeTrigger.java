package dev.interlock.trigger.m2m;

import dev.interlock.core.execution.Command;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.json.Json;
import dev.interlock.core.trigger.ActionStep;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.ApiContract;
import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.CommonApis;
import dev.interlock.core.trigger.FlowEffect;
import dev.interlock.core.trigger.FlowSummary;
import dev.interlock.core.trigger.Schema;
import dev.interlock.core.trigger.common.EventShapes;
import dev.interlock.core.trigger.TriggerBehavior;
import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerId;
import dev.interlock.core.trigger.TriggerMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code credentials-exchange} v2: event contract, api contract and outcome (m2m.md). */
final class CredentialsExchangeTrigger {
  static final String ID = "credentials-exchange";

  /** The OAuth error codes {@code api.access.deny} accepts. */
  static final List<String> DENY_CODES = List.of("invalid_scope", "invalid_request", "server_error");

  /** {@code setCustomClaim} throws for this claim, as on post-login. */
  static final String SCOPE_CLAIM = "scope";

  /**
   * Claims Auth0 reserves ("Create Custom Claims"): setting them does not fail the exchange, but
   * they are left out of the token; the outcome lists them under {@code ignored_claims}
   * (the key post-login uses).
   */
  static final Set<String> RESTRICTED_CLAIMS =
      Set.of(
          "acr", "act", "active", "amr", "at_hash", "ath", "attest", "aud", "auth_time",
          "authorization_details", "azp", "c_hash", "client_id", "cnf", "cty", "dest", "entitlements",
          "events", "exp", "groups", "gty", "htm", "htu", "iat", "internalService", "iss", "jcard", "jku",
          "jti", "jwe", "jwk", "kid", "may_act", "mky", "nbf", "nonce", "object_id", "org_id", "org_name",
          "orig", "origid", "permissions", "roles", "rph", "s_hash", "sid", "sip_callid", "sip_cseq_num",
          "sip_date", "sip_from_tag", "sip_via_branch", "sub", "sub_jwk", "toe", "txn", "typ", "uuid", "vot",
          "vtm", "x5t#S256");

  private CredentialsExchangeTrigger() {}

  static TriggerDefinition definition() {
    return new TriggerDefinition(
        TriggerId.of(ID),
        "v2",
        MachineToMachineFamily.NAME,
        TriggerMode.SYNC,
        "onExecuteCredentialsExchange",
        null,
        event(),
        ApiContract.of(own(), TargetScopes.methods(), CommonApis.cache()),
        TriggerBehavior.withExampleEvent(new Behavior(), () -> CredentialsExchangeEvent.builder().build()),
        "Runs on /oauth/token with grant_type=client_credentials, before the access token is issued.");
  }

  static Schema event() {
    return Schema.object()
        .required(
            "accessToken",
            Schema.object()
                .required("customClaims", Schema.mapOf(Schema.any()).defaultingToEmpty())
                .required("scope", Schema.arrayOf(Schema.string()).defaultingToEmpty())
                .defaultingToEmpty()
                .describedAs("The token as planned at the start: claims and granted scopes (a snapshot)."))
        .optional("agent", EventShapes.agent())
        .required("client", Shapes.client())
        .optional("custom_domain", EventShapes.customDomain())
        .optional("organization", Shapes.organization())
        .required("request", EventShapes.tokenRequest())
        .required("resource_server", EventShapes.resourceServer())
        .required("tenant", EventShapes.tenant())
        .required(
            "transaction",
            Schema.object()
                .required("requested_scopes", Schema.arrayOf(Schema.string()).defaultingToEmpty())
                .optional("correlation_id", Schema.string())
                .optional("target_scopes", Schema.arrayOf(Schema.string()).describedAs(
                    "Early access: the live target-scope set, changed at once by api.transaction.*."))
                .defaultingToEmpty())
        .describedAs("The credentials-exchange v2 event.");
  }

  private static List<ApiMethod> own() {
    return List.of(
        ApiMethod.command("access.deny")
            .param("code", "'invalid_scope' | 'invalid_request' | 'server_error'")
            .optionalParam("reason", "string")
            .effect(FlowEffect.STOP)
            .describedAs("Fails the token request with this OAuth error code and description.")
            .does(
                (call, args) -> {
                  String code = args.string(0, "code");
                  if (!DENY_CODES.contains(code)) {
                    throw ApiCallException.typeError(args.prefix() + "code must be one of " + DENY_CODES + ", got '" + code + "'");
                  }
                  args.optionalString(1, "reason");
                  return null;
                }),
        ApiMethod.command("accessToken.setCustomClaim")
            .param("name", "string")
            .param("value", "unknown")
            .describedAs("Adds a claim to the access token (restricted claim names are ignored, 'scope' throws).")
            .does(
                (call, args) -> {
                  String name = args.nonBlankString(0, "name");
                  if (SCOPE_CLAIM.equals(name)) {
                    throw ApiCallException.error(args.prefix() + "the \"scope\" claim cannot be set");
                  }
                  // undefined is accepted and recorded as null, as on post-login
                  return null;
                }));
  }

  /** Mirrors the target set into later events; computes the documented outcome. */
  static final class Behavior implements TriggerBehavior {
    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> nextEvent(Map<String, Object> event, ActionStep finished) {
      Object live = finished.flowState().get(TargetScopes.STATE_KEY);
      if (!(live instanceof List)) {
        return event;
      }
      Map<String, Object> next = new LinkedHashMap<>(event);
      Map<String, Object> tx = new LinkedHashMap<>();
      if (event.get("transaction") instanceof Map) {
        tx.putAll((Map<String, Object>) event.get("transaction"));
      }
      tx.put("target_scopes", Json.deepCopy(live));
      next.put("transaction", tx);
      return next;
    }

    @Override
    public Map<String, Object> outcome(FlowSummary flow) {
      Map<String, Object> out = new LinkedHashMap<>();
      if (flow.status() == ExecutionStatus.DENIED) {
        Command deny = last(flow.effectiveCommands(), "access.deny");
        out.put("error", deny.arg(0));
        if (deny.arg(1) != null) {
          out.put("error_description", deny.arg(1));
        }
        return out;
      }
      if (flow.status() != ExecutionStatus.COMPLETED) {
        return out;
      }
      Map<String, Object> claims = new LinkedHashMap<>();
      List<Object> ignored = new ArrayList<>();
      for (Command c : flow.effectiveCommands()) {
        if (c.name().equals("accessToken.setCustomClaim")) {
          String name = (String) c.arg(0);
          if (RESTRICTED_CLAIMS.contains(name)) {
            if (!ignored.contains(name)) {
              ignored.add(name);
            }
          } else {
            claims.put(name, Json.deepCopy(c.arg(1)));
          }
        }
      }
      out.put("custom_claims", claims);
      out.put("ignored_claims", ignored);
      Object live = flow.flowState().get(TargetScopes.STATE_KEY);
      if (live != null) {
        out.put("target_scopes", Json.deepCopy(live));
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
