package dev.interlock.core.trigger;

/**
 * Whether the identity pipeline waits for the flow ({@link #SYNC}) or only fires it ({@link
 * #ASYNC}, as for {@code post-user-registration} and {@code post-change-password}).
 */
public enum TriggerMode {
  SYNC,
  ASYNC
}
