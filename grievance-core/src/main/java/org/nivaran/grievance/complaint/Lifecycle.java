package org.nivaran.grievance.complaint;

import static org.nivaran.grievance.actor.Role.CALL_CENTRE_AGENT;
import static org.nivaran.grievance.actor.Role.CITIZEN;
import static org.nivaran.grievance.actor.Role.OFFICER;
import static org.nivaran.grievance.actor.Role.SUPERVISOR;
import static org.nivaran.grievance.actor.Role.SYSTEM;
import static org.nivaran.grievance.complaint.Status.ASSIGNED;
import static org.nivaran.grievance.complaint.Status.AWAITING_CITIZEN;
import static org.nivaran.grievance.complaint.Status.CLOSED;
import static org.nivaran.grievance.complaint.Status.IN_PROGRESS;
import static org.nivaran.grievance.complaint.Status.REGISTERED;
import static org.nivaran.grievance.complaint.Status.REJECTED;
import static org.nivaran.grievance.complaint.Status.REOPENED;
import static org.nivaran.grievance.complaint.Status.RESOLVED;
import static org.nivaran.grievance.complaint.Status.RETURNED;
import static org.nivaran.grievance.complaint.Status.WITHDRAWN;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Role;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.tenant.TenantId;
import org.nivaran.grievance.complaint.ComplaintEvent.CitizenDissatisfied;
import org.nivaran.grievance.complaint.ComplaintEvent.CitizenSatisfied;
import org.nivaran.grievance.complaint.ComplaintEvent.CitizenUnreachable;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintAssigned;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintEscalated;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintFlagged;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintReassigned;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRejected;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintReopened;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintSpeciallyClosed;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintTransferred;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintWithdrawn;
import org.nivaran.grievance.complaint.ComplaintEvent.InformationProvided;
import org.nivaran.grievance.complaint.ComplaintEvent.InformationRequested;
import org.nivaran.grievance.complaint.ComplaintEvent.ReplyReturned;
import org.nivaran.grievance.complaint.ComplaintEvent.ResolutionFiled;
import org.nivaran.grievance.complaint.ComplaintEvent.SlaTimerSet;
import org.nivaran.grievance.complaint.ComplaintEvent.WorkStarted;

