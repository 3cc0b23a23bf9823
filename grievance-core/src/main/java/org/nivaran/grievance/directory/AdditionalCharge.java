package org.nivaran.grievance.directory;

import java.time.Instant;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.internal.Texts;

/**
 * The additional charge of a vacant post, given by a supervisor to an officer who holds another
 * post, for a time: while it is in force the officer answers for the post as its holder would. They
 * act on its complaints (from the post: {@code Actor.officer(officerId, post)}), are told of them,
 * and escalations and appeals to the post proceed instead of waiting on the stuck list. The
 * complaints stay assigned to the post throughout, so grading counts them against the post and a
 * holder who joins later finds them all.
 *
 * <p>A charge is {@linkplain #inForceAt in force} from {@code from} (inclusive) to {@code until}
 * (exclusive), both instants on the time line; a charge "until the 31st" in an office's time zone
 * is given as the instant that day ends there. It ends by itself at {@code until}, and earlier
 * when a holder joins the post or the officer no longer holds a post of the directory
 * ({@link Posts#withHolder}), or when it is ended ({@link Posts#withoutCharge}). A post has at
 * most one charge; see {@link Posts#withCharge} for what a directory refuses.
 *
 * <pre>{@code
 * AdditionalCharge charge = new AdditionalCharge(PostId.of("EE-RAIPUR-CITY"), "EMP-40377",
 *     Instant.parse("2024-05-01T04:30:00Z"), Instant.parse("2024-05-31T18:30:00Z"), "EMP-30001",
 *     "EE on medical leave; EE Rural holds the charge");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param post the vacant post whose charge is given
 * @param officerId the id of the officer given the charge, who holds another post
 * @param from when the charge begins
 * @param until when it ends by itself; after {@code from}
 * @param givenBy the id of the officer (a supervisor) who gave it; not {@code officerId}
 * @param reason why, 1 to {@value #MAX_REASON_LENGTH} characters on one line
 */
public record AdditionalCharge(PostId post, String officerId, Instant from, Instant until, String givenBy, String reason) {
  /** The most code points in a reason. */
  public static final int MAX_REASON_LENGTH = 500;

  /**
   * Validates the charge; the reason is stripped and NFC-normalised.
   *
   * @throws InvalidInputException naming {@code post}, {@code officerId}, {@code from},
   *     {@code until} (not after {@code from}), {@code givenBy} (blank, or the officer given the
   *     charge: no one gives a charge to themselves) or {@code reason}
   * @param post the vacant post
   * @param officerId the officer given the charge
   * @param from when it begins
   * @param until when it ends
   * @param givenBy who gave it
   * @param reason why
   */
  public AdditionalCharge {
    Texts.required(post, "post");
    Texts.code(officerId, "officerId");
    Texts.required(from, "from");
    Texts.required(until, "until");
    if (!until.isAfter(from)) {
      throw new InvalidInputException(
          "until", "must be after from (was " + until + ", from " + from + ") in the charge of " + post);
    }
    Texts.code(givenBy, "givenBy");
    if (givenBy.equals(officerId)) {
      throw new InvalidInputException(
          "givenBy", "is the officer given the charge of " + post + " ('" + officerId + "'): no one gives a charge to themselves");
    }
    reason = Texts.singleLine(reason, "reason", MAX_REASON_LENGTH);
  }

  /**
   * Whether the charge runs at an instant: from {@code from} (inclusive) to {@code until}
   * (exclusive). Whether the post is still vacant is the {@link Posts}' question.
   *
   * @param now the instant
   * @return true if {@code from <= now < until}
   */
  public boolean inForceAt(Instant now) {
    Texts.required(now, "now");
    return !now.isBefore(from) && now.isBefore(until);
  }
}
