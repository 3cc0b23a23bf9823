package org.nivaran.grievance.examples.open311;

import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.nivaran.grievance.notify.NotificationFailedException;
import org.nivaran.grievance.notify.SourceAdapter;
import org.nivaran.grievance.notify.SourceUpdate;

/**
 * A {@link SourceAdapter} for an Open311 GeoReport v2 server that a grievance came from (see
 * {@link Open311Import}): the action-taken reply and the closure become a
 * {@link ServiceRequestUpdate} of the request the server knows by its {@code service_request_id},
 * with {@code status} {@code open} (replied, awaiting the citizen) or {@code closed}, the reply or
 * closure text as {@code status_notes}, and the change's time as {@code updated_datetime}. How the
 * update travels (an HTTP call, a queue, a file the server polls) is the {@link Sender}'s business.
 *
 * <pre>{@code
 * Open311UpdateAdapter open311 = Open311UpdateAdapter.of("OPEN311-RAIPUR", update -> http.post(update.toJson()));
 * Grievances g = Grievances.builder().sources(SourceAdapters.of(open311)).build();
 * }</pre>
 *
 * <p>The notes are the officer's reply with the citizen's number and name already masked by
 * Nivaran; nothing else about the citizen is sent. Thread-safe if the sender is.
 */
public final class Open311UpdateAdapter implements SourceAdapter {
  private final String source;
  private final Sender sender;
  private final ZoneId zone;

  private Open311UpdateAdapter(String source, Sender sender, ZoneId zone) {
    this.source = source;
    this.sender = sender;
    this.zone = zone;
  }

  /**
   * Hands the updates somewhere: the pluggable transport of {@link Open311UpdateAdapter}.
   * Implementations must be thread-safe.
   */
  @FunctionalInterface
  public interface Sender {
    /**
     * Sends one update, or fails.
     *
     * @param update the update
     * @throws NotificationFailedException if it was not accepted; {@code permanent()} says whether
     *     a retry can help
     */
    void send(ServiceRequestUpdate update);
  }

  /**
   * An adapter writing times in {@link Open311Export#DEFAULT_ZONE}.
   *
   * @param source the source's code, as in the complaints' references
   * @param sender where the updates go
   * @return the adapter
   */
  public static Open311UpdateAdapter of(String source, Sender sender) {
    return of(source, sender, Open311Export.DEFAULT_ZONE);
  }

  /**
   * An adapter.
   *
   * @param source the source's code, as in the complaints' references
   * @param sender where the updates go
   * @param zone whose offset {@code updated_datetime} carries
   * @return the adapter
   */
  public static Open311UpdateAdapter of(String source, Sender sender, ZoneId zone) {
    return new Open311UpdateAdapter(Objects.requireNonNull(source, "source"), Objects.requireNonNull(sender, "sender"),
        Objects.requireNonNull(zone, "zone"));
  }

  @Override
  public String source() {
    return source;
  }

  /**
   * Turns the update into a {@link ServiceRequestUpdate} and hands it to the sender.
   *
   * @param update what to tell the server
   * @throws NotificationFailedException permanent if the update is for another source; else as
   *     the sender throws
   */
  @Override
  public void deliver(SourceUpdate update) {
    Objects.requireNonNull(update, "update");
    if (!update.reference().source().equals(source)) {
      throw new NotificationFailedException(update.messageId(), true,
          "an update for " + update.reference().source() + " reached the Open311 adapter of " + source);
    }
    sender.send(new ServiceRequestUpdate(update.messageId(), update.reference().id(), update.closed() ? "closed" : "open",
        update.notes(), update.at().truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime()));
  }

  @Override
  public String toString() {
    return "Open311UpdateAdapter[" + source + "]";
  }
}
