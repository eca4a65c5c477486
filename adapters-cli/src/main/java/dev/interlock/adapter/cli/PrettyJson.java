package dev.interlock.adapter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.interlock.core.json.Undefined;

/** Indented JSON of a JSON value tree, for people and for {@code jq}. */
final class PrettyJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private PrettyJson() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value == Undefined.VALUE ? null : value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
