package org.nivaran.grievance;

import org.nivaran.grievance.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Registration;
import org.nivaran.grievance.directory.AdditionalCharge;
import org.nivaran.grievance.directory.BlockEntry;
import org.nivaran.grievance.directory.BlockedNumberException;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.directory.Officer;
import org.nivaran.grievance.escalation.Escalator;
import org.nivaran.grievance.escalation.FollowUpSampler;
import org.nivaran.grievance.internal.LogContext;
import org.nivaran.grievance.policy.DuplicatePolicy;
import org.nivaran.grievance.store.ComplaintNotFoundException;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.store.StaleVersionException;
import org.nivaran.grievance.usecase.UseCases;

/**
 * The entry point: registers complaints and runs commands on them against a
 * {@link ComplaintStore}, returning the updated complaint.
 *
 * <pre>{@code
 * Grievances grievances = Grievances.builder()
 *     .store(new InMemoryComplaintStore())
 *     .clock(Clock.systemUTC())
 *     .idScheme(ComplaintIdScheme.yearly("RPR", ZoneId.of("Asia/Kolkata")))
 *     .build();
 * Complaint c = grievances.register(request, Actor.agent("AGENT-17"));
 * c = grievances.execute(c.id(), new Assign(PostId.of("AE-RAIPUR-3"), "ENERGY", Level.L1),
 *     Actor.system("router"));
 * }</pre>
 *
 * <p>Every command is decided by {@link Lifecycle} and stored with the version it was decided on,
 * stamped with the clock's instant (or, if the clock lags, the complaint's latest event time),
 * so two racing commands never both apply to the same version. Refusals are typed:
 * {@link InvalidInputException}, {@code IllegalTransitionException},
 * {@code ActorNotPermittedException}, {@link StaleVersionException}; a refused command stores
 * nothing.
 *
 * <p>{@code Grievances} only hands each call to its use case ({@code org.nivaran.grievance.usecase}):
 * registration to {@code Intake}, commands to {@code CommandExecution}, the live directory to
 * {@code DirectoryAdministration}, reads to {@code ComplaintLookup}.
 *
 * <p>While it registers or runs a command, the SLF4J MDC holds the tenant ({@code nivaran.tenant})
 * and the complaint id ({@code nivaran.complaint}, for a command), never the citizen's number, so
 * a log pattern can show them on every line logged meanwhile (the notifier's included).
 *
 * <p>Each registration and command is one operation observed by the builder's
 * {@link GrievancesBuilder#instrumentation instrumentation}, which is told its outcome (see
 * {@link org.nivaran.grievance.observe.Instrumentation}); nothing the instrumentation does changes
 * what these methods return or throw.
 *
 * <p>Thread-safe if its store and id scheme are (the stock ones are).
 */
public final class Grievances {
  private final UseCases useCases;

  Grievances(UseCases useCases) {
    this.useCases = useCases;
  }

  /**
   * A builder with the defaults: an {@link InMemoryComplaintStore}, the UTC system clock, ids
   * {@code NVR-YYYY-NNNNNN} counted per year in Asia/Kolkata, and 5 attempts for
   * {@link #execute(ComplaintId, ComplaintCommand, Actor)}.
   *
   * @return a new builder
   */
  public static GrievancesBuilder builder() {
    return new GrievancesBuilder();
  }

  /**
   * Registers a complaint. With an idempotency key, a retry of the same request returns the
   * complaint the first attempt stored, as it is now, and stores nothing. Under a
   * {@link DuplicatePolicy} that links repeats, the complaint returned may be the open complaint
   * the request repeats; {@link #submit} says which.
   *
   * @param request the validated request
   * @param actor who registers it
   * @return the new (or earlier, or linked) complaint
   * @throws org.nivaran.grievance.complaint.ActorNotPermittedException if the actor may not
   * @throws org.nivaran.grievance.store.IdempotencyConflictException if the key was used for a
   *     different request
   * @throws org.nivaran.grievance.store.DuplicateComplaintIdException if the id scheme issued an id
   *     the store already holds (see {@link GrievancesBuilder#idScheme})
   * @throws BlockedNumberException if a directory is configured and the citizen's number is on its
   *     blocklist
   * @throws org.nivaran.grievance.policy.CallerLimitReachedException if the request would create a
   *     complaint and the number has registered as many in the period as the
   *     {@link GrievancesBuilder#callerLimitPolicy caller-limit policy} allows
   * @throws InvalidInputException (field {@code categoryCode} or {@code jurisdictionCode}) if a
   *     directory is configured and does not know the code
   */
  public Complaint register(RegisterComplaint request, Actor actor) {
    return submit(request, actor).complaint();
  }

