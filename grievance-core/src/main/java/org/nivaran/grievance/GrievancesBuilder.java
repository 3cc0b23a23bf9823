package org.nivaran.grievance;

import org.nivaran.grievance.tenant.TenantId;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.escalation.Timekeeper;
import org.nivaran.grievance.notify.NotificationPolicy;
import org.nivaran.grievance.notify.Notifier;
import org.nivaran.grievance.observe.Instrumentation;
import org.nivaran.grievance.policy.DuplicatePolicy;
import org.nivaran.grievance.policy.ReferencePolicy;
import org.nivaran.grievance.notify.SourceAdapters;
import org.nivaran.grievance.policy.CallerLimitPolicy;
import org.nivaran.grievance.policy.SpecialClosurePolicy;
import org.nivaran.grievance.sla.FirstResponsePolicy;
import org.nivaran.grievance.policy.FakeComplaintPolicy;
import org.nivaran.grievance.policy.TransferPolicy;
import org.nivaran.grievance.policy.VerificationPolicy;
import org.nivaran.grievance.sla.SlaTimer;
import org.nivaran.grievance.store.CallerHistory;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.store.TransactionalOutbox;
import org.nivaran.grievance.store.WorkLists;
import org.nivaran.grievance.usecase.Configuration;
import org.nivaran.grievance.usecase.UseCases;

/**
 * Builds {@link Grievances}: {@code Grievances.builder()}. Not thread-safe; {@link #build()} copies
 * its settings, checks that they can work together, and refuses a configuration that cannot,
 * naming what is wrong.
 */
public final class GrievancesBuilder {
  private TenantId tenant = TenantId.DEFAULT;
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
  private CallerLimitPolicy callerLimitPolicy = CallerLimitPolicy.none();
  private SpecialClosurePolicy specialClosurePolicy = SpecialClosurePolicy.none();
  private FirstResponsePolicy firstResponsePolicy = FirstResponsePolicy.none();
  private DuplicatePolicy duplicatePolicy = DuplicatePolicy.none();
  private ReferencePolicy referencePolicy = ReferencePolicy.defaults();
  private SourceAdapters sources = SourceAdapters.none();
  private ZoneId zone = ZoneId.of("Asia/Kolkata");
  private Instrumentation instrumentation = Instrumentation.none();

  GrievancesBuilder() {}

  /**
   * What observes the registrations, the commands and the escalator's sweeps: metrics, traces;
   * {@link Instrumentation#none()} by default. It wraps each as one operation and is told its
   * outcome; an exception it throws is logged and never changes what a registration, command or
   * sweep does, returns or throws (see {@link Instrumentation}). It must be thread-safe.
   *
   * @param instrumentation the host's instrumentation
   * @return this builder
   */
  public GrievancesBuilder instrumentation(Instrumentation instrumentation) {
    this.instrumentation = Objects.requireNonNull(instrumentation, "instrumentation");
    return this;
  }

  /**
   * The registries: departments, categories, jurisdictions, posts, duty roster, blocklist. With
   * a directory, a registration is checked against the blocklist and the known category and
   * jurisdiction codes, and is assigned at once to its post (the walk-in post of the day for
   * {@code WALK_IN_HEARING}; else the category's department's post at the entry level of its
   * escalation policy, falling back up the jurisdiction tree), or flagged {@code UNROUTED} when
   * there is none. Without one, complaints are assigned by {@code Assign} commands.
   *
   * <p>With a directory, an officer or supervisor acts only from a post the directory in force
   * (as changed by {@code transferOfficer}) shows them holding, and a supervisor only on complaints
   * of their post's department and jurisdiction sub-tree (see {@code Actor}); other commands are
   * refused with {@code ActorNotPermittedException}. Without one, Nivaran takes an officer's post
   * as the actor names it, and the host must make these checks itself.
   *
   * @param directory the registries
   * @return this builder
   */
  public GrievancesBuilder directory(Directory directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
    return this;
  }

