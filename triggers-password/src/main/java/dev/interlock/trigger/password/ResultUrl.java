package dev.interlock.trigger.password;

import dev.interlock.core.json.Undefined;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.Arguments;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code transaction.setResultUrl(url, {query?})}: an absolute {@code https} (or {@code http})
 * URL without credentials, each query entry set on it (replacing a same-named parameter).
 */
final class ResultUrl {
  private ResultUrl() {}

  /** The final URL, or a TypeError naming what is wrong. */
  static String build(Arguments args) {
    String url = args.nonBlankString(0, "url");
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw ApiCallException.typeError(args.prefix() + "url is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
      throw ApiCallException.typeError(args.prefix() + "url must be an absolute http(s) URL, got '" + url + "'");
    }
    if (uri.getRawUserInfo() != null) {
      throw ApiCallException.typeError(args.prefix() + "url must not carry credentials");
    }
    Map<String, String> params = parse(uri.getRawQuery());
    Object q = args.optionalObject(1, "options").get("query");
    if (q != null && q != Undefined.VALUE) {
      if (!(q instanceof Map<?, ?> query)) {
        throw args.wrongType("options.query", "an object of strings", q);
      }
      for (Map.Entry<?, ?> e : query.entrySet()) {
        if (!(e.getValue() instanceof String v)) {
          throw args.wrongType("options.query." + e.getKey(), "a string", e.getValue());
        }
        params.put((String) e.getKey(), v);
      }
    }
    StringBuilder sb = new StringBuilder(scheme).append("://").append(uri.getRawAuthority());
    sb.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
    String sep = "?";
    for (Map.Entry<String, String> e : params.entrySet()) {
      sb.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
      sep = "&";
    }
    if (uri.getRawFragment() != null) {
      sb.append('#').append(uri.getRawFragment());
    }
    return sb.toString();
  }

  private static Map<String, String> parse(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        String k = eq < 0 ? pair : pair.substring(0, eq);
        String v = eq < 0 ? "" : pair.substring(eq + 1);
        out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
