package org.nivaran.grievance.json;

import java.util.List;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.ComplaintEvent;

/**
 * The discriminator values of the format: event {@code type} names and actor {@code role} names.
 * They are written here once, as literals, so renaming a Java class or enum constant cannot change
 * the JSON. Stateless and thread-safe.
 */
final class JsonNames {
  /** The field naming an event's type. */
  static final String TYPE = "type";
  /** The field naming an actor's role. */
  static final String ROLE = "role";

  static final String ROLE_CITIZEN = "CITIZEN";
  static final String ROLE_AGENT = "CALL_CENTRE_AGENT";
  static final String ROLE_OFFICER = "OFFICER";
  static final String ROLE_SUPERVISOR = "SUPERVISOR";
  static final String ROLE_SYSTEM = "SYSTEM";

  /** Every actor role, in documentation order. */
  static final List<String> ROLES = List.of(ROLE_CITIZEN, ROLE_AGENT, ROLE_OFFICER, ROLE_SUPERVISOR, ROLE_SYSTEM);

  /** Every event type, in the order of {@code ComplaintEvent}'s permits clause. */
  static final List<String> EVENT_TYPES =
      List.of(
          "ComplaintRegistered",
          "ComplaintAssigned",
          "WorkStarted",
          "InformationRequested",
          "InformationProvided",
          "ResolutionFiled",
          "ReplyReturned",
          "CitizenSatisfied",
          "CitizenDissatisfied",
          "CitizenUnreachable",
          "ComplaintEscalated",
          "ComplaintTransferred",
          "ComplaintReassigned",
          "ComplaintFlagged",
          "SlaTimerSet",
          "ComplaintRejected",
          "ComplaintSpeciallyClosed",
          "ComplaintWithdrawn",
          "ComplaintReopened",
          "ReplyAccepted",
          "ComplaintAppealed",
          "ComplaintClosedUnverified",
          "DuplicateLinked",
          "SpecialClosureRequested",
          "SpecialClosureApproved",
          "SpecialClosureRefused",
          "ContactRecorded",
          "FirstResponseDueSet",
          "PriorityChanged",
          "SpecialClosureDueSet",
          "FlagCleared");

  private JsonNames() {}

  /** The {@code type} written for an event. */
  static String typeOf(ComplaintEvent e) {
    if (e instanceof ComplaintEvent.ComplaintRegistered) {
      return "ComplaintRegistered";
    } else if (e instanceof ComplaintEvent.ComplaintAssigned) {
      return "ComplaintAssigned";
    } else if (e instanceof ComplaintEvent.WorkStarted) {
      return "WorkStarted";
    } else if (e instanceof ComplaintEvent.InformationRequested) {
      return "InformationRequested";
    } else if (e instanceof ComplaintEvent.InformationProvided) {
      return "InformationProvided";
    } else if (e instanceof ComplaintEvent.ResolutionFiled) {
      return "ResolutionFiled";
    } else if (e instanceof ComplaintEvent.ReplyReturned) {
      return "ReplyReturned";
    } else if (e instanceof ComplaintEvent.CitizenSatisfied) {
      return "CitizenSatisfied";
    } else if (e instanceof ComplaintEvent.CitizenDissatisfied) {
      return "CitizenDissatisfied";
    } else if (e instanceof ComplaintEvent.CitizenUnreachable) {
      return "CitizenUnreachable";
    } else if (e instanceof ComplaintEvent.ComplaintEscalated) {
      return "ComplaintEscalated";
    } else if (e instanceof ComplaintEvent.ComplaintTransferred) {
      return "ComplaintTransferred";
    } else if (e instanceof ComplaintEvent.ComplaintReassigned) {
      return "ComplaintReassigned";
    } else if (e instanceof ComplaintEvent.ComplaintFlagged) {
      return "ComplaintFlagged";
    } else if (e instanceof ComplaintEvent.SlaTimerSet) {
      return "SlaTimerSet";
    } else if (e instanceof ComplaintEvent.ComplaintRejected) {
      return "ComplaintRejected";
    } else if (e instanceof ComplaintEvent.ComplaintSpeciallyClosed) {
      return "ComplaintSpeciallyClosed";
    } else if (e instanceof ComplaintEvent.ComplaintWithdrawn) {
      return "ComplaintWithdrawn";
    } else if (e instanceof ComplaintEvent.ComplaintReopened) {
      return "ComplaintReopened";
    } else if (e instanceof ComplaintEvent.ReplyAccepted) {
      return "ReplyAccepted";
    } else if (e instanceof ComplaintEvent.ComplaintAppealed) {
      return "ComplaintAppealed";
    } else if (e instanceof ComplaintEvent.ComplaintClosedUnverified) {
      return "ComplaintClosedUnverified";
    } else if (e instanceof ComplaintEvent.DuplicateLinked) {
      return "DuplicateLinked";
    } else if (e instanceof ComplaintEvent.SpecialClosureRequested) {
      return "SpecialClosureRequested";
    } else if (e instanceof ComplaintEvent.SpecialClosureApproved) {
      return "SpecialClosureApproved";
    } else if (e instanceof ComplaintEvent.SpecialClosureRefused) {
      return "SpecialClosureRefused";
    } else if (e instanceof ComplaintEvent.ContactRecorded) {
      return "ContactRecorded";
    } else if (e instanceof ComplaintEvent.FirstResponseDueSet) {
      return "FirstResponseDueSet";
    } else if (e instanceof ComplaintEvent.PriorityChanged) {
      return "PriorityChanged";
    } else if (e instanceof ComplaintEvent.SpecialClosureDueSet) {
      return "SpecialClosureDueSet";
    } else if (e instanceof ComplaintEvent.FlagCleared) {
      return "FlagCleared";
    }
    throw new IllegalArgumentException("no JSON type name for event " + e.getClass().getName());
  }

  /** The {@code role} written for an actor. */
  static String roleOf(Actor a) {
    if (a instanceof Actor.Citizen) {
      return ROLE_CITIZEN;
    } else if (a instanceof Actor.Agent) {
      return ROLE_AGENT;
    } else if (a instanceof Actor.Officer) {
      return ROLE_OFFICER;
    } else if (a instanceof Actor.Supervisor) {
      return ROLE_SUPERVISOR;
    } else if (a instanceof Actor.SystemProcess) {
      return ROLE_SYSTEM;
    }
    throw new IllegalArgumentException("no JSON role name for actor " + a.getClass().getName());
  }
}
