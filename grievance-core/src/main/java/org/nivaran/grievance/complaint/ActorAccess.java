package org.nivaran.grievance.complaint;

import static org.nivaran.grievance.actor.Role.SUPERVISOR;

import java.util.Set;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Role;

/**
 * Whether an actor may issue a command: the roles of {@link Lifecycle}'s table and the further
 * {@link AccessRule}s on whose complaint it is. Each refusal is an {@link ActorNotPermittedException}
 * naming its rule.
 */
final class ActorAccess {
  private ActorAccess() {}

  /** Refuses a registration by a role the table does not list, or by a citizen for another number. */
  static void checkRegistration(RegisterComplaint request, Actor actor) {
    checkRole(CommandType.REGISTER, actor);
    if (actor instanceof Actor.Citizen citizen && !citizen.phone().equals(request.citizen().phone())) {
      throw new ActorNotPermittedException(
          AccessRule.CITIZEN_OWNS_COMPLAINT, actor, CommandType.REGISTER,
          "a citizen registers only for their own number");
    }
    if (actor instanceof Actor.Citizen && request.priority().isPresent()) {
      throw new ActorNotPermittedException(
          AccessRule.PRIORITY_SET_BY_STAFF, actor, CommandType.REGISTER,
          "a citizen does not set a complaint's priority; the category's default applies");
    }
    if (actor instanceof Actor.Citizen && !request.references().isEmpty()) {
      throw new ActorNotPermittedException(
          AccessRule.REFERENCES_SET_BY_STAFF, actor, CommandType.REGISTER,
          "a citizen does not give external references; the portal or the call centre does");
    }
  }

  /** Refuses an actor whose role the table does not list for the command. */
  static void checkRole(CommandType type, Actor actor) {
    Set<Role> roles = Lifecycle.rolesFor(type);
    if (!roles.contains(actor.role())) {
      throw new ActorNotPermittedException(
          AccessRule.ROLE_MAY_ISSUE_COMMAND, actor, type,
          type + " may be issued by " + roles + " only; the actor is " + actor.role());
    }
  }

  /**
   * Refuses an officer not holding the complaint's post (for a special closure's approval or
   * refusal: an officer holding it), a citizen other than its own, and anyone
   * but a supervisor reopening a complaint closed specially.
   */
  static void checkOwnership(Complaint c, CommandType type, Actor actor) {
    boolean secondPerson = type == CommandType.APPROVE_SPECIAL_CLOSURE || type == CommandType.REFUSE_SPECIAL_CLOSURE;
    if (secondPerson && actor instanceof Actor.Officer officer && c.post().filter(officer.post()::equals).isPresent()) {
      throw new ActorNotPermittedException(
          AccessRule.SPECIAL_CLOSURE_BY_SECOND_PERSON, actor, type,
          "the officer holds " + officer.post() + ", the post of complaint " + c.id()
              + "; a special closure is approved or refused by a second person");
    }
    if (!secondPerson && actor instanceof Actor.Officer officer && !c.post().filter(officer.post()::equals).isPresent()) {
      throw new ActorNotPermittedException(
          AccessRule.OFFICER_HOLDS_ASSIGNED_POST, actor, type,
          "the officer holds " + officer.post() + " but complaint " + c.id() + " is assigned to "
              + c.post().map(Object::toString).orElse("no post"));
    }
    if (actor instanceof Actor.Citizen citizen && !citizen.phone().equals(c.citizen().phone())) {
      throw new ActorNotPermittedException(
          AccessRule.CITIZEN_OWNS_COMPLAINT, actor, type,
          "complaint " + c.id() + " was registered by another number");
    }
    if (type == CommandType.REOPEN
        && actor.role() != SUPERVISOR
        && c.closure().filter(closure -> closure.kind() == ClosureKind.SPECIAL_CLOSURE).isPresent()) {
      throw new ActorNotPermittedException(
          AccessRule.SUPERVISOR_REOPENS_SPECIAL_CLOSURE, actor, type,
          "complaint " + c.id() + " was closed specially; only a supervisor may reopen it");
    }
  }
}
