package org.nivaran.grievance.spring;

import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A notifier for development that logs each notification's id and channel and sends nothing; used
 * only when the host gives no {@link Notifier} bean and sets {@code nivaran.relay.logging-notifier=true}.
 * It never logs the recipient or the text.
 *
 * <p>Stateless and thread-safe.
 */
public final class LoggingNotifier implements Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingNotifier.class);

  /** Creates the notifier. */
  public LoggingNotifier() {}

  @Override
  public void send(Notification notification) {
    LOG.info("notification {} not sent (logging notifier): {}", notification.id(), notification.channel());
  }
}