/**
 * The complaint lifecycle: the transition table, and the functions that turn commands into events
 * ({@link #decide}) and events into state ({@link #evolve}, {@link #replay}).
 *
 * <h2>The table</h2>
 *
 * <p>Each command has one target state, the states it may be issued in, and the roles that may
 * issue it. This is the whole lifecycle:
 *
 * <pre>
 * command              from                                               to                roles
 * REGISTER             (new)                                              REGISTERED        any (a citizen only for themselves)
 * ASSIGN               REGISTERED                                         ASSIGNED          agent, supervisor, system
 * START_WORK           ASSIGNED RETURNED REOPENED                         IN_PROGRESS       officer
 * REQUEST_INFORMATION  ASSIGNED IN_PROGRESS RETURNED REOPENED             AWAITING_CITIZEN  officer
 * PROVIDE_INFORMATION  AWAITING_CITIZEN                                   IN_PROGRESS       citizen, agent
 * RESOLVE              ASSIGNED IN_PROGRESS RETURNED REOPENED             RESOLVED          officer
 * RETURN_REPLY         RESOLVED                                           RETURNED          agent, supervisor
 * CONFIRM_SATISFIED    RESOLVED                                           CLOSED            citizen, agent
 * REPORT_DISSATISFIED  RESOLVED                                           REOPENED          citizen, agent
 * RECORD_UNREACHABLE   RESOLVED                                           RESOLVED          agent, system
 * ESCALATE             ASSIGNED IN_PROGRESS RETURNED REOPENED             ASSIGNED (+1 lvl) supervisor, system
 * TRANSFER             ASSIGNED IN_PROGRESS RETURNED REOPENED             ASSIGNED          officer, supervisor
 * REASSIGN             ASSIGNED IN_PROGRESS RETURNED REOPENED             ASSIGNED          agent, supervisor, system
 * FLAG                 every open state                                   (unchanged)       agent, supervisor, system
 * SET_SLA_TIMER        every open state but REGISTERED                    (unchanged)       system
 * REJECT               every open state but RESOLVED                      REJECTED          agent, officer, supervisor
 * SPECIAL_CLOSE        every open state but REGISTERED                    CLOSED            supervisor
 * WITHDRAW             every open state                                   WITHDRAWN         citizen, agent
 * REOPEN               CLOSED                                             REOPENED          citizen, agent, supervisor
 * ACCEPT_REPLY         RESOLVED                                           (unchanged)       agent, supervisor
 * APPEAL               REOPENED                                           ASSIGNED          supervisor, system
 * CLOSE_UNVERIFIED     RESOLVED REOPENED                                  CLOSED            supervisor, system
 * LINK_DUPLICATE       every open state                                   (unchanged)       citizen, agent, supervisor, system
 * REQUEST_SPECIAL_CLOSURE  ASSIGNED IN_PROGRESS RETURNED REOPENED         (unchanged)       officer
 * APPROVE_SPECIAL_CLOSURE  every open state but REGISTERED                (unchanged), then CLOSED  officer, supervisor
 * REFUSE_SPECIAL_CLOSURE   every open state but REGISTERED                (unchanged)       officer, supervisor
 * RECORD_CONTACT       every open state but REGISTERED                    (unchanged)       officer
 * SET_FIRST_RESPONSE_DUE every open state but REGISTERED                  (unchanged)       system
 * SET_SPECIAL_CLOSURE_DUE every open state but REGISTERED, request pending (unchanged)      system
 * CHANGE_PRIORITY      every open state                                   (unchanged)       supervisor, system
 * CLEAR_FLAG           every open state, the flag set                     (unchanged)       agent, supervisor
 * </pre>
 *
 * <p><b>Two-person special closure.</b> {@code REQUEST_SPECIAL_CLOSURE} records a pending
 * {@link SpecialClosureRequest} (one at a time). {@code APPROVE_SPECIAL_CLOSURE} and
 * {@code REFUSE_SPECIAL_CLOSURE} need one pending (else {@link InvalidInputException}, field
 * {@code specialClosureRequest}) and are issued by a second person: an officer acting from a post
 * other than the complaint's ({@link AccessRule#SPECIAL_CLOSURE_BY_SECOND_PERSON}), or a supervisor;
 * which post or role exactly is the {@code SpecialClosurePolicy}'s rule, checked by the use cases
 * against the directory. An approval yields two events: {@link ComplaintEvent.SpecialClosureApproved},
 * the citizen's notice, then {@link ComplaintSpeciallyClosed} by the system actor
 * {@link #SPECIAL_CLOSURE}, so the notice always precedes the closure. {@code SET_SPECIAL_CLOSURE_DUE}
 * also needs a request pending: it records the request's approval deadline and, when the wait ran
 * out, the post the approval duty moved up to ({@link ComplaintEvent.SpecialClosureDueSet}).
 *
 * <p>{@link Status#REJECTED} and {@link Status#WITHDRAWN} are final; {@link Status#CLOSED} accepts
 * only {@code REOPEN}. Besides the roles, further {@link AccessRule}s apply: an officer acts only on
 * complaints assigned to the post they hold, a citizen only on their own, and a complaint closed
 * specially is reopened by a supervisor only. The lifecycle knows no directory: it takes an
 * officer's or supervisor's post as the actor names it. With a directory, the use cases check the
 * actor against it first ({@link AccessRule#OFFICER_HOLDS_POST_IN_DIRECTORY},
 * {@link AccessRule#SUPERVISOR_ACTS_WITHIN_SCOPE}); without one, the host must.
 * A command is checked in this order: state (else {@link IllegalTransitionException}), role and
 * ownership (else {@link ActorNotPermittedException}), then its data against the complaint (else
 * {@link InvalidInputException}: an escalation or transfer must move the complaint somewhere new,
 * a duplicate must name another complaint).
 *
 * <p>Flags ({@link ComplaintFlag}) clear when the complaint moves to another post or leaves the
 * open states; the escalation flags also clear when a reply is filed or the complaint reopens. A
 * move to another post clears the SLA timer until the next {@code SET_SLA_TIMER}.
 *
 * <p>Every command yields exactly one event but {@code APPROVE_SPECIAL_CLOSURE}, which yields two;
 * {@link #decide} returns a list. Stateless and thread-safe.
 */
