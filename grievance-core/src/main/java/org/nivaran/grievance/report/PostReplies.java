package org.nivaran.grievance.report;

import java.util.Optional;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.internal.Texts;

/**
 * The quality of one post's action-taken replies in a period: how many it filed, and how many a
 * reviewer accepted or returned as of poor quality.
 *
 * <p>Immutable and thread-safe.
 *
 * @param post the post that filed the replies
 * @param department its department (as the complaints' assignments name it)
 * @param replies replies filed inside the period
 * @param accepted replies accepted inside the period
 * @param returned replies returned inside the period
 */
public record PostReplies(PostId post, String department, long replies, long accepted, long returned) {
  /**
   * Checks the fields.
   *
   * @param post the post that filed the replies
   * @param department its department
   * @param replies replies filed inside the period
   * @param accepted replies accepted inside the period
   * @param returned replies returned inside the period
   */
  public PostReplies {
    Texts.required(post, "post");
    Texts.required(department, "department");
    if (replies < 0 || accepted < 0 || returned < 0) {
      throw new org.nivaran.grievance.InvalidInputException("replies", "counts must not be negative");
    }
  }

  /**
   * Returned replies per reply filed.
   *
   * @return {@code returned / replies}, or empty if none was filed
   */
  public Optional<Double> returnedRate() {
    return replies == 0 ? Optional.empty() : Optional.of((double) returned / replies);
  }
}
