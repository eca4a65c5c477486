package dev.interlock.trigger.signuplogin.internal;

import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.FlowEffect;

/** {@code api.access.deny} (both sync triggers) and {@code api.validation.error}. */
public final class AccessApi {
  /** Limit of both {@code validation.error} arguments. */
  public static final int MAX_VALIDATION_LENGTH = 100;

  private AccessApi() {}

  /** post-login: {@code access.deny(reason)}; the reason reaches the application. */
  public static ApiMethod postLoginDeny() {
    return ApiMethod.command("access.deny")
        .param("reason", "string")
        .returnsApi()
        .effect(FlowEffect.STOP)
        .describedAs("Denies the login after this action; the reason is sent as error_description.")
        .does((call, args) -> args.string(0, "reason"));
  }

  /** pre-user-registration: {@code access.deny(reason, userMessage)}. */
  public static ApiMethod registrationDeny() {
    return ApiMethod.command("access.deny")
        .param("reason", "string")
        .optionalParam("userMessage", "string")
        .returnsApi()
        .effect(FlowEffect.STOP)
        .describedAs("Refuses the signup; reason goes to the logs, userMessage may be shown to the user.")
        .does((call, args) -> {
          args.string(0, "reason");
          args.optionalString(1, "userMessage");
          return null;
        });
  }

  /** {@code validation.error(errorCode, errorMessage)}: both required, at most 100 characters. */
  public static ApiMethod validationError() {
    return ApiMethod.command("validation.error")
        .param("errorCode", "string")
        .param("errorMessage", "string")
        .returnsApi()
        .effect(FlowEffect.STOP)
        .describedAs("Fails the transaction with a custom error code (logs) and message (UI).")
        .does((call, args) -> {
          for (int i = 0; i < 2; i++) {
            String name = i == 0 ? "errorCode" : "errorMessage";
            String s = Checks.string(args, i, name, MAX_VALIDATION_LENGTH, true);
            if (s.isBlank()) {
              throw ApiCallException.typeError(args.prefix() + name + " must not be blank");
            }
          }
          return null;
        });
  }
}
