package org.nivaran.grievance.usecase;

import org.nivaran.grievance.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Masking;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Registration;
import org.nivaran.grievance.directory.BlockedNumberException;
import org.nivaran.grievance.directory.Category;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.policy.CallerLimitReachedException;
import org.nivaran.grievance.store.CallerHistory;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.CreateResult;
import org.nivaran.grievance.store.DuplicateReferenceException;
import org.nivaran.grievance.store.NewComplaint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers complaints: the checks first (who may register, with a directory that an officer or
 * supervisor holds the post they register from, the blocklist, the known codes, the
 * fake-caller guard), then a retry or a repeat (the idempotency key, the duplicate policy by number,
 * then by distance, {@link NearbyRepeats}), then
 * the caller limit, then a new complaint numbered by the id scheme, routed at once when there is a
 * directory, and stored with its first events in one create. The duplicate and caller-limit policies
 * each ask the caller's history only what they need, in one bounded query ({@link CallerRecord}).
 * A request carrying an external reference a complaint holds is resolved against that complaint
 * first ({@link ReferenceMatching}).
 * A refused registration stores nothing; a retry of a stored one replays it whatever refuses it
 * now. Thread-safe if the store and the id scheme are.
 */
public final class Intake {
  private static final Logger LOG = LoggerFactory.getLogger(Intake.class);

  private final TenantId tenant;
  private final ComplaintStore store;
  private final Clock clock;
  private final ComplaintIdScheme idScheme;
  private final LiveDirectory directory;
  private final Changes changes;
  private final RegistrationRouting routing;
  private final FakeCallerGuard fakeCallers;
  private final RepeatLinking repeats;
  private final NearbyRepeats nearby;
  private final CallerLimitGuard limits;
  private final Optional<CallerHistory> history;
  private final Publishing publishing;
  private final ReferenceMatching references;

  Intake(TenantId tenant, ComplaintStore store, Clock clock, ComplaintIdScheme idScheme, LiveDirectory directory, Changes changes,
      RegistrationRouting routing, FakeCallerGuard fakeCallers, RepeatLinking repeats, NearbyRepeats nearby,
      CallerLimitGuard limits, Optional<CallerHistory> history, Publishing publishing, ReferenceMatching references) {
    this.tenant = tenant;
    this.store = store;
    this.clock = clock;
    this.idScheme = idScheme;
    this.directory = directory;
    this.changes = changes;
    this.routing = routing;
    this.fakeCallers = fakeCallers;
    this.repeats = repeats;
    this.nearby = nearby;
    this.limits = limits;
    this.history = history;
    this.publishing = publishing;
    this.references = references;
  }

