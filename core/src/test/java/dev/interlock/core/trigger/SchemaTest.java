package dev.interlock.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Problem;
import dev.interlock.core.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaTest {
  private final Schema schema =
      Schema.object()
          .required("user", Schema.object().required("user_id", Schema.string()).optional("roles", Schema.arrayOf(Schema.string())))
          .optional("protocol", Schema.oneOf("oidc-basic-profile", "samlp"))
          .optional("secrets", Schema.mapOf(Schema.string()).defaultingToEmpty());

  @Test
  void acceptsAValidValueAndKeepsUnknownProperties() {
    Map<String, Object> event = Json.parseObject("{\"user\":{\"user_id\":\"u1\",\"new_field\":1},\"extra\":true}");

    assertThat(schema.validate(event)).isEmpty();
  }

  @Test
  void listsEveryProblemWithItsJsonPath() {
    Map<String, Object> event = Json.parseObject("{\"user\":{\"roles\":[\"a\",3]},\"protocol\":\"ftp\"}");

    assertThat(schema.validate(event))
        .extracting(Problem::path)
        .containsExactly("$.user.user_id", "$.user.roles[1]", "$.protocol");
  }

  @Test
  void treatsANullOptionalPropertyAsAbsentAndThenFillsItsDefault() {
    Map<String, Object> event = Json.parseObject(
        "{\"user\":{\"user_id\":\"u1\",\"roles\":null},\"protocol\":null,\"secrets\":null}");

    assertThat(schema.validateDroppingNulls(event)).isEmpty();
    schema.applyDefaults(event);

    assertThat(event).doesNotContainKey("protocol").containsEntry("secrets", Map.of());
    assertThat(((Map<?, ?>) event.get("user")).containsKey("roles")).isFalse();
  }

  @Test
  void stillRefusesANullRequiredPropertyAndChangesNothingWhenRefusing() {
    Map<String, Object> event = Json.parseObject("{\"user\":{\"user_id\":null},\"protocol\":null}");

    assertThat(schema.validateDroppingNulls(event)).extracting(Problem::path).containsExactly("$.user.user_id");
    assertThat(event).containsKey("protocol");
    assertThat(schema.validate(Json.parseObject("{\"user\":{\"user_id\":\"u\"},\"protocol\":null}")))
        .extracting(Problem::path).containsExactly("$.protocol");
  }

  @Test
  void fillsDefaultsForAbsentOptionalProperties() {
    Map<String, Object> event = Json.parseObject("{\"user\":{\"user_id\":\"u1\"}}");

    schema.applyDefaults(event);

    assertThat(event.get("secrets")).isEqualTo(Map.of());
  }

  @Test
  void fillsDefaultsNestedInsideArraysAndPresentObjects() {
    Schema nested = Schema.object().optional("items",
        Schema.arrayOf(Schema.object().optional("tags", Schema.mapOf(Schema.string()).defaultingToEmpty())));
    Map<String, Object> event = Json.parseObject("{\"items\":[{}]}");

    nested.applyDefaults(event);

    assertThat(event).isEqualTo(Map.of("items", java.util.List.of(Map.of("tags", Map.of()))));
  }

  @Test
  void doesNotWalkPartsOfTheEventThatHaveNoDefaults() {
    Map<String, Object> user = new java.util.HashMap<>(Map.of("user_id", "u1")) {
      private static final long serialVersionUID = 1L;

      @Override
      public Object get(Object key) {
        throw new AssertionError("read " + key + " below a schema without defaults");
      }
    };
    Map<String, Object> event = new java.util.LinkedHashMap<>();
    event.put("user", user);

    schema.applyDefaults(event);

    assertThat(event).containsEntry("secrets", Map.of());
  }

  @Test
  void aClosedObjectRejectsUnknownProperties() {
    Schema closed = Schema.object().optional("a", Schema.bool()).closed();

    assertThat(closed.validate(Map.of("b", 1))).extracting(Problem::path).containsExactly("$.b");
  }
}
