package org.nivaran.grievance.notify;

import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Masking;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.internal.Texts;

/**
 * Who a notification goes to: the citizen, or the officer holding a post in some role, or a
 * source system that holds the grievance under its own id ({@link #source}).
 *
 * <p>A {@link RecipientRole#SOURCE source} recipient fits the fields of a person so that its
 * messages travel the same outbox: {@code post} holds the source's code, {@code name} the source's
 * id for the grievance, and {@code phone} the citizen's number, which says whom the message is
 * about and is never sent to (see {@link SourceAdapters#routing}).
 *
 * <p>{@link #toString()} masks the number and the name. Immutable and thread-safe.
 *
 * @param role why they are told
 * @param phone the number to reach them on; for a source, the citizen's number, not to be sent to
 * @param post the post they are told as the holder of; for a source, its code; empty exactly for
 *     the {@link RecipientRole#CITIZEN citizen}
 * @param name their name, for the greeting and the provider's records; for a source, its id for
 *     the grievance
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
    if (role == RecipientRole.SOURCE) {
      Texts.opaque(name, "recipient.name", ExternalReference.MAX_ID_LENGTH);
    } else {
      Texts.singleLine(name, "recipient.name", MAX_NAME_LENGTH);
    }
    if ((role == RecipientRole.CITIZEN) == post.isPresent()) {
      throw new InvalidInputException(
          "recipient.post",
          role == RecipientRole.CITIZEN
              ? "must be empty for the citizen (was " + post.get() + ")"
              : "is required for the role " + role);
    }
  }

  /**
   * A source system that holds the grievance under its own id, told through its
   * {@link SourceAdapter}.
   *
   * @param reference the source and its id for the grievance
   * @param citizen the number of the citizen the message is about; kept, never sent to
   * @return the recipient
   * @throws InvalidInputException naming the field
   */
  public static Recipient source(ExternalReference reference, PhoneNumber citizen) {
    Texts.required(reference, "reference");
    return new Recipient(RecipientRole.SOURCE, citizen, Optional.of(PostId.of(reference.source())), reference.id());
  }

  /**
   * The source and its id, for a {@link RecipientRole#SOURCE source} recipient.
   *
   * @return the reference, or empty for a person
   */
  public Optional<ExternalReference> reference() {
    return role == RecipientRole.SOURCE ? Optional.of(new ExternalReference(post.get().code(), name)) : Optional.empty();
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
    if (role == RecipientRole.SOURCE) {
      return "Recipient[role=SOURCE, reference=" + reference().get() + ", about=" + Masking.phone(phone) + "]";
    }
    return "Recipient[role=" + role + ", phone=" + Masking.phone(phone) + ", post=" + post + ", name="
        + Masking.name(name) + "]";
  }
}
