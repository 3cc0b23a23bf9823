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
   * Automation: the router, the escalator, a chat bot.
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
   * A call-centre agent.
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
   * An officer acting as the holder of {@code post}.
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
   * A supervising officer acting from {@code post}.
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
   * Automation acting on its own.
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
