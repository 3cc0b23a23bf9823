package org.nivaran.grievance.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nivaran.grievance.actor.Masking;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationPolicy;
import org.nivaran.grievance.notify.Notifier;
import org.nivaran.grievance.notify.SourceAdapters;
import org.nivaran.grievance.store.TransactionalOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is told what about a change, and how it reaches them: with a store that is a
 * {@link org.nivaran.grievance.store.TransactionalOutbox}, the notifications are written with the
 * change ({@link #forStore}) and a relay delivers them; otherwise they are handed to the notifier
 * once the change is stored ({@link #afterStored}). The sources that hold a complaint (see
 * {@link SourceAdapters}) are told of its reply and closure along the same path. Which of the two is decided once, when built. A
 * failing notification policy or notifier is logged and never undoes a stored change.
 * Thread-safe if the notifier is.
 */
final class Publishing {
  private static final Logger LOG = LoggerFactory.getLogger(Publishing.class);

  private final NotificationPolicy policy;
  private final LiveDirectory directory;
  private final Optional<TransactionalOutbox> outbox;
  private final Optional<Notifier> notifier;
  private final SourceAdapters sources;

  Publishing(NotificationPolicy policy, LiveDirectory directory,
      Optional<TransactionalOutbox> outbox, Optional<Notifier> notifier) {
    this(policy, directory, outbox, notifier, SourceAdapters.none());
  }

  /** As above, also telling the sources that hold a complaint of its reply and closure. */
  Publishing(NotificationPolicy policy, LiveDirectory directory,
      Optional<TransactionalOutbox> outbox, Optional<Notifier> notifier, SourceAdapters sources) {
    this.policy = policy;
    this.directory = directory;
    this.outbox = outbox;
    this.notifier = notifier;
    this.sources = sources;
  }

  /**
   * The notifications to store with a change, if the store keeps an outbox: those its events
   * cause for people, then those it owes the sources.
   */
  List<Notification> forStore(Complaint after, List<ComplaintEvent> events) {
    if (outbox.isEmpty()) {
      return List.of();
    }
    List<Notification> toSources = sourceNotificationsFor(after, events);
    List<Notification> toPeople = notificationsFor(after, events);
    if (toSources.isEmpty()) {
      return toPeople;
    }
    List<Notification> all = new ArrayList<>(toPeople);
    all.addAll(toSources);
    return all;
  }

  /**
   * Hands a stored change's notifications over, if there is no outbox: people's to the notifier,
   * if there is one, and the sources' to their adapters.
   */
  void afterStored(Complaint after, List<ComplaintEvent> events) {
    if (outbox.isPresent()) {
      return;
    }
    if (notifier.isPresent()) {
      notificationsFor(after, events).forEach(this::send);
    }
    sourceNotificationsFor(after, events).forEach(this::sendToSource);
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

  private List<Notification> sourceNotificationsFor(Complaint after, List<ComplaintEvent> events) {
    try {
      return sources.notificationsFor(after, events);
    } catch (RuntimeException e) {
      LOG.warn("source notifications for complaint {} could not be made: {}", after.id(), e.toString());
      return List.of();
    }
  }

  private void sendToSource(Notification n) {
    try {
      sources.deliver(n);
    } catch (RuntimeException e) {
      LOG.warn("source notification {} ({} to {}) failed: {}", n.id(), n.kind(), n.recipient().reference().orElseThrow(),
          Masking.scrub(e.toString(), n.recipient().phone(), null));
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