  /**
   * Registers a complaint and says what became of the request (see {@code Grievances.submit}).
   *
   * @param request the validated request
   * @param actor who registers it
   * @return the complaint and the outcome
   * @throws org.nivaran.grievance.complaint.ActorNotPermittedException if the actor may not (with a
   *     directory, also an officer or supervisor not holding the post they register from)
   * @throws org.nivaran.grievance.store.IdempotencyConflictException if the key was used for a
   *     different request
   * @throws BlockedNumberException if the citizen's number is blocked
   * @throws CallerLimitReachedException if the request would create a complaint and the number has
   *     registered as many in the period as the caller-limit policy allows
   * @throws InvalidInputException if a directory is configured and does not know a code
   */
  public Registration submit(RegisterComplaint request, Actor actor) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(actor, "actor");
    Lifecycle.authorizeRegistration(request, actor);
    Instant now = clock.instant();
    directory.current().ifPresent(d -> PostAuthority.checkRegistration(d, actor, now));
    Optional<Registration> known = references.match(request, actor); // a known grievance (ReferencePolicy)
    if (known.isPresent()) {
      return known.get();
    }
    CallerRecord record = CallerRecord.of(tenant, history, request.citizen().phone());
    try {
      check(request, now);
    } catch (InvalidInputException | BlockedNumberException refused) {
      // a retry returns what the first attempt stored, whatever changed since (a block, say)
      Optional<Registration> replayed = replayed(request);
      if (replayed.isPresent()) {
        return replayed.get();
      }
      if (refused instanceof BlockedNumberException) {
        Optional<Registration> linked = repeats.linkedBefore(request, now, record)
            .or(() -> nearby.linkedBefore(request, actor, now));
        if (linked.isPresent()) {
          return linked.get();
        }
      }
      throw refused;
    }
    try {
      if (repeats.links(actor)) {
        Optional<Registration> linked = repeats.link(request, actor, now, record);
        if (linked.isPresent()) {
          return linked.get();
        }
      }
      Optional<Registration> linkedNearby = nearby.link(request, actor, now);
      if (linkedNearby.isPresent()) {
        return linkedNearby.get();
      }
    } catch (DuplicateReferenceException raced) {
      // linking would give the original a reference another registration took meanwhile: that one
      // holds the grievance now, and the reference policy says what this request gets
      return references.afterRace(request, actor, raced);
    }
    Optional<CallerLimitReachedException> overLimit = limits.refusal(request, actor, now, record);
    if (overLimit.isPresent()) {
      // the first attempt of a retry may be what reached the limit
      Optional<Registration> replayed = replayed(request);
      if (replayed.isPresent()) {
        return replayed.get();
      }
      throw overLimit.get();
    }
    return create(request, actor, now);
  }

  /** The complaint an earlier attempt with the request's key stored, replayed; empty if none. */
  private Optional<Registration> replayed(RegisterComplaint request) {
    Optional<String> key = request.idempotencyKey();
    Optional<Complaint> earlier =
        TenantGuard.own(tenant, key.flatMap(k -> store.findByIdempotencyKey(tenant, k, request.fingerprint())));
    earlier.ifPresent(e -> LOG.debug("registration with key {} replayed as {}",
        Masking.scrub(key.get(), request.citizen().phone(), null), e.id()));
    return earlier.map(e -> new Registration(e, Registration.Outcome.REPLAYED));
  }

  /** Refuses a registration from a blocked number or with codes the directory does not know. */
  private void check(RegisterComplaint request, Instant now) {
    Optional<Directory> dir = directory.current();
    dir.flatMap(d -> d.blocklist().activeEntry(request.citizen().phone(), now)).ifPresent(entry -> {
      throw new BlockedNumberException(entry);
    });
    dir.ifPresent(d -> checkCodes(d, request));
    fakeCallers.blockAt(request.citizen().phone(), now).ifPresent(entry -> {
      throw new BlockedNumberException(entry);
    });
  }

  /**
   * A new complaint, or the one an earlier attempt with the same key stored: the store resolves a
   * retry as it creates, one round trip fewer for every first attempt, at the cost of an unused id
   * for each retry.
   */
  private Registration create(RegisterComplaint request, Actor actor, Instant now) {
    ComplaintId id = idScheme.next(request, now);
    Change change = changes.registering(Lifecycle.register(tenant, id, request, actor, now, defaultPriority(request)));
    directory.current().ifPresent(d -> routing.route(change, d, now));
    nearby.flag(change, request, actor, now);
    CreateResult result;
    try {
      result = store.create(new NewComplaint(change.state(), change.events(), request.idempotencyKey(),
          request.fingerprint(), publishing.forStore(change.state(), change.events())));
    } catch (DuplicateReferenceException raced) {
      return references.afterRace(request, actor, raced);
    }
    Complaint stored = TenantGuard.own(tenant, result.complaint());
    if (result instanceof CreateResult.Created) {
      LOG.debug("registered {} by {}", stored.id(), actor);
      publishing.afterStored(stored, change.events());
      return new Registration(stored, Registration.Outcome.CREATED);
    }
    return new Registration(stored, Registration.Outcome.REPLAYED);
  }

  /** The priority of a request that sets none: its category's default in the directory in force, else NORMAL. */
  private Priority defaultPriority(RegisterComplaint request) {
    return directory.current()
        .flatMap(d -> d.categories().find(request.categoryCode()))
        .map(Category::defaultPriority)
        .orElse(Priority.NORMAL);
  }

  private static void checkCodes(Directory d, RegisterComplaint request) {
    if (!d.categories().contains(request.categoryCode())) {
      throw new InvalidInputException("categoryCode", "'" + request.categoryCode() + "' is not a known category");
    }
    if (!d.jurisdictions().contains(request.jurisdictionCode())) {
      throw new InvalidInputException(
          "jurisdictionCode", "'" + request.jurisdictionCode() + "' is not a known jurisdiction");
    }
  }
}
