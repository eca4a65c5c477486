package dev.interlock.adapter.rhino.internal.node;

import dev.interlock.adapter.rhino.RhinoEgress;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Decides whether a script may connect to a URL: only http and https; a host on the allow list
 * is allowed; any other host only when public hosts are allowed and every address its name
 * resolves to is public. The check resolves the name itself, so a public name pointing at an
 * internal address is denied. (The HTTP client resolves the name again when it connects; a DNS
 * server that answers differently within that moment is not defended against.)
 */
final class EgressPolicy {
  private final RhinoEgress egress;

  EgressPolicy(RhinoEgress egress) {
    this.egress = egress;
  }

  RhinoEgress settings() {
    return egress;
  }

  /** Why {@code uri} is denied, or null when it is allowed. */
  String deny(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "only http and https URLs can be fetched, not '" + scheme + ":'";
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      return "the URL has no host";
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    if (listed(host, port)) {
      return null;
    }
    if (!egress.allowPublicHosts()) {
      return "host '" + host + "' is not on the egress allow list";
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return "host '" + host + "' could not be resolved";
    }
    for (InetAddress a : addresses) {
      String kind = internalKind(a);
      if (kind != null) {
        return "host '" + host + "' resolves to " + a.getHostAddress() + ", a " + kind
            + " address, which actions may not reach";
      }
    }
    return null;
  }

  private boolean listed(String host, int port) {
    for (String entry : egress.allowedHosts()) {
      String e = entry.toLowerCase(Locale.ROOT);
      String entryHost = e;
      int entryPort = -1;
      if (e.startsWith("[")) {
        int close = e.indexOf(']');
        entryHost = e.substring(1, close);
        if (e.startsWith("]:", close)) {
          entryPort = Integer.parseInt(e.substring(close + 2));
        }
      } else if (e.indexOf(':') > 0 && e.indexOf(':') == e.lastIndexOf(':')) {
        entryHost = e.substring(0, e.indexOf(':'));
        entryPort = Integer.parseInt(e.substring(e.indexOf(':') + 1));
      }
      if (entryPort >= 0 && entryPort != port) {
        continue;
      }
      if (entryHost.startsWith("*.")) {
        if (host.endsWith(entryHost.substring(1))) {
          return true;
        }
      } else if (entryHost.equals(host)) {
        return true;
      }
    }
    return false;
  }

  /** The kind of non-public address {@code a} is, or null for a public one. */
  static String internalKind(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return "loopback";
    }
    if (a.isAnyLocalAddress()) {
      return "unspecified";
    }
    if (a.isLinkLocalAddress()) {
      return "link-local (cloud metadata)";
    }
    if (a.isSiteLocalAddress()) {
      return "private";
    }
    if (a.isMulticastAddress()) {
      return "multicast";
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int b0 = b[0] & 0xff;
      int b1 = b[1] & 0xff;
      if (b0 == 0 || b0 >= 240 || b0 == 100 && b1 >= 64 && b1 < 128 || b0 == 198 && (b1 == 18 || b1 == 19)
          || b0 == 192 && b1 == 0 && (b[2] & 0xff) == 0) {
        return "reserved or private";
      }
    } else if (a instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return "unique-local (private)";
      }
      if (isMappedOrCompatible(b)) {
        try {
          return internalKind(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
        } catch (UnknownHostException e) {
          return "invalid";
        }
      }
    }
    return null;
  }

  private static boolean isMappedOrCompatible(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff);
  }
}
