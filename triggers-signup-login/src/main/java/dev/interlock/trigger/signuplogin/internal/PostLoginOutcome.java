package dev.interlock.trigger.signuplogin.internal;

import dev.interlock.core.execution.ActionResult;
import dev.interlock.core.execution.Command;
import dev.interlock.core.json.Json;
import dev.interlock.core.trigger.FlowSummary;
import dev.interlock.core.trigger.common.TransactionMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reduces a post-login flow to what the identity provider applies (documented in README.md). */
final class PostLoginOutcome {
  private PostLoginOutcome() {}

  static Map<String, Object> of(FlowSummary flow) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("access", Outcomes.access(flow));
    out.put("access_token", accessToken(flow));
    out.put("id_token", idToken(flow));
    out.put("user", Outcomes.user(flow));
    out.put("multifactor", multifactor(flow));
    out.put("authentication", authentication(flow));
    out.put("session", session(flow));
    out.put("refresh_token", refreshToken(flow));
    out.put("saml_response", saml(flow));
    out.put("transaction", Map.of("metadata", TransactionMetadata.current(flow.event(), flow.flowState())));
    out.put("interaction", interaction(flow));
    return out;
  }

  /** {@code custom_claims} and {@code ignored_claims} (restricted names) of one token. */
  private static void claims(FlowSummary flow, String name, Map<String, Object> into) {
    Map<String, Object> claims = new LinkedHashMap<>();
    List<Object> ignored = new ArrayList<>();
    for (Command c : flow.effectiveCommands()) {
      if (c.name().equals(name)) {
        String claim = (String) c.arg(0);
        if (TokenApi.RESTRICTED_CLAIMS.contains(claim)) {
          if (!ignored.contains(claim)) {
            ignored.add(claim);
          }
        } else {
          claims.put(claim, c.arg(1));
        }
      }
    }
    into.put("custom_claims", claims);
    into.put("ignored_claims", ignored);
  }

  private static Map<String, Object> idToken(FlowSummary flow) {
    Map<String, Object> out = new LinkedHashMap<>();
    claims(flow, "idToken.setCustomClaim", out);
    return out;
  }

  private static Map<String, Object> accessToken(FlowSummary flow) {
    Map<String, String> ops = new LinkedHashMap<>();
    for (Command c : flow.effectiveCommands()) {
      if (c.name().equals("accessToken.addScope") || c.name().equals("accessToken.removeScope")) {
        String scope = ((String) c.arg(0)).trim();
        ops.remove(scope);
        ops.put(scope, c.name().endsWith("addScope") ? "add" : "remove");
      }
    }
    List<Object> added = new ArrayList<>();
    List<Object> removed = new ArrayList<>();
    ops.forEach((scope, op) -> (op.equals("add") ? added : removed).add(scope));
    Map<String, Object> out = new LinkedHashMap<>();
    claims(flow, "accessToken.setCustomClaim", out);
    out.put("added_scopes", added);
    out.put("removed_scopes", removed);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object multifactor(FlowSummary flow) {
    Command c = Outcomes.lastByName(flow, "multifactor.").get("multifactor.enable");
    if (c == null) {
      return null;
    }
    Map<String, Object> options = c.arg(1) instanceof Map ? (Map<String, Object>) c.arg(1) : Map.of();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("provider", c.arg(0));
    out.put("allow_remember_browser", Boolean.TRUE.equals(options.get("allowRememberBrowser")));
    if (options.get("providerOptions") != null) {
      out.put("provider_options", options.get("providerOptions"));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> authentication(FlowSummary flow) {
    List<Object> mfa = new ArrayList<>();
    for (Command c : flow.effectiveCommands()) {
      String n = c.name();
      if (!n.startsWith("authentication.challengeWith") && !n.startsWith("authentication.enrollWith")) {
        continue;
      }
      List<Object> factors = new ArrayList<>();
      if (n.endsWith("Any")) {
        factors.addAll((List<Object>) c.arg(0));
      } else {
        factors.add(c.arg(0));
        if (c.arg(1) instanceof Map<?, ?> o && o.get("additionalFactors") instanceof List<?> more) {
          factors.addAll(more);
        }
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", n.contains("challenge") ? "challenge" : "enrollment");
      m.put("command", n.substring(n.indexOf('.') + 1));
      m.put("factors", factors);
      mfa.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mfa", mfa);
    out.put("primary_user", AuthenticationApi.primaryUser(flow.flowState()));
    Object recorded = flow.flowState().get(AuthenticationApi.RECORDED_METHODS_KEY);
    out.put("recorded_methods", recorded == null ? List.of() : Json.deepCopy(recorded));
    return out;
  }

  private static Map<String, Object> session(FlowSummary flow) {
    Map<String, Object> out = new LinkedHashMap<>();
    Command revoke = Outcomes.lastByName(flow, "session.").get("session.revoke");
    Map<String, Object> revoked = null;
    if (revoke != null) {
      revoked = new LinkedHashMap<>();
      revoked.put("reason", revoke.arg(0));
      revoked.put("preserve_refresh_tokens",
          revoke.arg(1) instanceof Map<?, ?> o && Boolean.TRUE.equals(o.get("preserveRefreshTokens")));
    }
    out.put("revoked", revoked);
    out.put("expires_at", Outcomes.earliest(flow, "session.setExpiresAt"));
    out.put("idle_expires_at", Outcomes.earliest(flow, "session.setIdleExpiresAt"));
    out.put("cookie_mode", flow.flowState().get(SessionApi.COOKIE_MODE_KEY));
    out.put("metadata", Json.deepCopy(flow.flowState().get(StoredMetadata.stateKey("session"))));
    return out;
  }

  private static Map<String, Object> refreshToken(FlowSummary flow) {
    Map<String, Object> out = new LinkedHashMap<>();
    Command revoke = Outcomes.lastByName(flow, "refreshToken.").get("refreshToken.revoke");
    out.put("revoked", revoke == null ? null : Map.of("reason", revoke.arg(0)));
    out.put("expires_at", Outcomes.earliest(flow, "refreshToken.setExpiresAt"));
    out.put("idle_expires_at", Outcomes.earliest(flow, "refreshToken.setIdleExpiresAt"));
    out.put("metadata", Json.deepCopy(flow.flowState().get(StoredMetadata.stateKey("refresh_token"))));
    return out;
  }

  private static Map<String, Object> saml(FlowSummary flow) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    Map<String, Object> settings = new LinkedHashMap<>();
    for (Command c : flow.effectiveCommands()) {
      if (c.name().equals("samlResponse.setAttribute")) {
        attributes.put((String) c.arg(0), c.arg(1));
      } else if (c.name().startsWith("samlResponse.set")) {
        settings.put(snake(c.name().substring("samlResponse.set".length())), c.arg(0));
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("attributes", attributes);
    out.put("settings", settings);
    return out;
  }

  private static Object interaction(FlowSummary flow) {
    ActionResult r = Outcomes.suspended(flow);
    if (r == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    List<Command> commands = r.commands();
    for (int i = commands.size() - 1; i >= 0; i--) {
      Command c = commands.get(i);
      switch (c.name()) {
        case "redirect.sendUserTo" -> {
          out.put("type", "redirect");
          out.put("url", c.arg(0));
          out.put("query", c.arg(1) instanceof Map<?, ?> o && o.get("query") != null ? o.get("query") : Map.of());
          return out;
        }
        case "prompt.render" -> {
          out.put("type", "prompt");
          out.put("prompt_id", c.arg(0));
          return out;
        }
        default -> {
          if (c.name().startsWith("authentication.")
              && (c.name().contains("challengeWith") || c.name().contains("enrollWith"))) {
            out.put("type", "mfa");
            out.put("command", c.name().substring("authentication.".length()));
            return out;
          }
        }
      }
    }
    return null;
  }

  static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
  }
}
