package org.nivaran.grievance.complaint;

import org.nivaran.grievance.actor.Level;
import java.time.Instant;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.internal.Texts;

/**
 * Where a complaint is: the post responsible, its department, its level, and since when.
 *
 * <p>Immutable and thread-safe.
 *
 * @param post the responsible post
 * @param department the department's code
 * @param level the escalation level
 * @param since when the complaint reached this post
 */
public record Assignment(PostId post, String department, Level level, Instant since) {
  /**
   * Validates the fields.
   *
   * @param post the responsible post
   * @param department the department's code
   * @param level the escalation level
   * @param since when the complaint reached this post
   */
  public Assignment {
    Texts.required(post, "post");
    Texts.code(department, "department");
    Texts.required(level, "level");
    Texts.required(since, "since");
  }
}
