package org.nivaran.grievance.examples.simulate;

import org.nivaran.grievance.tenant.TenantId;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.EnumMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.nivaran.grievance.GrievancesBuilder;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.escalation.EscalationReport;
import org.nivaran.grievance.escalation.Escalator;
import org.nivaran.grievance.jdbc.JdbcComplaintStore;
import org.nivaran.grievance.jdbc.JdbcGradingSource;
import org.nivaran.grievance.jdbc.JdbcIdScheme;
import org.nivaran.grievance.jdbc.OutboxRelay;
import org.nivaran.grievance.jdbc.SchemaInstaller;
import org.nivaran.grievance.report.ComplaintFacts;
import org.nivaran.grievance.report.GradedUnit;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.report.Grading;
import org.nivaran.grievance.report.GradingReport;
import org.nivaran.grievance.report.GradingScheme;
import org.nivaran.grievance.report.GradingPeriod;
import org.nivaran.grievance.directory.Directory;

/**
 * A month of a district call centre, simulated through Nivaran: calls are registered and routed to
 * their L1 posts, officers reply (some ask for documents, some are slow), the call centre returns
 * poor replies and phones citizens to verify, complaints escalate up the MP ladder, notifications
 * go through the JDBC store's outbox, and at the end the departments and districts are graded and
 * a self-contained HTML report is written. Complaints have priorities, officers make a first
 * response, vacant posts are held by an additional charge, and L1 officers' special closures are
 * decided by the post above ({@code HelplineRules}).
 *
 * <p>The state runs one platform: Raipur and Durg are two tenants ({@code cg-raipur},
 * {@code cg-durg}) of the one store, each district with its own {@link Grievances}, escalator,
 * outbox relay and complaint numbers; a call goes to the district of its jurisdiction, and the
 * grading reads each district's facts and grades them together, state-wide. Most callers give a
 * place, a point on the map near their district's headquarters, and a tenth of the grievances
 * arrive through the Jan Sunwai web portal with the portal's number as an external reference; a
 * quarter of those citizens also phone the helpline quoting it, and are answered with the
 * complaint already registered ({@code Portals}).
 *
 * <pre>{@code
 * SimulationResult result = Simulation.builder()
 *     .days(26).complaints(1_100).seed(2024)
 *     .output(Path.of("target/nivaran-simulation.html"))
 *     .build()
 *     .run(System.out, System.err);
 * result.grading().departments();      // ranked, graded
 * }</pre>
 *
 * <p>The district is {@link RaipurDistrict}: six departments, Raipur and its neighbour Durg, posts
 * L1 to L4, the office calendar and the MP ladder (7 working days at each level, 3 for a
 * {@code HIGH} complaint and 1 for an {@code URGENT} one). The simulated days start on Monday 4
 * March 2024, which puts three holidays (Mahashivratri, Holi, Good Friday) and the closed 2nd and
 * 4th Saturdays into a 26-day run. Simulated time moves in 10-minute steps:
 * in each, the people's actions that fall due are carried out in order (an event queue), then the
 * escalator sweeps; the outbox relay drains every simulated hour. Everything is drawn from the
 * seed with {@link SplittableRandom}s and stamped by a simulated clock, so the same options give
 * the same complaints, the same grading and the same report, byte for byte. What the people do,
 * and how often, is described on {@code Behaviour}.
 *
 * <p>By default the store is an embedded H2 database in memory, dropped at the end: a demo, so the
 * store is built with {@code allowNonDurable} (a database in memory loses everything when it
 * closes, and {@link JdbcComplaintStore#create} refuses it); a database given to
 * {@link Builder#dataSource} is checked as a deployment's would be. The schema is
 * installed with {@link SchemaInstaller}, complaint numbers come from {@link JdbcIdScheme}
 * ({@code RPR-2024-…} for Raipur, {@code DRG-2024-…} for Durg, each counted in its tenant), and the
 * two outbox relays hand the notifications to a notifier that only counts them. The report goes to
 * {@code target/nivaran-simulation.html} under the working directory (the repository root when
 * run with the README's Maven command), its folders created as needed.
 *
 * <p>The grading uses the standard weights and bands, with two {@linkplain
 * GradingScheme.Builder#peerGroups peer groups}, so that each unit is also ranked among units of
 * a similar volume: those that received up to 18% of the calls aimed at (the smaller departments),
 * and the bigger ones (see {@link #scheme(int)}).
 *
 * <p>Immutable; each {@link #run} is independent. Not for concurrent runs on one data source.
 */
