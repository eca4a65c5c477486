package dev.interlock.core.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The literal forms in which a script can trivially write a secret value: the value itself,
 * reversed, with {@code +} for spaces (form encoding), hex (lower and upper case) and base64
 * (standard and url-safe, padded and not, and the alignment-invariant cores of the value embedded
 * at offset 0, 1 or 2 mod 3 of a longer base64'd string), of its UTF-8 and Latin-1 bytes.
 * Percent and JSON escapes are not listed here: {@link EscapedText} decodes them in the text.
 *
 * <p>For a URL-valued secret its distinctive components (host, user info, password, query values)
 * count as values of their own, so that a message naming only the host is masked too.
 */
final class SecretForms {
  /** Secrets shorter than this are left alone: masking them would garble ordinary words. */
  static final int MIN_SECRET = 4;

  /**
   * Components of a URL-valued secret shorter than this are left alone: short ones are mostly
   * ordinary values ({@code true}, {@code en}, {@code v1}, ports, short host labels).
   */
  static final int MIN_URL_PART = 8;

  /** Shortest derived form kept: one base64 group, four characters for three bytes. */
  private static final int MIN_FORM = 4;

  private static final HexFormat HEX_LOWER = HexFormat.of();
  private static final HexFormat HEX_UPPER = HexFormat.of().withUpperCase();
  private static final Base64.Encoder B64 = Base64.getEncoder();
  private static final Base64.Encoder B64_URL = Base64.getUrlEncoder();

  private SecretForms() {}

  /** Every form of every value (and of the distinctive parts of URL-valued ones), without duplicates. */
  static Set<String> of(Iterable<String> secretValues) {
    Set<String> forms = new LinkedHashSet<>();
    for (String v : secretValues) {
      if (v == null || v.length() < MIN_SECRET) {
        continue;
      }
      addForms(v, forms);
      for (String part : urlParts(v)) {
        addForms(part, forms);
      }
    }
    return forms;
  }

  static void addForms(String v, Set<String> forms) {
    forms.add(v);
    forms.add(new StringBuilder(v).reverse().toString());
    if (v.indexOf(' ') >= 0) {
      forms.add(v.replace(' ', '+'));
    }
    byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
    addByteForms(utf8, forms);
    if (v.chars().allMatch(c -> c <= 0xFF) && v.chars().anyMatch(c -> c > 0x7F)) {
      addByteForms(v.getBytes(StandardCharsets.ISO_8859_1), forms); // btoa() encodes Latin-1
    }
    forms.removeIf(f -> f.length() < MIN_FORM);
  }

  private static void addByteForms(byte[] b, Set<String> forms) {
    forms.add(HEX_LOWER.formatHex(b));
    forms.add(HEX_UPPER.formatHex(b));
    String padded = B64.encodeToString(b);
    forms.add(padded);
    forms.add(stripPadding(padded));
    forms.add(B64_URL.encodeToString(b));
    forms.add(stripPadding(B64_URL.encodeToString(b)));
    // Embedded at offset 0, 1 or 2 mod 3 of a longer string, the first and last base64 groups
    // mix in unknown neighbouring bytes; the whole groups in between do not. Skipping 0, 2 or 1
    // leading bytes aligns those groups with the encoder's.
    for (int skip = 0; skip < 3; skip++) {
      int whole = (b.length - skip) / 3 * 3;
      if (whole >= 3) {
        byte[] core = java.util.Arrays.copyOfRange(b, skip, skip + whole);
        forms.add(B64.encodeToString(core));
        forms.add(B64_URL.encodeToString(core));
      }
    }
  }

  private static String stripPadding(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '=') {
      end--;
    }
    return s.substring(0, end);
  }

  /**
   * The distinctive components of a URL-valued secret ({@code scheme://...}): host, user info,
   * user name, password and query values, each when long enough to mean something. The password
   * is a secret in its own right and keeps the secrets' own minimum.
   */
  static List<String> urlParts(String v) {
    List<String> parts = new ArrayList<>();
    int scheme = v.indexOf("://");
    if (scheme <= 0 || !v.substring(0, scheme).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
      return parts;
    }
    URI uri;
    try {
      uri = new URI(v.trim());
    } catch (URISyntaxException e) {
      return parts;
    }
    addPart(parts, uri.getHost(), MIN_URL_PART);
    if (uri.getHost() == null && uri.getRawAuthority() != null) {
      addPart(parts, uri.getAuthority(), MIN_URL_PART); // names the URI class cannot parse as a host
    }
    String userInfo = uri.getUserInfo();
    if (userInfo != null) {
      addPart(parts, userInfo, MIN_URL_PART);
      int colon = userInfo.indexOf(':');
      if (colon >= 0) {
        addPart(parts, userInfo.substring(0, colon), MIN_URL_PART);
        addPart(parts, userInfo.substring(colon + 1), MIN_SECRET);
      }
    }
    String query = uri.getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        if (eq >= 0) {
          addPart(parts, decode(pair.substring(eq + 1)), MIN_URL_PART);
        }
      }
    }
    return parts;
  }

  private static void addPart(List<String> parts, String part, int min) {
    if (part != null && part.length() >= min) {
      parts.add(part);
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
