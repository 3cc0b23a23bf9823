package org.nivaran.grievance.directory;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.internal.Texts;

/**
 * A position, e.g. "Executive Engineer, Raipur City Division", held by one officer at a time or
 * vacant. Complaints are assigned to posts, so when an officer is transferred the successor, given
 * the same post with {@link #withHolder}, inherits them.
 *
 * <pre>{@code
 * Post ee = new Post(PostId.of("EE-RAIPUR-CITY"), "Executive Engineer, Raipur City Division", "energy",
 *     "RAIPUR-TEHSIL", Level.L2, Optional.of(PostId.of("SE-RAIPUR")), Set.of(), Optional.of(officer));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the post's id
 * @param title its title, 1 to {@value #MAX_TITLE_LENGTH} characters on one line
 * @param department the code of its department
 * @param jurisdiction the code of the jurisdiction it serves
 * @param level its rung on the escalation ladder
 * @param reportsTo the post it escalates to, one level up; empty at the top of the ladder
 * @param duties its standing duties; an unmodifiable set, possibly empty
 * @param holder the officer holding it; empty when vacant
 */
public record Post(
    PostId id,
    String title,
    String department,
    String jurisdiction,
    Level level,
    Optional<PostId> reportsTo,
    Set<PostDuty> duties,
    Optional<Officer> holder) {
  /** The most code points in a title. */
  public static final int MAX_TITLE_LENGTH = 200;

  /**
   * Validates the post; the title is stripped and NFC-normalised.
   *
   * @throws InvalidInputException naming {@code id}, {@code title}, {@code department},
   *     {@code jurisdiction}, {@code level}, {@code reportsTo}, {@code duties} or {@code holder}
   * @param id the post's id
   * @param title its title
   * @param department the code of its department
   * @param jurisdiction the code of its jurisdiction
   * @param level its level
   * @param reportsTo the post it escalates to
   * @param duties its standing duties
   * @param holder the officer holding it
   */
  public Post {
    Texts.required(id, "id");
    title = Texts.singleLine(title, "title", MAX_TITLE_LENGTH);
    Texts.code(department, "department");
    Texts.code(jurisdiction, "jurisdiction");
    Texts.required(level, "level");
    if (Texts.required(reportsTo, "reportsTo").filter(id::equals).isPresent()) {
      throw new InvalidInputException("reportsTo", "must not be the post itself (was '" + id + "')");
    }
    Texts.required(duties, "duties").forEach(d -> Texts.required(d, "duties"));
    duties = Collections.unmodifiableSet(duties.isEmpty() ? EnumSet.noneOf(PostDuty.class) : EnumSet.copyOf(duties));
    Texts.required(holder, "holder");
  }

  /**
   * Whether no officer holds the post.
   *
   * @return true if vacant
   */
  public boolean isVacant() {
    return holder.isEmpty();
  }

  /**
   * The same post with another holder (a transfer) or none (a vacancy); this post is unchanged.
   *
   * @param holder the new holder, or empty
   * @return the post with that holder
   */
  public Post withHolder(Optional<Officer> holder) {
    return new Post(id, title, department, jurisdiction, level, reportsTo, duties, holder);
  }

  /**
   * Whether the post has this duty.
   *
   * @param duty the duty
   * @return true if it has it
   */
  boolean has(PostDuty duty) {
    return duties.contains(duty);
  }
}
