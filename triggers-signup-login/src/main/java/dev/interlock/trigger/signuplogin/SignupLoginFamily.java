package dev.interlock.trigger.signuplogin;

import dev.interlock.core.trigger.ApiContract;
import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.CommonApis;
import dev.interlock.core.trigger.TriggerBehavior;
import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerFamily;
import dev.interlock.core.trigger.TriggerId;
import dev.interlock.core.trigger.TriggerMode;
import dev.interlock.core.trigger.common.TransactionMetadata;
import dev.interlock.trigger.signuplogin.internal.AccessApi;
import dev.interlock.trigger.signuplogin.internal.AuthenticationApi;
import dev.interlock.trigger.signuplogin.internal.Behaviors;
import dev.interlock.trigger.signuplogin.internal.DirectoryApi;
import dev.interlock.trigger.signuplogin.internal.InteractionApi;
import dev.interlock.trigger.signuplogin.internal.PostLoginSchema;
import dev.interlock.trigger.signuplogin.internal.RegistrationSchemas;
import dev.interlock.trigger.signuplogin.internal.SamlResponseApi;
import dev.interlock.trigger.signuplogin.internal.SessionApi;
import dev.interlock.trigger.signuplogin.internal.TokenApi;
import dev.interlock.trigger.signuplogin.internal.UserMetadata;
import java.util.List;

/**
 * The signup and login triggers of Auth0: {@code pre-user-registration} v2 (sync), {@code
 * post-user-registration} v2 (async) and {@code post-login} v3 (sync, resumable). Registered for
 * {@link java.util.ServiceLoader}; the outcome each trigger produces is described in the module's
 * README.
 */
public final class SignupLoginFamily implements TriggerFamily {
  public static final String NAME = "signup-login";
  public static final TriggerId PRE_USER_REGISTRATION = TriggerId.of("pre-user-registration");
  public static final TriggerId POST_USER_REGISTRATION = TriggerId.of("post-user-registration");
  public static final TriggerId POST_LOGIN = TriggerId.of("post-login");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<TriggerDefinition> triggers() {
    return List.of(preUserRegistration(), postUserRegistration(), postLogin());
  }

  private static TriggerDefinition preUserRegistration() {
    ApiContract api =
        ApiContract.of(
            List.of(AccessApi.registrationDeny(), AccessApi.validationError()),
            UserMetadata.methods(true),
            CommonApis.cache());
    return new TriggerDefinition(
        PRE_USER_REGISTRATION, "v2", NAME, TriggerMode.SYNC, "onExecutePreUserRegistration", null,
        RegistrationSchemas.preUserRegistration(), api, TriggerBehavior.withExampleEvent(Behaviors.preUserRegistration(), () -> PreUserRegistrationEvent.builder().build()),
        "Before a database or passwordless user is created; may refuse the signup or add metadata.");
  }

  private static TriggerDefinition postUserRegistration() {
    return new TriggerDefinition(
        POST_USER_REGISTRATION, "v2", NAME, TriggerMode.ASYNC, "onExecutePostUserRegistration", null,
        RegistrationSchemas.postUserRegistration(), ApiContract.of(CommonApis.cache()), TriggerBehavior.withExampleEvent(TriggerBehavior.neutral(), () -> PostUserRegistrationEvent.builder().build()),
        "After a database or passwordless user was created; runs in the background.");
  }

  private static TriggerDefinition postLogin() {
    List<ApiMethod> access = List.of(AccessApi.postLoginDeny(), AccessApi.validationError());
    ApiContract api =
        ApiContract.of(
            access,
            TokenApi.methods(),
            AuthenticationApi.methods(),
            InteractionApi.redirectAndPrompt(),
            UserMetadata.methods(),
            SessionApi.methods(),
            SamlResponseApi.methods(),
            List.of(TransactionMetadata.setMetadata()),
            DirectoryApi.methods(),
            CommonApis.cache());
    return new TriggerDefinition(
        POST_LOGIN, "v3", NAME, TriggerMode.SYNC, "onExecutePostLogin", "onContinuePostLogin",
        PostLoginSchema.event(), api, TriggerBehavior.withExampleEvent(Behaviors.postLogin(), () -> PostLoginEvent.builder().build()),
        "After authentication, before tokens are issued; may deny, change tokens, require MFA or redirect.");
  }
}
