package org.nivaran.grievance.complaint;

import java.util.Objects;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.actor.Actor;

/**
 * An actor issued a command that a rule forbids them. Nothing was stored. Immutable and
 * thread-safe.
 */
public final class ActorNotPermittedException extends GrievanceException {
  private static final long serialVersionUID = 1L;

  /** @serial the actor. */
  private final transient Actor actor;
  /** @serial the rule. */
  private final AccessRule rule;
  /** @serial the command. */
  private final CommandType command;

  /**
   * Creates the exception.
   *
   * @param rule the rule that refused
   * @param actor the actor refused
   * @param command the command refused
   * @param detail what the rule found, for the message
   */
  public ActorNotPermittedException(AccessRule rule, Actor actor, CommandType command, String detail) {
    super(command + " refused by rule " + rule + " (" + Objects.requireNonNull(rule, "rule").description() + "): " + detail);
    this.rule = rule;
    this.actor = actor;
    this.command = command;
  }

  /**
   * The rule that refused.
   *
   * @return the rule
   */
  public AccessRule rule() {
    return rule;
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
   * The command refused.
   *
   * @return the command's type
   */
  public CommandType command() {
    return command;
  }
}