public final class Simulation {
  /** The first simulated day: Monday 4 March 2024. */
  public static final LocalDate START = LocalDate.of(2024, 3, 4);
  /** The default number of simulated days: 26, as in the Raipur call centre's first report. */
  public static final int DEFAULT_DAYS = 26;
  /** The default number of calls aimed at over the days: 1,100, about 42 a day. */
  public static final int DEFAULT_COMPLAINTS = 1_100;
  /** The default seed. */
  public static final long DEFAULT_SEED = 2024;
  /** The default report path, relative to the working directory. */
  public static final Path DEFAULT_OUTPUT = Path.of("target", "nivaran-simulation.html");
  /** The most days a run may simulate. */
  public static final int MAX_DAYS = 366;

  /** How far simulated time moves between two sweeps of the escalator. */
  static final Duration STEP = Duration.ofMinutes(10);
  /** Relay the outbox every this many steps (every simulated hour). */
  private static final int RELAY_EVERY = 6;
  /** Why the simulation's own database may lose writes. */
  private static final String THROW_AWAY = "the simulation's demo database, in memory and dropped when the run ends";

  private final int days;
  private final int complaints;
  private final long seed;
  private final Path output;
  private final DataSource dataSource;
  private final Boolean animated;
  private final Consumer<DataSource> inspect;

  private Simulation(Builder b) {
    this.days = b.days;
    this.complaints = b.complaints;
    this.seed = b.seed;
    this.output = b.output;
    this.dataSource = b.dataSource;
    this.animated = b.animated;
    this.inspect = b.inspect;
  }

  /**
   * A builder with the defaults: {@value #DEFAULT_DAYS} days, {@value #DEFAULT_COMPLAINTS} calls,
   * seed {@value #DEFAULT_SEED}, the report at {@code target/nivaran-simulation.html}, an embedded
   * H2 database.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The grading scheme of a run aiming at a number of calls: the standard weights and bands, and
   * two peer groups split at 18% of the calls (rounded half up), between the departments with 16%
   * or less of the calls and those with 22% or more.
   *
   * @param complaints the calls aimed at
   * @return the scheme
   */
  public static GradingScheme scheme(int complaints) {
    return GradingScheme.builder().peerGroups(Math.max(0, Math.round(complaints * 0.18))).build();
  }

  /**
   * The simulation with every default.
   *
   * @return the simulation
   */
  public static Simulation ofDefaults() {
    return builder().build();
  }

  /**
   * Runs the simulation: progress on {@code err}, then the summary and the grading tables on
   * {@code out}; the HTML report is written to the output path.
   *
   * @param out where the summary and tables go
   * @param err where the progress goes: a bar redrawn in place when the JVM has a console, else a
   *     line every 5 days
   * @return what the run came to
   * @throws UncheckedIOException if the report cannot be written
   * @throws org.nivaran.grievance.jdbc.JdbcStoreException if the database fails
   * @throws org.nivaran.grievance.jdbc.NonDurableDatabaseException if the database given to
   *     {@link Builder#dataSource} can lose acknowledged writes
   */
  public SimulationResult run(PrintStream out, PrintStream err) {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    if (dataSource != null) {
      return run(JdbcComplaintStore.builder(dataSource), dataSource, out, err); // the host's database: checked
    }
    // A demo: the simulated month lives in an H2 database in memory, dropped at the end, so the
    // store is built without its durability check. A deployment keeps complaints in PostgreSQL
    // and builds the store with JdbcComplaintStore.create.
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:simulation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    config.setMaximumPoolSize(2);
    config.setPoolName("nivaran-simulation");
    try (HikariDataSource h2 = new HikariDataSource(config)) {
      try {
        return run(JdbcComplaintStore.builder(h2).allowNonDurable(THROW_AWAY), h2, out, err);
      } finally {
        shutDown(h2);
      }
    }
  }

