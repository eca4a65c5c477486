package dev.interlock.core.internal;

import dev.interlock.core.execution.Command;
import dev.interlock.core.json.Undefined;
import dev.interlock.core.port.ApiSession;
import dev.interlock.core.port.UserDirectory;
import dev.interlock.core.trigger.ApiCall;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.ApiContract;
import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.Arguments;
import dev.interlock.core.trigger.CacheAccess;
import dev.interlock.core.trigger.FlowEffect;
import dev.interlock.core.trigger.ResumeRequest;
import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** One action invocation's api: records commands and flow effects; the api functions' context. */
final class ApiSessionImpl implements ApiSession, ApiCall {
  private final TriggerDefinition trigger;
  private final String executionId;
  private final String actionName;
  private final Map<String, Object> event;
  private final Map<String, Object> flowState;
  private final CacheAccess cache;
  private final java.time.InstantSource clock;
  private final Supplier<String> state;
  private final ResumeRequest resume;
  private final UserDirectory directory;
  private final List<Command> commands = new ArrayList<>();
  private EventUpdater updater = (path, value) -> {};
  private boolean stop;
  private FlowEffect suspension;
  private String redirectUrl;
  private Map<String, Object> suspensionDetails = Map.of();
  private final ResultBudget results;
  /** Why a call was refused for its size; the action then fails with {@code action_limit}. */
  private String limitExceeded;

  ApiSessionImpl(
      TriggerDefinition trigger,
      String executionId,
      String actionName,
      Map<String, Object> event,
      Map<String, Object> flowState,
      CacheAccess cache,
      java.time.InstantSource clock,
      Supplier<String> state,
      ResumeRequest resume,
      UserDirectory directory,
      ResultBudget results) {
    this.results = results;
    this.directory = directory;
    this.trigger = trigger;
    this.executionId = executionId;
    this.actionName = actionName;
    this.event = event;
    this.flowState = flowState;
    this.cache = cache;
    this.clock = clock;
    this.state = state;
    this.resume = resume;
  }

  @Override
  public ApiContract contract() {
    return trigger.api();
  }

  @Override
  public Object invoke(ApiMethod method, List<Object> args) {
    if (method.recordsCommand()) {
      String refused = results.admitCommand(method, args);
      if (refused != null) {
        // sticky: catching the error in the script does not make the action succeed
        limitExceeded = refused;
        throw ApiCallException.rangeError(refused);
      }
    }
    Object result = method.function().apply(this, new Arguments(method.path(), args));
    if (method.recordsCommand()) {
      List<Object> recorded = new ArrayList<>(args.size());
      for (Object a : args) {
        recorded.add(a == Undefined.VALUE ? null : a);
      }
      commands.add(new Command(method.path(), recorded));
    }
    switch (method.effect()) {
      case STOP -> stop = true;
      case SUSPEND_RESUME_SAME, SUSPEND_RESUME_NEXT -> suspension = method.effect();
      case NONE -> {}
    }
    return result;
  }

  @Override
  public void attachEventUpdater(EventUpdater updater) {
    this.updater = updater;
  }

  /** Why a call was too large to record, or null. */
  String limitExceeded() {
    return limitExceeded;
  }

  boolean stopRequested() {
    return stop;
  }

  FlowEffect suspension() {
    return suspension;
  }

  String redirectUrl() {
    return redirectUrl;
  }

  Map<String, Object> suspensionDetails() {
    return suspensionDetails;
  }

  List<Command> recorded() {
    return commands;
  }

  @Override
  public TriggerId trigger() {
    return trigger.id();
  }

  @Override
  public String executionId() {
    return executionId;
  }

  @Override
  public String actionName() {
    return actionName;
  }

  @Override
  public Map<String, Object> event() {
    return event;
  }

  @Override
  public Map<String, Object> flowState() {
    return flowState;
  }

  @Override
  public List<Command> commands() {
    return Collections.unmodifiableList(commands);
  }

  @Override
  public void updateEvent(List<String> path, Object value) {
    updater.update(path, value);
  }

  @Override
  public CacheAccess cache() {
    return cache;
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public String continuationState() {
    return state.get();
  }

  @Override
  public void suspendTo(String redirectUrl, Map<String, Object> details) {
    this.redirectUrl = redirectUrl;
    this.suspensionDetails = details == null ? Map.of() : details;
  }

  @Override
  public UserDirectory directory() {
    return directory;
  }

  @Override
  public Optional<ResumeRequest> resumeRequest() {
    return Optional.ofNullable(resume);
  }
}
