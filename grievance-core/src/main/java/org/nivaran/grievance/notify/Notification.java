package org.nivaran.grievance.notify;

import java.time.Instant;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Masking;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.internal.Texts;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.tenant.TenantId;

/**
 * One message to one person, ready for a {@link Notifier}.
 *
 * <p>The {@link #id()} is stable: the same complaint event told to the same recipient always gets
 * the same id, e.g. {@code RPR-2024-000001#3:holder:EE-RAIPUR} (complaint, event sequence,
 * {@linkplain Recipient#key() recipient key}), so a provider can drop a repeated delivery. A
 * notification about a complaint of a named tenant has the tenant in front, e.g.
 * {@code cg-durg/RPR-2024-000001#3:holder:EE-RAIPUR}, so that two districts' complaints with the
 * same id never share a notification id.
 *
 * <p>{@link #toString()} masks the recipient and leaves the body out. Immutable and thread-safe.
 *
 * @param id the stable, deterministic id (see above)
 * @param complaintId the complaint it is about; for a {@link NotificationKind#HANDOVER} the first
 *     of the pending complaints
 * @param eventSequence the sequence of the complaint event that caused it, or the complaint's
 *     version when no single event did; 0 for a handover
 * @param kind what it is about
 * @param recipient who it goes to
 * @param channel how it travels
 * @param language the language of the body
 * @param body the rendered text
 * @param createdAt when the event it reports happened, or when it was asked for
 * @param quietHours the hours in which it must not be delivered, if any (see {@link QuietHours});
 *     an outbox relay holds it until they end
 * @param tenant whose complaint it is about ({@link TenantId#DEFAULT} for a setup that names none)
 */
public record Notification(
    String id,
    ComplaintId complaintId,
    long eventSequence,
    NotificationKind kind,
    Recipient recipient,
    DeliveryChannel channel,
    Language language,
    String body,
    Instant createdAt,
    Optional<QuietWindow> quietHours,
    TenantId tenant) {
  /** The most code points in an id. */
  public static final int MAX_ID_LENGTH = 300;
  /** The most code points in a body for a person. */
  public static final int MAX_BODY_LENGTH = 2000;
  /**
   * The most code points in a body for a source system ({@link DeliveryChannel#SOURCE}), which
   * carries a whole action-taken reply (up to {@code ComplaintCommand.MAX_REPLY_LENGTH}, with room
   * for masking).
   */
  public static final int MAX_SOURCE_BODY_LENGTH = 5000;

  /**
   * Validates the fields; the id and the body are checked, not rewritten.
   *
   * @param id the stable, deterministic id
   * @param complaintId the complaint it is about
   * @param eventSequence the sequence of the event that caused it, 0 or more
   * @param kind what it is about
   * @param recipient who it goes to
   * @param channel how it travels
   * @param language the language of the body
   * @param body the rendered text, at most {@value #MAX_BODY_LENGTH} code points
   * @param createdAt when
   * @param quietHours the hours in which it must not be delivered, if any
   * @param tenant whose complaint it is about
   * @throws InvalidInputException naming the field
   */
  public Notification {
    Texts.opaque(id, "id", MAX_ID_LENGTH);
    Texts.required(complaintId, "complaintId");
    if (eventSequence < 0) {
      throw new InvalidInputException("eventSequence", "must not be negative (was " + eventSequence + ")");
    }
    Texts.required(kind, "kind");
    Texts.required(recipient, "recipient");
    Texts.required(channel, "channel");
    Texts.required(language, "language");
    Texts.multiLine(body, "body", channel == DeliveryChannel.SOURCE ? MAX_SOURCE_BODY_LENGTH : MAX_BODY_LENGTH);
    Texts.required(createdAt, "createdAt");
    Texts.required(quietHours, "quietHours");
    Texts.required(tenant, "tenant");
  }

  /**
   * A notification about a complaint of the {@linkplain TenantId#DEFAULT default tenant}.
   *
   * @param id the stable, deterministic id
   * @param complaintId the complaint it is about
   * @param eventSequence the sequence of the event that caused it, 0 or more
   * @param kind what it is about
   * @param recipient who it goes to
   * @param channel how it travels
   * @param language the language of the body
   * @param body the rendered text, at most {@value #MAX_BODY_LENGTH} code points
   * @param createdAt when
   * @param quietHours the hours in which it must not be delivered, if any
   * @throws InvalidInputException naming the field
   */
  public Notification(String id, ComplaintId complaintId, long eventSequence, NotificationKind kind,
      Recipient recipient, DeliveryChannel channel, Language language, String body, Instant createdAt,
      Optional<QuietWindow> quietHours) {
    this(id, complaintId, eventSequence, kind, recipient, channel, language, body, createdAt, quietHours,
        TenantId.DEFAULT);
  }

  /**
   * The id of a notification about a tenant's complaint: {@code local} itself in the default
   * tenant, else {@code tenant/local}.
   *
   * @param tenant whose complaint
   * @param local the id within the tenant, e.g. {@code RPR-2024-000001#3:holder:EE-RAIPUR}
   * @return the id
   */
  public static String idIn(TenantId tenant, String local) {
    java.util.Objects.requireNonNull(local, "local");
    return java.util.Objects.requireNonNull(tenant, "tenant").isDefault() ? local : tenant.value() + "/" + local;
  }

  /**
   * A notification about a complaint of the default tenant that may be delivered at any hour.
   *
   * @param id the stable, deterministic id
   * @param complaintId the complaint it is about
   * @param eventSequence the sequence of the event that caused it, 0 or more
   * @param kind what it is about
   * @param recipient who it goes to
   * @param channel how it travels
   * @param language the language of the body
   * @param body the rendered text, at most {@value #MAX_BODY_LENGTH} code points
   * @param createdAt when
   * @throws InvalidInputException naming the field
   */
  public Notification(String id, ComplaintId complaintId, long eventSequence, NotificationKind kind,
      Recipient recipient, DeliveryChannel channel, Language language, String body, Instant createdAt) {
    this(id, complaintId, eventSequence, kind, recipient, channel, language, body, createdAt, Optional.empty());
  }

  /**
   * The earliest instant, at or after {@code at}, when it may be delivered: {@code at} itself
   * unless it falls in the notification's {@linkplain #quietHours() quiet hours}.
   *
   * @param at when it is due
   * @return {@code at}, or the end of the quiet hours
   */
  public Instant deliverableFrom(Instant at) {
    return quietHours.map(w -> w.nextAllowed(at)).orElse(at);
  }

  /**
   * How many SMS parts the body costs, whatever the {@link #channel()}; see {@link SmsSegments}.
   *
   * @return the part count, at least 1
   */
  public int smsSegments() {
    return SmsSegments.count(body);
  }

  /**
   * The notification for logs and messages: the recipient masked (see {@link Recipient#toString()})
   * and the body as its length only, since a body may name the citizen. A {@link Notifier} sends
   * {@link #recipient()}'s full number and the whole {@link #body()}.
   *
   * @return the masked description
   */
  @Override
  public String toString() {
    return "Notification[id=" + id + ", complaintId=" + complaintId + ", eventSequence=" + eventSequence
        + ", kind=" + kind + ", recipient=" + recipient + ", channel=" + channel + ", language=" + language
        + ", body=" + Masking.redact(body) + ", createdAt=" + createdAt
        + quietHours.map(w -> ", quietHours=" + w).orElse("") + (tenant.isDefault() ? "" : ", tenant=" + tenant) + "]";
  }
}
