package org.nivaran.grievance.tck;

import java.util.Objects;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationFailedException;
import org.nivaran.grievance.notify.Notifier;

/**
 * A notifier in front of a far end that rejects one number for good, as a gateway rejects an
 * invalid number: sending to it throws a permanent {@link NotificationFailedException}; anything
 * else is passed on. Thread-safe if the far end is.
 */
final class UnreachableNumberNotifier implements Notifier {
  private final Notifier farEnd;
  private final PhoneNumber unreachable;

  UnreachableNumberNotifier(Notifier farEnd, PhoneNumber unreachable) {
    this.farEnd = Objects.requireNonNull(farEnd, "farEnd");
    this.unreachable = Objects.requireNonNull(unreachable, "unreachable");
  }

  @Override
  public void send(Notification notification) {
    Objects.requireNonNull(notification, "notification");
    if (notification.recipient().phone().equals(unreachable)) {
      throw new NotificationFailedException(notification.id(), true, "the number " + unreachable + " does not exist");
    }
    farEnd.send(notification);
  }
}
