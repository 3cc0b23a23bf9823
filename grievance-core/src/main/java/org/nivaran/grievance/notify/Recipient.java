package org.nivaran.grievance.notify;

import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Masking;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.internal.Texts;

/**
 * Who a notification goes to: the citizen, or the officer holding a post in some role.
 *
 * <p>{@link #toString()} masks the number and the name. Immutable and thread-safe.
 *
 * @param role why they are told
 * @param phone the number to reach them on
 * @param post the post they are told as the holder of; empty exactly for the {@link RecipientRole#CITIZEN citizen}
 * @param name their name, for the greeting and the provider's records
 */
public record Recipient(RecipientRole role, PhoneNumber phone, Optional<PostId> post, String name) {
  /** The most code points in a recipient's name. */
  public static final int MAX_NAME_LENGTH = 100;

  /**
   * Validates the fields: a citizen has no post, every other recipient has one; the name is a
   * single line of at most {@value #MAX_NAME_LENGTH} code points.
   *
   * @param role why they are told
   * @param phone the number to reach them on
   * @param post the post they are told as the holder of; empty exactly for the citizen
   * @param name their name
   * @throws InvalidInputException naming the field ({@code recipient.role}, {@code recipient.post}, ...)
   */
  public Recipient {
    Texts.required(role, "recipient.role");
    Texts.required(phone, "recipient.phone");
    Texts.required(post, "recipient.post");
    Texts.singleLine(name, "recipient.name", MAX_NAME_LENGTH);
    if ((role == RecipientRole.CITIZEN) == post.isPresent()) {
      throw new InvalidInputException(
          "recipient.post",
          role == RecipientRole.CITIZEN
              ? "must be empty for the citizen (was " + post.get() + ")"
              : "is required for the role " + role);
    }
  }

  /**
   * The recipient's part of a {@link Notification#id()}: {@code citizen}, or the role's
   * {@link RecipientRole#key() key} and the post, e.g. {@code holder:EE-RAIPUR-CITY}. It names the
   * post, not the officer, so a message repeated after a change of holder keeps its id.
   *
   * @return the key
   */
  public String key() {
    return post.map(p -> role.key() + ":" + p.code()).orElse(role.key());
  }

  /**
   * The recipient for logs and messages, with the number masked and the name as initials (see
   * {@link Masking}): {@code Recipient[role=CITIZEN, phone=+91******3210, post=Optional.empty, name=सु. व.]}.
   * The notifier reads the full values from {@link #phone()} and {@link #name()}.
   *
   * @return the masked description
   */
  @Override
  public String toString() {
    return "Recipient[role=" + role + ", phone=" + Masking.phone(phone) + ", post=" + post + ", name="
        + Masking.name(name) + "]";
  }
}