public final class Lifecycle {
  /** The system actor that closes a complaint once its special closure is approved. */
  public static final Actor SPECIAL_CLOSURE = Actor.system("special-closure");

  // This class is the table and the one door to the lifecycle. The work behind the door is done,
  // one job a class, by package-private classes:
  //   ActorAccess       may this actor issue this command (roles and AccessRules)
  //   CommandDecisions  the event each command yields, its data checked against the complaint
  //   LogValidation     may this stored event follow this state (replaying a log)
  //   EventApplier      what each event does to the complaint's state

  /** One row of the table: the command, the states it is allowed in, its target, its roles. */
  private record Row(CommandType command, Set<Status> from, Status to, Set<Role> roles) {}

  private static final Set<Status> WORKABLE = EnumSet.of(ASSIGNED, IN_PROGRESS, RETURNED, REOPENED);
  private static final Set<Status> OPEN =
      EnumSet.of(REGISTERED, ASSIGNED, IN_PROGRESS, AWAITING_CITIZEN, RESOLVED, RETURNED, REOPENED);

  private static final Map<CommandType, Row> TABLE =
      table(
          row(CommandType.REGISTER, EnumSet.noneOf(Status.class), REGISTERED,
              CITIZEN, CALL_CENTRE_AGENT, OFFICER, SUPERVISOR, SYSTEM),
          row(CommandType.ASSIGN, EnumSet.of(REGISTERED), ASSIGNED, CALL_CENTRE_AGENT, SUPERVISOR, SYSTEM),
          row(CommandType.START_WORK, EnumSet.of(ASSIGNED, RETURNED, REOPENED), IN_PROGRESS, OFFICER),
          row(CommandType.REQUEST_INFORMATION, WORKABLE, AWAITING_CITIZEN, OFFICER),
          row(CommandType.PROVIDE_INFORMATION, EnumSet.of(AWAITING_CITIZEN), IN_PROGRESS, CITIZEN, CALL_CENTRE_AGENT),
          row(CommandType.RESOLVE, WORKABLE, RESOLVED, OFFICER),
          row(CommandType.RETURN_REPLY, EnumSet.of(RESOLVED), RETURNED, CALL_CENTRE_AGENT, SUPERVISOR),
          row(CommandType.CONFIRM_SATISFIED, EnumSet.of(RESOLVED), CLOSED, CITIZEN, CALL_CENTRE_AGENT),
          row(CommandType.REPORT_DISSATISFIED, EnumSet.of(RESOLVED), REOPENED, CITIZEN, CALL_CENTRE_AGENT),
          row(CommandType.RECORD_UNREACHABLE, EnumSet.of(RESOLVED), RESOLVED, CALL_CENTRE_AGENT, SYSTEM),
          row(CommandType.ESCALATE, WORKABLE, ASSIGNED, SUPERVISOR, SYSTEM),
          row(CommandType.TRANSFER, WORKABLE, ASSIGNED, OFFICER, SUPERVISOR),
          row(CommandType.REASSIGN, WORKABLE, ASSIGNED, CALL_CENTRE_AGENT, SUPERVISOR, SYSTEM),
          row(CommandType.FLAG, OPEN, null, CALL_CENTRE_AGENT, SUPERVISOR, SYSTEM),
          row(CommandType.SET_SLA_TIMER, minus(OPEN, REGISTERED), null, SYSTEM),
          row(CommandType.REJECT, minus(OPEN, RESOLVED), REJECTED, CALL_CENTRE_AGENT, OFFICER, SUPERVISOR),
          row(CommandType.SPECIAL_CLOSE, minus(OPEN, REGISTERED), CLOSED, SUPERVISOR),
          row(CommandType.WITHDRAW, OPEN, WITHDRAWN, CITIZEN, CALL_CENTRE_AGENT),
          row(CommandType.REOPEN, EnumSet.of(CLOSED), REOPENED, CITIZEN, CALL_CENTRE_AGENT, SUPERVISOR),
          row(CommandType.ACCEPT_REPLY, EnumSet.of(RESOLVED), null, CALL_CENTRE_AGENT, SUPERVISOR),
          row(CommandType.APPEAL, EnumSet.of(REOPENED), ASSIGNED, SUPERVISOR, SYSTEM),
          row(CommandType.CLOSE_UNVERIFIED, EnumSet.of(RESOLVED, REOPENED), CLOSED, SUPERVISOR, SYSTEM),
          row(CommandType.LINK_DUPLICATE, OPEN, null, CITIZEN, CALL_CENTRE_AGENT, SUPERVISOR, SYSTEM),
          row(CommandType.REQUEST_SPECIAL_CLOSURE, WORKABLE, null, OFFICER),
          row(CommandType.APPROVE_SPECIAL_CLOSURE, minus(OPEN, REGISTERED), null, OFFICER, SUPERVISOR),
          row(CommandType.REFUSE_SPECIAL_CLOSURE, minus(OPEN, REGISTERED), null, OFFICER, SUPERVISOR),
          row(CommandType.RECORD_CONTACT, minus(OPEN, REGISTERED), null, OFFICER),
          row(CommandType.SET_FIRST_RESPONSE_DUE, minus(OPEN, REGISTERED), null, SYSTEM),
          row(CommandType.SET_SPECIAL_CLOSURE_DUE, minus(OPEN, REGISTERED), null, SYSTEM),
          row(CommandType.CHANGE_PRIORITY, OPEN, null, SUPERVISOR, SYSTEM),
          row(CommandType.CLEAR_FLAG, OPEN, null, CALL_CENTRE_AGENT, SUPERVISOR));