  private SimulationResult run(JdbcComplaintStore.Builder storeOn, DataSource ds, PrintStream out, PrintStream err) {
    SchemaInstaller.install(ds);
    Instant from = START.atStartOfDay(RaipurDistrict.IST).toInstant();
    Instant to = START.plusDays(days).atStartOfDay(RaipurDistrict.IST).toInstant();
    GradingPeriod period = new GradingPeriod(from, to);

    SimClock clock = new SimClock(from, RaipurDistrict.IST);
    JdbcComplaintStore store = storeOn.build();
    Agenda agenda = new Agenda();
    Directory directory = RaipurDistrict.directory();
    Behaviour behaviour = new Behaviour(seed, directory, agenda, clock);
    Grievances raipur = district(Districts.RAIPUR, "RPR", store, clock, ds, behaviour);
    Grievances durg = district(Districts.DURG, "DRG", store, clock, ds, behaviour);
    Districts districts = new Districts(raipur, durg);
    behaviour.start(districts);
    CountingNotifier notifier = new CountingNotifier();
    List<OutboxRelay> relays = new ArrayList<>();
    List<Escalator> escalators = new ArrayList<>();
    SplittableRandom relayRandom = new SplittableRandom(seed);
    for (Grievances g : districts.all()) {
      relays.add(OutboxRelay.builder()
          .dataSource(ds)
          .tenant(g.tenant())
          .clock(clock)
          .notifier(notifier)
          .random(relayRandom.split())
          .build());
      escalators.add(g.escalator());
    }

    behaviour.planEvents(START, days);
    behaviour.planCalls(START, days, complaints);
    Progress progress = new Progress(err, animated != null ? animated : System.console() != null, days);
    TreeMap<Level, Long> escalations = new TreeMap<>();
    long firstResponsesMissed = 0;
    long steps = Duration.between(from, to).dividedBy(STEP);
    for (long step = 1; step < steps; step++) {
      Instant now = from.plus(STEP.multipliedBy(step));
      agenda.runUntil(now, clock);
      clock.advanceTo(now);
      List<EscalationReport.Outcome> swept = new ArrayList<>();
      for (Escalator escalator : escalators) {
        swept.addAll(escalator.sweep().outcomes());
      }
      for (EscalationReport.Outcome o : swept) {
        if (o.action() == EscalationReport.Action.ESCALATED) {
          escalations.merge(o.from().next(), 1L, Long::sum);
        } else if (o.action() == EscalationReport.Action.FIRST_RESPONSE_MISSED) {
          firstResponsesMissed++;
        } else if (o.action() == EscalationReport.Action.FAILED) {
          err.println("escalating " + o.complaintId() + " failed: " + o.detail());
        }
        behaviour.swept(o);
      }
      if (step % RELAY_EVERY == 0) {
        relays.forEach(OutboxRelay::drain);
      }
      if (now.atZone(RaipurDistrict.IST).toLocalTime().equals(LocalTime.MIDNIGHT)) {
        progress.day((int) Duration.between(from, now).toDays(), behaviour.received());
      }
    }
    relays.forEach(OutboxRelay::drain);
    progress.day(days, behaviour.received());

    // state-wide grading fans out: each district's facts from its own tenant, graded together
    List<ComplaintFacts> facts = new ArrayList<>();
    for (Grievances g : districts.all()) {
      facts.addAll(JdbcGradingSource.create(ds, g.tenant()).facts(period));
    }
    GradingReport grading = Grading.grade(facts, period, scheme(complaints),
        Grading.districtsOf(directory.jurisdictions()));

    long[] received = new long[days];
    long[] disposed = new long[days];
    long within = 0;
    long pending = 0;
    long beyond = 0;
    long satisfied = 0;
    long dissatisfied = 0;
    EnumMap<Priority, long[]> byPriority = new EnumMap<>(Priority.class);
    for (ComplaintFacts f : facts) {
      long[] p = byPriority.computeIfAbsent(behaviour.rules().priorityOf(f.id()), x -> new long[3]);
      p[0] += f.receivedIn(period) ? 1 : 0;
      p[1] += f.disposedAt().isPresent() ? 1 : 0;
      p[2] += f.withinSla() ? 1 : 0;
      if (f.receivedIn(period)) {
        received[dayOf(f.registeredAt())]++;
      }
      if (f.disposedAt().isPresent()) {
        disposed[dayOf(f.disposedAt().get())]++;
      }
      within += f.withinSla() ? 1 : 0;
      pending += f.pending() ? 1 : 0;
      beyond += f.beyondSla() ? 1 : 0;
      satisfied += f.satisfied();
      dissatisfied += f.dissatisfied();
    }
    List<RunFigures.DayCount> perDay = new ArrayList<>(days);
    long receivedTotal = 0;
    long disposedTotal = 0;
    for (int i = 0; i < days; i++) {
      perDay.add(new RunFigures.DayCount(START.plusDays(i), received[i], disposed[i]));
      receivedTotal += received[i];
      disposedTotal += disposed[i];
    }
    EnumMap<Priority, HelplineFigures.PriorityCount> priorities = new EnumMap<>(Priority.class);
    byPriority.forEach((p, n) -> priorities.put(p, new HelplineFigures.PriorityCount(n[0], n[1], n[2])));
    long due = 0;
    long inTime = 0;
    for (GradedUnit u : grading.departments()) {
      due += u.figures().firstResponsesDue();
      inTime += u.figures().firstResponsesInTime();
    }
    HelplineFigures helpline = behaviour.rules().figures(priorities, due, inTime, firstResponsesMissed);
    SimulationResult result = new SimulationResult(period, seed, grading, receivedTotal, disposedTotal, within, pending,
        beyond, satisfied, dissatisfied, behaviour.verifications().get(Behaviour.Verification.UNREACHABLE),
        behaviour.returned(), behaviour.fakes(), behaviour.duplicates(), behaviour.withdrawn(), escalations,
        districts.all().stream().mapToInt(g -> g.stuck(100_000).size()).sum(), notifier.total(), helpline,
        behaviour.stateFigures(), output.toAbsolutePath().normalize());
    RunFigures figures = new RunFigures(result, directory, START, complaints, List.copyOf(perDay), notifier.counts(),
        behaviour.documentsRequested());
    TerminalReport.print(figures, out);
    try {
      HtmlReport.write(figures, result.report());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + result.report(), e);
    }
    out.println();
    out.println("Report: " + result.report().toUri());
    out.flush();
    if (inspect != null) {
      inspect.accept(ds);
    }
    return result;
  }

  /**
   * One district's entry point: its tenant on the shared store, its own numbers (prefix {@code
   * RPR} or {@code DRG}, counted per tenant), and the simulated state's policies.
   */
  private static Grievances district(TenantId tenant, String prefix, JdbcComplaintStore store, SimClock clock,
      DataSource ds, Behaviour behaviour) {
    GrievancesBuilder builder = Grievances.builder()
        .tenant(tenant)
        .store(store)
        .clock(clock)
        .idScheme(JdbcIdScheme.yearly(ds, tenant, prefix, RaipurDistrict.IST, 100));
    behaviour.configure(builder);
    return builder.build();
  }

  /** The index of the simulated day an instant falls on. */
  private static int dayOf(Instant at) {
    return (int) (at.atZone(RaipurDistrict.IST).toLocalDate().toEpochDay() - START.toEpochDay());
  }

  /** Drops the embedded database, which would otherwise live as long as the JVM. */
  private static void shutDown(DataSource h2) {
    try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      // the database is gone either way
    }
  }

  /** Builds a {@link Simulation}. Not thread-safe. */
  public static final class Builder {
    private int days = DEFAULT_DAYS;
    private int complaints = DEFAULT_COMPLAINTS;
    private long seed = DEFAULT_SEED;
    private Path output = DEFAULT_OUTPUT;
    private DataSource dataSource;
    private Boolean animated;
    private Consumer<DataSource> inspect;

    private Builder() {}

    /**
     * How many days to simulate, from {@link #START}.
     *
     * @param days 1 to {@value #MAX_DAYS}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder days(int days) {
      if (days < 1 || days > MAX_DAYS) {
        throw new IllegalArgumentException("days must be 1 to " + MAX_DAYS + " (was " + days + ")");
      }
      this.days = days;
      return this;
    }

    /**
     * How many calls to aim at over all the days; the run receives about as many (each day's
     * count varies by up to ±15%).
     *
     * @param complaints 1 to 100,000
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder complaints(int complaints) {
      if (complaints < 1 || complaints > 100_000) {
        throw new IllegalArgumentException("complaints must be 1 to 100,000 (was " + complaints + ")");
      }
      this.complaints = complaints;
      return this;
    }

    /**
     * The seed everything is drawn from.
     *
     * @param seed any number
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Where to write the HTML report; a relative path is resolved against the working directory.
     *
     * @param output the file; its folders are created as needed
     * @return this builder
     */
    public Builder output(Path output) {
      this.output = Objects.requireNonNull(output, "output");
      return this;
    }

    /**
     * The database to store the complaints in, instead of an embedded H2 database in memory. The
     * Nivaran schema is installed if missing; the database should hold no complaints yet, or they
     * are graded too. The run refuses a database that can lose acknowledged writes
     * ({@link org.nivaran.grievance.jdbc.NonDurableDatabaseException}), as the store does.
     *
     * @param dataSource a PostgreSQL data source (an H2 one is refused as not durable)
     * @return this builder
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /**
     * Whether to redraw the progress bar in place; by default only when the JVM has a console.
     *
     * @param animated true for a bar redrawn with carriage returns, false for a few plain lines
     * @return this builder
     */
    public Builder animatedProgress(boolean animated) {
      this.animated = animated;
      return this;
    }

    /** For tests: reads the database at the end of the run, before an embedded one is dropped. */
    Builder inspect(Consumer<DataSource> inspect) {
      this.inspect = Objects.requireNonNull(inspect, "inspect");
      return this;
    }

    /**
     * Builds the simulation.
     *
     * @return the simulation
     */
    public Simulation build() {
      return new Simulation(this);
    }
  }
}
