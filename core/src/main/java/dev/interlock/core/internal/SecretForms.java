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
 * (standard and url-safe, padded and not, alone or embedded at offset 0, 1 or 2 mod 3 of a longer
 * base64'd string), of its UTF-8 and Latin-1 bytes.
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

  private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
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
    for (Base64.Encoder enc : List.of(B64, B64_URL)) {
      for (int skip = 0; skip < 3; skip++) {
        addBase64Forms(enc, b, skip, forms);
      }
    }
  }

  /**
   * Base64 of the value embedded in a longer string with {@code skip} of its bytes in the group
   * that starts before it (0, 2 or 1 for offsets 0, 1 or 2 mod 3). The whole groups after those
   * bytes do not depend on the neighbours; of the two partial groups, the characters computed from
   * the value's bits alone are kept too, so at most the value's bits mixed with a neighbour's stay
   * visible. At the end of the string (the value last) the encoder's zero padding decides the rest.
   */
  private static void addBase64Forms(Base64.Encoder enc, byte[] b, int skip, Set<String> forms) {
    if (b.length < 3) {
      return;
    }
    int whole = (b.length - skip) / 3 * 3;
    String lead = switch (skip) {
      case 2 -> enc.encodeToString(new byte[] {0, b[0], b[1]}).substring(2);
      case 1 -> enc.encodeToString(new byte[] {0, 0, b[0]}).substring(3);
      default -> "";
    };
    int end = skip + whole;
    String tail = switch (b.length - end) {
      case 2 -> enc.encodeToString(new byte[] {b[end], b[end + 1], 0}).substring(0, 2);
      case 1 -> enc.encodeToString(new byte[] {b[end], 0, 0}).substring(0, 1);
      default -> "";
    };
    forms.add(lead + enc.encodeToString(java.util.Arrays.copyOfRange(b, skip, end)) + tail);
    String last = lead + enc.encodeToString(java.util.Arrays.copyOfRange(b, skip, b.length));
    forms.add(last);
    forms.add(stripPadding(last));
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
    if (scheme <= 0 || !SCHEME.matcher(v.substring(0, scheme)).matches()) {
      return parts;
    }
    URI uri;
    try {
      uri = new URI(v.trim());
    } catch (URISyntaxException e) {
      return parts;
    }
    addPart(parts, uri.getHost(), MIN_URL_PART);
    if (uri.getHost() != null) {
      // host names are case-insensitive, and messages (the egress policy's) print them in lower case
      addPart(parts, uri.getHost().toLowerCase(java.util.Locale.ROOT), MIN_URL_PART);
    }
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
