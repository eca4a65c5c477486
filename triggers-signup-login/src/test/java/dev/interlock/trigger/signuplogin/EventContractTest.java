package dev.interlock.trigger.signuplogin;

import static dev.interlock.trigger.signuplogin.Flows.at;
import static dev.interlock.trigger.signuplogin.Flows.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.interlock.core.InvalidRequestException;
import dev.interlock.core.Problem;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.testkit.EngineFixture;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventContractTest {
  private final EngineFixture engine = Flows.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  private Map<String, Object> seenBy(String trigger, Map<String, Object> event) {
    AtomicReference<Map<String, Object>> seen = new AtomicReference<>();
    engine.run(trigger, event, step("look", (e, api) -> seen.set(e)));
    return seen.get();
  }

  private List<String> problemPaths(String trigger, Map<String, Object> event) {
    InvalidRequestException e =
        catchThrowableOfType(InvalidRequestException.class, () -> engine.run(trigger, event));
    assertThat(e).as("the event should be rejected").isNotNull();
    assertThat(e.code()).isEqualTo("invalid_event");
    return e.problems().stream().map(Problem::path).toList();
  }

  @Test
  void acceptsTheBuiltEventsOfAllThreeTriggers() {
    assertThat(engine.run("post-login", PostLoginEvent.builder().build()).status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(engine.run("pre-user-registration", PreUserRegistrationEvent.builder().build()).status())
        .isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(engine.execute("post-user-registration", PostUserRegistrationEvent.builder().build()).record().status())
        .isEqualTo(ExecutionStatus.PENDING);
  }

  @Test
  void reportsEveryProblemOfAnInvalidPostLoginEventWithItsJsonPath() {
    Map<String, Object> event = PostLoginEvent.builder()
        .without("tenant")
        .user(u -> u.without("user_id").set("email_verified", "yes"))
        .request(r -> r.set("geoip", List.of()))
        .session(s -> s.set("cookie", Map.of("mode", "forever")))
        .build();

    List<String> paths = problemPaths("post-login", event);

    assertThat(paths).containsExactlyInAnyOrder(
        "$.tenant", "$.user.user_id", "$.user.email_verified", "$.request.geoip", "$.session.cookie.mode");
  }

  @Test
  void rejectsAPreUserRegistrationEventWithoutConnectionOrWithNonObjectMetadata() {
    Map<String, Object> event = PreUserRegistrationEvent.builder()
        .without("connection")
        .user(u -> u.set("app_metadata", "x"))
        .build();

    assertThat(problemPaths("pre-user-registration", event)).containsExactlyInAnyOrder("$.connection", "$.user.app_metadata");
  }

  @Test
  void rejectsAPostUserRegistrationEventWithoutTheCreatedUsersId() {
    Map<String, Object> event = PostUserRegistrationEvent.builder().user(u -> u.without("user_id")).build();

    assertThat(problemPaths("post-user-registration", event)).containsExactly("$.user.user_id");
  }

  @Test
  void fillsTheOptionalPartsAuth0AlwaysProvides() {
    Map<String, Object> event = PostLoginEvent.builder()
        .without("secrets").without("configuration")
        .user(u -> u.without("app_metadata").without("user_metadata"))
        .transaction(t -> t.without("metadata"))
        .client(c -> c.without("metadata"))
        .build();

    Map<String, Object> seen = seenBy("post-login", event);

    assertThat(at(seen, "secrets")).isEqualTo(Map.of());
    assertThat(at(seen, "configuration")).isEqualTo(Map.of());
    assertThat(at(seen, "user", "app_metadata")).isEqualTo(Map.of());
    assertThat(at(seen, "user", "user_metadata")).isEqualTo(Map.of());
    assertThat(at(seen, "transaction", "metadata")).isEqualTo(Map.of());
    assertThat(at(seen, "client", "metadata")).isEqualTo(Map.of());
  }

  @Test
  void fillsEmptyMetadataAndBodyForACandidateUser() {
    Map<String, Object> event = PreUserRegistrationEvent.builder()
        .user(u -> u.without("app_metadata").without("user_metadata"))
        .request(r -> r.without("body"))
        .build();

    Map<String, Object> seen = seenBy("pre-user-registration", event);

    assertThat(at(seen, "user", "app_metadata")).isEqualTo(Map.of());
    assertThat(at(seen, "user", "user_metadata")).isEqualTo(Map.of());
    assertThat(at(seen, "request", "body")).isEqualTo(Map.of());
  }

  @Test
  void passesUnknownFieldsThrough() {
    Map<String, Object> event = PostLoginEvent.builder()
        .set("brand_new_field", Map.of("x", "y"))
        .user(u -> u.set("favorite_color", "teal"))
        .build();

    Map<String, Object> seen = seenBy("post-login", event);

    assertThat(at(seen, "brand_new_field", "x")).isEqualTo("y");
    assertThat(at(seen, "user", "favorite_color")).isEqualTo("teal");
  }

  @Test
  void givesEachActionItsOwnSecrets() {
    AtomicReference<Object> seen = new AtomicReference<>();

    engine.run("post-login", PostLoginEvent.builder().build(),
        step("a", (e, api) -> {}).withSecrets(Map.of("API_KEY", "k1")),
        step("b", (e, api) -> seen.set(e.get("secrets"))));

    assertThat(seen.get()).isEqualTo(Map.of());
  }

  @Test
  void builderDefaultsCanBeAdjustedPartByPart() {
    Map<String, Object> event = PostLoginEvent.builder()
        .user(u -> u.email("a@b.c").appMetadata("plan", "gold"))
        .request(r -> r.query("prompt", "none"))
        .audience("https://api.example.com")
        .build();

    assertThat(at(event, "user", "email")).isEqualTo("a@b.c");
    assertThat(at(event, "user", "app_metadata", "plan")).isEqualTo("gold");
    assertThat(at(event, "request", "query", "prompt")).isEqualTo("none");
    assertThat(at(event, "resource_server", "identifier")).isEqualTo("https://api.example.com");
  }

  @Test
  void everyTypedBuilderSetterProducesAnEventTheContractAccepts() {
    Map<String, Object> postLogin = PostLoginEvent.builder()
        .user(u -> u.userId("auth0|1").email("a@b.c").emailVerified(false).username("ab").name("A B")
            .phoneNumber("+15555550100").userMetadata("lang", "pt").enrolledFactor("otp").enrolledFactor("phone"))
        .request(r -> r.ip("198.51.100.7").hostname("id.example.org").method("POST").language("pt").body("k", "v"))
        .transaction(t -> t.protocol("oidc-implicit-profile").requestedScopes("openid").prompt("login").metadata("m", 1))
        .connection(c -> c.set("strategy", "google-oauth2"))
        .session(s -> s.set("cookie", Map.of("mode", "persistent")))
        .refreshToken(rt -> rt.set("rotating", true))
        .organization("org_1", "Acme")
        .build();
    Map<String, Object> pre = PreUserRegistrationEvent.builder()
        .user(u -> u.email("new@b.c")).request(r -> r.body("ulp-company", "Acme")).connection(c -> c.set("name", "db")).build();
    Map<String, Object> post = PostUserRegistrationEvent.builder().user(u -> u.name("N")).connection(c -> c.set("id", "con_2")).build();

    assertThat(engine.run("post-login", postLogin).status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(engine.run("pre-user-registration", pre).status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(engine.run("post-user-registration", post).status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(at(postLogin, "user", "enrolledFactors")).isEqualTo(List.of(Map.of("type", "otp"), Map.of("type", "phone")));
    assertThat(at(pre, "request", "body", "ulp-company")).isEqualTo("Acme");
  }

  @Test
  @SuppressWarnings("unchecked")
  void buildReturnsAnIndependentCopyEachTime() {
    PostLoginEvent.Builder builder = PostLoginEvent.builder();
    Map<String, Object> first = builder.build();

    ((Map<String, Object>) first.get("user")).put("email", "changed@example.com");

    assertThat(at(builder.build(), "user", "email")).isEqualTo("jane@example.com");
  }
}
