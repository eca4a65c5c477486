package dev.interlock.adapter.cli;

import dev.interlock.adapter.rhino.FetchInterceptor;
import dev.interlock.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One stubbed HTTP answer from a test file's {@code fetch} list (docs/cli.md, "Stubbing fetch"):
 * which requests it answers ({@code method}, {@code url}, {@code requestJson}) and with what
 * (a response, or a network failure {@code error}), after {@code delayMs}.
 *
 * @param at JSON path of the stub in its file, for messages
 * @param method upper-case method, or null for any
 * @param url URL pattern: the whole URL must match, {@code *} matches any run of characters
 *     ({@code https://*} any https URL, {@code *} alone any URL)
 * @param requestJson expected subset of the request body parsed as JSON, or null for any body
 * @param times how many requests the stub answers (null: any number)
 * @param error network failure message, or null for a response
 */
record FetchStub(String at, String method, String url, Object requestJson, Integer times, int status,
    Map<String, List<String>> headers, String body, long delayMs, String error) {

  private static final Set<String> FIELDS =
      Set.of("method", "url", "requestJson", "times", "status", "headers", "json", "body", "delayMs", "error");
  private static final Pattern METHOD = Pattern.compile("[A-Za-z]{1,20}");

  /** Whether this stub answers the request (ignoring {@code times}). */
  boolean matches(FetchInterceptor.Request request) {
    if (method != null && !method.equals(request.method())) {
      return false;
    }
    if (!urlMatches(url, request.url())) {
      return false;
    }
    if (requestJson == null) {
      return true;
    }
    try {
      return Expectations.matches(requestJson, Json.parse(new String(request.body(), StandardCharsets.UTF_8)), false);
    } catch (IllegalArgumentException e) {
      return false; // not JSON
    }
  }

  FetchInterceptor.Response response() {
    return new FetchInterceptor.Response(status, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether {@code url} matches {@code pattern}: the whole URL, with {@code *} standing for any run
   * of characters (including {@code /} and {@code ?}). A URL without a path counts as ending in
   * {@code /}, so {@code https://api.example.com} and {@code https://api.example.com/} are the same;
   * a pattern whose host part ends in {@code *} gets no {@code /}, as its star stands for the path
   * too: {@code https://*} matches every https URL, and {@code *} alone every URL.
   */
  static boolean urlMatches(String pattern, String url) {
    String p = withRootPath(pattern);
    String u = withRootPath(url);
    String[] parts = p.split("\\*", -1);
    if (parts.length == 1) {
      return p.equals(u);
    }
    if (!u.startsWith(parts[0])) {
      return false;
    }
    int at = parts[0].length();
    for (int i = 1; i < parts.length - 1; i++) {
      int found = u.indexOf(parts[i], at);
      if (found < 0) {
        return false;
      }
      at = found + parts[i].length();
    }
    String last = parts[parts.length - 1];
    return u.length() - last.length() >= at && u.endsWith(last);
  }

  private static String withRootPath(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return url;
    }
    int end = scheme + 3;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    if (end < url.length() && url.charAt(end) == '/' || url.charAt(end - 1) == '*') {
      return url;
    }
    return url.substring(0, end) + "/" + url.substring(end);
  }

  /**
   * Parses a {@code fetch} list at {@code at}; each problem (with its JSON path and why) is added to
   * {@code problems} and the stub left out.
   */
  static List<FetchStub> parseAll(Object raw, String at, List<String> problems) {
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof List<?> list)) {
      problems.add(at + ": must be an array of stubs, e.g. [{\"url\": \"https://api.example.com/*\", \"json\": {}}]");
      return List.of();
    }
    List<FetchStub> stubs = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String here = at + "[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> m)) {
        problems.add(here + ": must be an object with a url and a response");
        continue;
      }
      int before = problems.size();
      FetchStub stub = parse(cast(m), here, problems);
      if (problems.size() == before) {
        stubs.add(stub);
      }
    }
    return stubs;
  }

  private static FetchStub parse(Map<String, Object> m, String at, List<String> problems) {
    for (String key : m.keySet()) {
      if (!FIELDS.contains(key)) {
        problems.add(at + "." + key + ": unknown field (known: " + String.join(", ", new java.util.TreeSet<>(FIELDS)) + ")");
      }
    }
    String url = null;
    if (!(m.get("url") instanceof String u) || !(u.equals("*") || u.startsWith("http://") || u.startsWith("https://"))) {
      problems.add(at + ".url: required, an absolute http:// or https:// URL (* matches any characters; \"*\" alone any URL)");
    } else {
      url = u;
    }
    String method = null;
    if (m.containsKey("method")) {
      if (m.get("method") instanceof String s && METHOD.matcher(s).matches()) {
        method = s.toUpperCase(Locale.ROOT);
      } else {
        problems.add(at + ".method: must be an HTTP method such as GET or POST (leave it out to match any)");
      }
    }
    Integer times = m.containsKey("times") ? (int) integer(m.get("times"), 0, 1_000, at + ".times", problems) : null;
    long delayMs = m.containsKey("delayMs") ? integer(m.get("delayMs"), 0, 600_000, at + ".delayMs", problems) : 0;
    if (m.containsKey("error")) {
      for (String k : List.of("status", "headers", "json", "body")) {
        if (m.containsKey(k)) {
          problems.add(at + "." + k + ": a stub with \"error\" fails the request and has no " + k);
        }
      }
      if (!(m.get("error") instanceof String e) || e.isBlank()) {
        problems.add(at + ".error: must be a non-empty message");
        return null;
      }
      return new FetchStub(at, method, url, m.get("requestJson"), times, 200, Map.of(), "", delayMs, e);
    }
    int status = m.containsKey("status") ? (int) integer(m.get("status"), 100, 599, at + ".status", problems) : 200;
    Map<String, List<String>> headers = headers(m.get("headers"), at + ".headers", problems);
    String body = "";
    String contentType = null;
    if (m.containsKey("json") && m.containsKey("body")) {
      problems.add(at + ": give either \"json\" or \"body\", not both");
    } else if (m.containsKey("json")) {
      body = Json.write(m.get("json"));
      contentType = "application/json";
    } else if (m.containsKey("body")) {
      if (m.get("body") instanceof String s) {
        body = s;
        contentType = "text/plain; charset=utf-8";
      } else {
        problems.add(at + ".body: must be a string (use \"json\" for a JSON value)");
      }
    }
    if (contentType != null && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("content-type"))) {
      headers.put("content-type", List.of(contentType));
    }
    return new FetchStub(at, method, url, m.get("requestJson"), times, status, headers, body, delayMs, null);
  }

  private static Map<String, List<String>> headers(Object raw, String at, List<String> problems) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (raw == null) {
      return headers;
    }
    if (!(raw instanceof Map<?, ?> m)) {
      problems.add(at + ": must be an object of header names to strings");
      return headers;
    }
    cast(m).forEach((name, value) -> {
      if (value instanceof String s) {
        headers.put(name, List.of(s));
      } else if (value instanceof List<?> l && l.stream().allMatch(String.class::isInstance)) {
        headers.put(name, l.stream().map(String.class::cast).toList());
      } else {
        problems.add(at + "." + name + ": must be a string or an array of strings");
      }
    });
    return headers;
  }

  private static long integer(Object v, long min, long max, String at, List<String> problems) {
    if (v instanceof Long n && n >= min && n <= max) {
      return n;
    }
    problems.add(at + ": must be a whole number from " + min + " to " + max + ", got " + Json.write(v));
    return min;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }
}
