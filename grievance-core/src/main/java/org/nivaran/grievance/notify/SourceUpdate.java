package org.nivaran.grievance.notify;

import java.time.Instant;
import java.util.Objects;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Masking;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.directory.Language;

/**
 * What a {@link SourceAdapter} tells a source about the grievance it holds: the officer's
 * action-taken reply (the complaint stays open, awaiting the citizen) or the closure. Read from a
 * {@link RecipientRole#SOURCE source} {@link Notification} by {@link #of(Notification)}.
 *
 * <p>{@link #toString()} gives the notes as their length only. Immutable and thread-safe.
 *
 * @param messageId the notification's stable id, for the source to drop a repeated delivery
 * @param complaintId the complaint in this system
 * @param eventSequence the sequence of the event reported
 * @param reference the source and its id for the grievance
 * @param closed whether the complaint is closed ({@link NotificationKind#CLOSED}); false for a reply
 * @param notes the reply, or what the closure says; the citizen's number and name masked
 * @param language the language of the notes
 * @param at when the event happened
 */
public record SourceUpdate(
    String messageId,
    ComplaintId complaintId,
    long eventSequence,
    ExternalReference reference,
    boolean closed,
    String notes,
    Language language,
    Instant at) {

  /**
   * Checks the fields.
   *
   * @param messageId the notification's stable id
   * @param complaintId the complaint
   * @param eventSequence the sequence of the event reported
   * @param reference the source and its id
   * @param closed whether the complaint is closed
   * @param notes the reply or closure text
   * @param language the language of the notes
   * @param at when
   * @throws NullPointerException naming a missing field
   */
  public SourceUpdate {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(complaintId, "complaintId");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(at, "at");
  }

  /**
   * The update a source notification carries.
   *
   * @param notification a notification to a {@link RecipientRole#SOURCE source}
   * @return the update
   * @throws InvalidInputException (field {@code recipient.role}) if it goes to a person
   */
  public static SourceUpdate of(Notification notification) {
    Objects.requireNonNull(notification, "notification");
    ExternalReference reference = notification.recipient().reference().orElseThrow(() -> new InvalidInputException(
        "recipient.role", "must be SOURCE for a source update (was " + notification.recipient().role() + ")"));
    return new SourceUpdate(notification.id(), notification.complaintId(), notification.eventSequence(), reference,
        notification.kind() == NotificationKind.CLOSED, notification.body(), notification.language(),
        notification.createdAt());
  }

  @Override
  public String toString() {
    return "SourceUpdate[messageId=" + messageId + ", complaintId=" + complaintId + ", eventSequence=" + eventSequence
        + ", reference=" + reference + ", closed=" + closed + ", notes=" + Masking.redact(notes) + ", language="
        + language + ", at=" + at + "]";
  }
}
