package dev.interlock.adapter.rhino;

/**
 * Limits of the Rhino script runtime, per execution of one action. Time is not configured here:
 * every invocation carries its own deadline from the engine.
 *
 * @param maxAllocatedBytes bytes the executing thread may allocate during one execution
 *     (measured with the JVM's per-thread allocation counter); built-ins that allocate in one
 *     step ({@code repeat}, {@code padEnd}, {@code join}, typed arrays, {@code JSON.stringify}, ...)
 *     are checked against it before they run
 * @param maxPromiseJobs promise reactions and timer callbacks one execution may run
 * @param maxTimers timers one execution may have pending at once
 * @param maxStackDepth nesting of JavaScript calls in interpreted mode; in compiled mode deep
 *     recursion ends with the JVM's {@code StackOverflowError}, caught by the runtime
 * @param instructionObserverThreshold instructions between two budget checks; once a script
 *     allocates more than a megabyte between two checks, it is checked after almost every
 *     statement for the rest of that execution (exponential growth such as {@code s = s + s})
 * @param interpreted run scripts in Rhino's interpreter instead of compiling them to bytecode
 *     (slower; only for platforms that cannot load generated classes)
 * @param egress where {@code fetch} and {@code axios} may connect, and how much
 * @param hostModules the application's own modules scripts can {@code require}
 * @param maxCpuTime CPU time one execution may use (measured per thread, added up over the slices
 *     of an execution that waited; waiting costs none); checked with the instruction observer,
 *     so a script stops within a few thousand instructions of it, with {@code action_timeout}
 * @param fetchInterceptor answers scripts' HTTP requests before the network does (stubs in tests);
 *     {@link FetchInterceptor#NETWORK} by default
 * @param packages installs the npm packages actions declare, at load; {@code null} (the default)
 *     means none: declared dependencies then resolve only against the built-in modules
 */
public record RhinoConfig(
    long maxAllocatedBytes,
    int maxPromiseJobs,
    int maxTimers,
    int maxStackDepth,
    int instructionObserverThreshold,
    boolean interpreted,
    RhinoEgress egress,
    java.util.List<HostModule> hostModules,
    java.time.Duration maxCpuTime,
    FetchInterceptor fetchInterceptor,
    dev.interlock.core.port.PackageInstaller packages) {

  public RhinoConfig {
    java.util.Objects.requireNonNull(egress, "egress");
    java.util.Objects.requireNonNull(fetchInterceptor, "fetchInterceptor");
    if (maxCpuTime == null || maxCpuTime.isNegative() || maxCpuTime.isZero()) {
      throw new IllegalArgumentException("maxCpuTime must be positive, got " + maxCpuTime);
    }
    hostModules = java.util.List.copyOf(hostModules);
    if (maxAllocatedBytes < 1024 * 1024) {
      throw new IllegalArgumentException("maxAllocatedBytes must be at least 1 MiB, got " + maxAllocatedBytes);
    }
    if (maxPromiseJobs < 1 || maxTimers < 1 || maxStackDepth < 16) {
      throw new IllegalArgumentException(
          "maxPromiseJobs and maxTimers must be >= 1 and maxStackDepth >= 16");
    }
    if (instructionObserverThreshold < 100) {
      throw new IllegalArgumentException("instructionObserverThreshold must be >= 100");
    }
  }

  public RhinoConfig(
      long maxAllocatedBytes, int maxPromiseJobs, int maxTimers, int maxStackDepth, int instructionObserverThreshold,
      boolean interpreted) {
    this(maxAllocatedBytes, maxPromiseJobs, maxTimers, maxStackDepth, instructionObserverThreshold, interpreted,
        RhinoEgress.defaults(), java.util.List.of(), java.time.Duration.ofSeconds(5), FetchInterceptor.NETWORK, null);
  }

  public RhinoConfig withEgress(RhinoEgress value) {
    return new RhinoConfig(maxAllocatedBytes, maxPromiseJobs, maxTimers, maxStackDepth, instructionObserverThreshold,
        interpreted, value, hostModules, maxCpuTime, fetchInterceptor, packages);
  }

  public RhinoConfig withHostModules(java.util.List<HostModule> value) {
    return new RhinoConfig(maxAllocatedBytes, maxPromiseJobs, maxTimers, maxStackDepth, instructionObserverThreshold,
        interpreted, egress, value, maxCpuTime, fetchInterceptor, packages);
  }

  public RhinoConfig withFetchInterceptor(FetchInterceptor value) {
    return new RhinoConfig(maxAllocatedBytes, maxPromiseJobs, maxTimers, maxStackDepth, instructionObserverThreshold,
        interpreted, egress, hostModules, maxCpuTime, value, packages);
  }

  /**
   * Installs the npm packages actions declare with {@code installer}, when an action version is
   * loaded. Built-in modules keep their names: a declared {@code axios} is never installed.
   */
  public RhinoConfig withPackages(dev.interlock.core.port.PackageInstaller installer) {
    return new RhinoConfig(maxAllocatedBytes, maxPromiseJobs, maxTimers, maxStackDepth, instructionObserverThreshold,
        interpreted, egress, hostModules, maxCpuTime, fetchInterceptor, installer);
  }

  public RhinoConfig withMaxCpuTime(java.time.Duration value) {
    return new RhinoConfig(maxAllocatedBytes, maxPromiseJobs, maxTimers, maxStackDepth, instructionObserverThreshold,
        interpreted, egress, hostModules, value, fetchInterceptor, packages);
  }

  /**
   * 64 MiB allocation, 5 s of CPU time, 100,000 jobs, 1,000 timers, depth 1,000, checks every
   * 1,000 instructions.
   */
  public static RhinoConfig defaults() {
    return new RhinoConfig(64L * 1024 * 1024, 100_000, 1_000, 1_000, 1_000, false);
  }

  public RhinoConfig withMaxAllocatedBytes(long bytes) {
    return new RhinoConfig(bytes, maxPromiseJobs, maxTimers, maxStackDepth, instructionObserverThreshold, interpreted, egress, hostModules, maxCpuTime, fetchInterceptor, packages);
  }

  public RhinoConfig withMaxPromiseJobs(int jobs) {
    return new RhinoConfig(maxAllocatedBytes, jobs, maxTimers, maxStackDepth, instructionObserverThreshold, interpreted, egress, hostModules, maxCpuTime, fetchInterceptor, packages);
  }

  public RhinoConfig withInterpreted(boolean value) {
    return new RhinoConfig(maxAllocatedBytes, maxPromiseJobs, maxTimers, maxStackDepth, instructionObserverThreshold, value, egress, hostModules, maxCpuTime, fetchInterceptor, packages);
  }
}