  /**
   * Registers a complaint and says what became of the request: a new complaint, the replay of an
   * earlier attempt with the same idempotency key, or, under a {@link DuplicatePolicy} that links
   * repeats, a {@code DuplicateLinked} event on the open complaint it repeats. A repeat is linked
   * only while that complaint is open, and not when an officer registers it. A retry of a linked
   * registration with the same key (within the policy's window) finds its {@code DuplicateLinked}
   * event and stores nothing, even if the complaint closed or the number was blocked since;
   * racing retries link it once. A request carrying an external reference that a complaint of the
   * tenant holds is that complaint's grievance, before any other check: returned as it is or
   * recorded on it as a repeat, as the {@link org.nivaran.grievance.policy.ReferencePolicy} says;
   * a repeat linked by the duplicate policy gives the complaint the request's references.
   *
   * @param request the validated request
   * @param actor who registers it
   * @return the complaint and the outcome
   * @throws org.nivaran.grievance.complaint.ActorNotPermittedException if the actor may not
   * @throws org.nivaran.grievance.store.IdempotencyConflictException if the key was used for a
   *     different request
   * @throws BlockedNumberException if the citizen's number is on the directory's blocklist
   * @throws org.nivaran.grievance.policy.CallerLimitReachedException if the request would create a
   *     complaint (it is neither a retry of a stored registration nor a linked repeat) and the
   *     number has registered as many in the period as the caller-limit policy allows
   * @throws InvalidInputException (field {@code categoryCode} or {@code jurisdictionCode}) if a
   *     directory is configured and does not know the code
   */
  public Registration submit(RegisterComplaint request, Actor actor) {
    try (LogContext log = LogContext.of(tenant().value(), Optional.empty())) {
      return useCases.observed().submit(request, actor);
    }
  }

  /**
   * Runs a command on the version of a complaint the caller read. If the complaint has moved on,
   * nothing is stored and {@link StaleVersionException} tells the caller to reload and decide
   * again.
   *
   * @param id the complaint
   * @param expectedVersion the version the caller read
   * @param command the command
   * @param actor who issues it
   * @return the complaint after the command
   * @throws ComplaintNotFoundException if there is no such complaint
   * @throws StaleVersionException if its version is not {@code expectedVersion}
   */
  public Complaint execute(ComplaintId id, long expectedVersion, ComplaintCommand command, Actor actor) {
    try (LogContext log = LogContext.of(tenant().value(), Optional.ofNullable(id).map(ComplaintId::value))) {
      return useCases.observed().execute(id, expectedVersion, command, actor);
    }
  }

  /**
   * Runs a command on the latest version of a complaint. If another command is stored between
   * reading and writing, the command is decided again on the newer state (which may now refuse
   * it), up to the builder's attempt limit; then {@link StaleVersionException} is thrown.
   *
   * @param id the complaint
   * @param command the command
   * @param actor who issues it
   * @return the complaint after the command
   * @throws ComplaintNotFoundException if there is no such complaint
   * @throws StaleVersionException if every attempt lost a race
   */
  public Complaint execute(ComplaintId id, ComplaintCommand command, Actor actor) {
    try (LogContext log = LogContext.of(tenant().value(), Optional.ofNullable(id).map(ComplaintId::value))) {
      return useCases.observed().execute(id, command, actor);
    }
  }

