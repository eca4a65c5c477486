package dev.interlock.adapter.rhino.internal.node;

import dev.interlock.adapter.rhino.RhinoEgress;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a script may connect to a URL: only http and https; a host on the allow list
 * is allowed; any other host only when public hosts are allowed and its address, or every address
 * its name resolves to, is public ({@link AddressRanges}).
 *
 * <p>The host is read as the WHATWG URL standard reads it ({@link EgressHost}), so an IP literal
 * such as {@code 0177.0.0.1} or {@code 0x7f.1} is the address Node would connect to, and the
 * request then goes to that address written canonically: the JDK never re-reads the literal.
 *
 * <p>A name is resolved here, so a public name pointing at an internal address is denied. The
 * HTTP client resolves the name again when it connects. The JVM caches successful lookups (30 s
 * by default, {@code networkaddress.cache.ttl}), so that second lookup normally returns the
 * addresses checked here; a DNS server that answers differently after the cached answer expires
 * (DNS rebinding across the expiry, or with the cache disabled) is not defended against: the JDK
 * 17 client cannot be told which address to connect to.
 */
final class EgressPolicy {
  private final RhinoEgress egress;
  private final List<Entry> allowed;

  EgressPolicy(RhinoEgress egress) {
    this.egress = egress;
    this.allowed = new ArrayList<>();
    for (String e : egress.allowedHosts()) {
      allowed.add(Entry.of(e.toLowerCase(Locale.ROOT)));
    }
  }

  RhinoEgress settings() {
    return egress;
  }

  /** The outcome of checking one URL. */
  sealed interface Verdict permits Allowed, Denied {}

  /** The URL may be fetched: connect to {@code target}, the URL with its host in canonical form. */
  record Allowed(URI target) implements Verdict {}

  /** The URL may not be fetched, because of {@code reason}. */
  record Denied(String reason) implements Verdict {}

  /** Why {@code uri} is denied, or null when it is allowed. */
  String deny(URI uri) {
    return check(uri) instanceof Denied d ? d.reason() : null;
  }

  Verdict check(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return new Denied("only http and https URLs can be fetched, not '" + scheme + ":'");
    }
    EgressHost host;
    try {
      host = EgressHost.of(uri);
    } catch (EgressHost.Invalid e) {
      return new Denied(e.getMessage());
    }
    int port = host.port() >= 0 ? host.port() : scheme.equals("https") ? 443 : 80;
    URI target;
    try {
      target = host.target(uri);
    } catch (URISyntaxException e) {
      return new Denied("host '" + host.text() + "' cannot be written back into the URL");
    }
    if (listed(host, port)) {
      return new Allowed(target);
    }
    if (!egress.allowPublicHosts()) {
      return new Denied("host '" + host.text() + "' is not on the egress allow list");
    }
    if (host.address() != null) {
      String kind = AddressRanges.nonPublic(host.address());
      return kind == null ? new Allowed(target) : refused(host, host.address(), kind);
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host.text());
    } catch (UnknownHostException e) {
      return new Denied("host '" + host.text() + "' could not be resolved");
    }
    for (InetAddress a : addresses) {
      String kind = AddressRanges.nonPublic(a.getAddress());
      if (kind != null) {
        return refused(host, a.getAddress(), kind);
      }
    }
    return new Allowed(target);
  }

  private static Denied refused(EgressHost host, byte[] address, String kind) {
    return new Denied("host '" + host.text() + "' resolves to " + IpLiterals.format(address) + ", " + kind
        + ", which actions may not reach");
  }

  private boolean listed(EgressHost host, int port) {
    for (Entry e : allowed) {
      if (e.port() >= 0 && e.port() != port) {
        continue;
      }
      if (e.wildcard() ? host.text().endsWith(e.host()) : host.text().equals(e.host())) {
        return true;
      }
    }
    return false;
  }

  /**
   * One allow-list entry, its host canonical like a URL's ({@code 10.0.0.5}, {@code [::1]}), or
   * for {@code *.domain} the suffix {@code .domain}.
   */
  private record Entry(String host, boolean wildcard, int port) {
    static Entry of(String e) {
      String entryHost = e;
      int entryPort = -1;
      if (e.startsWith("[")) {
        int close = e.indexOf(']');
        entryHost = e.substring(0, close + 1);
        if (e.startsWith("]:", close)) {
          entryPort = Integer.parseInt(e.substring(close + 2));
        }
      } else if (e.indexOf(':') > 0 && e.indexOf(':') == e.lastIndexOf(':')) {
        entryHost = e.substring(0, e.indexOf(':'));
        entryPort = Integer.parseInt(e.substring(e.indexOf(':') + 1));
      } else if (e.indexOf(':') >= 0) {
        entryHost = "[" + e + "]";
      }
      if (entryHost.startsWith("*.")) {
        return new Entry(entryHost.substring(1), true, entryPort);
      }
      try {
        return new Entry(EgressHost.parse(entryHost).text(), false, entryPort);
      } catch (EgressHost.Invalid invalid) {
        // RhinoEgress accepts it by shape; a canonical URL host never equals it, so it matches nothing.
        return new Entry(entryHost, false, entryPort);
      }
    }
  }
}