  /**
   * The calendars the escalation policies count on.
   *
   * @param calendars the calendars
   * @return this builder
   */
  public GrievancesBuilder calendars(CalendarRegistry calendars) {
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
  public GrievancesBuilder escalationPolicies(EscalationPolicies policies) {
    this.policies = Objects.requireNonNull(policies, "policies");
    return this;
  }

  /**
   * Where notifications go, straight after each stored change; none by default. A notifier
   * that throws is logged and does not undo the change. Not for a store that
   * is a {@link TransactionalOutbox}: that store writes the notifications with the change, and its
   * relay hands them to the notifier.
   *
   * @param notifier the notifier
   * @return this builder
   */
  public GrievancesBuilder notifier(Notifier notifier) {
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
  public GrievancesBuilder notificationPolicy(NotificationPolicy policy) {
    this.notificationPolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * How often officers may transfer a complaint between departments; unlimited by default.
   *
   * @param transferPolicy the policy
   * @return this builder
   */
  public GrievancesBuilder transferPolicy(TransferPolicy transferPolicy) {
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
  public GrievancesBuilder verificationPolicy(VerificationPolicy policy) {
    this.verification = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * Whether fake complaints block the caller's number; {@link FakeComplaintPolicy#none()} by
   * default. A blocking policy needs a directory (its blocklist) and a store that implements
   * {@link CallerHistory}.
   *
   * @param policy the policy
   * @return this builder
   */
  public GrievancesBuilder fakeComplaintPolicy(FakeComplaintPolicy policy) {
    this.fakePolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * Whether repeat registrations are linked to the open complaint they repeat;
   * {@link DuplicatePolicy#none()} by default. A linking policy needs a store that implements
   * {@link CallerHistory}; one with distance rules ({@link DuplicatePolicy#byDistance}) needs a
   * store that implements {@link org.nivaran.grievance.store.NearbyComplaints} and, with a
   * directory, categories the directory has.
   *
   * @param policy the policy
   * @return this builder
   */
  public GrievancesBuilder duplicatePolicy(DuplicatePolicy policy) {
    this.duplicatePolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * What a registration carrying an external reference that a complaint of the tenant already
   * holds becomes: that complaint returned, storing nothing ({@link ReferencePolicy#RETURN_EXISTING},
   * the default), or the request recorded on it as a repeat ({@link ReferencePolicy#LINK}).
   *
   * @param policy the policy
   * @return this builder
   */
  public GrievancesBuilder referencePolicy(ReferencePolicy policy) {
    this.referencePolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * The sources to tell of a complaint's action-taken reply and closure, one message per source
   * the complaint holds a reference for and that has an adapter here; none by default. The
   * messages take the notifications' path: with a store that keeps an outbox they are stored with
   * the change, and the relay's notifier must be {@link SourceAdapters#routing} of the people's
   * notifier; otherwise they are handed to the adapters once the change is stored.
   *
   * @param sources the adapters
   * @return this builder
   */
  public GrievancesBuilder sources(SourceAdapters sources) {
    this.sources = Objects.requireNonNull(sources, "sources");
    return this;
  }

  /**
   * How many complaints one number may register per period; {@link CallerLimitPolicy#none()} by
   * default. A registration over the limit is refused with a
   * {@link org.nivaran.grievance.policy.CallerLimitReachedException}. A limiting policy needs a
   * store that implements {@link CallerHistory}.
   *
   * @param policy the policy
   * @return this builder
   */
  public GrievancesBuilder callerLimitPolicy(CallerLimitPolicy policy) {
    this.callerLimitPolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * Two-person special closure: which officers may ask for a special closure and who approves it;
   * {@link SpecialClosurePolicy#none()} by default (a supervisor closes specially in one step). A
   * policy approved from the post one level up needs a directory; one that limits how long a
   * request waits ({@link SpecialClosurePolicy.Builder#approvalWithin}) needs its calendar
   * registered, a directory, and a store with work lists, which the escalator sweeps.
   *
   * @param policy the policy
   * @return this builder
   */
  public GrievancesBuilder specialClosurePolicy(SpecialClosurePolicy policy) {
    this.specialClosurePolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * How long the officer of the post a complaint is first assigned to has to contact the
   * complainant, and what a miss leads to; {@link FirstResponsePolicy#none()} by default. An active
   * policy's calendar must be registered ({@link #calendars}), and it needs a store that implements
   * {@link WorkLists}, whose due complaints the escalator sweeps.
   *
   * @param policy the policy
   * @return this builder
   */
  public GrievancesBuilder firstResponsePolicy(FirstResponsePolicy policy) {
    this.firstResponsePolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * The zone whose date picks the duty roster's post for a walk-in; Asia/Kolkata by default.
   *
   * @param zone the zone
   * @return this builder
   */
  public GrievancesBuilder zone(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
    return this;
  }

  /**
   * Whose complaints this {@code Grievances} registers and changes: a state, or a district within
   * one, whose directory, calendars and policies are the ones given to this builder. Several
   * {@code Grievances}, one per tenant, may share one store; each reads, lists, sweeps and grades
   * its own tenant's complaints only, and a complaint id of another tenant is not found. An
   * officer or supervisor is checked against this tenant's directory, so one of another district
   * is refused. Give each tenant its own id scheme (or prefix) when ids should be unique across
   * the state; the store keeps two tenants' equal ids apart either way.
   *
   * @param tenant the tenant; {@link TenantId#DEFAULT} unless set
   * @return this builder
   */
  public GrievancesBuilder tenant(TenantId tenant) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
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
  public GrievancesBuilder store(ComplaintStore store) {
    this.store = Objects.requireNonNull(store, "store");
    return this;
  }

  /**
   * The clock that stamps every event; inject a fixed or mutable clock in tests.
   *
   * @param clock the clock
   * @return this builder
   */
  public GrievancesBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * How new complaints are numbered.
   *
   * @param idScheme the scheme
   * @return this builder
   */
  public GrievancesBuilder idScheme(ComplaintIdScheme idScheme) {
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
  public GrievancesBuilder maxAttempts(int maxAttempts) {
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
   * @throws InvalidInputException (field {@code calendars} or {@code escalationPolicies}) if an
   *     escalation policy, the first-response policy or the special-closure policy's approval wait
   *     counts on a calendar not registered, or a category of the directory names
   *     an escalation policy not configured (its complaints would never be timed or escalated);
   *     (field {@code duplicatePolicy.categoryCode}) if a distance rule of the duplicate policy
   *     names a category the directory does not have
   * @throws IllegalStateException if a notifier is given with a store that is a
   *     {@link TransactionalOutbox}; if a blocking fake-complaint policy, a linking duplicate
   *     policy or a limiting caller-limit policy is given with a store that does not implement {@link CallerHistory}, or a blocking one
   *     without a directory; if escalation policies are given with a store that does not implement
   *     {@link WorkLists}; if the verification policy reopens at the next level without a directory,
   *     or its appellate post is not a post of the directory; if the special-closure policy is
   *     approved from the post one level up without a directory, or limits the wait without a
   *     directory or a store that implements {@link WorkLists}; if the duplicate policy has distance
   *     rules and the store does not implement {@link org.nivaran.grievance.store.NearbyComplaints}
   */
  public Grievances build() {
    return new Grievances(UseCases.of(new Configuration(tenant, store, clock, idScheme, maxAttempts,
        Optional.ofNullable(directory), calendars, policies, Optional.ofNullable(notifier), notificationPolicy,
        transferPolicy, verification, fakePolicy, duplicatePolicy, callerLimitPolicy, specialClosurePolicy,
        firstResponsePolicy, zone, referencePolicy, sources), instrumentation));
  }
}
