package org.nivaran.grievance.actor;

import org.nivaran.grievance.internal.Texts;

/**
 * Who issues a command. Every command is run on behalf of an actor, and every event records it.
 *
 * <pre>{@code
 * Actor agent = Actor.agent("AGENT-17");
 * Actor officer = Actor.officer("OFF-0042", PostId.of("AE-RAIPUR-ZONE-3"));
 * Actor citizen = Actor.citizen(PhoneNumber.parse("98765 43210"));
 * }</pre>
 *
 * <h2>Who checks what</h2>
 *
 * <p>An actor is what the host says the caller is: Nivaran authenticates no one. The host must
 * establish who the caller is (that a citizen owns the number, that an officer id is really that
 * person, that an agent is on the call-centre's staff) before it builds an actor. Nivaran then
 * enforces, for each command:
 *
 * <ul>
 *   <li>every actor: the roles of {@code Lifecycle}'s table;
 *   <li>{@link Citizen}: only their own complaints, by phone number;
 *   <li>{@link Agent}: what the table gives the call centre, on any complaint; agents are not in
 *       the directory, so there is nothing more to check them against;
 *   <li>{@link Officer}: only complaints assigned to the post named; with a directory, only while
 *       the directory in force shows the officer holding that post, or its additional charge;
 *   <li>{@link Supervisor}: with a directory, only while the directory in force shows the officer
 *       holding the post named, and only on complaints within that post's department and
 *       jurisdiction sub-tree (a {@code NODAL_OFFICER} post reaches every department of its
 *       district, a {@code HEAD_OF_DEPARTMENT} post its department everywhere); without a
 *       directory, any complaint;
 *   <li>{@link SystemProcess}: what the table gives the system, on any complaint, unchecked.
 * </ul>
 *
 * <p>Without a directory, the host must itself make sure that an officer or supervisor acts only
 * from a post they hold, and a supervisor only within their reach.
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface Actor
    permits Actor.Citizen, Actor.Agent, Actor.Officer, Actor.Supervisor, Actor.SystemProcess {

  /**
   * The role this actor plays.
   *
   * @return the role
   */
  Role role();

  /**
   * A citizen, identified by the phone number they registered with.
   *
   * @param phone the citizen's number
   * @return the actor
   */
  static Citizen citizen(PhoneNumber phone) {
    return new Citizen(phone);
  }

  /**
   * A call-centre agent.
   *
   * @param agentId the agent's login or badge
   * @return the actor
   */
  static Agent agent(String agentId) {
    return new Agent(agentId);
  }

  /**
   * An officer acting as the holder of a post.
   *
   * @param officerId the officer's id
   * @param post the post the officer holds
   * @return the actor
   */
  static Officer officer(String officerId, PostId post) {
    return new Officer(officerId, post);
  }

  /**
   * A supervising officer acting from a post.
   *
   * @param officerId the officer's id
   * @param post the supervising post
   * @return the actor
   */
  static Supervisor supervisor(String officerId, PostId post) {
    return new Supervisor(officerId, post);
  }

  /**
   * Automation: the router, the escalator, a chat bot. System actors are Nivaran's own components
   * ({@code router}, {@code escalator}, {@code timekeeper}, {@code verification-policy},
   * {@code transfer-policy}) and the host's own trusted jobs; nothing checks them beyond the
   * lifecycle's roles. Never build one for a request a person made.
   *
   * @param component the component's name, e.g. {@code escalator}
   * @return the actor
   */
  static SystemProcess system(String component) {
    return new SystemProcess(component);
  }

  /**
   * The citizen who raised a complaint.
   *
   * @param phone the citizen's number
   */
  record Citizen(PhoneNumber phone) implements Actor {
    /**
     * Validates the fields.
     *
     * @param phone the citizen's number
     */
    public Citizen {
      Texts.required(phone, "actor.phone");
    }

    @Override
    public Role role() {
      return Role.CITIZEN;
    }

    /**
     * The actor for logs and messages, with the number {@linkplain Masking#phone masked}:
     * {@code Citizen[phone=+91******3210]}.
     *
     * @return the masked description
     */
    @Override
    public String toString() {
      return "Citizen[phone=" + Masking.phone(phone) + "]";
    }
  }

  /**
   * A call-centre agent, acting for citizens: registers (and so links repeats), assigns and
   * reassigns, provides information, records the verification call (satisfied, not satisfied,
   * unreachable), returns or accepts a reply, flags, rejects, withdraws and reopens (see
   * {@code Lifecycle}'s table), on any complaint. Agents are not in the directory; the host vouches
   * for them.
   *
   * @param agentId the agent's login or badge
   */
  record Agent(String agentId) implements Actor {
    /**
     * Validates the fields.
     *
     * @param agentId the agent's login or badge
     */
    public Agent {
      Texts.code(agentId, "actor.agentId");
    }

    @Override
    public Role role() {
      return Role.CALL_CENTRE_AGENT;
    }
  }

  /**
   * An officer acting as the holder of {@code post}. With a directory, the officer id must be the
   * post's holder in the directory in force when the command is decided (its {@code Officer.id});
   * otherwise the command is refused with rule {@code OFFICER_HOLDS_POST_IN_DIRECTORY}.
   *
   * @param officerId the officer's id
   * @param post the post held
   */
  record Officer(String officerId, PostId post) implements Actor {
    /**
     * Validates the fields.
     *
     * @param officerId the officer's id
     * @param post the post held
     */
    public Officer {
      Texts.code(officerId, "actor.officerId");
      Texts.required(post, "actor.post");
    }

    @Override
    public Role role() {
      return Role.OFFICER;
    }
  }

  /**
   * A supervising officer acting from {@code post}. With a directory, the officer id must be the
   * post's holder in the directory in force (rule {@code OFFICER_HOLDS_POST_IN_DIRECTORY}), and
   * the complaint must lie within the post's department and jurisdiction sub-tree (rule
   * {@code SUPERVISOR_ACTS_WITHIN_SCOPE}).
   *
   * @param officerId the officer's id
   * @param post the supervising post
   */
  record Supervisor(String officerId, PostId post) implements Actor {
    /**
     * Validates the fields.
     *
     * @param officerId the officer's id
     * @param post the supervising post
     */
    public Supervisor {
      Texts.code(officerId, "actor.officerId");
      Texts.required(post, "actor.post");
    }

    @Override
    public Role role() {
      return Role.SUPERVISOR;
    }
  }

  /**
   * Automation acting on its own: Nivaran's components and the host's trusted jobs, never a
   * person's request. Checked against the lifecycle's roles only.
   *
   * @param component the component's name
   */
  record SystemProcess(String component) implements Actor {
    /**
     * Validates the fields.
     *
     * @param component the component's name
     */
    public SystemProcess {
      Texts.code(component, "actor.component");
    }

    @Override
    public Role role() {
      return Role.SYSTEM;
    }
  }
}
