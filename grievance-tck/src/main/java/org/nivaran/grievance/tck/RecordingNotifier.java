package org.nivaran.grievance.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.Notifier;

/**
 * A {@link Notifier} that keeps every notification it is given, in order, and delivers nothing:
 * for tests that check who was told what.
 *
 * <p>Thread-safe.
 */
public final class RecordingNotifier implements Notifier {
  private final List<Notification> sent = new ArrayList<>();

  /** Creates an empty recorder. */
  public RecordingNotifier() {}

  /**
   * Records the notification.
   *
   * @param notification what to send
   */
  @Override
  public void send(Notification notification) {
    Objects.requireNonNull(notification, "notification");
    synchronized (sent) {
      sent.add(notification);
    }
  }

  /**
   * What was sent so far, in the order {@link #send} was called.
   *
   * @return a copy of the list
   */
  public List<Notification> sent() {
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }

  /** Forgets what was sent. */
  public void clear() {
    synchronized (sent) {
      sent.clear();
    }
  }
}
