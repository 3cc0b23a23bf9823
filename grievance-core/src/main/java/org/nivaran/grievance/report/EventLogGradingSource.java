package org.nivaran.grievance.report;

import org.nivaran.grievance.tenant.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.nivaran.grievance.complaint.Assignment;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.sla.SlaTimer;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/**
 * A {@link GradingSource} that replays event logs in memory: each complaint's log is replayed up to
 * the period's end with {@link Lifecycle#evolve}, and its {@link ComplaintFacts} read off the
 * states it passes through. It reads every log it is given, so it suits the in-memory store, tests
 * and exported logs; a database answers faster with its own source.
 *
 * <p>Thread-safe: it holds only the supplier of logs, which must itself be safe to call from
 * several threads.
 */
public final class EventLogGradingSource implements GradingSource {
  private static final Set<Status> WAITING_ON_POST =
      EnumSet.of(Status.ASSIGNED, Status.IN_PROGRESS, Status.RETURNED, Status.REOPENED);

  private final Supplier<? extends Iterable<? extends List<ComplaintEvent>>> logs;

  private EventLogGradingSource(Supplier<? extends Iterable<? extends List<ComplaintEvent>>> logs) {
    this.logs = logs;
  }

  /**
   * A source over the logs an in-memory store holds for the {@linkplain TenantId#DEFAULT default
   * tenant} when {@link #facts} is called.
   *
   * @param store the store
   * @return the source
   */
  public static EventLogGradingSource of(InMemoryComplaintStore store) {
    return of(store, TenantId.DEFAULT);
  }

  /**
   * A source over the logs an in-memory store holds for one tenant when {@link #facts} is called.
   *
   * @param store the store
   * @param tenant whose complaints to grade
   * @return the source
   */
  public static EventLogGradingSource of(InMemoryComplaintStore store, TenantId tenant) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(tenant, "tenant");
    return new EventLogGradingSource(() -> store.histories(tenant));
  }

  /**
   * A source over the logs a supplier returns each time {@link #facts} is called.
   *
   * @param logs the complaints' event logs, each registration first and in sequence
   * @return the source
   */
  public static EventLogGradingSource over(Supplier<? extends Iterable<? extends List<ComplaintEvent>>> logs) {
    return new EventLogGradingSource(Objects.requireNonNull(logs, "logs"));
  }

  @Override
  public List<ComplaintFacts> facts(GradingPeriod period) {
    Objects.requireNonNull(period, "period");
    List<ComplaintFacts> facts = new ArrayList<>();
    for (List<ComplaintEvent> log : logs.get()) {
      factsOf(log, period).ifPresent(facts::add);
    }
    facts.sort(Comparator.comparing(ComplaintFacts::id));
    return facts;
  }

  /**
   * The facts of one complaint for a period.
   *
   * @param log the complaint's event log, registration first
   * @param period the period
   * @return its facts, or empty if it does not count for the period
   */
  static Optional<ComplaintFacts> factsOf(List<ComplaintEvent> log, GradingPeriod period) {
    if (log.isEmpty() || !(log.get(0) instanceof ComplaintEvent.ComplaintRegistered registered)
        || !registered.occurredAt().isBefore(period.to())) {
      return Optional.empty();
    }
    Complaint state = Lifecycle.start(registered);
    boolean eventInPeriod = period.contains(registered.occurredAt());
    boolean escalated = false;
    Instant replyAt = null;
    Optional<Instant> deadlineBeforeReply = Optional.empty();
    Instant closedAt = null;
    Optional<Instant> deadlineBeforeClosing = Optional.empty();
    int replies = 0;
    int returns = 0;
    int satisfied = 0;
    int dissatisfied = 0;
    int reopens = 0;
    ComplaintEvent.FirstResponseDueSet firstResponse = null;
    Instant firstContactAt = null;
    for (int i = 1; i < log.size(); i++) {
      ComplaintEvent e = log.get(i);
      if (!e.occurredAt().isBefore(period.to())) {
        break;
      }
      Optional<Instant> deadlineBefore = state.sla().flatMap(SlaTimer::deadline);
      state = Lifecycle.evolve(state, e);
      boolean inPeriod = period.contains(e.occurredAt());
      eventInPeriod |= inPeriod;
      if (e instanceof ComplaintEvent.ComplaintEscalated) {
        escalated = true;
      } else if (e instanceof ComplaintEvent.ResolutionFiled) {
        replyAt = e.occurredAt();
        deadlineBeforeReply = deadlineBefore;
        replies += inPeriod ? 1 : 0;
      } else if (e instanceof ComplaintEvent.ReplyReturned) {
        returns += inPeriod ? 1 : 0;
      } else if (e instanceof ComplaintEvent.CitizenSatisfied) {
        satisfied += inPeriod ? 1 : 0;
      } else if (e instanceof ComplaintEvent.CitizenDissatisfied) {
        dissatisfied += inPeriod ? 1 : 0;
        reopens += inPeriod ? 1 : 0;
      } else if (e instanceof ComplaintEvent.ComplaintReopened) {
        reopens += inPeriod ? 1 : 0;
      } else if (e instanceof ComplaintEvent.FirstResponseDueSet d) {
        firstResponse = d;
      } else if (e instanceof ComplaintEvent.ContactRecorded && firstResponse != null && firstContactAt == null) {
        firstContactAt = e.occurredAt();
      }
      if (Lifecycle.target(Lifecycle.commandOf(e)).filter(s -> !s.isOpen()).isPresent()) {
        closedAt = e.occurredAt();
        deadlineBeforeClosing = deadlineBefore;
      }
    }
    Status status = state.status();
    if (!status.isOpen() && !eventInPeriod) {
      return Optional.empty();
    }
    boolean disposed =
        (status == Status.CLOSED || status == Status.REJECTED) && closedAt != null && period.contains(closedAt);
    boolean withinSla = false;
    if (disposed && !escalated) {
      Instant answeredAt = replyAt != null ? replyAt : closedAt;
      Optional<Instant> deadline = replyAt != null ? deadlineBeforeReply : deadlineBeforeClosing;
      withinSla = deadline.filter(d -> !answeredAt.isBefore(d)).isEmpty();
    }
    boolean beyondSla = WAITING_ON_POST.contains(status)
        && state.sla().flatMap(SlaTimer::deadline).filter(d -> !d.isAfter(period.to())).isPresent();
    boolean firstResponseDue = firstResponse != null && period.contains(firstResponse.dueAt());
    boolean firstResponseInTime =
        firstResponseDue && firstContactAt != null && !firstContactAt.isAfter(firstResponse.dueAt());
    Optional<Assignment> assignment = state.assignment();
    return Optional.of(new ComplaintFacts(
        state.id(), state.jurisdictionCode(), assignment.map(Assignment::department), assignment.map(Assignment::level),
        state.registeredAt(), status, disposed ? Optional.of(closedAt) : Optional.empty(), withinSla, beyondSla,
        replies, returns, satisfied, dissatisfied, reopens, firstResponseDue, firstResponseInTime));
  }
}
