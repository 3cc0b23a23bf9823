package org.nivaran.grievance.escalation;

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
import org.nivaran.grievance.complaint.CommandType;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.escalation.EscalationReport.Action;
import org.nivaran.grievance.escalation.EscalationReport.Outcome;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.sla.SlaTimer;
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
 *       instant the old one ran out;
 *   <li>blocked (no post above, vacant post): {@code Flag ESCALATION_BLOCKED} with the reason; the
 *       complaint leaves the due list and joins the stuck list, which every sweep retries;
 *   <li>at the top rung: the ladder's {@link PastTop} action.
 * </ul>
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
 * <p>Thread-safe.
 */
public final class Escalator {
  private static final Logger LOG = LoggerFactory.getLogger(Escalator.class);
  private static final int MAX_RACES = 5;
  /** Restarts a top rung's clock, a command only the system may issue. */
  private static final Actor SYSTEM = Actor.system("escalator");

  /**
   * Issues a command to a complaint under an expected version: the use case that runs commands
   * ({@code usecase.CommandExecution}) is the one {@code Grievances} gives its escalators.
   * Implementations must be thread-safe.
   */
  @FunctionalInterface
  public interface Gateway {
    /**
     * Decides, stores and publishes a command.
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
     * Decides and stores several commands, each on the complaint as the escalator read it (its
     * version is the expected one). {@code Grievances} stores them as one batch; this default
     * runs {@link #execute} for each.
     *
     * @param requests the commands, at most one per complaint
     * @return the requests not carried out, by complaint, with why; a lost race is a
     *     {@link StaleVersionException}
     */
    default Map<ComplaintId, RuntimeException> executeAll(List<Request> requests) {
      Map<ComplaintId, RuntimeException> failed = new LinkedHashMap<>();
      for (Request r : requests) {
        try {
          execute(r.complaint().id(), r.complaint().version(), r.command(), r.actor());
        } catch (RuntimeException e) {
          failed.put(r.complaint().id(), e);
        }
      }
      return failed;
    }
  }

  /**
   * One command of a batch for {@link Gateway#executeAll}.
   *
   * <p>Immutable and thread-safe.
   *
   * @param complaint the complaint as read; its version is the expected one
   * @param command the command
   * @param actor who issues it
   */
  public record Request(Complaint complaint, ComplaintCommand command, Actor actor) {
    /**
     * Checks the fields.
     *
     * @param complaint the complaint as read
     * @param command the command
     * @param actor who issues it
     */
    public Request {
      Objects.requireNonNull(complaint, "complaint");
      Objects.requireNonNull(command, "command");
      Objects.requireNonNull(actor, "actor");
    }
  }

  private final ComplaintStore store;
  private final WorkLists lists;
  private final EscalationPolicies policies;
  private final Supplier<Directory> directory;
  private final Timekeeper timekeeper;
  private final Gateway gateway;
  private final Clock clock;
  private final Actor actor;
  private final int batchSize;
  private final Duration claimLease;