  /**
   * Whose complaints this entry point registers and changes (see
   * {@link GrievancesBuilder#tenant}).
   *
   * @return the tenant; {@link TenantId#DEFAULT} unless set
   */
  public TenantId tenant() {
    return useCases.tenant();
  }

  /**
   * The registries in force: the directory given to the builder, as changed since by
   * {@link #transferOfficer} and {@link #block}.
   *
   * @return the directory, or empty if none was configured
   */
  public Optional<Directory> directory() {
    return useCases.directory();
  }

  /**
   * A new officer takes charge of a post (or the post falls vacant). The post keeps its
   * complaints, so the successor inherits every pending one, and is notified with the list (if
   * there is any).
   *
   * @param post the post
   * @param successor the new holder, or empty if the post falls vacant
   * @return the complaints pending at the post, oldest first (at most
   *     {@value org.nivaran.grievance.escalation.FollowUpSampler#MAX_PENDING_PER_POST})
   * @throws IllegalStateException if no directory is configured
   * @throws InvalidInputException if the post is not in the directory
   * @throws UnsupportedOperationException if the store implements no
   *     {@link org.nivaran.grievance.store.WorkLists}
   */
  public List<Complaint> transferOfficer(PostId post, Optional<Officer> successor) {
    return useCases.administration().transferOfficer(post, successor);
  }

  /**
   * A supervisor gives the additional charge of a vacant post to an officer who holds another post,
   * from now until {@code until} (an instant; a charge "until the 31st" is the instant that day
   * ends in the office's zone). While it is in force the officer answers for the post as its holder
   * would: they act on its complaints as {@code Actor.officer(officerId, post)} (or as a supervisor
   * from it), are told of them, and escalations and appeals to the post proceed rather than wait
   * on the stuck list (those already waiting move up on the next sweep). The complaints stay
   * assigned to the post, so grading counts them against it. The charge ends by itself at
   * {@code until}, when a holder joins ({@link #transferOfficer}), when the officer no longer holds a
   * post, or by {@link #endAdditionalCharge}. A charge given replaces the post's earlier one.
   *
   * @param supervisor a supervisor holding their post, within whose reach (department and
   *     jurisdiction) the post lies
   * @param post the vacant post
   * @param officerId the officer given the charge; they must hold a post of the directory
   * @param until when the charge ends by itself; after now
   * @param reason why, on one line
   * @return the complaints pending at the post, which the officer in charge is told of, oldest first
   *     (at most {@value org.nivaran.grievance.escalation.FollowUpSampler#MAX_PENDING_PER_POST})
   * @throws org.nivaran.grievance.directory.AdditionalChargeRefusedException if the actor is no
   *     supervisor, does not hold their post, or the post is outside its reach
   * @throws InvalidInputException naming the field: {@code post} (unknown, or has a holder),
   *     {@code officerId} (holds no post), {@code givenBy} (the supervisor names themselves),
   *     {@code until} (not after now) or {@code reason}
   * @throws IllegalStateException if no directory is configured
   * @throws UnsupportedOperationException if the store implements no
   *     {@link org.nivaran.grievance.store.WorkLists}
   */
  public List<Complaint> giveAdditionalCharge(Actor supervisor, PostId post, String officerId, Instant until, String reason) {
    return useCases.administration().giveAdditionalCharge(supervisor, post, officerId, until, reason);
  }

  /**
   * A supervisor ends the additional charge of a post before its {@code until}. The complaints
   * stay with the post; the officer no longer acts on them or is told of them.
   *
   * @param supervisor as for {@link #giveAdditionalCharge}
   * @param post the post
   * @return the charge ended, or empty if the post had none
   * @throws org.nivaran.grievance.directory.AdditionalChargeRefusedException if the actor may not
   *     change the post's charge
   * @throws InvalidInputException (field {@code post}) if the post is unknown
   * @throws IllegalStateException if no directory is configured
   */
  public Optional<AdditionalCharge> endAdditionalCharge(Actor supervisor, PostId post) {
    return useCases.administration().endAdditionalCharge(supervisor, post);
  }

