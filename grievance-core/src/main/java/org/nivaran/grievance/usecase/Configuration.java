package org.nivaran.grievance.usecase;

import org.nivaran.grievance.tenant.TenantId;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.notify.NotificationPolicy;
import org.nivaran.grievance.notify.Notifier;
import org.nivaran.grievance.policy.CallerLimitPolicy;
import org.nivaran.grievance.policy.SpecialClosurePolicy;
import org.nivaran.grievance.policy.DuplicatePolicy;
import org.nivaran.grievance.policy.ReferencePolicy;
import org.nivaran.grievance.notify.SourceAdapters;
import org.nivaran.grievance.policy.FakeComplaintPolicy;
import org.nivaran.grievance.policy.TransferPolicy;
import org.nivaran.grievance.policy.VerificationPolicy;
import org.nivaran.grievance.sla.FirstResponsePolicy;
import org.nivaran.grievance.store.ComplaintStore;

/**
 * Everything the use cases are built from: what {@code Grievances.builder()} collects. Checked as a
 * whole by {@link UseCases#of}, which refuses a configuration that cannot work.
 *
 * <p>Immutable and thread-safe if its parts are.
 *
 * @param tenant whose complaints these use cases register and change
 * @param store where complaints are stored
 * @param clock stamps every event
 * @param idScheme numbers new complaints
 * @param maxAttempts attempts of a command that loses races, at least 1
 * @param directory the registries, if any
 * @param calendars the calendars the escalation policies count on
 * @param escalationPolicies the escalation policies the categories name
 * @param notifier where notifications go, for a store without an outbox
 * @param notificationPolicy which events notify whom
 * @param transferPolicy how often officers may transfer a complaint
 * @param verificationPolicy what dissatisfied and unreachable citizens lead to
 * @param fakeComplaintPolicy whether fake complaints block the number
 * @param duplicatePolicy whether repeats are linked to the open complaint
 * @param callerLimitPolicy how many complaints a number may register per period
 * @param specialClosurePolicy who may ask for a special closure and who approves it
 * @param firstResponsePolicy how long an officer has to contact the complainant first
 * @param zone whose date picks the duty roster's post
 * @param referencePolicy what a registration with a known external reference becomes
 * @param sources the adapters of the sources told of a complaint's reply and closure
 */
public record Configuration(
    TenantId tenant,
    ComplaintStore store,
    Clock clock,
    ComplaintIdScheme idScheme,
    int maxAttempts,
    Optional<Directory> directory,
    CalendarRegistry calendars,
    EscalationPolicies escalationPolicies,
    Optional<Notifier> notifier,
    NotificationPolicy notificationPolicy,
    TransferPolicy transferPolicy,
    VerificationPolicy verificationPolicy,
    FakeComplaintPolicy fakeComplaintPolicy,
    DuplicatePolicy duplicatePolicy,
    CallerLimitPolicy callerLimitPolicy,
    SpecialClosurePolicy specialClosurePolicy,
    FirstResponsePolicy firstResponsePolicy,
    ZoneId zone,
    ReferencePolicy referencePolicy,
    SourceAdapters sources) {

  /**
   * Checks that every part is given.
   *
   * @param tenant whose complaints these use cases register and change
   * @param store where complaints are stored
   * @param clock stamps every event
   * @param idScheme numbers new complaints
   * @param maxAttempts attempts of a command that loses races, at least 1
   * @param directory the registries, if any
   * @param calendars the calendars the escalation policies count on
   * @param escalationPolicies the escalation policies the categories name
   * @param notifier where notifications go, for a store without an outbox
   * @param notificationPolicy which events notify whom
   * @param transferPolicy how often officers may transfer a complaint
   * @param verificationPolicy what dissatisfied and unreachable citizens lead to
   * @param fakeComplaintPolicy whether fake complaints block the number
   * @param duplicatePolicy whether repeats are linked to the open complaint
   * @param callerLimitPolicy how many complaints a number may register per period
   * @param specialClosurePolicy who may ask for a special closure and who approves it
   * @param firstResponsePolicy how long an officer has to contact the complainant first
   * @param zone whose date picks the duty roster's post
   * @param referencePolicy what a registration with a known external reference becomes
   * @param sources the adapters of the sources told of a complaint's reply and closure
   * @throws NullPointerException naming a missing part
   * @throws IllegalArgumentException if {@code maxAttempts} is less than 1
   */
  public Configuration {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(idScheme, "idScheme");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(calendars, "calendars");
    Objects.requireNonNull(escalationPolicies, "escalationPolicies");
    Objects.requireNonNull(notifier, "notifier");
    Objects.requireNonNull(notificationPolicy, "notificationPolicy");
    Objects.requireNonNull(transferPolicy, "transferPolicy");
    Objects.requireNonNull(verificationPolicy, "verificationPolicy");
    Objects.requireNonNull(fakeComplaintPolicy, "fakeComplaintPolicy");
    Objects.requireNonNull(duplicatePolicy, "duplicatePolicy");
    Objects.requireNonNull(callerLimitPolicy, "callerLimitPolicy");
    Objects.requireNonNull(specialClosurePolicy, "specialClosurePolicy");
    Objects.requireNonNull(firstResponsePolicy, "firstResponsePolicy");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(referencePolicy, "referencePolicy");
    Objects.requireNonNull(sources, "sources");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1 (was " + maxAttempts + ")");
    }
  }

  /**
   * A configuration with the default reference policy and no source adapters.
   *
   * @param tenant whose complaints these use cases register and change
   * @param store where complaints are stored
   * @param clock stamps every event
   * @param idScheme numbers new complaints
   * @param maxAttempts attempts of a command that loses races, at least 1
   * @param directory the registries, if any
   * @param calendars the calendars the escalation policies count on
   * @param escalationPolicies the escalation policies the categories name
   * @param notifier where notifications go, for a store without an outbox
   * @param notificationPolicy which events notify whom
   * @param transferPolicy how often officers may transfer a complaint
   * @param verificationPolicy what dissatisfied and unreachable citizens lead to
   * @param fakeComplaintPolicy whether fake complaints block the number
   * @param duplicatePolicy whether repeats are linked to the open complaint
   * @param callerLimitPolicy how many complaints a number may register per period
   * @param specialClosurePolicy who may ask for a special closure and who approves it
   * @param firstResponsePolicy how long an officer has to contact the complainant first
   * @param zone whose date picks the duty roster's post
   * @throws NullPointerException naming a missing part
   * @throws IllegalArgumentException if {@code maxAttempts} is less than 1
   */
  public Configuration(TenantId tenant, ComplaintStore store, Clock clock, ComplaintIdScheme idScheme, int maxAttempts,
      Optional<Directory> directory, CalendarRegistry calendars, EscalationPolicies escalationPolicies,
      Optional<Notifier> notifier, NotificationPolicy notificationPolicy, TransferPolicy transferPolicy,
      VerificationPolicy verificationPolicy, FakeComplaintPolicy fakeComplaintPolicy, DuplicatePolicy duplicatePolicy,
      CallerLimitPolicy callerLimitPolicy, SpecialClosurePolicy specialClosurePolicy,
      FirstResponsePolicy firstResponsePolicy, ZoneId zone) {
    this(tenant, store, clock, idScheme, maxAttempts, directory, calendars, escalationPolicies, notifier,
        notificationPolicy, transferPolicy, verificationPolicy, fakeComplaintPolicy, duplicatePolicy, callerLimitPolicy,
        specialClosurePolicy, firstResponsePolicy, zone, ReferencePolicy.defaults(), SourceAdapters.none());
  }
}
