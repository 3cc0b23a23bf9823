package org.nivaran.grievance.usecase;

import org.nivaran.grievance.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.CommandType;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.IllegalTransitionException;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Registration;
import org.nivaran.grievance.policy.DuplicatePolicy;
import org.nivaran.grievance.store.CallerHistory;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.IdempotencyConflictException;
import org.nivaran.grievance.store.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The duplicate policy at work: a registration that repeats an open complaint (same number, kind,
 * category and jurisdiction, registered within the window) is recorded on it as
 * {@code DuplicateLinked} instead of creating a second one, and a retry of a linked registration
 * with the same idempotency key finds its {@code DuplicateLinked} and stores nothing. Either
 * question reads from the registration's {@link CallerRecord} only the number's complaints of the
 * request's category and jurisdiction within the window (one
 * {@link CallerHistory#registeredSince(org.nivaran.grievance.tenant.TenantId, org.nivaran.grievance.actor.PhoneNumber, String, String, Instant)}), plus the event log of each
 * complaint the request repeats when it has a key. Thread-safe.
 */
final class RepeatLinking {
  private static final Logger LOG = LoggerFactory.getLogger(RepeatLinking.class);

  private final TenantId tenant;
  private final DuplicatePolicy policy;
  private final ComplaintStore store;
  private final CommandExecution commands;
  private final int maxAttempts;

  /** Linking; the caller's history is present whenever the policy links (checked when configured). */
  RepeatLinking(TenantId tenant, DuplicatePolicy policy, ComplaintStore store, CommandExecution commands, int maxAttempts) {
    this.tenant = tenant;
    this.policy = policy;
    this.store = store;
    this.commands = commands;
    this.maxAttempts = maxAttempts;
  }

  /** Whether this actor's registrations may be linked at all. */
  boolean links(Actor actor) {
    return policy.window().isPresent() && Lifecycle.rolesFor(CommandType.LINK_DUPLICATE).contains(actor.role());
  }

  /**
   * A refused registration (a blocked number) with a key that was linked before: its earlier
   * outcome; empty if it was not, or there is no policy.
   */
  Optional<Registration> linkedBefore(RegisterComplaint request, Instant now, CallerRecord record) {
    if (request.idempotencyKey().isEmpty() || policy.window().isEmpty()) {
      return Optional.empty();
    }
    return linkedOnAny(repeated(request, now, record), request);
  }

  /**
   * The open complaint a request repeats, with the repeat recorded on it (or the replay of an
   * earlier attempt with the same key); empty if there is none and a new complaint is to be made.
   */
  Optional<Registration> link(RegisterComplaint request, Actor actor, Instant now, CallerRecord record) {
    return linkTo(request, actor, () -> repeated(request, now, record));
  }

  /**
   * The registration linked to the first open complaint of those it repeats (asked for only when
   * it is no retry of a stored registration), or the replay of an earlier attempt with the same
   * key; empty if none is open and a new complaint is to be made. Also used by {@link NearbyRepeats}.
   */
  Optional<Registration> linkTo(RegisterComplaint request, Actor actor, Supplier<List<Complaint>> repeats) {
    Optional<String> key = request.idempotencyKey();
    Optional<Complaint> replayed =
        TenantGuard.own(tenant, key.flatMap(k -> store.findByIdempotencyKey(tenant, k, request.fingerprint())));
    if (replayed.isPresent()) {
      return Optional.of(new Registration(replayed.get(), Registration.Outcome.REPLAYED));
    }
    List<Complaint> repeated = repeats.get();
    if (key.isPresent()) {
      Optional<Registration> before = linkedOnAny(repeated, request);
      if (before.isPresent()) {
        return before;
      }
    }
    // never link a grievance that another system numbers differently from the open complaint: the
    // original would have to drop the second number, so its source would never hear of the reply
    Optional<Complaint> original = repeated.stream()
        .filter(c -> c.status().isOpen() && !numbersDifferently(c, request)).findFirst();
    if (original.isEmpty()) {
      return Optional.empty();
    }
    ComplaintCommand.LinkDuplicate link =
        new ComplaintCommand.LinkDuplicate(request.channel(), request.description(), request.attachments(), key,
            request.references(), // none is held yet (ReferenceMatching asked first): the original gains them
            callerUnlike(request, original.get()));
    for (int attempt = 1; ; attempt++) {
      Complaint current = commands.get(original.get().id());
      // decided again on every attempt: a racing retry of the same request may have linked it
      Optional<Registration> raced = key.isPresent() ? linkedOn(current, request) : Optional.empty();
      if (raced.isPresent()) {
        return raced;
      }
      try {
        Complaint after = commands.apply(current, link, actor);
        LOG.debug("registration by {} linked to open complaint {}", actor, current.id());
        return Optional.of(new Registration(after, Registration.Outcome.LINKED));
      } catch (IllegalTransitionException closedMeanwhile) {
        return Optional.empty();
      } catch (StaleVersionException e) {
        if (attempt >= maxAttempts) {
          throw e;
        }
      }
    }
  }

  /** The complaints the request repeats, open or not, registered within the window; newest first. */
  private List<Complaint> repeated(RegisterComplaint request, Instant now, CallerRecord record) {
    Instant since = now.minus(policy.window().orElseThrow());
    return record.ofCategory(request.categoryCode(), request.jurisdictionCode(), since).stream()
        .filter(c -> DuplicatePolicy.repeats(request, c))
        .toList();
  }

  /** The registration, if one of these complaints' logs holds a {@code DuplicateLinked} with the request's key. */
  Optional<Registration> linkedOnAny(List<Complaint> repeated, RegisterComplaint request) {
    for (Complaint c : repeated) {
      Optional<Registration> linked = linkedOn(c, request);
      if (linked.isPresent()) {
        return linked;
      }
    }
    return Optional.empty();
  }

  /**
   * The request's citizen, when another number than the complaint's own citizen's: a repeat linked
   * by distance or by reference may come from a neighbour, whose name and number the link keeps.
   */
  static Optional<Complainant> callerUnlike(RegisterComplaint request, Complaint original) {
    return request.citizen().phone().equals(original.citizen().phone()) ? Optional.empty() : Optional.of(request.citizen());
  }

  /** Whether the request holds a reference of a source under another id than the complaint does. */
  private static boolean numbersDifferently(Complaint c, RegisterComplaint request) {
    return request.references().stream().anyMatch(r -> c.references().stream()
        .anyMatch(held -> held.source().equals(r.source()) && !held.id().equals(r.id())));
  }

  /**
   * The registration, if this complaint's log holds a {@code DuplicateLinked} with the request's key.
   *
   * @throws IdempotencyConflictException if that event records a different request under the key
   */
  private Optional<Registration> linkedOn(Complaint c, RegisterComplaint request) {
    for (ComplaintEvent e : store.events(tenant, c.id())) {
      if (e instanceof ComplaintEvent.DuplicateLinked d && d.idempotencyKey().equals(request.idempotencyKey())) {
        if (d.channel() != request.channel() || !d.description().equals(request.description())
            || !d.attachments().equals(request.attachments())) {
          throw new IdempotencyConflictException(request.idempotencyKey().get(), c.id());
        }
        return Optional.of(new Registration(commands.get(c.id()), Registration.Outcome.LINKED));
      }
    }
    return Optional.empty();
  }
}