  /**
   * An officer's work list: the posts they answer for now, as holder or by an additional charge in
   * force, each with its pending complaints.
   *
   * @param officerId the officer's id
   * @return the pending complaints by post, oldest first, the held posts first; empty if none
   * @throws IllegalStateException if no directory is configured
   * @throws UnsupportedOperationException if the store implements no
   *     {@link org.nivaran.grievance.store.WorkLists}
   */
  public Map<PostId, List<Complaint>> workListOf(String officerId) {
    return useCases.administration().workListOf(officerId);
  }

  /**
   * Adds or replaces a blocklist entry: registrations from the number are refused while it is
   * active.
   *
   * @param entry the entry
   * @throws IllegalStateException if no directory is configured
   */
  public void block(BlockEntry entry) {
    useCases.administration().block(entry);
  }

  /**
   * Removes a number from the blocklist.
   *
   * @param phone the number
   * @throws IllegalStateException if no directory is configured
   */
  public void unblock(PhoneNumber phone) {
    useCases.administration().unblock(phone);
  }

  /**
   * An escalator over this instance's store, policies, directory and clock, storing its commands
   * through the same command execution as {@link #execute(ComplaintId, long, ComplaintCommand, Actor)}.
   *
   * @return the escalator
   * @throws IllegalStateException if the store implements no
   *     {@link org.nivaran.grievance.store.WorkLists}
   */
  public Escalator escalator() {
    return useCases.escalator();
  }

  /**
   * As {@link #escalator()}, with the sweep's batch size and claim lease of
   * {@link Escalator.Builder#batchSize(int)} and {@link Escalator.Builder#claimLease(Duration)}
   * instead of their defaults ({@value Escalator#DEFAULT_BATCH_SIZE} complaints, 5 minutes).
   *
   * @param batchSize how many due complaints a sweep reads at a time, at least 1
   * @param claimLease how long a claimed batch is kept from other sweepers, positive; longer than
   *     a batch takes
   * @return the escalator
   * @throws IllegalArgumentException if the batch size is below 1 or the lease not positive
   * @throws NullPointerException if the lease is null
   * @throws IllegalStateException if the store implements no
   *     {@link org.nivaran.grievance.store.WorkLists}
   */
  public Escalator escalator(int batchSize, Duration claimLease) {
    return useCases.escalator(batchSize, Objects.requireNonNull(claimLease, "claimLease"));
  }

  /**
   * The stuck list: complaints whose escalation could not happen (no post above, vacant post),
   * oldest first.
   *
   * @param limit the most to return, at least 1
   * @return the stuck complaints
   * @throws UnsupportedOperationException if the store implements no
   *     {@link org.nivaran.grievance.store.WorkLists}
   */
  public List<Complaint> stuck(int limit) {
    return useCases.lookup().stuck(limit);
  }

  /**
   * A reproducible sample of pending complaints per L1 post of the directory, for the call
   * centre's reminder calls (see {@link FollowUpSampler}).
   *
   * @param perPost how many per post, at least 1
   * @param seed the seed, e.g. the day's number
   * @return the sample per post
   * @throws IllegalStateException if no directory is configured
   */
  public Map<PostId, List<Complaint>> followUps(int perPost, long seed) {
    return useCases.administration().followUps(perPost, seed);
  }

  /**
   * A complaint's current state.
   *
   * @param id the complaint
   * @return the complaint, or empty
   */
  public Optional<Complaint> find(ComplaintId id) {
    return useCases.lookup().find(id);
  }

  /**
   * A complaint's current state.
   *
   * @param id the complaint
   * @return the complaint
   * @throws ComplaintNotFoundException if there is none
   */
  public Complaint get(ComplaintId id) {
    return useCases.lookup().get(id);
  }

  /**
   * A complaint's events, oldest first.
   *
   * @param id the complaint
   * @return its events; empty if there is no such complaint
   */
  public List<ComplaintEvent> history(ComplaintId id) {
    return useCases.lookup().history(id);
  }
}
