package org.nivaran.grievance.usecase;

import org.nivaran.grievance.tenant.TenantId;
import java.util.Optional;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.escalation.Escalator;
import org.nivaran.grievance.escalation.Timekeeper;
import org.nivaran.grievance.observe.Instrumentation;
import org.nivaran.grievance.store.CallerHistory;
import org.nivaran.grievance.store.NearbyComplaints;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.TransactionalOutbox;
import org.nivaran.grievance.store.WorkLists;

/**
 * The use cases of one configuration, wired together: what {@code Grievances} hands every call to.
 * The store's optional capabilities ({@link WorkLists}, {@link CallerHistory},
 * {@link TransactionalOutbox}) are found here, once.
 *
 * <p>Thread-safe if the store, the id scheme and the notifier are.
 */
public final class UseCases {
  private final Configuration config;
  private final ComplaintStore store;
  private final Optional<WorkLists> workLists;
  private final LiveDirectory directory;
  private final Timekeeper timekeeper;
  private final Intake intake;
  private final CommandExecution commands;
  private final DirectoryAdministration administration;
  private final ComplaintLookup lookup;
  private final Instrumentation instrumentation;
  private final ObservedCalls observed;

  private UseCases(Configuration c, Instrumentation instrumentation) {
    this.config = c;
    this.store = c.store();
    this.workLists = capability(store, WorkLists.class);
    Optional<CallerHistory> history = capability(store, CallerHistory.class);
    this.directory = new LiveDirectory(c.directory());
    this.timekeeper = new Timekeeper(c.calendars(), c.firstResponsePolicy(), c.specialClosurePolicy());
    Changes changes = new Changes(timekeeper, c.escalationPolicies(), directory);
    Publishing publishing = new Publishing(
        c.notificationPolicy(), directory, capability(store, TransactionalOutbox.class), c.notifier(),
        c.sources());
    FakeCallerGuard fakeCallers = new FakeCallerGuard(c.tenant(), c.fakeComplaintPolicy(), history, directory);
    PolicyTransitions transitions =
        new PolicyTransitions(c.transferPolicy(), c.verificationPolicy(), c.escalationPolicies(), directory,
            c.specialClosurePolicy());
    this.commands = new CommandExecution(
        c.tenant(), store, c.clock(), c.maxAttempts(), directory, changes, transitions, publishing, fakeCallers);
    RepeatLinking repeats = new RepeatLinking(c.tenant(), c.duplicatePolicy(), store, commands, c.maxAttempts());
    this.intake = new Intake(c.tenant(), store, c.clock(), c.idScheme(), directory, changes,
        new RegistrationRouting(c.escalationPolicies(), c.zone()), fakeCallers, repeats,
        new NearbyRepeats(c.tenant(), c.duplicatePolicy(), capability(store, NearbyComplaints.class), repeats),
        new CallerLimitGuard(c.callerLimitPolicy(), c.zone()), history, publishing,
        new ReferenceMatching(c.tenant(), c.referencePolicy(), store, commands, c.maxAttempts()));
    this.administration = new DirectoryAdministration(c.tenant(), directory, workLists, publishing, c.clock());
    this.lookup = new ComplaintLookup(c.tenant(), store, workLists);
    this.instrumentation = instrumentation;
    this.observed = new ObservedCalls(c.tenant(), instrumentation, intake, commands);
  }

  /**
   * Checks a configuration and wires its use cases.
   *
   * @param configuration the configuration
   * @return the use cases
   * @throws org.nivaran.grievance.InvalidInputException (field {@code calendars} or
   *     {@code escalationPolicies}) if an escalation policy counts on a calendar not registered, or
   *     a category of the directory names an escalation policy not configured
   * @throws IllegalStateException if a policy lacks what it needs: a store implementing
   *     {@link CallerHistory} (a linking duplicate, blocking fake-complaint or limiting caller-limit
   *     policy), {@link NearbyComplaints} (a duplicate policy with distance rules) or
   *     {@link WorkLists} (escalation policies), a directory (a blocking fake-complaint policy,
   *     reopening at the next level), an appellate post of the directory; or if a notifier is given
   *     with a store that is a {@link TransactionalOutbox}
   */
  public static UseCases of(Configuration configuration) {
    return of(configuration, Instrumentation.none());
  }

  /**
   * Checks a configuration and wires its use cases, observed by an instrumentation.
   *
   * @param configuration the configuration
   * @param instrumentation what observes the registrations, commands and sweeps
   * @return the use cases
   * @throws org.nivaran.grievance.InvalidInputException as {@link #of(Configuration)}
   * @throws IllegalStateException as {@link #of(Configuration)}
   */
  public static UseCases of(Configuration configuration, Instrumentation instrumentation) {
    ConfigurationCheck.check(configuration);
    return new UseCases(configuration, java.util.Objects.requireNonNull(instrumentation, "instrumentation"));
  }

  /**
   * Registrations and commands as the facade runs them: observed by the instrumentation.
   *
   * @return the observed calls
   */
  public ObservedCalls observed() {
    return observed;
  }

  /**
   * Registration.
   *
   * @return the intake
   */
  public Intake intake() {
    return intake;
  }

  /**
   * Commands on stored complaints.
   *
   * @return the command execution
   */
  public CommandExecution commands() {
    return commands;
  }

  /**
   * The live directory's administration.
   *
   * @return the administration
   */
  public DirectoryAdministration administration() {
    return administration;
  }

  /**
   * Reads.
   *
   * @return the lookup
   */
  public ComplaintLookup lookup() {
    return lookup;
  }

  /**
   * An escalator over this configuration's store, escalation policies, live directory and clock,
   * storing its commands through {@link #commands()}, observed by the instrumentation.
   *
   * @return a new escalator
   * @throws IllegalStateException if the store has no {@link WorkLists}
   */
  public Escalator escalator() {
    return escalator(Escalator.DEFAULT_BATCH_SIZE, Escalator.DEFAULT_CLAIM_LEASE);
  }

  /**
   * As {@link #escalator()}, reading {@code batchSize} due complaints at a time and keeping each
   * claimed batch from other sweepers for {@code claimLease}.
   *
   * @param batchSize at least 1
   * @param claimLease positive
   * @return a new escalator
   * @throws IllegalArgumentException if the batch size is below 1 or the lease not positive
   * @throws IllegalStateException if the store has no {@link WorkLists}
   */
  public Escalator escalator(int batchSize, java.time.Duration claimLease) {
    return Escalator.builder()
        .store(store)
        .tenant(config.tenant())
        .policies(config.escalationPolicies())
        .directory(directory::orEmpty)
        .timekeeper(timekeeper)
        .gateway(commands)
        .clock(config.clock())
        .instrumentation(instrumentation)
        .batchSize(batchSize)
        .claimLease(claimLease)
        .build();
  }

  /**
   * Whose complaints these use cases serve.
   *
   * @return the tenant
   */
  public TenantId tenant() {
    return config.tenant();
  }

  /**
   * The directory in force.
   *
   * @return the directory, or empty if none is configured
   */
  public Optional<Directory> directory() {
    return directory.current();
  }

  private static <T> Optional<T> capability(ComplaintStore store, Class<T> type) {
    return type.isInstance(store) ? Optional.of(type.cast(store)) : Optional.empty();
  }
}
