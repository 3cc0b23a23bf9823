package org.nivaran.grievance.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time in nanoseconds, read before and after a timed run of {@link StoreLoadHarness} to tell
 * where its time went: this JVM, the local PostgreSQL's processes, and everything else on the
 * machine. A value is -1 where it cannot be read (the database's and the machine's come from
 * Linux's {@code /proc}); the database's is 0 when no process named {@code postgres} runs here
 * (H2, or a remote server).
 *
 * @param jvm this process's CPU time
 * @param database the CPU time of the processes named {@code postgres}
 * @param machine the busy time of all CPUs
 */
record CpuTime(long jvm, long database, long machine) {
  private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();
  /** Linux reports CPU time in ticks of 1/100 s (USER_HZ). */
  private static final long NANOS_PER_TICK = 10_000_000L;

  /** The counters now, to subtract later with {@link #since}. */
  static CpuTime now() {
    long jvm = OS instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    return new CpuTime(jvm, databaseNanos(), machineNanos());
  }

  /** The time spent from {@code start} to this reading. */
  CpuTime since(CpuTime start) {
    return new CpuTime(minus(jvm, start.jvm), minus(database, start.database), minus(machine, start.machine));
  }

  /** The machine's busy time that was neither this JVM's nor the database's, or -1. */
  long other() {
    return jvm < 0 || database < 0 || machine < 0 ? -1 : Math.max(0, machine - jvm - database);
  }

  private static long minus(long end, long start) {
    return end < 0 || start < 0 ? -1 : end - start;
  }

  /** User + nice + system + irq + softirq + steal of the first line of /proc/stat. */
  private static long machineNanos() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long ticks = 0;
      for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
        ticks += Long.parseLong(f[i]);
      }
      return ticks * NANOS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * User + system time of every process named {@code postgres} (the server's backends and
   * workers). Backends that end between two readings take their time with them; the harness's
   * pooled connections live through each timed run.
   */
  private static long databaseNanos() {
    Path proc = Path.of("/proc");
    if (!Files.isDirectory(proc)) {
      return -1;
    }
    long ticks = 0;
    try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
      for (Path pid : pids) {
        try {
          String stat = Files.readString(pid.resolve("stat"));
          int close = stat.lastIndexOf(')');
          if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
            continue;
          }
          String[] f = stat.substring(close + 2).split(" "); // f[0] is field 3 (state)
          ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15: utime, stime
        } catch (IOException | RuntimeException e) {
          // the process ended meanwhile
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return ticks * NANOS_PER_TICK;
  }

  /** CPU nanoseconds as whole microseconds per operation, {@code ?} when unknown (negative). */
  static String microsPerOp(long cpuNanos, long ops) {
    return cpuNanos < 0 ? "?" : String.format(java.util.Locale.ROOT, "%,.0f", cpuNanos / 1e3 / ops);
  }
}