  private Escalator(Builder b) {
    this.store = Objects.requireNonNull(b.store, "store");
    if (!(store instanceof WorkLists w)) {
      throw new IllegalStateException("the escalator sweeps the store's work lists; the store "
          + store.getClass().getName() + " does not implement WorkLists");
    }
    this.lists = w;
    this.policies = Objects.requireNonNull(b.policies, "policies");
    this.directory = Objects.requireNonNull(b.directory, "directory");
    this.timekeeper = Objects.requireNonNull(b.timekeeper, "timekeeper");
    this.gateway = Objects.requireNonNull(b.gateway, "gateway");
    this.clock = b.clock;
    this.actor = b.actor;
    this.batchSize = b.batchSize;
    this.claimLease = b.claimLease;
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
      List<Complaint> due = lists.claimDue(now, batchSize + passed.size(), claimLease).stream()
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
    for (Complaint c : Page.collect(p -> lists.flagged(ComplaintFlag.ESCALATION_BLOCKED, p), Integer.MAX_VALUE)) {
      handle(c, now, dir, true).ifPresent(outcomes::add);
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
   * Decides every complaint of a claimed batch and stores the commands as one batch; a complaint
   * that lost a race is read and handled again on its own.
   */
  private void handleBatch(List<Complaint> due, Instant now, Directory dir, List<Outcome> outcomes, Set<ComplaintId> passed) {
    List<Request> requests = new ArrayList<>(due.size());
    Map<ComplaintId, Outcome> planned = new LinkedHashMap<>();
    for (Complaint c : due) {
      Optional<Decision> decision;
      try {
        decision = decide(c, now, dir, false);
      } catch (RuntimeException e) {
        outcomes.add(failed(c, e));
        passed.add(c.id());
        continue;
      }
      if (decision.isEmpty()) {
        passed.add(c.id());
        continue;
      }
      ComplaintCommand command = decision.get().command();
      requests.add(new Request(c, command, command instanceof ComplaintCommand.SetSlaTimer ? SYSTEM : actor));
      planned.put(c.id(), decision.get().outcome());
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
        outcomes.add(planned.get(id));
        continue;
      }
      Optional<Outcome> o;
      if (batchFailed || e instanceof StaleVersionException) {
        o = store.find(id).flatMap(again -> handle(again, now, dir, false));
      } else {
        LOG.warn("escalating complaint {} failed; the sweep goes on", id, e);
        o = Optional.of(failed(r.complaint(), e));
      }
      o.ifPresent(outcomes::add);
      if (o.isEmpty() || o.get().action() == Action.FAILED) {
        passed.add(id);
      }
    }
  }

  private static Outcome failed(Complaint c, RuntimeException e) {
    return new Outcome(c.id(), c.level().orElse(org.nivaran.grievance.actor.Level.of(0)), Action.FAILED,
        String.valueOf(e.getMessage()));
  }

  /**
   * Acts on one complaint, reading it again after a lost race.
   *
   * @param stuckRetry whether this is a retry of the stuck list (then only a move up is done)
   */
  private Optional<Outcome> handle(Complaint read, Instant now, Directory dir, boolean stuckRetry) {
    Complaint c = read;
    for (int race = 0; race < MAX_RACES; race++) {
      Optional<Decision> decision;
      try {
        decision = decide(c, now, dir, stuckRetry);
        if (decision.isEmpty()) {
          return Optional.empty();
        }
        ComplaintCommand command = decision.get().command();
        gateway.execute(c.id(), c.version(), command, command instanceof ComplaintCommand.SetSlaTimer ? SYSTEM : actor);
        return Optional.of(decision.get().outcome());
      } catch (StaleVersionException e) {
        Optional<Complaint> again = store.find(c.id());
        if (again.isEmpty()) {
          return Optional.empty();
        }
        c = again.get();
      } catch (RuntimeException e) { // one complaint's failure must not stop the sweep
        LOG.warn("escalating complaint {} failed; the sweep goes on", c.id(), e);
        return Optional.of(failed(c, e));
      }
    }
    LOG.warn("complaint {} kept changing while being escalated; left for the next sweep", read.id());
    return Optional.empty();
  }

  private record Decision(ComplaintCommand command, Outcome outcome) {}

  private Optional<Decision> decide(Complaint c, Instant now, Directory dir, boolean stuckRetry) {
    Optional<EscalationPolicy> policy = policies.forComplaint(c, dir.categories());
    if (c.level().isEmpty() || c.sla().isEmpty()) {
      return Optional.empty();
    }
    var level = c.level().get();
    if (stuckRetry) {
      if (!c.flags().contains(ComplaintFlag.ESCALATION_BLOCKED) || policy.isEmpty()
          || !Lifecycle.allows(c.status(), CommandType.ESCALATE)) {
        return Optional.empty();
      }
      EscalationStep step = policy.get().onDeadline(c, dir);
      if (step instanceof EscalationStep.MoveUp up) {
        return Optional.of(moveUp(c, up, level, "stuck escalation unblocked"));
      }
      return Optional.empty();
    }
    if (c.dueAt().filter(d -> !d.isAfter(now)).isEmpty()) {
      return Optional.empty(); // not due (any more)
    }
    if (policy.isEmpty()) {
      String reason = "escalation policy '" + c.sla().get().policy().id() + "' is not configured";
      return Optional.of(blocked(c, level, new EscalationStep.Blocked(reason, Optional.empty())));
    }
    EscalationStep step = policy.get().onDeadline(c, dir);
    if (step instanceof EscalationStep.MoveUp up) {
      return Optional.of(moveUp(c, up, level, level + " time ran out"));
    } else if (step instanceof EscalationStep.Blocked b) {
      return Optional.of(blocked(c, level, b));
    }
    EscalationStep.AtTop top = (EscalationStep.AtTop) step;
    SlaTimer timer = c.sla().get();
    if (top.action() == PastTop.STAY) {
      Instant start = timer.deadline().filter(d -> d.isBefore(now)).orElse(now);
      SlaTimer restarted = timekeeper.restart(c, start).orElseThrow();
      return Optional.of(new Decision(
          new ComplaintCommand.SetSlaTimer(restarted),
          new Outcome(c.id(), level, Action.RESTARTED_AT_TOP, "deadline now " + restarted.deadline().orElseThrow())));
    }
    String detail = level + " is the top rung and its time ran out at " + timer.deadline().orElse(now);
    return Optional.of(new Decision(
        new ComplaintCommand.Flag(ComplaintFlag.OVERDUE_AT_TOP, detail, top.attention()),
        new Outcome(c.id(), level, Action.OVERDUE_AT_TOP, detail)));
  }

  private static Decision moveUp(Complaint c, EscalationStep.MoveUp up, org.nivaran.grievance.actor.Level level, String why) {
    String reason = why + "; escalated from " + c.post().orElseThrow() + " (" + level + ") to " + up.to().id();
    return new Decision(
        new ComplaintCommand.Escalate(up.to().id(), reason),
        new Outcome(c.id(), level, Action.ESCALATED, up.to().id().toString()));
  }

  private static Decision blocked(Complaint c, org.nivaran.grievance.actor.Level level, EscalationStep.Blocked b) {
    return new Decision(
        new ComplaintCommand.Flag(ComplaintFlag.ESCALATION_BLOCKED, b.reason(), b.attention()),
        new Outcome(c.id(), level, Action.BLOCKED, b.reason()));
  }

  /** Builds an {@link Escalator}. Not thread-safe. */
  public static final class Builder {
    private ComplaintStore store;
    private EscalationPolicies policies;
    private Supplier<Directory> directory;
    private Timekeeper timekeeper;
    private Gateway gateway;
    private Clock clock = Clock.systemUTC();
    private Actor actor = Actor.system("escalator");
    private int batchSize = 500;
    private Duration claimLease = Duration.ofMinutes(5);

    private Builder() {}

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
