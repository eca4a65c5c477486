package dev.interlock.adapter.rhino.internal;

import dev.interlock.adapter.rhino.RhinoConfig;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;

/**
 * Makes the Contexts scripts run in: ES6 language level, compiled (or interpreted) mode, no Java
 * classes reachable, an instruction observer that enforces the current execution's {@link Budget}
 * and a job queue the runtime drains itself (see {@link JobLoop}).
 */
final class SandboxContextFactory extends ContextFactory {
  private static final int HEAVY_THRESHOLD = 1;
  private final RhinoConfig config;

  SandboxContextFactory(RhinoConfig config) {
    this.config = config;
  }

  @Override
  protected Context makeContext() {
    SandboxContext cx = new SandboxContext(this);
    cx.setLanguageVersion(Context.VERSION_ES6);
    cx.setInterpretedMode(config.interpreted());
    if (config.interpreted()) {
      cx.setMaximumInterpreterStackDepth(config.maxStackDepth());
    }
    cx.setInstructionObserverThreshold(config.instructionObserverThreshold());
    cx.setClassShutter(className -> false);
    cx.setGeneratingDebug(true);
    return cx;
  }

  @Override
  protected boolean hasFeature(Context cx, int featureIndex) {
    switch (featureIndex) {
      case Context.FEATURE_ENHANCED_JAVA_ACCESS:
      case Context.FEATURE_E4X:
        return false;
      default:
        return super.hasFeature(cx, featureIndex);
    }
  }

  @Override
  protected void observeInstructionCount(Context cx, int instructionCount) {
    Execution execution = ((SandboxContext) cx).execution;
    if (execution != null && execution.budget().checkAllocated() && cx.getInstructionObserverThreshold() > HEAVY_THRESHOLD) {
      // A script that allocates a lot (a megabyte since the last check) may grow memory
      // exponentially (s = s + s): check it after almost every statement from now on. The
      // Context belongs to this execution only, so later executions start at the normal rate.
      cx.setInstructionObserverThreshold(HEAVY_THRESHOLD);
    }
  }

  /** A Context bound to at most one execution at a time; queues promise jobs for {@link JobLoop}. */
  static final class SandboxContext extends Context {
    Execution execution;

    SandboxContext(ContextFactory factory) {
      super(factory);
    }

    @Override
    public void enqueueMicrotask(Runnable task) {
      if (execution == null) {
        throw new IllegalStateException("promise job outside an execution");
      }
      execution.jobs().add(task);
    }

    /** Jobs run in {@link JobLoop}, with budget checks between them, not when a script ends. */
    @Override
    public void processMicrotasks() {}
  }
}
