package dev.interlock.core.port;

import java.util.Map;

/**
 * Fetches the npm packages an action (or an Actions Module) declares, with their own
 * dependencies, as the script runtime needs them to load the code. Implementations download from
 * a registry, keep what they fetched in a cache, and may work from that cache alone (air-gapped).
 *
 * <p>Called when an action version is loaded (deploy, first execution on a node), never per
 * execution. Must be thread-safe.
 */
public interface PackageInstaller {

  /**
   * Resolves and fetches every declared package and, recursively, the packages they depend on.
   *
   * @param dependencies package name to the version or range as declared ({@code 4.17.21},
   *     {@code ^1.2.0}, {@code latest})
   * @return the installed tree; {@link InstalledPackages#roots()} holds one entry per declared name
   * @throws dev.interlock.core.ActionDefinitionException naming {@code dependencies.<name>} and
   *     why: unknown package, no version matching the range, a native add-on, over a size limit,
   *     or (offline) not in the cache
   */
  InstalledPackages install(Map<String, String> dependencies);
}
