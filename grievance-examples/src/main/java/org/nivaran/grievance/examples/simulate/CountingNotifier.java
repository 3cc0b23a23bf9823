package org.nivaran.grievance.examples.simulate;

import java.util.EnumMap;
import java.util.Map;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationKind;
import org.nivaran.grievance.notify.Notifier;

/** A notifier that delivers nothing and counts what it is given, by kind. Not thread-safe. */
final class CountingNotifier implements Notifier {
  private final EnumMap<NotificationKind, Long> counts = new EnumMap<>(NotificationKind.class);

  @Override
  public void send(Notification notification) {
    counts.merge(notification.kind(), 1L, Long::sum);
  }

  /** The counts so far, by kind, in the kinds' order. */
  Map<NotificationKind, Long> counts() {
    return new EnumMap<>(counts);
  }

  /** The notifications counted so far. */
  long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
