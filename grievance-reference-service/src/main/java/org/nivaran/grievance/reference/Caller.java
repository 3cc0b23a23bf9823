package org.nivaran.grievance.reference;

import java.util.Objects;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PostId;

/**
 * Who a request comes from, as its bearer token says: an agent of the call centre or an officer.
 * The service turns a caller into Nivaran's {@link Actor} for each command; Nivaran then decides
 * (an officer acts from the post the command needs, and the directory must show them holding it).
 *
 * <p>Immutable and thread-safe.
 *
 * @param role agent or officer
 * @param id the agent's id, or the officer's {@code Officer.id} in the directory
 */
public record Caller(Role role, String id) {
  /** The request attribute that holds the caller once {@link BearerTokenFilter} has found it. */
  public static final String ATTRIBUTE = "org.nivaran.grievance.reference.Caller";

  /** The roles a token may stand for. */
  public enum Role {
    /** A call-centre agent: registers and verifies. */
    AGENT,
    /** An officer holding posts of the directory: works on, and resolves, their posts' complaints. */
    OFFICER
  }

  /**
   * Checks the parts.
   *
   * @param role the role
   * @param id the id
   */
  public Caller {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(id, "id");
  }

  /**
   * The caller as an actor acting from a post (an officer) or as themselves (an agent).
   *
   * @param post the post an officer acts from; ignored for an agent
   * @return the actor
   */
  public Actor actor(PostId post) {
    return role == Role.AGENT ? Actor.agent(id) : Actor.officer(id, post);
  }
}
