package org.nivaran.grievance.directory;

import java.time.Instant;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Masking;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.internal.Texts;

/**
 * A caller's number barred from registering complaints, for example after fake complaints.
 *
 * <pre>{@code
 * BlockEntry entry = new BlockEntry(PhoneNumber.parse("98930 12345"), "three fake complaints in May 2024",
 *     "NODAL-RAIPUR", Instant.parse("2024-05-20T06:30:00Z"), Optional.of(Instant.parse("2024-08-20T06:30:00Z")));
 * }</pre>
 *
 * <p>{@link #toString()} masks the number. Immutable and thread-safe.
 *
 * @param phone the barred number
 * @param reason why, 1 to {@value #MAX_REASON_LENGTH} characters on one line
 * @param blockedBy who barred it (a post or user id), 1 to {@value #MAX_BLOCKED_BY_LENGTH}
 *     characters on one line
 * @param blockedAt when the bar starts
 * @param expiresAt when it ends (the first instant it no longer applies); empty for never
 */
public record BlockEntry(PhoneNumber phone, String reason, String blockedBy, Instant blockedAt, Optional<Instant> expiresAt) {
  /** The most code points in a reason. */
  public static final int MAX_REASON_LENGTH = 500;
  /** The most code points in {@code blockedBy}. */
  public static final int MAX_BLOCKED_BY_LENGTH = 100;

  /**
   * Validates the entry; the texts are stripped and NFC-normalised.
   *
   * @throws InvalidInputException naming {@code phone}, {@code reason}, {@code blockedBy},
   *     {@code blockedAt} or {@code expiresAt} (which must be after {@code blockedAt})
   * @param phone the barred number
   * @param reason why
   * @param blockedBy who barred it
   * @param blockedAt when the bar starts
   * @param expiresAt when it ends
   */
  public BlockEntry {
    Texts.required(phone, "phone");
    reason = Texts.singleLine(reason, "reason", MAX_REASON_LENGTH);
    blockedBy = Texts.singleLine(blockedBy, "blockedBy", MAX_BLOCKED_BY_LENGTH);
    Texts.required(blockedAt, "blockedAt");
    if (Texts.required(expiresAt, "expiresAt").filter(e -> !e.isAfter(blockedAt)).isPresent()) {
      throw new InvalidInputException(
          "expiresAt", "must be after blockedAt (" + blockedAt + ") (was " + expiresAt.get() + ")");
    }
  }

  /**
   * Whether the bar applies at an instant: from {@code blockedAt} (included) to {@code expiresAt}
   * (excluded).
   *
   * @param at the instant
   * @return true if the number is barred then
   */
  public boolean isActiveAt(Instant at) {
    Texts.required(at, "at");
    return !at.isBefore(blockedAt) && expiresAt.map(at::isBefore).orElse(true);
  }

  /**
   * The entry for logs and messages, with the number {@linkplain Masking#phone masked}.
   *
   * @return the masked description
   */
  @Override
  public String toString() {
    return "BlockEntry[phone=" + Masking.phone(phone) + ", reason=" + Masking.scrub(reason, phone, null)
        + ", blockedBy=" + blockedBy + ", blockedAt=" + blockedAt + ", expiresAt=" + expiresAt + "]";
  }
}
