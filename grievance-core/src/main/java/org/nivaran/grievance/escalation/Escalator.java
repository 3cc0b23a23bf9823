package org.nivaran.grievance.escalation;

import org.nivaran.grievance.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.escalation.EscalationReport.Action;
import org.nivaran.grievance.escalation.EscalationReport.Outcome;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.sla.SlaTimer;
import org.nivaran.grievance.internal.LogContext;
import org.nivaran.grievance.observe.EscalationOutcome;
import org.nivaran.grievance.observe.Instrumentation;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.Page;
import org.nivaran.grievance.store.WorkLists;
import org.nivaran.grievance.store.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Escalates the complaints whose level's time has run out. A sweep claims the due complaints in
 * batches ({@link WorkLists#claimDue}: an index on the deadline, never a scan; on a shared
 * database, rows no other sweeper holds), asks each one's {@link EscalationPolicy} what happens,
 * and stores the batch's commands through the {@link Gateway} under the versions it read:
 *
 * <ul>
 *   <li>up one level: {@code Escalate} to the post above; the new level's clock starts from the
 *       instant the old one ran out ({@link org.nivaran.grievance.sla.SlaTimer#handOver}: time spent
 *       waiting on the citizen counts against neither level);
 *   <li>blocked (no post above, a vacant post whose additional charge is not in force):
 *       {@code Flag ESCALATION_BLOCKED} with the reason; the complaint leaves the due list and joins
 *       the stuck list, which every sweep retries (a charge given since lets it move up);
 *   <li>at the top rung: the ladder's {@link PastTop} action.
 * </ul>
 *
 * <p>A sweep catches up in one pass: when the new level's time has run out by the sweep's instant
 * too (the sweeps stopped for weeks), the complaint goes on up, one {@code Escalate} per level,
 * and then the blocked flag or past-the-top action applies where it stops; a top rung whose
 * restarted clock would be due again is restarted once, with the clock that runs now. Each step
 * is stamped at the instant the level's time ran out, or at the complaint's latest event if that
 * is later, so every level's clock counts from where the one before ran out; the steps are stored
 * as one change, whose notifications tell the last post only.
 *
 * <p>Each complaint is escalated at most once per level: a complaint moved up is no longer due
 * until its new level's time runs out, and a sweep that lost a race (another sweep or an officer
 * changed the complaint since it was read) reads it again and decides afresh, so a resolved
 * complaint is never escalated. Sweeps may run concurrently, in one JVM or on many nodes.
 *
 * <pre>{@code
 * Escalator escalator = grievances.escalator();
 * EscalationReport report = escalator.sweep();          // from a scheduler, every few minutes
 * }</pre>
 *
 * <p>Each sweep is one operation observed by the builder's {@link Builder#instrumentation
 * instrumentation}, told of each action (with the SLA breach it records, see
 * {@link EscalationOutcome}) and of the sweep's duration; nothing it does changes the sweep.
 *
 * <p>Thread-safe.
 */
public final class Escalator {
  private static final Logger LOG = LoggerFactory.getLogger(Escalator.class);
  private static final int MAX_RACES = 5;

  /**
   * Issues a command to a complaint under an expected version: the use case that runs commands
   * ({@code usecase.CommandExecution}) is the one {@code Grievances} gives its escalators.
   * Implementations must be thread-safe.
   */
  @FunctionalInterface
  public interface Gateway {
    /**
     * Decides, stores and publishes a command, its events stamped by the gateway's clock.
     *
     * @param id the complaint
     * @param expectedVersion the version the escalator read
     * @param command the command
     * @param actor who issues it
     * @return the complaint after the command
     * @throws StaleVersionException if the complaint changed since it was read
     */
    Complaint execute(ComplaintId id, long expectedVersion, ComplaintCommand command, Actor actor);

