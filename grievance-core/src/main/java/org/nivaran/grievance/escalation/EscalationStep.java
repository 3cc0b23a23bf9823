package org.nivaran.grievance.escalation;

import java.util.Optional;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.internal.Texts;
import org.nivaran.grievance.directory.Post;

/**
 * What an {@link EscalationPolicy} decides for a complaint whose level's time has run out.
 * Immutable and thread-safe.
 */
public sealed interface EscalationStep {

  /**
   * Move the complaint one level up, to a post with a holder.
   *
   * @param to the post one level up
   */
  record MoveUp(Post to) implements EscalationStep {
    /**
     * Checks the part.
     *
     * @param to the post one level up
     *
     * @throws org.nivaran.grievance.InvalidInputException if it is missing
     */
    public MoveUp {
      Texts.required(to, "to");
    }
  }

  /**
   * The escalation cannot happen: the complaint is flagged {@code ESCALATION_BLOCKED} with the
   * reason and appears on the stuck list.
   *
   * @param reason why, for the record (e.g. "no post above AE-RAIPUR-3 is configured")
   * @param attention the post asked to sort it out (the district's nodal officer), if any
   */
  record Blocked(String reason, Optional<PostId> attention) implements EscalationStep {
    /**
     * Checks the parts.
     *
     * @param reason why, for the record (e.g. "no post above AE-RAIPUR-3 is configured")
     * @param attention the post asked to sort it out (the district's nodal officer), if any
     *
     * @throws org.nivaran.grievance.InvalidInputException if one is missing or the reason blank
     */
    public Blocked {
      reason = Texts.multiLine(reason, "reason", 1000);
      Texts.required(attention, "attention");
    }
  }

  /**
   * The complaint is at the top rung of its ladder.
   *
   * @param action what the ladder does there
   * @param attention the post whose holder is alerted, for {@link PastTop#NOTIFY_HEAD_OF_DEPARTMENT}
   */
  record AtTop(PastTop action, Optional<PostId> attention) implements EscalationStep {
    /**
     * Checks the parts.
     *
     * @param action what the ladder does there
     * @param attention the post whose holder is alerted, for {@link PastTop#NOTIFY_HEAD_OF_DEPARTMENT}
     *
     * @throws org.nivaran.grievance.InvalidInputException if one is missing
     */
    public AtTop {
      Texts.required(action, "action");
      Texts.required(attention, "attention");
    }
  }
}