  private Lifecycle() {}

  // ---------------------------------------------------------------------------------------------
  // Reading the table

  /**
   * The state a command leads to.
   *
   * @param command the command's type
   * @return its target state, or empty for the commands that keep the state ({@code FLAG},
   *     {@code SET_SLA_TIMER}, {@code RECORD_CONTACT}, ...)
   */
  public static Optional<Status> target(CommandType command) {
    return Optional.ofNullable(TABLE.get(Objects.requireNonNull(command, "command")).to());
  }

  /**
   * The states a command may be issued in; empty for {@link CommandType#REGISTER}.
   *
   * @param command the command's type
   * @return an unmodifiable set
   */
  public static Set<Status> allowedIn(CommandType command) {
    return TABLE.get(Objects.requireNonNull(command, "command")).from();
  }

  /**
   * The roles that may issue a command.
   *
   * @param command the command's type
   * @return an unmodifiable set
   */
  public static Set<Role> rolesFor(CommandType command) {
    return TABLE.get(Objects.requireNonNull(command, "command")).roles();
  }

  /**
   * Whether the table allows a command in a state.
   *
   * @param status the state
   * @param command the command's type
   * @return true if the command may be issued in that state
   */
  public static boolean allows(Status status, CommandType command) {
    return allowedIn(command).contains(Objects.requireNonNull(status, "status"));
  }

  /**
   * The commands allowed in a state.
   *
   * @param status the state
   * @return an unmodifiable set, empty for the final states
   */
  public static Set<CommandType> commandsAllowedIn(Status status) {
    Objects.requireNonNull(status, "status");
    EnumSet<CommandType> commands = EnumSet.noneOf(CommandType.class);
    TABLE.values().stream().filter(r -> r.from().contains(status)).forEach(r -> commands.add(r.command()));
    return Collections.unmodifiableSet(commands);
  }

