package dev.interlock.core.trigger;

/** What an api method does to the flow once the current action has returned. */
public enum FlowEffect {
  /** Only records an intent or reads a value; the flow goes on. */
  NONE,
  /** Ends the flow as {@code denied} after this action; later actions are skipped. */
  STOP,
  /**
   * Suspends the flow after this action; resuming calls this action's resume handler (redirect,
   * form).
   */
  SUSPEND_RESUME_SAME,
  /** Suspends the flow after this action; resuming continues with the next action (MFA). */
  SUSPEND_RESUME_NEXT
}
