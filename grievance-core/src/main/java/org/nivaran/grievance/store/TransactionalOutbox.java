package org.nivaran.grievance.store;

import java.util.List;
import org.nivaran.grievance.notify.Notification;

/**
 * An optional capability of a {@link ComplaintStore}: a transactional outbox. A store that
 * implements it writes the notifications of a {@link NewComplaint} or an {@link Append} in the same
 * transaction as its events, and a relay delivers them later, so a change and its notifications
 * are stored together or not at all. {@code Grievances} then hands no notification to a notifier
 * itself; it refuses to be built with one. A store without it refuses notifications, and
 * {@code Grievances} sends them to its notifier after each change is stored.
 *
 * <p>Implementations must be thread-safe.
 */
public interface TransactionalOutbox {

  /**
   * Puts notifications that no complaint change causes (a handover list, say) in the outbox.
   *
   * @param notifications the notifications
   */
  void enqueue(List<Notification> notifications);
}