  // ---------------------------------------------------------------------------------------------
  // Commands to events

  /**
   * Registers a complaint: checks the actor and yields the first event.
   *
   * @param id the id issued for it
   * @param request the validated request
   * @param actor who registers it
   * @param now the registration instant
   * @return the {@link ComplaintRegistered} event, sequence 1, of the priority the request sets,
   *     else {@link Priority#NORMAL}
   * @throws ActorNotPermittedException if a citizen registers for someone else's number, or sets a
   *     priority
   */
  public static ComplaintRegistered register(
      ComplaintId id, RegisterComplaint request, Actor actor, Instant now) {
    return register(id, request, actor, now, Priority.NORMAL);
  }

  /**
   * Registers a complaint whose category has a default priority: the event carries the priority
   * the request sets, else that default.
   *
   * @param id the id issued for it
   * @param request the validated request
   * @param actor who registers it
   * @param now the registration instant
   * @param categoryDefault the priority of a request that sets none (the category's default)
   * @return the {@link ComplaintRegistered} event, sequence 1
   * @throws ActorNotPermittedException if a citizen registers for someone else's number, or sets a
   *     priority ({@link AccessRule#PRIORITY_SET_BY_STAFF})
   */
  public static ComplaintRegistered register(
      ComplaintId id, RegisterComplaint request, Actor actor, Instant now, Priority categoryDefault) {
    return register(TenantId.DEFAULT, id, request, actor, now, categoryDefault);
  }

