package dev.interlock.adapter.micrometer;

/**
 * Settings of the Micrometer observer.
 *
 * @param maxActionNames distinct action names used as a tag value before further names are
 *     reported as {@code _other}, keeping tag cardinality bounded
 * @param histograms whether to publish percentile histograms for action and execution timers
 */
public record MicrometerConfig(int maxActionNames, boolean histograms) {
  public MicrometerConfig {
    if (maxActionNames < 0) {
      throw new IllegalArgumentException("maxActionNames must be >= 0");
    }
  }

  public static MicrometerConfig defaults() {
    return new MicrometerConfig(100, true);
  }
}
