package org.nivaran.grievance.actor;

import org.nivaran.grievance.internal.Texts;

/**
 * The code of a post, e.g. {@code EE-RAIPUR-CITY}: a position held by one officer at a time.
 * Complaints are assigned to posts, not persons, so a successor inherits them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code ASCII letters, digits, {@code . _ -}, at most 64 characters
 */
public record PostId(String code) {
  /**
   * * Validates the code.
   *
   * @throws org.nivaran.grievance.InvalidInputException (field {@code post}) if malformed
   *
   * @param code ASCII letters, digits, {@code . _ -}, at most 64 characters
   */
  public PostId {
    Texts.code(code, "post");
  }

  /**
   * Creates a post id.
   *
   * @param code the post code
   * @return the id
   */
  public static PostId of(String code) {
    return new PostId(code);
  }

  @Override
  public String toString() {
    return code;
  }
}
