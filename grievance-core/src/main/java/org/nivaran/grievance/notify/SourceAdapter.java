package org.nivaran.grievance.notify;

/**
 * Tells another system that holds a grievance under its own id (a state portal, a helpline, an
 * Open311 endpoint) what became of it: the action-taken reply and the closure, as
 * {@link SourceUpdate}s. A sibling of {@link Notifier} for systems instead of people; a
 * {@link SourceAdapters} registry routes each source's messages to the adapter registered for its
 * name.
 *
 * <p>Implementations must be thread-safe. Delivery is at least once, as for a {@link Notifier}:
 * the same update may come again with the same {@link SourceUpdate#messageId()}.
 */
public interface SourceAdapter {

  /**
   * The source this adapter speaks to, as complaints name it in their external references (e.g.
   * {@code CPGRAMS}).
   *
   * @return the source's code
   */
  String source();

  /**
   * Hands one update to the source, or fails.
   *
   * @param update what to tell the source about its grievance
   * @throws NotificationFailedException if the source did not accept it;
   *     {@link NotificationFailedException#permanent()} says whether a retry can help
   */
  void deliver(SourceUpdate update);
}
