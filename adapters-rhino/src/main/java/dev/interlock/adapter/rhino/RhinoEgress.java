package dev.interlock.adapter.rhino;

import java.time.Duration;
import java.util.List;

/**
 * Where scripts may send HTTP requests ({@code fetch}, {@code axios}) and how much they may do.
 * Addresses are checked after DNS resolution: loopback, private, link-local (cloud metadata),
 * carrier-grade NAT, documentation, benchmarking, reserved, unique-local, site-local, multicast,
 * broadcast and unspecified addresses, and IPv6 forms that carry one (IPv4-mapped, NAT64, 6to4,
 * Teredo, ...), are denied unless the host is on {@code allowedHosts}. IP literals in URLs (and in
 * {@code allowedHosts}) are read as the WHATWG URL standard reads them: {@code 0177.0.0.1},
 * {@code 127.1} and {@code 2130706433} are all 127.0.0.1.
 *
 * @param allowedHosts entries {@code host}, {@code host:port} or {@code *.domain} (any subdomain
 *     of domain); a match is allowed whatever its address resolves to
 * @param allowPublicHosts whether hosts not on the list are allowed when every address they
 *     resolve to is public; when false only listed hosts can be reached
 * @param maxResponseBytes largest response body one request may read
 * @param maxRequests requests one execution may send (each redirect counts)
 * @param requestTimeout default timeout of one request; never later than the execution's deadline
 */
public record RhinoEgress(
    List<String> allowedHosts, boolean allowPublicHosts, long maxResponseBytes, int maxRequests, Duration requestTimeout) {

  public RhinoEgress {
    allowedHosts = List.copyOf(allowedHosts);
    for (String h : allowedHosts) {
      if (!h.matches("(\\*\\.)?[A-Za-z0-9.-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?|[0-9A-Fa-f:]+")) {
        throw new IllegalArgumentException(
            "allowedHosts entry '" + h + "' must be host, host:port, *.domain or [ipv6]:port");
      }
    }
    if (maxResponseBytes < 1 || maxRequests < 0) {
      throw new IllegalArgumentException("maxResponseBytes must be >= 1 and maxRequests >= 0");
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
  }

  /** Public hosts only, 5 MiB per response, 50 requests per execution, 10 s per request. */
  public static RhinoEgress defaults() {
    return new RhinoEgress(List.of(), true, 5L * 1024 * 1024, 50, Duration.ofSeconds(10));
  }

  /** No network at all. */
  public static RhinoEgress none() {
    return new RhinoEgress(List.of(), false, 1, 0, Duration.ofSeconds(10));
  }

  public RhinoEgress withAllowedHosts(List<String> hosts) {
    return new RhinoEgress(hosts, allowPublicHosts, maxResponseBytes, maxRequests, requestTimeout);
  }

  public RhinoEgress withAllowPublicHosts(boolean value) {
    return new RhinoEgress(allowedHosts, value, maxResponseBytes, maxRequests, requestTimeout);
  }

  public RhinoEgress withMaxResponseBytes(long bytes) {
    return new RhinoEgress(allowedHosts, allowPublicHosts, bytes, maxRequests, requestTimeout);
  }

  public RhinoEgress withMaxRequests(int requests) {
    return new RhinoEgress(allowedHosts, allowPublicHosts, maxResponseBytes, requests, requestTimeout);
  }

  public RhinoEgress withRequestTimeout(Duration timeout) {
    return new RhinoEgress(allowedHosts, allowPublicHosts, maxResponseBytes, maxRequests, timeout);
  }
}
