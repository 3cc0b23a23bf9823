package org.nivaran.grievance;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.actor.Role;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.complaint.Assignment;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.escalation.EscalationPolicy;
import org.nivaran.grievance.escalation.Escalator;
import org.nivaran.grievance.escalation.FollowUpSampler;
import org.nivaran.grievance.escalation.Timekeeper;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationKind;
import org.nivaran.grievance.notify.NotificationPolicy;
import org.nivaran.grievance.notify.Notifier;
import org.nivaran.grievance.directory.BlockEntry;
import org.nivaran.grievance.directory.BlockedNumberException;
import org.nivaran.grievance.directory.Departments;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.directory.Jurisdictions;
import org.nivaran.grievance.directory.NoRouteException;
import org.nivaran.grievance.directory.Officer;
import org.nivaran.grievance.directory.Post;
import org.nivaran.grievance.directory.Posts;
import org.nivaran.grievance.policy.TransferPolicy;
import org.nivaran.grievance.sla.SlaPolicy;
import org.nivaran.grievance.sla.SlaTimer;
import org.nivaran.grievance.store.CreateResult;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Registration;
import org.nivaran.grievance.store.ComplaintNotFoundException;
import org.nivaran.grievance.store.Append;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.store.NewComplaint;
import org.nivaran.grievance.store.StaleVersionException;
import org.nivaran.grievance.complaint.ClosureKind;
import org.nivaran.grievance.complaint.CommandType;
import org.nivaran.grievance.complaint.IllegalTransitionException;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.escalation.EscalationStep;
import org.nivaran.grievance.policy.DuplicatePolicy;
import org.nivaran.grievance.policy.FakeComplaintPolicy;
import org.nivaran.grievance.store.ComplaintQueries;
import org.nivaran.grievance.store.Page;
import org.nivaran.grievance.store.PageRequest;
import org.nivaran.grievance.policy.ReopenRefusedException;
import org.nivaran.grievance.policy.VerificationPolicy;
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
  private final AtomicReference<Optional<Directory>> directory;
  private final EscalationPolicies policies;
  private final Timekeeper timekeeper;
  private final Notifier notifier;
  private final NotificationPolicy notificationPolicy;
  private final TransferPolicy transferPolicy;
  private final ZoneId zone;
  private final VerificationPolicy verification;
  private final FakeComplaintPolicy fakePolicy;
  private final DuplicatePolicy duplicatePolicy;

  private static final Actor VERIFIER = Actor.system("verification-policy");
  private static final String FAKE_POLICY = "fake-complaint-policy";
  private static final Actor ROUTER = Actor.system("router");
  private static final Actor TIMEKEEPER = Actor.system("timekeeper");
  private static final Actor TRANSFER_POLICY = Actor.system("transfer-policy");

  private Grievances(Builder b) {
    this.store = b.store;
    this.clock = b.clock;
    this.idScheme = b.idScheme;
    this.maxAttempts = b.maxAttempts;
    this.directory = new AtomicReference<>(Optional.ofNullable(b.directory));
    this.policies = b.policies;
    this.timekeeper = new Timekeeper(b.calendars);
    this.notifier = b.notifier;
    this.notificationPolicy = b.notificationPolicy;
    this.transferPolicy = b.transferPolicy;
    this.zone = b.zone;
    this.verification = b.verification;
    this.fakePolicy = b.fakePolicy;
    this.duplicatePolicy = b.duplicatePolicy;
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
   *     the store already holds (see {@link Builder#idScheme})
   * @throws BlockedNumberException if a directory is configured and the citizen's number is on its
   *     blocklist
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
   * racing retries link it once.
   *
   * @param request the validated request
   * @param actor who registers it
   * @return the complaint and the outcome
   * @throws org.nivaran.grievance.complaint.ActorNotPermittedException if the actor may not
   * @throws org.nivaran.grievance.store.IdempotencyConflictException if the key was used for a
   *     different request
   * @throws BlockedNumberException if the citizen's number is on the directory's blocklist
   * @throws InvalidInputException (field {@code categoryCode} or {@code jurisdictionCode}) if a
   *     directory is configured and does not know the code
   */
  public Registration submit(RegisterComplaint request, Actor actor) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(actor, "actor");
    Lifecycle.authorizeRegistration(request, actor);
    String fingerprint = request.fingerprint();
    Optional<String> key = request.idempotencyKey();
    Optional<Directory> dir = directory.get();
    Instant now = clock.instant();
    try {
      dir.flatMap(d -> d.blocklist().activeEntry(request.citizen().phone(), now)).ifPresent(entry -> {
        throw new BlockedNumberException(entry);
      });
      dir.ifPresent(d -> checkCodes(d, request));
      if (fakePolicy.blocks()) {
        fakeBlockAt(request.citizen().phone(), now).ifPresent(entry -> {
          throw new BlockedNumberException(entry);
        });
      }
    } catch (InvalidInputException | BlockedNumberException refused) {
      // a retry returns what the first attempt stored, whatever changed since (a block, say)
      Optional<Complaint> earlier = key.flatMap(k -> store.findByIdempotencyKey(k, fingerprint));
      if (earlier.isPresent()) {
        LOG.debug("registration with key {} replayed as {}", key.get(), earlier.get().id());
        return new Registration(earlier.get(), Registration.Outcome.REPLAYED);
      }
      if (key.isPresent() && duplicatePolicy.window().isPresent() && refused instanceof BlockedNumberException) {
        Optional<Registration> linked = linkedBefore(request, now.minus(duplicatePolicy.window().get()));
        if (linked.isPresent()) {
          return linked.get();
        }
      }
      throw refused;
    }
    if (duplicatePolicy.window().isPresent() && Lifecycle.rolesFor(CommandType.LINK_DUPLICATE).contains(actor.role())) {
      Optional<Registration> linked = linkRepeat(request, actor, now, duplicatePolicy.window().get());
      if (linked.isPresent()) {
        return linked.get();
      }
    }
    // Otherwise the store resolves a retry as it creates (CreateResult.Replayed): one round trip
    // fewer for every first attempt, at the cost of an unused id for each retry.
    ComplaintId id = idScheme.next(request, now);
    ComplaintRegistered registered = Lifecycle.register(id, request, actor, now);
    Change change = new Change(Lifecycle.start(registered), registered);
    dir.ifPresent(d -> route(change, d, now));
    CreateResult result = store.create(
        new NewComplaint(change.state, change.events, key, fingerprint, outboxFor(change.state, change.events)));
    Complaint stored = result.complaint();
    if (result instanceof CreateResult.Created) {
      LOG.debug("registered {} by {}", stored.id(), actor);
      publish(stored, change.events);
      return new Registration(stored, Registration.Outcome.CREATED);
    }
    return new Registration(stored, Registration.Outcome.REPLAYED);
  }

  /**
   * Under a linking {@link DuplicatePolicy}: the open complaint a request repeats (same number,
   * kind, category and jurisdiction, registered within the window), with the repeat recorded on
   * it; empty if there is none.
   */
  private Optional<Registration> linkRepeat(RegisterComplaint request, Actor actor, Instant now, java.time.Duration window) {
    Optional<String> key = request.idempotencyKey();
    Optional<Complaint> replayed = key.flatMap(k -> store.findByIdempotencyKey(k, request.fingerprint()));
    if (replayed.isPresent()) {
      return Optional.of(new Registration(replayed.get(), Registration.Outcome.REPLAYED));
    }
    Instant since = now.minus(window);
    Optional<Registration> linkedBefore = linkedBefore(request, since);
    if (linkedBefore.isPresent()) {
      return linkedBefore;
    }
    Optional<Complaint> original = similarSince(request, since, true).stream().findFirst();
    if (original.isEmpty()) {
      return Optional.empty();
    }
    ComplaintId id = original.get().id();
    ComplaintCommand.LinkDuplicate link =
        new ComplaintCommand.LinkDuplicate(request.channel(), request.description(), request.attachments(), key);
    for (int attempt = 1; ; attempt++) {
      Complaint current = get(id);
      // decided again on every attempt: a racing retry of the same request may have linked it
      Optional<Registration> raced = key.isPresent() ? linkedOn(current, request) : Optional.empty();
      if (raced.isPresent()) {
        return raced;
      }
      try {
        Complaint after = apply(current, link, actor);
        LOG.debug("registration by {} linked to open complaint {}", actor, id);
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

  /**
   * A registration with an idempotency key that was linked before: the complaint (open or not,
   * registered since {@code since}, of the request's number, kind, category and jurisdiction)
   * whose log holds a {@code DuplicateLinked} with the key.
   *
   * @throws org.nivaran.grievance.store.IdempotencyConflictException if that event records a
   *     different request under the key
   */
  private Optional<Registration> linkedBefore(RegisterComplaint request, Instant since) {
    if (request.idempotencyKey().isEmpty()) {
      return Optional.empty();
    }
    for (Complaint c : similarSince(request, since, false)) {
      Optional<Registration> linked = linkedOn(c, request);
      if (linked.isPresent()) {
        return linked;
      }
    }
    return Optional.empty();
  }

  private Optional<Registration> linkedOn(Complaint c, RegisterComplaint request) {
    for (ComplaintEvent e : store.events(c.id())) {
      if (e instanceof ComplaintEvent.DuplicateLinked d && d.idempotencyKey().equals(request.idempotencyKey())) {
        if (d.channel() != request.channel() || !d.description().equals(request.description())
            || !d.attachments().equals(request.attachments())) {
          throw new org.nivaran.grievance.store.IdempotencyConflictException(request.idempotencyKey().get(), c.id());
        }
        return Optional.of(new Registration(get(c.id()), Registration.Outcome.LINKED));
      }
    }
    return Optional.empty();
  }

  /**
   * The complaints of the request's number, kind, category and jurisdiction registered since an
   * instant, newest first; only open ones if asked, and then at most the newest.
   */
  private List<Complaint> similarSince(RegisterComplaint request, Instant since, boolean openOnly) {
    List<Complaint> found = new ArrayList<>();
    eachOfCitizen(request.citizen().phone(), c -> {
      if (c.registeredAt().isBefore(since)) {
        return false;
      }
      if ((!openOnly || c.status().isOpen()) && c.kind() == request.kind()
          && c.categoryCode().equals(request.categoryCode()) && c.jurisdictionCode().equals(request.jurisdictionCode())) {
        found.add(c);
        return !openOnly;
      }
      return true;
    });
    return found;
  }

  /** Visits a citizen's complaints newest first, page by page, while the visitor says go on. */
  private void eachOfCitizen(PhoneNumber phone, java.util.function.Predicate<Complaint> visitor) {
    ComplaintQueries queries = (ComplaintQueries) store;
    PageRequest page = PageRequest.first(100);
    while (true) {
      Page<Complaint> p = queries.byCitizen(phone, page);
      for (Complaint c : p.items()) {
        if (!visitor.test(c)) {
          return;
        }
      }
      Optional<PageRequest> next = p.nextRequest(100);
      if (next.isEmpty()) {
        return;
      }
      page = next.get();
    }
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

  /** Assigns a new complaint to its L1 post (or the walk-in post of the day), or flags it unrouted. */
  private void route(Change change, Directory d, Instant now) {
    Complaint c = change.state;
    Optional<EscalationPolicy> policy = policies.forComplaint(c, d.categories());
    Level entry = policy.map(EscalationPolicy::entryLevel).orElse(Level.L1);
    Optional<Post> post = Optional.empty();
    if (c.channel() == Channel.WALK_IN_HEARING) {
      post = d.router().walkIn(LocalDate.ofInstant(now, zone));
    }
    if (post.isEmpty()) {
      try {
        post = Optional.of(d.router().route(c.categoryCode(), c.jurisdictionCode(), entry).post());
      } catch (NoRouteException e) {
        Optional<PostId> nodal = d.nodalOfficerOf(c.jurisdictionCode()).map(Post::id);
        change.run(new ComplaintCommand.Flag(ComplaintFlag.UNROUTED, e.getMessage(), nodal), ROUTER, now);
        return;
      }
    }
    Post p = post.get();
    change.run(new ComplaintCommand.Assign(p.id(), p.department(), p.level()), ROUTER, now);
  }

  /** A complaint's state and the events that lead to it from the stored version. */
  private final class Change {
    private Complaint state;
    private final List<ComplaintEvent> events = new ArrayList<>();

    private Change(Complaint state, ComplaintEvent first) {
      this.state = state;
      this.events.add(first);
    }

    private Change(Complaint state) {
      this.state = state;
    }

    /** Decides a command, and keeps the SLA clock in step with each event. */
    private void run(ComplaintCommand command, Actor actor, Instant now) {
      for (ComplaintEvent e : Lifecycle.decide(state, command, actor, now)) {
        Complaint before = state;
        add(e);
        Optional<SlaTimer> timer = timekeeper.after(before, e, state, () -> newPolicy(state));
        if (timer.isPresent()) {
          for (ComplaintEvent t : Lifecycle.decide(state, new ComplaintCommand.SetSlaTimer(timer.get()), TIMEKEEPER, now)) {
            add(t);
          }
        }
      }
    }

    private void add(ComplaintEvent e) {
      state = Lifecycle.evolve(state, e);
      events.add(e);
    }
  }

  private Optional<SlaPolicy> newPolicy(Complaint c) {
    return directory.get()
        .flatMap(d -> d.categories().find(c.categoryCode()))
        .flatMap(category -> policies.find(category.escalationPolicyId()))
        .map(EscalationPolicy::sla);
  }

  /**
   * Hands the notifications a stored change causes to the notifier; a failing notifier is logged.
   * With a store that keeps an outbox, they were stored with the change and this does nothing.
   */
  private void publish(Complaint after, List<ComplaintEvent> events) {
    if (notifier == null || store.keepsOutbox()) {
      return;
    }
    for (Notification n : notificationsFor(after, events)) {
      send(n);
    }
  }

  /** The notifications to store with a change, for a store that keeps an outbox; else none. */
  private List<Notification> outboxFor(Complaint after, List<ComplaintEvent> events) {
    return store.keepsOutbox() ? notificationsFor(after, events) : List.of();
  }

  /** The notifications events cause; none (logged) if the policy fails, which must not fail the change. */
  private List<Notification> notificationsFor(Complaint after, List<ComplaintEvent> events) {
    Posts posts = directory.get().map(Directory::posts).orElse(NO_POSTS);
    try {
      return notificationPolicy.notificationsFor(after, events, posts);
    } catch (RuntimeException e) {
      LOG.warn("notifications for complaint {} events {}..{} could not be made: {}", after.id(),
          events.get(0).sequence(), events.get(events.size() - 1).sequence(), e.toString());
      return List.of();
    }
  }

  private void send(Notification n) {
    try {
      notifier.send(n);
    } catch (RuntimeException e) {
      LOG.warn("notification {} ({} to {}) failed: {}", n.id(), n.kind(), n.recipient().role(), e.toString());
    }
  }

  private static final Directory EMPTY_DIRECTORY = Directory.builder().departments(Departments.of(List.of())).build();
  private static final Posts NO_POSTS = EMPTY_DIRECTORY.posts();

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
    Optional<Change> change = plan(current, command, actor);
    if (change.isEmpty()) {
      return current;
    }
    Change c = change.get();
    store.append(new Append(c.state, c.events, current.version(), outboxFor(c.state, c.events)));
    publish(c.state, c.events);
    afterStored(c);
    return c.state;
  }

  /** What the policies do once a change is stored: a fake complaint may block its number. */
  private void afterStored(Change c) {
    if (fakePolicy.blocks() && c.events.stream().anyMatch(
        e -> e instanceof ComplaintEvent.ComplaintRejected r && r.reason() == RejectionReason.FAKE)) {
      try {
        blockIfFakeTooOften(c.state);
      } catch (RuntimeException e) {
        // the rejection is stored; registration counts the fakes again (fakeBlockAt), so no block is lost
        LOG.warn("blocking {} after fake complaint {} failed: {}", c.state.citizen().phone(), c.state.id(), e.toString());
      }
    }
  }

  /** Adds the fake-complaint policy's block to the directory's blocklist, if the rejection earned one. */
  private void blockIfFakeTooOften(Complaint rejected) {
    Instant at = rejected.closure().orElseThrow().at();
    PhoneNumber phone = rejected.citizen().phone();
    Optional<BlockEntry> block = fakeBlockAt(phone, at);
    if (block.isEmpty() || directory.get().isEmpty()) {
      return;
    }
    Optional<BlockEntry> current = directory.get().get().blocklist().activeEntry(phone, at);
    Optional<Instant> until = block.get().expiresAt();
    boolean longer = current.isEmpty()
        || current.get().expiresAt().isPresent() && (until.isEmpty() || until.get().isAfter(current.get().expiresAt().get()));
    if (longer) {
      block(block.get());
      LOG.info("blocked {}: {}", phone, block.get().reason());
    }
  }

  /**
   * The block the fake-complaint policy puts on a number at an instant, counted from the store: the
   * latest moment its N-th fake complaint within the window was rejected, if that block is still
   * in force. Counting at registration makes the block hold on every node sharing the store and
   * across restarts, whatever the in-memory blocklist holds.
   */
  private Optional<BlockEntry> fakeBlockAt(PhoneNumber phone, Instant at) {
    List<Instant> fakes = new ArrayList<>();
    List<ComplaintId> ids = new ArrayList<>();
    eachOfCitizen(phone, c -> {
      c.closure().filter(k -> k.kind() == ClosureKind.FAKE && !k.at().isAfter(at)).ifPresent(k -> {
        fakes.add(k.at());
        ids.add(c.id());
      });
      return true;
    });
    int n = fakePolicy.threshold();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < fakes.size(); i++) {
      order.add(i);
    }
    order.sort(java.util.Comparator.comparing(fakes::get));
    for (int j = order.size() - 1; j >= n - 1; j--) {
      Instant last = fakes.get(order.get(j));
      Instant first = fakes.get(order.get(j - n + 1));
      if (java.time.Duration.between(first, last).compareTo(fakePolicy.within()) > 0) {
        continue;
      }
      Optional<Instant> expires = fakePolicy.blockFor().map(last::plus);
      if (expires.filter(e -> !e.isAfter(at)).isPresent()) {
        return Optional.empty(); // the latest block has run out, and any earlier one too
      }
      java.time.Duration w = fakePolicy.within();
      String window = w.toSeconds() % 86_400 == 0 ? w.toDays() + " days" : w.toString();
      String reason = n + " complaints rejected as fake within " + window + ", the latest "
          + ids.get(order.get(j));
      return Optional.of(new BlockEntry(phone, reason, FAKE_POLICY, last, expires));
    }
    return Optional.empty();
  }


  /**
   * Decides commands on complaints as read and stores the changes as one batch
   * ({@link ComplaintStore#appendAll}): the escalator's path, which reads nothing again.
   *
   * @return the requests not carried out, by complaint, with why (a lost race is a
   *     {@link StaleVersionException})
   */
  private Map<ComplaintId, RuntimeException> applyAll(List<Escalator.Request> requests) {
    Map<ComplaintId, RuntimeException> failed = new LinkedHashMap<>();
    List<Append> appends = new ArrayList<>(requests.size());
    List<Change> changes = new ArrayList<>(requests.size());
    for (Escalator.Request r : requests) {
      try {
        plan(r.complaint(), r.command(), r.actor()).ifPresent(c -> {
          appends.add(new Append(c.state, c.events, r.complaint().version(), outboxFor(c.state, c.events)));
          changes.add(c);
        });
      } catch (RuntimeException e) {
        failed.put(r.complaint().id(), e);
      }
    }
    if (appends.isEmpty()) {
      return failed;
    }
    Map<ComplaintId, RuntimeException> skipped = store.appendAll(appends);
    failed.putAll(skipped);
    for (Change c : changes) {
      if (!skipped.containsKey(c.state.id())) {
        publish(c.state, c.events);
        afterStored(c);
      }
    }
    return failed;
  }

  /** Decides a command; empty if it leaves the complaint as it is. */
  private Optional<Change> plan(Complaint current, ComplaintCommand command, Actor actor) {
    Instant now = now(current);
    directory.get().ifPresent(d -> checkTarget(d, current, command));
    Change change = new Change(current);
    if (command instanceof ComplaintCommand.Transfer t
        && actor.role() == Role.OFFICER
        && !transferPolicy.allowsAnother(current.transferCount())) {
      Lifecycle.decide(current, command, actor, now); // refused as usual if not allowed at all
      if (current.flags().contains(ComplaintFlag.TRANSFER_LIMIT_REACHED)) {
        return Optional.empty();
      }
      String detail = "transfer to " + t.toPost() + " (" + t.toDepartment() + ") not made: the complaint was transferred "
          + current.transferCount() + " time(s), the most the transfer policy allows; reason given: " + t.reason();
      change.run(new ComplaintCommand.Flag(ComplaintFlag.TRANSFER_LIMIT_REACHED, detail, nodalOfficerOf(current)),
          TRANSFER_POLICY, now);
    } else {
      if (command instanceof ComplaintCommand.Reopen) {
        checkReopen(current, actor, now);
      }
      change.run(command, actor, now);
      verify(change, current, command, now);
    }
    return Optional.of(change);
  }

  /** Refuses a reopening the verification policy does not allow. */
  private void checkReopen(Complaint current, Actor actor, Instant now) {
    Lifecycle.decide(current, new ComplaintCommand.Reopen("check"), actor, now); // refused as usual first
    if (verification.reopenLimit().filter(limit -> current.reopenCount() >= limit).isPresent()) {
      throw new ReopenRefusedException(current.id(), ReopenRefusedException.Reason.LIMIT_REACHED,
          "complaint " + current.id() + " was reopened " + current.reopenCount() + " time(s), the most the verification policy allows");
    }
    Optional<java.time.Duration> window = verification.reopenWindow();
    Instant closedAt = current.closure().orElseThrow().at();
    if (window.isPresent() && actor.role() != Role.SUPERVISOR && now.isAfter(closedAt.plus(window.get()))) {
      throw new ReopenRefusedException(current.id(), ReopenRefusedException.Reason.WINDOW_PASSED,
          "complaint " + current.id() + " closed at " + closedAt + "; the verification policy allows reopening within "
              + window.get() + ", until " + closedAt.plus(window.get()));
    }
  }

  /** The verification policy's consequences of a verification outcome, in the same change. */
  private void verify(Change change, Complaint before, ComplaintCommand command, Instant now) {
    if (command instanceof ComplaintCommand.ReportDissatisfied) {
      if (verification.reopenLimit().filter(limit -> before.reopenCount() >= limit).isPresent()) {
        change.run(new ComplaintCommand.CloseUnverified(ClosureKind.NOT_SATISFIED,
            "the citizen is not satisfied after " + before.reopenCount() + " reopening(s), the most the verification policy allows"),
            VERIFIER, now);
        return;
      }
      switch (verification.reopening()) {
        case SAME_LEVEL -> { }
        case NEXT_LEVEL -> nextLevel(change, now);
        case APPEAL -> appeal(change, now);
      }
    } else if (command instanceof ComplaintCommand.RecordUnreachable
        && verification.afterUnreachable() == VerificationPolicy.AfterUnreachable.CLOSE_WITHOUT_CONFIRMATION
        && change.state.unreachableAttempts() >= verification.unreachableAttempts()) {
      change.run(new ComplaintCommand.CloseUnverified(ClosureKind.UNCONFIRMED,
          "the citizen could not be reached in " + change.state.unreachableAttempts() + " attempts"), VERIFIER, now);
    }
  }

  private static final String NOT_SATISFIED = "the citizen is not satisfied with the reply";

  /**
   * Sends a dissatisfied citizen's complaint one level up its ladder. At the top it stays; if the
   * post above is missing or vacant it stays flagged {@code ESCALATION_BLOCKED}, on the stuck list,
   * as the escalator would leave it.
   */
  private void nextLevel(Change change, Instant now) {
    Directory d = directory.get().orElseThrow();
    Complaint c = change.state;
    Optional<EscalationStep> step = policies.forComplaint(c, d.categories()).map(p -> p.onDeadline(c, d));
    if (step.isPresent() && step.get() instanceof EscalationStep.MoveUp up) {
      ComplaintCommand escalate = new ComplaintCommand.Escalate(up.to().id(), NOT_SATISFIED);
      checkTarget(d, c, escalate);
      change.run(escalate, VERIFIER, now);
    } else if (step.isPresent() && step.get() instanceof EscalationStep.Blocked b) {
      change.run(new ComplaintCommand.Flag(ComplaintFlag.ESCALATION_BLOCKED,
          NOT_SATISFIED + "; it could not go a level up: " + b.reason(), b.attention()), VERIFIER, now);
    }
  }

  /** Sends a dissatisfied citizen's complaint to the appellate post; if it is vacant, flags it instead. */
  private void appeal(Change change, Instant now) {
    PostId appellate = verification.appellatePost().orElseThrow();
    Directory d = directory.get().orElseThrow();
    Optional<Post> post = d.posts().find(appellate);
    if (change.state.post().filter(appellate::equals).isPresent()) {
      return;
    }
    if (post.isEmpty() || post.get().isVacant()) {
      change.run(new ComplaintCommand.Flag(ComplaintFlag.ESCALATION_BLOCKED,
          NOT_SATISFIED + "; the appellate post " + appellate + (post.isEmpty() ? " is not in the directory" : " is vacant"),
          nodalOfficerOf(change.state)), VERIFIER, now);
      return;
    }
    Post p = post.get();
    change.run(new ComplaintCommand.Appeal(p.id(), p.department(), p.level(), NOT_SATISFIED), VERIFIER, now);
  }


  /**
   * With a directory, a command that moves a complaint must name a post the directory has, of the
   * department and level the command says.
   */
  private static void checkTarget(Directory d, Complaint current, ComplaintCommand command) {
    if (command instanceof ComplaintCommand.Assign a) {
      checkPost(d, a.post(), "post", a.department(), "department", a.level());
    } else if (command instanceof ComplaintCommand.Transfer t) {
      checkPost(d, t.toPost(), "toPost", t.toDepartment(), "toDepartment", t.level());
    } else if (command instanceof ComplaintCommand.Appeal a) {
      checkPost(d, a.toPost(), "toPost", a.toDepartment(), "toDepartment", a.level());
    } else if (command instanceof ComplaintCommand.Reassign r && current.assignment().isPresent()) {
      checkPost(d, r.toPost(), "toPost", current.assignment().get().department(), "toPost", r.level());
    } else if (command instanceof ComplaintCommand.Escalate e && current.assignment().isPresent()) {
      Assignment from = current.assignment().get();
      checkPost(d, e.toPost(), "toPost", from.department(), "toPost", from.level().next());
    }
  }

  private static void checkPost(
      Directory d, PostId id, String postField, String department, String departmentField, Level level) {
    Post post = d.posts().find(id)
        .orElseThrow(() -> new InvalidInputException(postField, "'" + id + "' is not a post of the directory"));
    if (!post.department().equals(department)) {
      throw new InvalidInputException(
          departmentField, "post " + id + " belongs to the department '" + post.department() + "', not '" + department + "'");
    }
    if (!post.level().equals(level)) {
      throw new InvalidInputException("level", "post " + id + " is at " + post.level() + ", not " + level);
    }
  }

  private Optional<PostId> nodalOfficerOf(Complaint c) {
    return directory.get().flatMap(d -> d.nodalOfficerOf(c.jurisdictionCode())).map(Post::id);
  }

  // ---------------------------------------------------------------------------------------------
  // Registries, escalation, follow-ups

  /**
   * The registries in force: the directory given to the builder, as changed since by
   * {@link #transferOfficer} and {@link #block}.
   *
   * @return the directory, or empty if none was configured
   */
  public Optional<Directory> directory() {
    return directory.get();
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
   */
  public List<Complaint> transferOfficer(PostId post, Optional<Officer> successor) {
    Objects.requireNonNull(post, "post");
    Objects.requireNonNull(successor, "successor");
    Directory updated = directory.updateAndGet(d -> Optional.of(requireDirectory(d).withPosts(
        requireDirectory(d).posts().withHolder(post, successor)))).orElseThrow();
    List<Complaint> pending = store.findPendingAt(post, FollowUpSampler.MAX_PENDING_PER_POST);
    LOG.info("post {} now held by {}; {} pending complaint(s) inherited", post,
        successor.map(Officer::id).orElse("nobody"), pending.size());
    if ((notifier != null || store.keepsOutbox()) && successor.isPresent() && !pending.isEmpty()
        && notificationPolicy.isEnabled(NotificationKind.HANDOVER)) {
      try {
        Notification handover = notificationPolicy.handover(
            updated.posts().get(post), successor.get(), pending.stream().map(Complaint::id).toList(), clock.instant());
        if (store.keepsOutbox()) {
          store.enqueue(List.of(handover));
        } else {
          send(handover);
        }
      } catch (RuntimeException e) {
        LOG.warn("the handover notification for post {} could not be made: {}", post, e.toString());
      }
    }
    return pending;
  }

  /**
   * Adds or replaces a blocklist entry: registrations from the number are refused while it is
   * active.
   *
   * @param entry the entry
   * @throws IllegalStateException if no directory is configured
   */
  public void block(BlockEntry entry) {
    Objects.requireNonNull(entry, "entry");
    directory.updateAndGet(d -> Optional.of(requireDirectory(d).withBlocklist(requireDirectory(d).blocklist().with(entry))));
  }

  /**
   * Removes a number from the blocklist.
   *
   * @param phone the number
   * @throws IllegalStateException if no directory is configured
   */
  public void unblock(PhoneNumber phone) {
    Objects.requireNonNull(phone, "phone");
    directory.updateAndGet(d -> Optional.of(requireDirectory(d).withBlocklist(requireDirectory(d).blocklist().without(phone))));
  }

  private static Directory requireDirectory(Optional<Directory> d) {
    return d.orElseThrow(() -> new IllegalStateException("no directory is configured (Grievances.Builder.directory)"));
  }

  /**
   * An escalator over this instance's store, policies, directory and clock, issuing its commands
   * through {@link #execute(ComplaintId, long, ComplaintCommand, Actor)}.
   *
   * @return the escalator
   */
  public Escalator escalator() {
    return Escalator.builder()
        .store(store)
        .policies(policies)
        .directory(() -> directory.get().orElse(EMPTY_DIRECTORY))
        .timekeeper(timekeeper)
        .gateway(new Escalator.Gateway() {
          @Override
          public Complaint execute(ComplaintId id, long expectedVersion, ComplaintCommand command, Actor actor) {
            return Grievances.this.execute(id, expectedVersion, command, actor);
          }

          @Override
          public Map<ComplaintId, RuntimeException> executeAll(List<Escalator.Request> requests) {
            return applyAll(requests);
          }
        })
        .clock(clock)
        .build();
  }

  /**
   * The stuck list: complaints whose escalation could not happen (no post above, vacant post),
   * oldest first.
   *
   * @param limit the most to return, at least 1
   * @return the stuck complaints
   */
  public List<Complaint> stuck(int limit) {
    return store.findFlagged(ComplaintFlag.ESCALATION_BLOCKED, limit);
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
    List<PostId> l1 = requireDirectory(directory.get()).posts().all().stream()
        .filter(p -> p.level().equals(Level.L1)).map(Post::id).toList();
    return FollowUpSampler.sample(store, l1, perPost, seed);
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
    private Directory directory;
    private CalendarRegistry calendars = CalendarRegistry.of();
    private EscalationPolicies policies = EscalationPolicies.none();
    private Notifier notifier;
    private NotificationPolicy notificationPolicy =
        NotificationPolicy.builder().deadlines(c -> c.sla().flatMap(SlaTimer::deadline)).build();
    private TransferPolicy transferPolicy = TransferPolicy.unlimited();
    private VerificationPolicy verification = VerificationPolicy.standard();
    private FakeComplaintPolicy fakePolicy = FakeComplaintPolicy.none();
    private DuplicatePolicy duplicatePolicy = DuplicatePolicy.none();
    private ZoneId zone = ZoneId.of("Asia/Kolkata");

    private Builder() {}

    /**
     * The registries: departments, categories, jurisdictions, posts, duty roster, blocklist. With
     * a directory, a registration is checked against the blocklist and the known category and
     * jurisdiction codes, and is assigned at once to its post (the walk-in post of the day for
     * {@code WALK_IN_HEARING}; else the category's department's post at the entry level of its
     * escalation policy, falling back up the jurisdiction tree), or flagged {@code UNROUTED} when
     * there is none. Without one, complaints are assigned by {@code Assign} commands.
     *
     * @param directory the registries
     * @return this builder
     */
    public Builder directory(Directory directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * The calendars the escalation policies count on.
     *
     * @param calendars the calendars
     * @return this builder
     */
    public Builder calendars(CalendarRegistry calendars) {
      this.calendars = Objects.requireNonNull(calendars, "calendars");
      return this;
    }

    /**
     * The escalation policies categories name. A complaint records its policy's SLA terms when
     * first assigned, and its level's clock is kept by the {@link Timekeeper}.
     *
     * @param policies the policies
     * @return this builder
     */
    public Builder escalationPolicies(EscalationPolicies policies) {
      this.policies = Objects.requireNonNull(policies, "policies");
      return this;
    }

    /**
     * Where notifications go, straight after each stored change; none by default. A notifier
     * that throws is logged and does not undo the change. Not for a store that
     * {@linkplain ComplaintStore#keepsOutbox() keeps an outbox}: that store writes the
     * notifications with the change, and its relay hands them to the notifier.
     *
     * @param notifier the notifier
     * @return this builder
     */
    public Builder notifier(Notifier notifier) {
      this.notifier = Objects.requireNonNull(notifier, "notifier");
      return this;
    }

    /**
     * Which events notify whom, with which templates; by default every kind, the stock English
     * and Hindi templates, and the SLA deadline in the {@code {deadline}} placeholder.
     *
     * @param policy the notification policy
     * @return this builder
     */
    public Builder notificationPolicy(NotificationPolicy policy) {
      this.notificationPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * How often officers may transfer a complaint between departments; unlimited by default.
     *
     * @param transferPolicy the policy
     * @return this builder
     */
    public Builder transferPolicy(TransferPolicy transferPolicy) {
      this.transferPolicy = Objects.requireNonNull(transferPolicy, "transferPolicy");
      return this;
    }

    /**
     * What dissatisfied and unreachable citizens lead to; {@link VerificationPolicy#standard()} by
     * default.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder verificationPolicy(VerificationPolicy policy) {
      this.verification = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Whether fake complaints block the caller's number; {@link FakeComplaintPolicy#none()} by
     * default. A blocking policy needs a directory (its blocklist) and a store that implements
     * {@link ComplaintQueries}.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder fakeComplaintPolicy(FakeComplaintPolicy policy) {
      this.fakePolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Whether repeat registrations are linked to the open complaint they repeat;
     * {@link DuplicatePolicy#none()} by default. A linking policy needs a store that implements
     * {@link ComplaintQueries}.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder duplicatePolicy(DuplicatePolicy policy) {
      this.duplicatePolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * The zone whose date picks the duty roster's post for a walk-in; Asia/Kolkata by default.
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

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
     * @throws InvalidInputException (field {@code calendars}) if an escalation policy counts on a
     *     calendar not registered
     * @throws IllegalStateException if a notifier is given with a store that keeps an outbox; if a
     *     blocking fake-complaint policy or a linking duplicate policy is given with a store that does
     *     not implement {@link ComplaintQueries}, or a blocking one without a directory; if the
     *     verification policy's appellate post is not a post of the directory
     */
    public Grievances build() {
      if ((fakePolicy.blocks() || duplicatePolicy.window().isPresent()) && !(store instanceof ComplaintQueries)) {
        throw new IllegalStateException("the fake-complaint and duplicate policies search a citizen's complaints; the store "
            + store.getClass().getName() + " does not implement ComplaintQueries");
      }
      if (fakePolicy.blocks() && directory == null) {
        throw new IllegalStateException("a blocking fake-complaint policy needs a directory, whose blocklist it adds to");
      }
      if (verification.reopening() == VerificationPolicy.Reopening.NEXT_LEVEL && directory == null) {
        throw new IllegalStateException("reopening at the next level needs a directory, whose posts form the ladder");
      }
      if (verification.appellatePost().isPresent()
          && (directory == null || directory.posts().find(verification.appellatePost().get()).isEmpty())) {
        throw new IllegalStateException(
            "the verification policy's appellate post " + verification.appellatePost().get() + " is not a post of the directory");
      }
      if (notifier != null && store.keepsOutbox()) {
        throw new IllegalStateException("the store keeps an outbox, so notifications are stored with each change; "
            + "give the notifier to the outbox relay, not to Grievances");
      }
      for (EscalationPolicy p : policies.all()) {
        if (calendars.find(p.sla().calendarId()).isEmpty()) {
          throw new InvalidInputException(
              "calendars", "hold no calendar '" + p.sla().calendarId() + "', which the escalation policy '" + p.id()
                  + "' counts on");
        }
      }
      return new Grievances(this);
    }
  }
}
