package org.nivaran.grievance.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.complaint.ComplaintId;

/**
 * Where a page of a work list ended: the sort instant and the id of its last complaint. Its
 * {@link #token()} is an opaque, URL-safe text for a portal to hand to its client and
 * {@linkplain #parse parse} back.
 *
 * <p>Immutable and thread-safe.
 *
 * @param at the sort instant of the last complaint on the page (its registration or deadline, by
 *     list)
 * @param id the id of the last complaint on the page
 */
public record PageCursor(Instant at, ComplaintId id) {
  /**
   * Checks the fields.
   *
   * @param at the sort instant
   * @param id the last id
   */
  public PageCursor {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(id, "id");
  }

  /**
   * The cursor as URL-safe text.
   *
   * @return the token
   */
  public String token() {
    String raw = at.getEpochSecond() + ":" + at.getNano() + ":" + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a {@link #token()} back.
   *
   * @param token the token
   * @return the cursor
   * @throws InvalidInputException (field {@code cursor}) if it is not a token of this class
   */
  public static PageCursor parse(String token) {
    Objects.requireNonNull(token, "token");
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String[] parts = raw.split(":", 3);
      if (parts.length != 3) {
        throw new IllegalArgumentException("three parts expected");
      }
      return new PageCursor(
          Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), ComplaintId.of(parts[2]));
    } catch (RuntimeException e) {
      throw new InvalidInputException("cursor", "'" + token + "' is not a page cursor: " + e.getMessage());
    }
  }
}
