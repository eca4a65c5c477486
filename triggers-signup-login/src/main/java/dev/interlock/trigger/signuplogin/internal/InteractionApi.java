package dev.interlock.trigger.signuplogin.internal;

import dev.interlock.core.json.Json;
import dev.interlock.core.json.Undefined;
import dev.interlock.core.trigger.ApiCall;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.Arguments;
import dev.interlock.core.trigger.FlowEffect;
import dev.interlock.core.trigger.common.FactorSelectors;
import dev.interlock.core.trigger.common.RedirectProtocol;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The interactive part of post-login: {@code api.redirect.*}, {@code api.prompt.render} and the
 * MFA commands, each refused in non-interactive flows (the {@code canRedirect} rules), where Auth0
 * answers {@code interaction_required}.
 */
public final class InteractionApi {
  /** Limit of {@code prompt.render} options, serialized as JSON. */
  public static final int MAX_PROMPT_OPTIONS_BYTES = 24 * 1024;

  private InteractionApi() {}

  public static List<ApiMethod> redirectAndPrompt() {
    return List.of(
        RedirectProtocol.encodeToken(),
        interactive(RedirectProtocol.sendUserTo()),
        RedirectProtocol.validateToken(),
        ApiMethod.query("redirect.canRedirect")
            .returnsValue("boolean")
            .describedAs("False in non-interactive flows (prompt=none, ROPG, refresh token, ...). Deprecated.")
            .does((call, args) -> AuthenticationApi.canRedirect(call.event())),
        interactive(
            ApiMethod.command("prompt.render")
                .param("promptId", "string")
                .optionalParam("promptOptions", "{ fields?: object; vars?: object }")
                .returnsVoid()
                .effect(FlowEffect.SUSPEND_RESUME_SAME)
                .describedAs("Renders a Form after this action; onContinuePostLogin gets event.prompt.")
                .does(InteractionApi::render)));
  }

  /** The four MFA commands, refused in non-interactive flows. */
  public static List<ApiMethod> mfa() {
    return List.of(
        interactive(FactorSelectors.challengeWith()),
        interactive(FactorSelectors.challengeWithAny()),
        interactive(FactorSelectors.enrollWith()),
        interactive(FactorSelectors.enrollWithAny()));
  }

  private static Object render(ApiCall call, Arguments args) {
    String id = args.nonBlankString(0, "promptId");
    Map<String, Object> options = args.optionalObject(1, "promptOptions");
    Map<String, Object> fields = objectOption(args, options, "fields");
    Map<String, Object> vars = objectOption(args, options, "vars");
    int size = Json.utf8Length(Json.write(options));
    if (size > MAX_PROMPT_OPTIONS_BYTES) {
      throw ApiCallException.rangeError(
          args.prefix() + "promptOptions must be at most " + MAX_PROMPT_OPTIONS_BYTES + " bytes, got " + size);
    }
    for (var c : call.commands()) {
      if (c.name().equals("prompt.render")) {
        throw ApiCallException.error(args.prefix() + "only one form can be rendered per action");
      }
      if (c.name().equals("redirect.sendUserTo")) {
        throw ApiCallException.error(args.prefix() + "cannot render a form in an action that already redirects");
      }
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("type", "prompt");
    details.put("prompt_id", id);
    details.put("fields", fields);
    details.put("vars", vars);
    call.suspendTo(null, details);
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> objectOption(Arguments args, Map<String, Object> options, String name) {
    Object v = options.get(name);
    if (v == null || v == Undefined.VALUE) {
      return new LinkedHashMap<>();
    }
    if (!(v instanceof Map)) {
      throw args.wrongType("promptOptions." + name, "an object", v);
    }
    return (Map<String, Object>) Json.deepCopy(v);
  }

  /** The method, refused with {@code interaction_required} when the flow cannot interact. */
  static ApiMethod interactive(ApiMethod m) {
    return new ApiMethod(
        m.path(), m.params(), m.returns(), m.returnKind(), m.effect(), m.recordsCommand(), m.description(),
        (call, args) -> {
          if (!AuthenticationApi.canRedirect(call.event())) {
            throw ApiCallException.error(
                args.prefix() + "interaction_required: this flow cannot interact with the user"
                    + " (prompt=none or a non-interactive protocol)");
          }
          return m.function().apply(call, args);
        });
  }
}
