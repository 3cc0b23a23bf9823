package org.nivaran.grievance;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.store.ComplaintNotFoundException;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.store.NewComplaint;
import org.nivaran.grievance.store.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>Thread-safe if its store and id scheme are (the stock ones are).
 */
public final class Grievances {
  private static final Logger LOG = LoggerFactory.getLogger(Grievances.class);

  private final ComplaintStore store;
  private final Clock clock;
  private final ComplaintIdScheme idScheme;
  private final int maxAttempts;

  private Grievances(Builder b) {
    this.store = b.store;
    this.clock = b.clock;
    this.idScheme = b.idScheme;
    this.maxAttempts = b.maxAttempts;
  }

  /**
   * A builder with the defaults: an {@link InMemoryComplaintStore}, the UTC system clock, ids
   * {@code NVR-YYYY-NNNNNN} counted per year in Asia/Kolkata, and 5 attempts for
   * {@link #execute(ComplaintId, ComplaintCommand, Actor)}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Registers a complaint. With an idempotency key, a retry of the same request returns the
   * complaint the first attempt stored, as it is now, and stores nothing.
   *
   * @param request the validated request
   * @param actor who registers it
   * @return the new (or earlier) complaint
   * @throws org.nivaran.grievance.complaint.ActorNotPermittedException if the actor may not
   * @throws org.nivaran.grievance.store.IdempotencyConflictException if the key was used for a
   *     different request
   * @throws org.nivaran.grievance.store.DuplicateComplaintIdException if the id scheme issued an id
   *     the store already holds (see {@link Builder#idScheme})
   */
  public Complaint register(RegisterComplaint request, Actor actor) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(actor, "actor");
    Lifecycle.authorizeRegistration(request, actor);
    String fingerprint = request.fingerprint();
    Optional<String> key = request.idempotencyKey();
    if (key.isPresent()) {
      Optional<Complaint> earlier = store.findByIdempotencyKey(key.get(), fingerprint);
      if (earlier.isPresent()) {
        LOG.debug("registration with key {} replayed as {}", key.get(), earlier.get().id());
        return earlier.get();
      }
    }
    Instant now = clock.instant();
    ComplaintId id = idScheme.next(request, now);
    ComplaintRegistered registered = Lifecycle.register(id, request, actor, now);
    Complaint complaint = Lifecycle.start(registered);
    Complaint stored =
        store.create(new NewComplaint(complaint, List.of(registered), key, fingerprint)).complaint();
    LOG.debug("registered {} by {}", stored.id(), actor);
    return stored;
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
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(actor, "actor");
    Complaint current = get(id);
    if (current.version() != expectedVersion) {
      throw new StaleVersionException(id, expectedVersion, current.version());
    }
    return apply(current, command, actor);
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

  private Complaint apply(Complaint current, ComplaintCommand command, Actor actor) {
    List<ComplaintEvent> events = Lifecycle.decide(current, command, actor, now(current));
    Complaint next = current;
    for (ComplaintEvent e : events) {
      next = Lifecycle.evolve(next, e);
    }
    store.append(next, events, current.version());
    return next;
  }

  /**
   * The clock's instant, but never earlier than the complaint's latest event: a node whose clock
   * lags behind another's must not write an event that predates the one before it.
   */
  private Instant now(Complaint current) {
    Instant now = clock.instant();
    return now.isBefore(current.updatedAt()) ? current.updatedAt() : now;
  }

  /**
   * A complaint's current state.
   *
   * @param id the complaint
   * @return the complaint, or empty
   */
  public Optional<Complaint> find(ComplaintId id) {
    return store.find(Objects.requireNonNull(id, "id"));
  }

  /**
   * A complaint's current state.
   *
   * @param id the complaint
   * @return the complaint
   * @throws ComplaintNotFoundException if there is none
   */
  public Complaint get(ComplaintId id) {
    return find(id).orElseThrow(() -> new ComplaintNotFoundException(id));
  }

  /**
   * A complaint's events, oldest first.
   *
   * @param id the complaint
   * @return its events; empty if there is no such complaint
   */
  public List<ComplaintEvent> history(ComplaintId id) {
    return store.events(Objects.requireNonNull(id, "id"));
  }

  /** Builds {@link Grievances}. Not thread-safe; {@link #build()} copies its settings. */
  public static final class Builder {
    private ComplaintStore store = new InMemoryComplaintStore();
    private Clock clock = Clock.systemUTC();
    private ComplaintIdScheme idScheme = ComplaintIdScheme.yearly("NVR", ZoneId.of("Asia/Kolkata"));
    private int maxAttempts = 5;

    private Builder() {}

    /**
     * Where complaints are stored. A store that outlives the JVM also needs an
     * {@link #idScheme(ComplaintIdScheme) id scheme} that does: the default counts in memory and
     * would issue ids the store already holds after a restart.
     *
     * @param store the store
     * @return this builder
     */
    public Builder store(ComplaintStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * The clock that stamps every event; inject a fixed or mutable clock in tests.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How new complaints are numbered.
     *
     * @param idScheme the scheme
     * @return this builder
     */
    public Builder idScheme(ComplaintIdScheme idScheme) {
      this.idScheme = Objects.requireNonNull(idScheme, "idScheme");
      return this;
    }

    /**
     * How many attempts in all {@link Grievances#execute(ComplaintId, ComplaintCommand, Actor)}
     * makes: the first decision plus the re-decisions after losing races.
     *
     * @param maxAttempts at least 1
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1 (was " + maxAttempts + ")");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Builds the entry point.
     *
     * @return a new {@link Grievances}
     */
    public Grievances build() {
      return new Grievances(this);
    }
  }
}
