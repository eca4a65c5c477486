package dev.interlock.trigger.signuplogin.internal;

import dev.interlock.core.trigger.ActionStep;
import dev.interlock.core.trigger.FlowSummary;
import dev.interlock.core.trigger.ResumeRequest;
import dev.interlock.core.trigger.TriggerBehavior;
import dev.interlock.core.trigger.common.TransactionMetadata;
import java.util.LinkedHashMap;
import java.util.Map;

/** The flow rules of the three triggers. */
public final class Behaviors {
  private Behaviors() {}

  /**
   * post-login: a finished action's user metadata changes become visible to later actions;
   * transaction, session and refresh-token metadata, the cookie mode and recorded methods are
   * reapplied from flow state after every action and on resume.
   */
  public static TriggerBehavior postLogin() {
    return new TriggerBehavior() {
      @Override
      public Map<String, Object> nextEvent(Map<String, Object> event, ActionStep finished) {
        UserMetadata.commit(finished.flowState());
        return reapply(UserMetadata.apply(event, finished.flowState()), finished.flowState());
      }

      @Override
      public Map<String, Object> resumedEvent(
          Map<String, Object> event, ResumeRequest resume, Map<String, Object> flowState) {
        Map<String, Object> resumed = TriggerBehavior.super.resumedEvent(event, resume, flowState);
        return reapply(UserMetadata.apply(resumed, flowState), flowState);
      }

      @Override
      public Map<String, Object> outcome(FlowSummary flow) {
        return PostLoginOutcome.of(flow);
      }
    };
  }

  private static Map<String, Object> reapply(Map<String, Object> event, Map<String, Object> flowState) {
    Map<String, Object> out = TransactionMetadata.apply(event, flowState);
    out = SessionApi.apply(out, flowState);
    return AuthenticationApi.applyRecordedMethods(out, flowState);
  }

  /** pre-user-registration: metadata visibility as in post-login; outcome access + user. */
  public static TriggerBehavior preUserRegistration() {
    return new TriggerBehavior() {
      @Override
      public Map<String, Object> nextEvent(Map<String, Object> event, ActionStep finished) {
        UserMetadata.commit(finished.flowState());
        return UserMetadata.apply(event, finished.flowState());
      }

      @Override
      public Map<String, Object> outcome(FlowSummary flow) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("access", Outcomes.access(flow));
        out.put("user", Outcomes.user(flow));
        return out;
      }
    };
  }
}
