package org.nivaran.grievance.usecase;

import java.util.List;
import java.util.Optional;
import org.nivaran.grievance.actor.Masking;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationPolicy;
import org.nivaran.grievance.notify.Notifier;
import org.nivaran.grievance.store.TransactionalOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is told what about a change, and how it reaches them: with a store that is a
 * {@link org.nivaran.grievance.store.TransactionalOutbox}, the notifications are written with the
 * change ({@link #forStore}) and a relay delivers them; otherwise they are handed to the notifier
 * once the change is stored ({@link #afterStored}). Which of the two is decided once, when built. A
 * failing notification policy or notifier is logged and never undoes a stored change.
 * Thread-safe if the notifier is.
 */
final class Publishing {
  private static final Logger LOG = LoggerFactory.getLogger(Publishing.class);

  private final NotificationPolicy policy;
  private final LiveDirectory directory;
  private final Optional<TransactionalOutbox> outbox;
  private final Optional<Notifier> notifier;

  Publishing(NotificationPolicy policy, LiveDirectory directory,
      Optional<TransactionalOutbox> outbox, Optional<Notifier> notifier) {
    this.policy = policy;
    this.directory = directory;
    this.outbox = outbox;
    this.notifier = notifier;
  }

  /** The notifications to store with a change: those its events cause, if the store keeps an outbox. */
  List<Notification> forStore(Complaint after, List<ComplaintEvent> events) {
    return outbox.isPresent() ? notificationsFor(after, events) : List.of();
  }

  /** Hands a stored change's notifications to the notifier, if there is one and no outbox. */
  void afterStored(Complaint after, List<ComplaintEvent> events) {
    if (outbox.isEmpty() && notifier.isPresent()) {
      notificationsFor(after, events).forEach(this::send);
    }
  }

  /** Whether a notification no change causes (a handover list) reaches anyone. */
  boolean delivers() {
    return outbox.isPresent() || notifier.isPresent();
  }

  /** Delivers a notification no change causes: into the outbox, or to the notifier. */
  void standalone(Notification n) {
    if (outbox.isPresent()) {
      outbox.get().enqueue(List.of(n));
    } else {
      notifier.ifPresent(x -> send(n));
    }
  }

  NotificationPolicy policy() {
    return policy;
  }

  private List<Notification> notificationsFor(Complaint after, List<ComplaintEvent> events) {
    try {
      return policy.notificationsFor(after, events, directory.orEmpty().posts());
    } catch (RuntimeException e) {
      LOG.warn("notifications for complaint {} events {}..{} could not be made: {}", after.id(),
          events.get(0).sequence(), events.get(events.size() - 1).sequence(), e.toString());
      return List.of();
    }
  }

  private void send(Notification n) {
    try {
      notifier.orElseThrow().send(n);
    } catch (RuntimeException e) {
      LOG.warn("notification {} ({} to {}) failed: {}", n.id(), n.kind(), n.recipient().role(),
          Masking.scrub(e.toString(), n.recipient().phone(), n.recipient().name()));
    }
  }
}