    /**
     * Decides, stores and publishes the steps of a request on the complaint as the escalator read
     * it. {@code Grievances} stores them as one change, each step's events stamped at its
     * {@linkplain Step#at() instant} (never earlier than the event before, never later than the
     * gateway's clock), and makes the change's notifications once: a complaint a late sweep moves
     * up several levels tells the last post only. This default runs the steps one after the
     * other through {@link #execute(ComplaintId, long, ComplaintCommand, Actor)}, each a change of
     * its own stamped by the gateway's clock.
     *
     * @param request the complaint as read and the steps
     * @return the complaint after the steps
     * @throws StaleVersionException if the complaint changed since it was read
     */
    default Complaint execute(Request request) {
      Complaint c = request.complaint();
      for (Step step : request.steps()) {
        c = execute(c.id(), c.version(), step.command(), step.actor());
      }
      return c;
    }

    /**
     * Decides and stores several requests, each on the complaint as the escalator read it (its
     * version is the expected one). {@code Grievances} stores them as one batch; this default
     * runs {@link #execute(Request)} for each.
     *
     * @param requests the requests, at most one per complaint
     * @return the requests not carried out, by complaint, with why; a lost race is a
     *     {@link StaleVersionException}
     */
    default Map<ComplaintId, RuntimeException> executeAll(List<Request> requests) {
      Map<ComplaintId, RuntimeException> failed = new LinkedHashMap<>();
      for (Request r : requests) {
        try {
          execute(r);
        } catch (RuntimeException e) {
          failed.put(r.complaint().id(), e);
        }
      }
      return failed;
    }
  }

