package dev.interlock.core.port;

import dev.interlock.core.trigger.ApiContract;
import dev.interlock.core.trigger.ApiMethod;
import java.util.List;

/**
 * The api object of one invocation, as the runtime sees it: the contract to build the script's
 * {@code api} from, and the single entry point for calls.
 */
public interface ApiSession {

  ApiContract contract();

  /**
   * Calls an api method with JSON arguments ({@link dev.interlock.core.json.Undefined#VALUE} for
   * {@code undefined}). Validates, records the command, notes the flow effect and returns the
   * JSON result for {@link ApiMethod.ReturnKind#VALUE} methods (the runtime itself returns its
   * {@code api} object or {@code undefined} for the other kinds).
   *
   * @throws dev.interlock.core.trigger.ApiCallException to be rethrown in the script
   */
  Object invoke(ApiMethod method, List<Object> args);

  /**
   * Lets api methods change the event the script sees (see {@link
   * dev.interlock.core.trigger.ApiCall#updateEvent}). The runtime attaches one before calling the
   * handler.
   */
  void attachEventUpdater(EventUpdater updater);

  /** Applies a change to the script-visible event. */
  @FunctionalInterface
  interface EventUpdater {
    void update(List<String> path, Object value);
  }
}
