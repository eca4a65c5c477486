package dev.interlock.core.port;

import java.util.Map;
import java.util.Objects;

/**
 * A resolved npm dependency tree, as {@link PackageInstaller} hands it to a script runtime.
 *
 * @param roots each declared package name to the {@link Package#id() id} it resolved to
 * @param packages every package of the tree (declared and transitive) by {@link Package#id() id}
 */
public record InstalledPackages(Map<String, String> roots, Map<String, Package> packages) {
  public InstalledPackages {
    roots = Map.copyOf(roots);
    packages = Map.copyOf(packages);
    for (Map.Entry<String, String> root : roots.entrySet()) {
      if (!packages.containsKey(root.getValue())) {
        throw new IllegalArgumentException("root " + root.getKey() + " resolves to " + root.getValue() + ", which is not in the tree");
      }
    }
  }

  public static InstalledPackages empty() {
    return new InstalledPackages(Map.of(), Map.of());
  }

  /**
   * One installed package.
   *
   * @param name such as {@code lodash} or {@code @xmldom/xmldom}
   * @param version the exact version, such as {@code 4.17.21}
   * @param dependencies each dependency name the package declares to the {@link #id() id} it
   *     resolved to (optional dependencies that could not be resolved are left out)
   * @param files the package's loadable files by path relative to the package root, with
   *     {@code /} separators ({@code package.json}, {@code lib/index.js}): JavaScript and JSON
   *     text only
   */
  public record Package(String name, String version, Map<String, String> dependencies, Map<String, String> files) {
    public Package {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(version, "version");
      dependencies = Map.copyOf(dependencies);
      files = Map.copyOf(files);
    }

    /** {@code name@version}. */
    public String id() {
      return name + "@" + version;
    }
  }
}
