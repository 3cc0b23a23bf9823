package org.nivaran.grievance.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link BusinessCalendar#plus(Instant, Duration)} on the {@link OfficeCalendar office calendar},
 * side by side with the {@link DaySteppingPlus day-stepping baseline} on the same inputs, so that
 * the speed-up is a ratio of two scores from one run.
 *
 * <p>Each operation adds a span of {@code workingDays} × 8 open hours to the next of
 * {@value #STARTS} random instants across 2024 (cycled through; drawn once, in setup). The year
 * tables of 2024 to 2026 are built in setup, so table building is not measured.
 *
 * <pre>{@code
 * java -jar grievance-benchmarks/target/benchmarks.jar CalendarPlusBenchmark -f 2 -wi 3 -w 2s -i 5 -r 2s
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CalendarPlusBenchmark {
  /** How many start instants are cycled through; a power of two. */
  public static final int STARTS = 4096;

  /** The seed the start instants are drawn with. */
  public static final long SEED = 20240101L;

  /** The span in working days of 8 open hours; 250 stands for one year. */
  @Param({"1", "7", "30", "250"})
  public int workingDays;

  private BusinessCalendar calendar;
  private Instant[] starts;
  private Duration span;
  private int next;

  /** Draws the inputs and builds every year table the spans reach. */
  @Setup(Level.Trial)
  public void setUp() {
    calendar = OfficeCalendar.calendar();
    starts = OfficeCalendar.randomStartsIn2024(STARTS, SEED);
    span = OfficeCalendar.span(workingDays);
    Duration longest = OfficeCalendar.span(OfficeCalendar.WORKING_DAYS_PER_YEAR);
    for (Instant start : starts) {
      calendar.plus(start, longest); // builds the tables of 2024, 2025 and 2026
    }
    calendar.plus(starts[0], span); // leaves the calendar's last-year cache as a benchmark run does
    next = 0;
  }

  /**
   * The engine: binary searches in the precomputed year tables.
   *
   * @return the deadline
   */
  @Benchmark
  public Instant engine() {
    return calendar.plus(nextStart(), span);
  }

  /**
   * The baseline: walks day by day over {@link BusinessCalendar#hoursOn}.
   *
   * @return the deadline
   */
  @Benchmark
  public Instant baseline() {
    return DaySteppingPlus.plus(calendar, nextStart(), span);
  }

  private Instant nextStart() {
    Instant start = starts[next];
    next = (next + 1) & (STARTS - 1);
    return start;
  }
}
