package dev.interlock.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void parsesAndWritesBackTheSameDocument() {
    String text = "{\"a\":[1,2.5,true,null,\"x\\n\\\"y\\\"\"],\"b\":{\"c\":-3e+21}}";

    Object value = Json.parse(text);

    assertThat(Json.write(value)).isEqualTo(text);
  }

  @Test
  void parsesTextBeyondLatin1WithEscapesAndUnicodeEscapes() {
    String text = "{\"name\":\"Zoë 日本 \\u00e9\\t\\\"q\\\"\",\"emoji\":\"\uD83D\uDE00\",\"n\":[-12,3.25e2,false]}";

    Map<String, Object> value = Json.parseObject(text);

    assertThat(value.get("name")).isEqualTo("Zoë 日本 é\t\"q\"");
    assertThat(value.get("emoji")).isEqualTo("\uD83D\uDE00");
    assertThat(value.get("n")).isEqualTo(List.of(-12L, 325L, false));
  }

  @Test
  void refusesTruncatedLiteralsAndStrings() {
    assertThatThrownBy(() -> Json.parse("[tr")).hasMessageContaining("expected true");
    assertThatThrownBy(() -> Json.parse("\"abc")).hasMessageContaining("unterminated string");
    assertThatThrownBy(() -> Json.parse("\"\\u12\"")).hasMessageContaining("bad unicode escape");
  }

  @Test
  void writesIntegralNumbersWithoutAFraction() {
    assertThat(Json.write(List.of(1.0, 2L, 0.5, Double.NaN))).isEqualTo("[1,2,0.5,null]");
  }

  @Test
  void reportsTheOffsetOfASyntaxError() {
    assertThatThrownBy(() -> Json.parse("{\"a\": tru}")).hasMessageContaining("offset 6");
  }

  @Test
  void deepCopiesAreIndependentOfTheOriginal() {
    Map<String, Object> original = Json.parseObject("{\"user\":{\"roles\":[\"a\"]}}");

    Map<String, Object> copy = Json.copyObject(original);
    ((List<Object>) ((Map<String, Object>) copy.get("user")).get("roles")).add("b");

    assertThat(Json.write(original)).isEqualTo("{\"user\":{\"roles\":[\"a\"]}}");
  }

  @Test
  void escapesControlCharactersAndLineSeparators() {
    assertThat(Json.write("a\u0001b\u2028c\"\\")).isEqualTo("\"a\\u0001b\\u2028c\\\"\\\\\"");
  }

  @Test
  void countsUtf8Bytes() {
    assertThat(Json.utf8Length("aé€😀")).isEqualTo(1 + 2 + 3 + 4);
  }
}
