package dev.interlock.core.admin;

/**
 * Limits the administration enforces, with Auth0's entity limits as defaults.
 *
 * @param maxCodeBytes code size of one action in UTF-8 bytes (100 kB)
 * @param maxVersions versions kept per action (50); deploying beyond removes the oldest unused one
 * @param maxSecrets secrets per action (30)
 * @param maxBindingsPerTrigger bound actions per trigger (20)
 * @param maxActions actions in total (100)
 * @param maxDependencies npm dependencies per action (10)
 * @param maxSecretNameLength characters of a secret name (128)
 * @param maxSecretValueLength characters of a secret value (4096)
 * @param maxNameLength characters of an action name
 */
public record AdministrationLimits(
    int maxCodeBytes,
    int maxVersions,
    int maxSecrets,
    int maxBindingsPerTrigger,
    int maxActions,
    int maxDependencies,
    int maxSecretNameLength,
    int maxSecretValueLength,
    int maxNameLength) {

  public AdministrationLimits {
    if (maxCodeBytes < 1 || maxVersions < 1 || maxSecrets < 0 || maxBindingsPerTrigger < 1 || maxActions < 1
        || maxDependencies < 0 || maxSecretNameLength < 1 || maxSecretValueLength < 1 || maxNameLength < 1) {
      throw new IllegalArgumentException("administration limits must be positive");
    }
  }

  public static AdministrationLimits auth0() {
    return new AdministrationLimits(100 * 1024, 50, 30, 20, 100, 10, 128, 4096, 255);
  }

  public AdministrationLimits withMaxActions(int n) {
    return new AdministrationLimits(maxCodeBytes, maxVersions, maxSecrets, maxBindingsPerTrigger, n, maxDependencies,
        maxSecretNameLength, maxSecretValueLength, maxNameLength);
  }

  public AdministrationLimits withMaxVersions(int n) {
    return new AdministrationLimits(maxCodeBytes, n, maxSecrets, maxBindingsPerTrigger, maxActions, maxDependencies,
        maxSecretNameLength, maxSecretValueLength, maxNameLength);
  }
}
