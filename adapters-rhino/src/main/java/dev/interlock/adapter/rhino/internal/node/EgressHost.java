package dev.interlock.adapter.rhino.internal.node;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The host of an http(s) URL read as the WHATWG URL standard's host parser reads it (the same
 * reading as the script's {@code URL}): percent-decoded, lower-case, and, when it is an IP
 * literal, the address it denotes. {@code java.net.URI} is not used for the host: it reads
 * {@code 0177.0.0.1} as 177.0.0.1 and gives no host at all for {@code 127.1}.
 *
 * @param text the canonical host: a lower-case name, dotted-decimal IPv4 or bracketed IPv6
 * @param address the address of an IP literal (4 or 16 bytes), or null for a name
 * @param userInfo the raw user info before the host, or null
 * @param port the explicit port, or -1
 */
record EgressHost(String text, byte[] address, String userInfo, int port) {
  private static final String FORBIDDEN = "\u0000\t\n\r #/:<>?@[\\]^|%\u007f";

  /** A URL host that is not a valid one, with the reason. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  /** The host of an absolute http(s) URI. */
  static EgressHost of(URI uri) throws Invalid {
    String authority = uri.getRawAuthority();
    if (authority == null || authority.isEmpty()) {
      throw new Invalid("the URL has no host");
    }
    int at = authority.lastIndexOf('@');
    String userInfo = at < 0 ? null : authority.substring(0, at);
    String hostPort = authority.substring(at + 1);
    String host = hostPort;
    String port = "";
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0 || close + 1 < hostPort.length() && hostPort.charAt(close + 1) != ':') {
        throw new Invalid("host '" + hostPort + "' is not a valid IPv6 literal");
      }
      host = hostPort.substring(0, close + 1);
      port = close + 1 < hostPort.length() ? hostPort.substring(close + 2) : "";
    } else if (hostPort.indexOf(':') >= 0) {
      host = hostPort.substring(0, hostPort.indexOf(':'));
      port = hostPort.substring(hostPort.indexOf(':') + 1);
    }
    if (!port.isEmpty() && (!port.chars().allMatch(c -> c >= '0' && c <= '9') || port.length() > 5
        || Integer.parseInt(port) > 65535)) {
      throw new Invalid("port '" + port + "' is not a valid port");
    }
    EgressHost parsed = parse(host);
    if (parsed.address() == null && (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(parsed.text()))) {
      // The HTTP client connects to URI.getHost(): it must be the name that was checked.
      throw new Invalid("host '" + parsed.text() + "' is not a valid host name");
    }
    return new EgressHost(parsed.text(), parsed.address(), userInfo, port.isEmpty() ? -1 : Integer.parseInt(port));
  }

  /** A host on its own (no user info or port), as in a URL with a special scheme. */
  static EgressHost parse(String host) throws Invalid {
    if (host.isEmpty()) {
      throw new Invalid("the URL has no host");
    }
    try {
      if (host.startsWith("[")) {
        if (!host.endsWith("]")) {
          throw new Invalid("host '" + host + "' is not a valid IPv6 literal");
        }
        byte[] v6 = IpLiterals.parseIpv6(host.substring(1, host.length() - 1));
        return new EgressHost("[" + IpLiterals.format(v6) + "]", v6, null, -1);
      }
      String name = percentDecode(host);
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c > 0x7f) {
          throw new Invalid("host '" + host + "' is not ASCII: internationalized names are not supported");
        }
        if (c < 0x20 || FORBIDDEN.indexOf(c) >= 0) {
          throw new Invalid("host '" + host + "' contains a character a host may not contain");
        }
      }
      name = name.toLowerCase(Locale.ROOT);
      if (IpLiterals.endsInNumber(name)) {
        byte[] v4 = IpLiterals.parseIpv4(name);
        return new EgressHost(IpLiterals.format(v4), v4, null, -1);
      }
      return new EgressHost(name, null, null, -1);
    } catch (IpLiterals.InvalidLiteral e) {
      throw new Invalid("host " + e.getMessage());
    }
  }

  /** {@code uri} with this host written canonically, which is what the client connects to. */
  URI target(URI uri) throws URISyntaxException {
    if (address == null) {
      return uri;
    }
    StringBuilder b = new StringBuilder(uri.getScheme()).append("://");
    if (userInfo != null) {
      b.append(userInfo).append('@');
    }
    b.append(text);
    if (port >= 0) {
      b.append(':').append(port);
    }
    b.append(uri.getRawPath() == null ? "" : uri.getRawPath());
    if (uri.getRawQuery() != null) {
      b.append('?').append(uri.getRawQuery());
    }
    if (uri.getRawFragment() != null) {
      b.append('#').append(uri.getRawFragment());
    }
    return new URI(b.toString());
  }

  /** %XX sequences as UTF-8 bytes; a '%' not followed by two hex digits is kept (and then refused). */
  private static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '%' && i + 2 < in.length && Character.digit(in[i + 1], 16) >= 0 && Character.digit(in[i + 2], 16) >= 0) {
        out.write(Character.digit(in[i + 1], 16) * 16 + Character.digit(in[i + 2], 16));
        i += 2;
      } else {
        out.write(in[i]);
      }
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }
}
