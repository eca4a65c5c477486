package dev.interlock.trigger.password;

import dev.interlock.core.json.Json;
import dev.interlock.core.json.Undefined;
import dev.interlock.core.trigger.ApiCall;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.Arguments;
import dev.interlock.core.trigger.CommonApis;
import dev.interlock.core.trigger.FlowEffect;
import dev.interlock.core.trigger.common.FactorSelectors;
import dev.interlock.core.trigger.common.RedirectProtocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The password-reset-post-challenge api (password.md B.3): deny, MFA challenge (shared {@link
 * FactorSelectors}, at most four per flow), the redirect protocol (shared {@link
 * RedirectProtocol}), forms, the result URL and the cache.
 */
final class PostChallengeApi {
  static final String RENDER = "prompt.render";
  static final String SEND_USER_TO = "redirect.sendUserTo";
  static final String SET_RESULT_URL = "transaction.setResultUrl";
  /** Largest serialized {@code prompt.render} options object, in UTF-8 bytes. */
  static final int MAX_PROMPT_OPTIONS_BYTES = 24 * 1024;

  private PostChallengeApi() {}

  static List<ApiMethod> methods() {
    List<ApiMethod> all = new ArrayList<>();
    all.add(
        ApiMethod.command("access.deny")
            .param("reason", "string")
            .returnsVoid()
            .effect(FlowEffect.STOP)
            .describedAs("Refuses the password reset; the reason may be shown to the user.")
            .does((call, args) -> {
              args.string(0, "reason");
              return null;
            }));
    all.add(FactorSelectors.challengeWith());
    all.add(FactorSelectors.challengeWithAny());
    for (ApiMethod m : RedirectProtocol.methods()) {
      // Auth0 documents sendUserTo as returning nothing on this trigger (post-login returns api)
      all.add(m.path().equals(SEND_USER_TO) ? asVoid(m) : m);
    }
    all.add(
        ApiMethod.command(RENDER)
            .param("promptId", "string")
            .optionalParam("promptOptions", "{ fields?: Record<string, unknown>; vars?: Record<string, unknown> }")
            .returnsVoid()
            .effect(FlowEffect.SUSPEND_RESUME_SAME)
            .describedAs("Renders a Form after this action; resumes in onContinuePostChallenge with event.prompt.")
            .does(PostChallengeApi::render));
    all.add(
        ApiMethod.command(SET_RESULT_URL)
            .param("url", "string")
            .optionalParam("options", "{ query?: Record<string, string> }")
            .returnsVoid()
            .describedAs("Where the user lands after setting the new password; query entries replace same-named ones.")
            .does((call, args) -> {
              ResultUrl.build(args);
              return null;
            }));
    all.addAll(CommonApis.cache());
    return all;
  }

  private static ApiMethod asVoid(ApiMethod m) {
    return new ApiMethod(m.path(), m.params(), "void", ApiMethod.ReturnKind.VOID, m.effect(), m.recordsCommand(),
        m.description(), m.function());
  }

  private static Object render(ApiCall call, Arguments args) {
    String promptId = args.nonBlankString(0, "promptId");
    Map<String, Object> options = args.optionalObject(1, "promptOptions");
    if (call.commands().stream().anyMatch(c -> c.name().equals(SEND_USER_TO))) {
      throw ApiCallException.error(args.prefix() + "redirect and render cannot be used in the same action");
    }
    if (call.commands().stream().anyMatch(c -> c.name().equals(RENDER))) {
      throw ApiCallException.error(args.prefix() + "only one render per action is allowed");
    }
    for (String key : options.keySet()) {
      if (!key.equals("fields") && !key.equals("vars")) {
        throw ApiCallException.typeError(args.prefix() + "promptOptions." + key + " is not a known option (fields, vars)");
      }
      Object v = options.get(key);
      if (v != Undefined.VALUE && !(v instanceof Map)) {
        throw args.wrongType("promptOptions." + key, "an object", v);
      }
    }
    int bytes = Json.utf8Length(Json.write(options));
    if (bytes > MAX_PROMPT_OPTIONS_BYTES) {
      throw ApiCallException.rangeError(
          args.prefix() + "promptOptions is " + bytes + " bytes, more than the limit of " + MAX_PROMPT_OPTIONS_BYTES);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("type", "prompt");
    details.put("prompt_id", promptId);
    details.put("fields", Json.deepCopy(options.getOrDefault("fields", new LinkedHashMap<>())));
    details.put("vars", Json.deepCopy(options.getOrDefault("vars", new LinkedHashMap<>())));
    call.suspendTo(null, details);
    return null;
  }
}
