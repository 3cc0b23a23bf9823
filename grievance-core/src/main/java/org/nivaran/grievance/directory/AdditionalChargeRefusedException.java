package org.nivaran.grievance.directory;

import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PostId;

/**
 * An actor may not give or end the {@linkplain AdditionalCharge additional charge} of a post: they
 * are no supervisor, do not hold the post they act from, or the post lies outside its reach (its
 * department and jurisdiction). Nothing was changed. Immutable and thread-safe.
 */
public final class AdditionalChargeRefusedException extends GrievanceException {
  private static final long serialVersionUID = 1L;

  /** @serial the actor refused. */
  private final transient Actor actor;
  /** @serial the post whose charge was asked for. */
  private final PostId post;

  /**
   * Creates the exception.
   *
   * @param actor the actor refused
   * @param post the post whose charge was to be given or ended
   * @param detail why, for the message
   */
  public AdditionalChargeRefusedException(Actor actor, PostId post, String detail) {
    super("the additional charge of " + post + " may not be changed by " + actor + ": " + detail);
    this.actor = actor;
    this.post = post;
  }

  /**
   * The actor refused.
   *
   * @return the actor
   */
  public Actor actor() {
    return actor;
  }

  /**
   * The post whose charge was to be given or ended.
   *
   * @return the post's id
   */
  public PostId post() {
    return post;
  }
}
