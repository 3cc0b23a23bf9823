package org.nivaran.grievance.notify;

/**
 * Delivers a {@link Notification} through an SMS gateway, the WhatsApp Business API or whatever
 * the deployment uses. The one service-provider interface of this package.
 *
 * <p>Implementations must be thread-safe: the lifecycle, the escalator and a retry worker may call
 * {@link #send} at the same time. Delivery is at least once: after a crash or a temporary failure
 * the same notification may be sent again, with the same {@link Notification#id()}, so a provider
 * should de-duplicate on that id (most gateways accept a client reference for exactly this).
 */
public interface Notifier {

  /**
   * Sends one notification, or fails.
   *
   * @param notification what to send, to whom and how
   * @throws NotificationFailedException if it was not accepted for delivery;
   *     {@link NotificationFailedException#permanent()} says whether a retry can help
   */
  void send(Notification notification);

  /**
   * Whether this notifier hands a source system's messages ({@link DeliveryChannel#SOURCE}) to the
   * source's adapter, as {@link SourceAdapters#routing} does. An outbox relay whose notifier does
   * not dead-letters a source's message instead of sending it, so that it never reaches a phone
   * and can be redriven once the relay routes sources. False unless overridden.
   *
   * @return whether source messages are delivered to their sources
   */
  default boolean deliversToSources() {
    return false;
  }
}
