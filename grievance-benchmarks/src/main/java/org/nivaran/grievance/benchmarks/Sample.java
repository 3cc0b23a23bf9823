package org.nivaran.grievance.benchmarks;

/**
 * One timed run of {@link StoreLoadHarness}; immutable.
 *
 * @param count how many operations it did
 * @param nanos how long it took
 * @param cpu the CPU time spent meanwhile
 */
record Sample(long count, long nanos, CpuTime cpu) {
  /** The share of all CPUs that other processes may take before a run counts as disturbed. */
  static final double DISTURBED = 0.25;

  Sample(long count, Threads.Timed t) {
    this(count, t.nanos(), t.cpu());
  }

  double perSecond() {
    return count * 1e9 / nanos;
  }

  /** Whether processes other than this JVM and the database took a fair share of the CPUs meanwhile. */
  boolean disturbed() {
    return cpu.other() > DISTURBED * nanos * Runtime.getRuntime().availableProcessors();
  }
}
