package org.nivaran.grievance.notify;

/**
 * How a notification travels. An officer who opted in to WhatsApp gets {@link #WHATSAPP}, any
 * other officer {@link #SMS}; a citizen gets {@link #WHATSAPP} when the complaint arrived on
 * WhatsApp, else {@link #SMS}.
 *
 * <p>Immutable and thread-safe.
 */
public enum DeliveryChannel {
  /** A text message; its cost is counted in {@link SmsSegments}. */
  SMS,
  /** A WhatsApp message. */
  WHATSAPP,
  /**
   * Handed to the {@link SourceAdapter} of another system that holds the grievance (a
   * {@link RecipientRole#SOURCE} recipient); never to a phone.
   */
  SOURCE
}
