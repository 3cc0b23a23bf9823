package org.nivaran.grievance.usecase;

import org.nivaran.grievance.tenant.CrossTenantException;
import org.nivaran.grievance.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.escalation.Escalator;
import org.nivaran.grievance.store.Append;
import org.nivaran.grievance.store.ComplaintNotFoundException;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands on stored complaints: read, decide (the lifecycle and the
 * {@linkplain PolicyTransitions policies' transitions}), append under the version read, publish,
 * and let the fake-caller guard see what was stored. With a directory, an officer or supervisor is
 * first checked against the directory in force ({@code PostAuthority}): they act only from a post
 * they hold, and a supervisor only on complaints within their post's reach.
 * {@link #execute(ComplaintId, ComplaintCommand, Actor)} decides again on the newer state when it
 * loses a race, up to the configured number of attempts; the escalator hands its batches to
 * {@link #executeAll}, which reads nothing again.
 *
 * <p>Thread-safe if the store is.
 */
public final class CommandExecution implements Escalator.Gateway {
  private static final Logger LOG = LoggerFactory.getLogger(CommandExecution.class);

  private final TenantId tenant;
  private final ComplaintStore store;
  private final Clock clock;
  private final int maxAttempts;
  private final LiveDirectory directory;
  private final Changes changes;
  private final PolicyTransitions transitions;
  private final Publishing publishing;
  private final FakeCallerGuard fakeCallers;

  CommandExecution(TenantId tenant, ComplaintStore store, Clock clock, int maxAttempts, LiveDirectory directory, Changes changes,
      PolicyTransitions transitions, Publishing publishing, FakeCallerGuard fakeCallers) {
    this.tenant = tenant;
    this.store = store;
    this.clock = clock;
    this.maxAttempts = maxAttempts;
    this.directory = directory;
    this.changes = changes;
    this.transitions = transitions;
    this.publishing = publishing;
    this.fakeCallers = fakeCallers;
  }

  /**
   * Runs a command on the version of a complaint the caller read. If the complaint has moved on,
   * nothing is stored.
   *
   * @param id the complaint
   * @param expectedVersion the version the caller read
   * @param command the command
   * @param actor who issues it
   * @return the complaint after the command
   * @throws ComplaintNotFoundException if there is no such complaint
   * @throws StaleVersionException if its version is not {@code expectedVersion}
   */
  @Override
  public Complaint execute(ComplaintId id, long expectedVersion, ComplaintCommand command, Actor actor) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(actor, "actor");
    Complaint current = get(id);
    if (current.version() != expectedVersion) {
      throw new StaleVersionException(id, expectedVersion, current.version());
    }
    return apply(current, command, actor);
  }

  /**
   * Runs a command on the latest version of a complaint, deciding it again on the newer state
   * (which may now refuse it) each time another command was stored between reading and writing.
   *
   * @param id the complaint
   * @param command the command
   * @param actor who issues it
   * @return the complaint after the command
   * @throws ComplaintNotFoundException if there is no such complaint
   * @throws StaleVersionException if every attempt lost a race
   */
  public Complaint execute(ComplaintId id, ComplaintCommand command, Actor actor) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(actor, "actor");
    for (int attempt = 1; ; attempt++) {
      try {
        return apply(get(id), command, actor);
      } catch (StaleVersionException e) {
        if (attempt >= maxAttempts) {
          throw e;
        }
        LOG.debug("{} on {} lost a race (attempt {}), deciding again", command.type(), id, attempt);
      }
    }
  }

  /**
   * Decides the steps of an escalator's request on the complaint as read and stores them as one
   * change, each step's events stamped at its instant (never before the event before it, never
   * after the clock), so their notifications are made once, for the change.
   *
   * @param request the complaint as read and the steps
   * @return the complaint after the steps
   * @throws ComplaintNotFoundException if there is no such complaint
   * @throws StaleVersionException if the complaint has moved on since it was read
   */
  @Override
  public Complaint execute(Escalator.Request request) {
    Objects.requireNonNull(request, "request");
    ComplaintId id = request.complaint().id();
    Complaint current = get(id);
    if (current.version() != request.complaint().version()) {
      throw new StaleVersionException(id, request.complaint().version(), current.version());
    }
    Change c = decide(current, request.steps());
    if (c.isEmpty()) {
      return current;
    }
    store.append(new Append(c.state(), c.events(), c.fromVersion(), publishing.forStore(c.state(), c.events())));
    stored(c);
    return c.state();
  }

  /**
   * Decides the escalator's requests on complaints as read, each as one change (as
   * {@link #execute(Escalator.Request)}), and stores the changes as one batch
   * ({@link ComplaintStore#appendAll}): the escalator's path.
   *
   * @param requests the requests, at most one per complaint
   * @return the requests not carried out, by complaint, with why (a lost race is a
   *     {@link StaleVersionException})
   */
  @Override
  public Map<ComplaintId, RuntimeException> executeAll(List<Escalator.Request> requests) {
    Map<ComplaintId, RuntimeException> failed = new LinkedHashMap<>();
    List<Append> appends = new ArrayList<>(requests.size());
    List<Change> decided = new ArrayList<>(requests.size());
    for (Escalator.Request r : requests) {
      try {
        CrossTenantException.check(tenant, r.complaint().tenant(), "complaint " + r.complaint().id());
        Change c = decide(r.complaint(), r.steps());
        if (!c.isEmpty()) {
          appends.add(new Append(c.state(), c.events(), c.fromVersion(), publishing.forStore(c.state(), c.events())));
          decided.add(c);
        }
      } catch (RuntimeException e) {
        failed.put(r.complaint().id(), e);
      }
    }
    if (appends.isEmpty()) {
      return failed;
    }
    Map<ComplaintId, RuntimeException> skipped = store.appendAll(appends);
    failed.putAll(skipped);
    for (Change c : decided) {
      if (!skipped.containsKey(c.state().id())) {
        stored(c);
      }
    }
    return failed;
  }

  /** Decides, stores and publishes one command on a complaint as read; the complaint as it is now. */
  Complaint apply(Complaint current, ComplaintCommand command, Actor actor) {
    Change c = decide(current, command, actor);
    if (c.isEmpty()) {
      return current;
    }
    store.append(new Append(c.state(), c.events(), c.fromVersion(), publishing.forStore(c.state(), c.events())));
    stored(c);
    return c.state();
  }

  Complaint get(ComplaintId id) {
    return TenantGuard.own(tenant, store.find(tenant, Objects.requireNonNull(id, "id"))
        .orElseThrow(() -> new ComplaintNotFoundException(tenant, id)));
  }

  private Change decide(Complaint current, ComplaintCommand command, Actor actor) {
    Instant now = now(current);
    directory.current().ifPresent(d -> {
      PostAuthority.check(d, current, command.type(), actor, now);
      Targets.check(d, current, command);
    });
    Change change = changes.from(current);
    transitions.run(change, command, actor, now);
    return change;
  }

  /**
   * Decides an escalator's steps on one change. A step is stamped at its instant, but never after
   * the clock and never before the complaint's latest event (as {@link #now} for a command).
   */
  private Change decide(Complaint current, List<Escalator.Step> steps) {
    Instant clockNow = clock.instant();
    Change change = changes.from(current);
    for (Escalator.Step step : steps) {
      Complaint state = change.state();
      directory.current().ifPresent(d -> Targets.check(d, state, step.command()));
      Instant at = step.at().filter(a -> a.isBefore(clockNow)).orElse(clockNow);
      transitions.run(change, step.command(), step.actor(), at.isBefore(state.updatedAt()) ? state.updatedAt() : at);
    }
    return change;
  }

  private void stored(Change c) {
    publishing.afterStored(c.state(), c.events());
    fakeCallers.afterStored(c.state(), c.events());
  }

  /**
   * The clock's instant, but never earlier than the complaint's latest event: a node whose clock
   * lags behind another's must not write an event that predates the one before it.
   */
  private Instant now(Complaint current) {
    Instant now = clock.instant();
    return now.isBefore(current.updatedAt()) ? current.updatedAt() : now;
  }
}
