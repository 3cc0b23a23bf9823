package org.nivaran.grievance.complaint;

import org.nivaran.grievance.internal.Texts;

/**
 * A document or photo held elsewhere (object store, WhatsApp media id, portal upload), referred to
 * by reference. Nivaran stores the reference, never the bytes.
 *
 * <p>Immutable and thread-safe.
 *
 * @param reference where the file is, e.g. {@code s3://bucket/abc.jpg}; 1 to 2048 characters
 * @param name the file's display name; 1 to 255 characters
 */
public record Attachment(String reference, String name) {
  /** The most attachments one command may carry. */
  public static final int MAX_PER_COMMAND = 20;

  /**

   * * Validates and normalises the fields.
   *
   * @throws org.nivaran.grievance.InvalidInputException naming {@code attachment.reference} or
   *     {@code attachment.name}

   *

   * @param reference where the file is, e.g. {@code s3://bucket/abc.jpg}; 1 to 2048 characters

   * @param name the file's display name; 1 to 255 characters

   */

  public Attachment {
    reference = Texts.singleLine(reference, "attachment.reference", 2048);
    name = Texts.singleLine(name, "attachment.name", 255);
  }

  /**
   * Creates an attachment reference.
   *
   * @param reference where the file is
   * @param name the display name
   * @return the attachment
   */
  public static Attachment of(String reference, String name) {
    return new Attachment(reference, name);
  }
}
