package org.nivaran.grievance.usecase;

import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.directory.Category;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.escalation.EscalationPolicy;
import org.nivaran.grievance.policy.VerificationPolicy;
import org.nivaran.grievance.store.CallerHistory;
import org.nivaran.grievance.store.NearbyComplaints;
import org.nivaran.grievance.notify.QuietHours;
import org.nivaran.grievance.store.TransactionalOutbox;
import org.nivaran.grievance.store.WorkLists;

/**
 * Refuses, when {@code Grievances} is built, a configuration that cannot work, naming what is
 * wrong: a reference to nothing (an escalation policy's, the first-response policy's or the special-closure
 * policy's approval calendar, a
 * category's escalation policy, the appellate post), a policy without what it needs (a directory, a store capability), or two
 * settings that exclude each other. The registries check their own references when they are
 * built. Stateless.
 */
final class ConfigurationCheck {
  private ConfigurationCheck() {}

  /**
   * Checks a configuration.
   *
   * @throws InvalidInputException (field {@code calendars} or {@code escalationPolicies}) for a
   *     dangling reference between calendars, escalation policies and categories
   * @throws IllegalStateException for a policy without what it needs, or settings that exclude
   *     each other
   */
  static void check(Configuration c) {
    boolean history = c.store() instanceof CallerHistory;
    if ((c.fakeComplaintPolicy().blocks() || c.duplicatePolicy().window().isPresent()) && !history) {
      throw new IllegalStateException("the fake-complaint and duplicate policies ask for a caller's earlier complaints; the store "
          + c.store().getClass().getName() + " does not implement CallerHistory");
    }
    checkDistanceRules(c);
    if (c.callerLimitPolicy().limits() && !history) {
      throw new IllegalStateException("the caller-limit policy counts a caller's earlier complaints; the store "
          + c.store().getClass().getName() + " does not implement CallerHistory");
    }
    if (c.specialClosurePolicy().approvedFromPostAbove() && c.directory().isEmpty()) {
      throw new IllegalStateException("a special-closure policy approved from the post one level up needs a directory, whose "
          + "posts say which post that is; without one, configure approverRole(SUPERVISOR)");
    }
    if (c.fakeComplaintPolicy().blocks() && c.directory().isEmpty()) {
      throw new IllegalStateException("a blocking fake-complaint policy needs a directory, whose blocklist it adds to");
    }
    VerificationPolicy v = c.verificationPolicy();
    if (v.reopening() == VerificationPolicy.Reopening.NEXT_LEVEL && c.directory().isEmpty()) {
      throw new IllegalStateException("reopening at the next level needs a directory, whose posts form the ladder");
    }
    if (v.appellatePost().isPresent()
        && c.directory().map(Directory::posts).flatMap(p -> p.find(v.appellatePost().get())).isEmpty()) {
      throw new IllegalStateException(
          "the verification policy's appellate post " + v.appellatePost().get() + " is not a post of the directory");
    }
    if (c.notifier().isPresent() && c.store() instanceof TransactionalOutbox) {
      throw new IllegalStateException("the store keeps an outbox, so notifications are stored with each change; "
          + "give the notifier to the outbox relay, not to Grievances");
    }
    QuietHours quiet = c.notificationPolicy().quietHours();
    for (String code : quiet.jurisdictionZones().keySet()) {
      if (c.directory().isEmpty() || c.directory().get().jurisdictions().find(code).isEmpty()) {
        throw new InvalidInputException("quietHours.jurisdiction", "names the jurisdiction '" + code
            + "', which the directory does not have");
      }
    }
    if (quiet.isQuiet() && !(c.store() instanceof TransactionalOutbox)) {
      throw new IllegalStateException("quiet hours hold citizens' messages until morning, and only an outbox can keep them "
          + "waiting; the store " + c.store().getClass().getName() + " does not implement TransactionalOutbox");
    }
    for (EscalationPolicy p : c.escalationPolicies().all()) {
      if (c.calendars().find(p.sla().calendarId()).isEmpty()) {
        throw new InvalidInputException("calendars",
            "hold no calendar '" + p.sla().calendarId() + "', which the escalation policy '" + p.id() + "' counts on");
      }
    }
    c.firstResponsePolicy().calendarId().filter(id -> c.calendars().find(id).isEmpty()).ifPresent(id -> {
      throw new InvalidInputException("calendars",
          "hold no calendar '" + id + "', which the first-response policy counts on");
    });
    c.specialClosurePolicy().approvalCalendarId().filter(id -> c.calendars().find(id).isEmpty()).ifPresent(id -> {
      throw new InvalidInputException("calendars",
          "hold no calendar '" + id + "', which the special-closure policy's approval wait counts on");
    });
    if (c.specialClosurePolicy().limitsWait() && !(c.store() instanceof WorkLists)) {
      throw new IllegalStateException("a special-closure policy that limits the wait needs the escalator, which sweeps the "
          + "store's work lists; the store " + c.store().getClass().getName() + " does not implement WorkLists");
    }
    if (c.specialClosurePolicy().limitsWait() && c.directory().isEmpty()) {
      throw new IllegalStateException("a special-closure policy that limits the wait needs a directory, whose posts say "
          + "which post the approval moves up to");
    }
    if (c.firstResponsePolicy().active() && !(c.store() instanceof WorkLists)) {
      throw new IllegalStateException("a first-response policy needs the escalator, which sweeps the store's work lists; the store "
          + c.store().getClass().getName() + " does not implement WorkLists");
    }
    if (c.directory().isPresent()) {
      for (Category category : c.directory().get().categories().all()) {
        if (c.escalationPolicies().find(category.escalationPolicyId()).isEmpty()) {
          throw new InvalidInputException("escalationPolicies", "hold no escalation policy '" + category.escalationPolicyId()
              + "', which the category '" + category.code() + "' names (its slaPolicy); its complaints would never be timed"
              + " or escalated");
        }
      }
    }
    if (!c.escalationPolicies().all().isEmpty() && !(c.store() instanceof WorkLists)) {
      throw new IllegalStateException("escalation policies need the escalator, which sweeps the store's work lists; the store "
          + c.store().getClass().getName() + " does not implement WorkLists");
    }
  }

  /**
   * A duplicate policy's distance rules need a store that finds nearby complaints, and with a
   * directory, categories it knows.
   */
  private static void checkDistanceRules(Configuration c) {
    if (c.duplicatePolicy().distanceRules().isEmpty()) {
      return;
    }
    if (!(c.store() instanceof NearbyComplaints)) {
      throw new IllegalStateException("the duplicate policy matches repeats by distance (for the categories "
          + c.duplicatePolicy().distanceRules().keySet() + ") and asks the store for nearby complaints; the store "
          + c.store().getClass().getName() + " does not implement NearbyComplaints");
    }
    if (c.directory().isPresent()) {
      for (String code : c.duplicatePolicy().distanceRules().keySet()) {
        if (!c.directory().get().categories().contains(code)) {
          throw new InvalidInputException("duplicatePolicy.categoryCode",
              "names the category '" + code + "' in a distance rule, which the directory does not have");
        }
      }
    }
  }
}