  /**
   * One command of a {@link Request}, and when it takes effect.
   *
   * <p>Immutable and thread-safe.
   *
   * @param command the command
   * @param actor who issues it
   * @param at the instant its events are stamped at (the deadline whose passing it answers), or
   *     empty for the gateway's clock
   */
  public record Step(ComplaintCommand command, Actor actor, Optional<Instant> at) {
    /**
     * Checks the fields.
     *
     * @param command the command
     * @param actor who issues it
     * @param at the instant its events are stamped at, or empty for the gateway's clock
     */
    public Step {
      Objects.requireNonNull(command, "command");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * What the escalator does to one complaint in a sweep, for {@link Gateway#execute(Request)} and
   * {@link Gateway#executeAll}: usually one step; one per level, and then what happens at the
   * last, when a late sweep finds several levels' time run out.
   *
   * <p>Immutable and thread-safe.
   *
   * @param complaint the complaint as read; its version is the expected one
   * @param steps the steps, in order, at least one
   */
  public record Request(Complaint complaint, List<Step> steps) {
    /**
     * Checks and copies the fields.
     *
     * @param complaint the complaint as read
     * @param steps the steps, in order, at least one
     * @throws IllegalArgumentException if there is no step
     */
    public Request {
      Objects.requireNonNull(complaint, "complaint");
      steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
      if (steps.isEmpty()) {
        throw new IllegalArgumentException("a request needs at least one step");
      }
    }

    /**
     * A request of one command, stamped by the gateway's clock.
     *
     * @param complaint the complaint as read
     * @param command the command
     * @param actor who issues it
     */
    public Request(Complaint complaint, ComplaintCommand command, Actor actor) {
      this(complaint, List.of(new Step(command, actor, Optional.empty())));
    }
  }

  /** How many due complaints a sweep reads at a time unless {@link Builder#batchSize} says otherwise. */
  public static final int DEFAULT_BATCH_SIZE = 500;
  /** How long a claimed batch is kept from other sweepers unless {@link Builder#claimLease} says otherwise. */
  public static final Duration DEFAULT_CLAIM_LEASE = Duration.ofMinutes(5);

  private final TenantId tenant;
  private final ComplaintStore store;
  private final WorkLists lists;
  private final EscalationPolicies policies;
  private final Supplier<Directory> directory;
  private final EscalationPlanner planner;
  private final Gateway gateway;
  private final Clock clock;
  private final Actor actor;
  private final int batchSize;
  private final Duration claimLease;
  private final SweepObserver observer;

  private Escalator(Builder b) {
    this.tenant = b.tenant;
    this.store = Objects.requireNonNull(b.store, "store");
    if (!(store instanceof WorkLists w)) {
      throw new IllegalStateException("the escalator sweeps the store's work lists; the store "
          + store.getClass().getName() + " does not implement WorkLists");
    }
    this.lists = w;
    this.policies = Objects.requireNonNull(b.policies, "policies");
    this.directory = Objects.requireNonNull(b.directory, "directory");
    Objects.requireNonNull(b.timekeeper, "timekeeper");
    this.gateway = Objects.requireNonNull(b.gateway, "gateway");
    this.clock = b.clock;
    this.actor = b.actor;
    this.planner = new EscalationPlanner(policies, b.timekeeper, actor);
    this.batchSize = b.batchSize;
    this.claimLease = b.claimLease;
    this.observer = new SweepObserver(tenant, b.instrumentation);
  }

  /**
   * A builder; store, policies, directory, timekeeper and gateway are required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * How many due complaints a sweep reads at a time ({@link Builder#batchSize(int)}).
   *
   * @return the batch size
   */
  public int batchSize() {
    return batchSize;
  }

  /**
   * How long a claimed batch is kept from other sweepers ({@link Builder#claimLease(Duration)}).
   *
   * @return the lease
   */
  public Duration claimLease() {
    return claimLease;
  }

  /**
   * Sweeps at the clock's current instant.
   *
   * @return what was done
   */
  public EscalationReport sweep() {
    return sweep(clock.instant());
  }

  /**
   * Acts on every complaint due at {@code now}, then retries the stuck list. A complaint whose
   * command fails for another reason than a lost race is reported as {@link Action#FAILED} (and
   * logged) and the sweep goes on.
   *
   * @param now the instant, not after the clock's (the events are stamped by the gateway's clock);
   *     complaints whose deadline is after it are left alone
   * @return what was done
   * @throws IllegalArgumentException if {@code now} is after the clock's instant
   */
  public EscalationReport sweep(Instant now) {
    try (LogContext log = LogContext.of(tenant.value(), Optional.empty())) {
      return observer.sweep(() -> sweepAt(now));
    }
  }

  /** Adds what was done to one complaint to the sweep's outcomes and tells the instrumentation. */
  private void record(List<Outcome> into, List<Outcome> forOne, boolean stuckRetry) {
    into.addAll(forOne);
    observer.acted(forOne, stuckRetry);
  }

  private EscalationReport sweepAt(Instant now) {
    Objects.requireNonNull(now, "now");
    Instant clockNow = clock.instant();
    if (now.isAfter(clockNow)) {
      throw new IllegalArgumentException(
          "now (" + now + ") is after the clock's instant (" + clockNow + "); the events are stamped by the clock, "
              + "so a sweep cannot act ahead of it");
    }
    List<Outcome> outcomes = new ArrayList<>();
    Directory dir = directory.get();
    Set<ComplaintId> passed = new HashSet<>(); // failed or not acted on: not asked for again
    while (true) {
      List<Complaint> due = lists.claimDue(tenant, now, batchSize + passed.size(), claimLease).stream()
          .filter(c -> !passed.contains(c.id()))
          .toList();
      if (due.isEmpty()) {
        break;
      }
      handleBatch(due, now, dir, outcomes, passed);
      if (due.size() < batchSize) {
        break;
      }
    }
    for (Complaint c : Page.collect(p -> lists.flagged(tenant, ComplaintFlag.ESCALATION_BLOCKED, p), Integer.MAX_VALUE)) {
      record(outcomes, handle(c, now, dir, true), true);
    }
    EscalationReport report = new EscalationReport(outcomes);
    if (!outcomes.isEmpty()) {
      LOG.info("escalation sweep at {}: {} escalated, {} blocked, {} overdue at the top, {} restarted at the top",
          now, report.count(Action.ESCALATED), report.count(Action.BLOCKED), report.count(Action.OVERDUE_AT_TOP),
          report.count(Action.RESTARTED_AT_TOP));
    }
    return report;
  }

  /**
   * Decides every complaint of a claimed batch and stores the requests as one batch; a complaint
   * that lost a race is read and handled again on its own.
   */
  private void handleBatch(List<Complaint> due, Instant now, Directory dir, List<Outcome> outcomes, Set<ComplaintId> passed) {
    List<Request> requests = new ArrayList<>(due.size());
    Map<ComplaintId, List<Outcome>> planned = new LinkedHashMap<>();
    for (Complaint c : due) {
      Optional<EscalationPlanner.Decision> decision;
      try {
        decision = planner.decide(c, now, dir, false);
      } catch (RuntimeException e) {
        record(outcomes, List.of(failed(c, e)), false);
        passed.add(c.id());
        continue;
      }
      if (decision.isEmpty()) {
        passed.add(c.id());
        continue;
      }
      requests.add(new Request(c, decision.get().steps()));
      planned.put(c.id(), decision.get().outcomes());
    }
    Map<ComplaintId, RuntimeException> notDone;
    boolean batchFailed = false;
    try {
      notDone = requests.isEmpty() ? Map.of() : gateway.executeAll(requests);
    } catch (RuntimeException e) { // the batch as a whole failed: try each on its own
      LOG.warn("storing a batch of {} escalation(s) failed; trying them one by one", requests.size(), e);
      notDone = Map.of();
      batchFailed = true;
    }
    for (Request r : requests) {
      ComplaintId id = r.complaint().id();
      RuntimeException e = notDone.get(id);
      if (e == null && !batchFailed) {
        record(outcomes, planned.get(id), false);
        continue;
      }
      List<Outcome> o;
      if (batchFailed || e instanceof StaleVersionException) {
        o = store.find(tenant, id).map(again -> handle(again, now, dir, false)).orElse(List.of());
      } else {
        LOG.warn("escalating complaint {} failed; the sweep goes on", id, e);
        o = List.of(failed(r.complaint(), e));
      }
      record(outcomes, o, false);
      if (o.isEmpty() || o.get(o.size() - 1).action() == Action.FAILED) {
        passed.add(id);
      }
    }
  }

  private static Outcome failed(Complaint c, RuntimeException e) {
    return new Outcome(c.id(), c.level().orElse(Level.of(0)), Action.FAILED, String.valueOf(e.getMessage()));
  }

  /**
   * Acts on one complaint, reading it again after a lost race.
   *
   * @param stuckRetry whether this is a retry of the stuck list (then only a move up is done)
   * @return what was done, empty if nothing
   */
  private List<Outcome> handle(Complaint read, Instant now, Directory dir, boolean stuckRetry) {
    try (LogContext log = LogContext.of(tenant.value(), Optional.of(read.id().value()))) {
      return handleOne(read, now, dir, stuckRetry);
    }
  }

  private List<Outcome> handleOne(Complaint read, Instant now, Directory dir, boolean stuckRetry) {
    Complaint c = read;
    for (int race = 0; race < MAX_RACES; race++) {
      Optional<EscalationPlanner.Decision> decision;
      try {
        decision = planner.decide(c, now, dir, stuckRetry);
        if (decision.isEmpty()) {
          return List.of();
        }
        gateway.execute(new Request(c, decision.get().steps()));
        return decision.get().outcomes();
      } catch (StaleVersionException e) {
        Optional<Complaint> again = store.find(tenant, c.id());
        if (again.isEmpty()) {
          return List.of();
        }
        c = again.get();
      } catch (RuntimeException e) { // one complaint's failure must not stop the sweep
        LOG.warn("escalating complaint {} failed; the sweep goes on", c.id(), e);
        return List.of(failed(c, e));
      }
    }
    LOG.warn("complaint {} kept changing while being escalated; left for the next sweep", read.id());
    return List.of();
  }

  /** Builds an {@link Escalator}. Not thread-safe. */
  public static final class Builder {
    private TenantId tenant = TenantId.DEFAULT;
    private ComplaintStore store;
    private EscalationPolicies policies;
    private Supplier<Directory> directory;
    private Timekeeper timekeeper;
    private Gateway gateway;
    private Clock clock = Clock.systemUTC();
    private Actor actor = Actor.system("escalator");
    private int batchSize = DEFAULT_BATCH_SIZE;
    private Duration claimLease = DEFAULT_CLAIM_LEASE;
    private Instrumentation instrumentation = Instrumentation.none();

    private Builder() {}

    /**
     * What observes the sweeps; {@link Instrumentation#none()} by default. Each sweep is one
     * operation, and the instrumentation is told of each action and of the sweep's duration; an
     * exception it throws is logged and changes nothing the sweep does or returns.
     *
     * @param instrumentation the host's instrumentation, thread-safe
     * @return this builder
     */
    public Builder instrumentation(Instrumentation instrumentation) {
      this.instrumentation = Objects.requireNonNull(instrumentation, "instrumentation");
      return this;
    }

    /**
     * Where due complaints are found: a store that implements {@link WorkLists} (checked by
     * {@link #build()}).
     *
     * @param store the store
     * @return this builder
     */
    public Builder store(ComplaintStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Whose complaints to sweep: the escalator claims and acts on this tenant's only.
     *
     * @param tenant the tenant; {@link TenantId#DEFAULT} unless set
     * @return this builder
     */
    public Builder tenant(TenantId tenant) {
      this.tenant = Objects.requireNonNull(tenant, "tenant");
      return this;
    }

    /**
     * The escalation policies.
     *
     * @param policies the policies
     * @return this builder
     */
    public Builder policies(EscalationPolicies policies) {
      this.policies = Objects.requireNonNull(policies, "policies");
      return this;
    }

    /**
     * The registries, read afresh at each sweep (posts change with transfers).
     *
     * @param directory the current directory
     * @return this builder
     */
    public Builder directory(Supplier<Directory> directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * The timekeeper, for ladders that restart the top rung's clock.
     *
     * @param timekeeper the timekeeper
     * @return this builder
     */
    public Builder timekeeper(Timekeeper timekeeper) {
      this.timekeeper = Objects.requireNonNull(timekeeper, "timekeeper");
      return this;
    }

    /**
     * Where commands are issued.
     *
     * @param gateway the gateway
     * @return this builder
     */
    public Builder gateway(Gateway gateway) {
      this.gateway = Objects.requireNonNull(gateway, "gateway");
      return this;
    }

    /**
     * The clock {@link #sweep()} reads; the system UTC clock by default.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Who the escalations and flags are issued by; {@code Actor.system("escalator")} by default.
     * A top rung's clock restart is always issued by the system.
     *
     * @param actor a system or supervisor actor
     * @return this builder
     */
    public Builder actor(Actor actor) {
      this.actor = Objects.requireNonNull(actor, "actor");
      return this;
    }

    /**
     * How many due complaints are read at a time; 500 by default.
     *
     * @param batchSize at least 1
     * @return this builder
     */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be at least 1 (was " + batchSize + ")");
      }
      this.batchSize = batchSize;
      return this;
    }

    /**
     * How long a claimed batch of due complaints is kept from other sweepers
     * ({@link WorkLists#claimDue}); 5 minutes by default. Make it longer than a batch takes:
     * when it runs out, another sweeper may take the same complaints, and then loses a version race
     * rather than escalating twice.
     *
     * @param lease positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder claimLease(Duration lease) {
      Objects.requireNonNull(lease, "lease");
      if (lease.isNegative() || lease.isZero()) {
        throw new IllegalArgumentException("claimLease must be positive (was " + lease + ")");
      }
      this.claimLease = lease;
      return this;
    }

    /**
     * Builds the escalator.
     *
     * @return the escalator
     * @throws NullPointerException if a required part is missing
     * @throws IllegalStateException if the store does not implement {@link WorkLists}
     */
    public Escalator build() {
      return new Escalator(this);
    }
  }
}
