package dev.interlock.trigger.signuplogin.internal;

import static dev.interlock.core.trigger.Schema.object;
import static dev.interlock.core.trigger.Schema.string;

import dev.interlock.core.trigger.Schema;

/** Event contracts of {@code pre-user-registration} v2 and {@code post-user-registration} v2. */
public final class RegistrationSchemas {
  private RegistrationSchemas() {}

  /** {@code pre-user-registration} v2 ({@code signup-login.md} A.2). */
  public static Schema preUserRegistration() {
    Schema request =
        Shapes.requestBase()
            .required("body", Shapes.emptyObject().describedAs("POST body of the signup (custom prompt fields)."));
    Schema client = Shapes.client().describedAs("The application; absent e.g. for users created via the Management API.");
    Schema user =
        object()
            .optional("email", string())
            .optional("username", string())
            .optional("name", string())
            .optional("given_name", string())
            .optional("family_name", string())
            .optional("nickname", string())
            .optional("phone_number", string())
            .optional("picture", string())
            .required("app_metadata", Shapes.emptyObject())
            .required("user_metadata", Shapes.emptyObject())
            .describedAs("The candidate profile; the user does not exist yet.");
    return object()
        .optional("authentication", Shapes.registrationAuthentication())
        .optional("client", client)
        .required("connection", Shapes.connection())
        .optional("custom_domain", Shapes.customDomain())
        .required("request", request)
        .required("secrets", Shapes.secrets())
        .required("configuration", Shapes.configuration())
        .optional("security_context", Shapes.securityContext())
        .required("tenant", Shapes.tenant())
        .optional("transaction", Shapes.transactionBase())
        .required("user", user)
        .optional("anonymous_session", object())
        .optional("experiment", Shapes.experiment())
        .describedAs("pre-user-registration v2: a signup before the user exists.");
  }

  /** {@code post-user-registration} v2 ({@code signup-login.md} B.2). */
  public static Schema postUserRegistration() {
    return object()
        .optional("authentication", Shapes.registrationAuthentication())
        .required("connection", Shapes.connection())
        .optional("custom_domain", Shapes.customDomain())
        .optional("request", Shapes.requestBase())
        .required("secrets", Shapes.secrets())
        .required("configuration", Shapes.configuration())
        .optional("security_context", Shapes.securityContext())
        .required("tenant", Shapes.tenant())
        .optional("transaction", Shapes.transactionBase().optional("id", string()))
        .required("user", Shapes.fullUser().describedAs("The created user."))
        .optional("experiment", Shapes.experiment())
        .describedAs("post-user-registration v2: after a user was created (async).");
  }
}