  /**
   * Registers a complaint in a tenant: the event carries the tenant, the priority the request
   * sets (else the category's default) and the request's external references.
   *
   * @param tenant whose complaint it is
   * @param id the id issued for it
   * @param request the validated request
   * @param actor who registers it
   * @param now the registration instant
   * @param categoryDefault the priority of a request that sets none (the category's default)
   * @return the {@link ComplaintRegistered} event, sequence 1
   * @throws ActorNotPermittedException if a citizen registers for someone else's number, sets a
   *     priority ({@link AccessRule#PRIORITY_SET_BY_STAFF}) or gives external references
   *     ({@link AccessRule#REFERENCES_SET_BY_STAFF})
   */
  public static ComplaintRegistered register(
      TenantId tenant, ComplaintId id, RegisterComplaint request, Actor actor, Instant now, Priority categoryDefault) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(categoryDefault, "categoryDefault");
    authorizeRegistration(request, actor);
    return CommandDecisions.registered(tenant, id, request, actor, now, categoryDefault);
  }

  /**
   * Checks that an actor may register a request, before an id is issued for it.
   *
   * @param request the request
   * @param actor who registers it
   * @throws ActorNotPermittedException if a citizen registers for someone else's number
   */
  public static void authorizeRegistration(RegisterComplaint request, Actor actor) {
    Objects.requireNonNull(request, "request");
    ActorAccess.checkRegistration(request, Objects.requireNonNull(actor, "actor"));
  }

  /**
   * Decides what a command does to a complaint.
   *
   * @param complaint the current state
   * @param command the command
   * @param actor who issues it
   * @param now when
   * @return the events to append, in order (one; two for {@code APPROVE_SPECIAL_CLOSURE})
   * @throws IllegalTransitionException if the state does not allow the command
   * @throws ActorNotPermittedException if the actor may not issue it
   * @throws InvalidInputException if the command's data does not fit the complaint
   */
  public static List<ComplaintEvent> decide(
      Complaint complaint, ComplaintCommand command, Actor actor, Instant now) {
    Objects.requireNonNull(complaint, "complaint");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(now, "now");
    CommandType type = command.type();
    Row row = TABLE.get(type);
    if (!row.from().contains(complaint.status())) {
      throw new IllegalTransitionException(complaint.id(), complaint.status(), type, row.from());
    }
    ActorAccess.checkRole(type, actor);
    ActorAccess.checkOwnership(complaint, type, actor);
    ComplaintEvent event = CommandDecisions.event(complaint, command, actor, now, complaint.id(), complaint.version() + 1);
    if (event instanceof ComplaintEvent.SpecialClosureApproved) {
      String reason = complaint.specialClosureRequest().orElseThrow().closureReason();
      return List.of(event,
          new ComplaintSpeciallyClosed(complaint.id(), complaint.version() + 2, now, SPECIAL_CLOSURE, reason));
    }
    return List.of(event);
  }

  // ---------------------------------------------------------------------------------------------
  // Events to state

  /**
   * The state a complaint starts in.
   *
   * @param registered its registration event
   * @return the new complaint, version 1
   */
  public static Complaint start(ComplaintRegistered registered) {
    Objects.requireNonNull(registered, "registered");
    LogValidation.checkFirst(registered);
    return EventApplier.start(registered);
  }

  /**
   * Applies one event to a complaint. The event must belong to this complaint, be the next in its
   * log, and be one {@link #decide} could have produced: its command allowed in the current state
   * and by its actor's role, an escalation or transfer starting from the current assignment, an
   * escalation going exactly one level up. A log that breaks these is corrupt and is refused.
   *
   * @param complaint the state before
   * @param event the next event
   * @return the state after
   * @throws GrievanceException if the event belongs to another complaint, is out of sequence, or
   *     could not have followed the current state
   */
  public static Complaint evolve(Complaint complaint, ComplaintEvent event) {
    Objects.requireNonNull(complaint, "complaint");
    Objects.requireNonNull(event, "event");
    LogValidation.checkNext(complaint, event);
    return EventApplier.apply(complaint, event);
  }

  /**
   * Rebuilds a complaint from its whole event log.
   *
   * @param events the log, registration first
   * @return the complaint
   * @throws GrievanceException if the log is empty, does not start with registration, or is out of
   *     sequence
   */
  public static Complaint replay(List<? extends ComplaintEvent> events) {
    Objects.requireNonNull(events, "events");
    if (events.isEmpty() || !(events.get(0) instanceof ComplaintRegistered first)) {
      throw new GrievanceException("an event log must start with ComplaintRegistered");
    }
    Complaint c = start(first);
    for (int i = 1; i < events.size(); i++) {
      c = evolve(c, events.get(i));
    }
    return c;
  }

  /**
   * The assignment an event moves a complaint to: the new post of an assignment, escalation,
   * transfer, reassignment or appeal. A move also clears the SLA clock until the next
   * {@link ComplaintEvent.SlaTimerSet}.
   *
   * @param event the event
   * @return the assignment after it, or empty if the event does not move the complaint
   */
  public static Optional<Assignment> movedTo(ComplaintEvent event) {
    Objects.requireNonNull(event, "event");
    if (event instanceof ComplaintAssigned e) return Optional.of(e.assignment());
    if (event instanceof ComplaintEscalated e) return Optional.of(e.to());
    if (event instanceof ComplaintTransferred e) return Optional.of(e.to());
    if (event instanceof ComplaintReassigned e) return Optional.of(e.to());
    if (event instanceof ComplaintEvent.ComplaintAppealed e) return Optional.of(e.to());
    return Optional.empty();
  }

  /**
   * The command type whose row produced an event of this kind.
   *
   * @param event the event
   * @return the command's type
   */
  public static CommandType commandOf(ComplaintEvent event) {
    Objects.requireNonNull(event, "event");
    if (event instanceof ComplaintRegistered) return CommandType.REGISTER;
    if (event instanceof ComplaintAssigned) return CommandType.ASSIGN;
    if (event instanceof WorkStarted) return CommandType.START_WORK;
    if (event instanceof InformationRequested) return CommandType.REQUEST_INFORMATION;
    if (event instanceof InformationProvided) return CommandType.PROVIDE_INFORMATION;
    if (event instanceof ResolutionFiled) return CommandType.RESOLVE;
    if (event instanceof ReplyReturned) return CommandType.RETURN_REPLY;
    if (event instanceof CitizenSatisfied) return CommandType.CONFIRM_SATISFIED;
    if (event instanceof CitizenDissatisfied) return CommandType.REPORT_DISSATISFIED;
    if (event instanceof CitizenUnreachable) return CommandType.RECORD_UNREACHABLE;
    if (event instanceof ComplaintEscalated) return CommandType.ESCALATE;
    if (event instanceof ComplaintTransferred) return CommandType.TRANSFER;
    if (event instanceof ComplaintRejected) return CommandType.REJECT;
    if (event instanceof ComplaintSpeciallyClosed) return CommandType.SPECIAL_CLOSE;
    if (event instanceof ComplaintWithdrawn) return CommandType.WITHDRAW;
    if (event instanceof ComplaintReopened) return CommandType.REOPEN;
    if (event instanceof ComplaintReassigned) return CommandType.REASSIGN;
    if (event instanceof ComplaintFlagged) return CommandType.FLAG;
    if (event instanceof SlaTimerSet) return CommandType.SET_SLA_TIMER;
    if (event instanceof ComplaintEvent.ReplyAccepted) return CommandType.ACCEPT_REPLY;
    if (event instanceof ComplaintEvent.ComplaintAppealed) return CommandType.APPEAL;
    if (event instanceof ComplaintEvent.ComplaintClosedUnverified) return CommandType.CLOSE_UNVERIFIED;
    if (event instanceof ComplaintEvent.DuplicateLinked) return CommandType.LINK_DUPLICATE;
    if (event instanceof ComplaintEvent.SpecialClosureRequested) return CommandType.REQUEST_SPECIAL_CLOSURE;
    if (event instanceof ComplaintEvent.SpecialClosureApproved) return CommandType.APPROVE_SPECIAL_CLOSURE;
    if (event instanceof ComplaintEvent.SpecialClosureRefused) return CommandType.REFUSE_SPECIAL_CLOSURE;
    if (event instanceof ComplaintEvent.ContactRecorded) return CommandType.RECORD_CONTACT;
    if (event instanceof ComplaintEvent.FirstResponseDueSet) return CommandType.SET_FIRST_RESPONSE_DUE;
    if (event instanceof ComplaintEvent.SpecialClosureDueSet) return CommandType.SET_SPECIAL_CLOSURE_DUE;
    if (event instanceof ComplaintEvent.PriorityChanged) return CommandType.CHANGE_PRIORITY;
    if (event instanceof ComplaintEvent.FlagCleared) return CommandType.CLEAR_FLAG;
    throw new AssertionError("unhandled event " + event);
  }

  /** The assignment of a complaint in a state that has one; the helpers' shared lookup. */
  static Assignment assignmentOf(Complaint c) {
    return c.assignment()
        .orElseThrow(() -> new GrievanceException("complaint " + c.id() + " in state " + c.status() + " has no assignment"));
  }

  // ---------------------------------------------------------------------------------------------
  // Building the table

  private static Row row(CommandType command, Set<Status> from, Status to, Role... roles) {
    EnumSet<Role> r = EnumSet.noneOf(Role.class);
    Collections.addAll(r, roles);
    return new Row(
        command,
        Collections.unmodifiableSet(from.isEmpty() ? EnumSet.noneOf(Status.class) : EnumSet.copyOf(from)),
        to,
        Collections.unmodifiableSet(r));
  }

  private static Set<Status> minus(Set<Status> all, Status removed) {
    EnumSet<Status> s = EnumSet.copyOf(all);
    s.remove(removed);
    return s;
  }

  private static Map<CommandType, Row> table(Row... rows) {
    Map<CommandType, Row> t = new EnumMap<>(CommandType.class);
    for (Row r : rows) {
      if (t.put(r.command(), r) != null) {
        throw new AssertionError("two rows for " + r.command());
      }
    }
    if (t.size() != CommandType.values().length) {
      throw new AssertionError(
          "no row for " + EnumSet.complementOf(EnumSet.copyOf(t.keySet())).stream()
              .map(Enum::name).collect(Collectors.joining(", ")));
    }
    return Collections.unmodifiableMap(t);
  }
}
