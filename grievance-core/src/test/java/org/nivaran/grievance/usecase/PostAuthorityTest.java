package org.nivaran.grievance.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.actor.Role;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.complaint.AccessRule;
import org.nivaran.grievance.complaint.ActorNotPermittedException;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.ClosureKind;
import org.nivaran.grievance.complaint.CommandType;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.Kind;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.directory.Blocklist;
import org.nivaran.grievance.directory.Categories;
import org.nivaran.grievance.directory.Category;
import org.nivaran.grievance.directory.Department;
import org.nivaran.grievance.directory.Departments;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.directory.Jurisdiction;
import org.nivaran.grievance.directory.JurisdictionType;
import org.nivaran.grievance.directory.Jurisdictions;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.directory.Officer;
import org.nivaran.grievance.directory.Post;
import org.nivaran.grievance.directory.PostDuty;
import org.nivaran.grievance.directory.Posts;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.escalation.EscalationReport;
import org.nivaran.grievance.escalation.LadderPolicy;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/**
 * With a directory, an officer or supervisor acts only from a post the directory in force shows
 * them holding (rule {@code OFFICER_HOLDS_POST_IN_DIRECTORY}), and a supervisor only on complaints
 * of their post's department and jurisdiction sub-tree (rule {@code SUPERVISOR_ACTS_WITHIN_SCOPE}).
 * Citizens, agents and system actors are not in the directory and are not checked against it;
 * without a directory nothing is.
 *
 * <p>The district: Raipur (a tehsil with ward 12) and Durg (ward 1) in Chhattisgarh; energy with an
 * AE in Raipur tehsil and in Durg, an EE in each district, and the Chief Engineer (head of
 * department) for the state; revenue with a Tehsildar and an SDM in Raipur and the Revenue
 * Secretary (head of department) for the state; the collectorate's nodal officer and an Additional
 * Collector in Raipur.
 */
class PostAuthorityTest {
  static final PostId AE_RAIPUR = PostId.of("AE-RAIPUR");
  static final PostId EE_RAIPUR = PostId.of("EE-RAIPUR");
  static final PostId AE_DURG = PostId.of("AE-DURG");
  static final PostId EE_DURG = PostId.of("EE-DURG");
  static final PostId CE_CG = PostId.of("CE-CG");
  static final PostId TEHSILDAR = PostId.of("TEHSILDAR-RAIPUR");
  static final PostId SDM = PostId.of("SDM-RAIPUR");
  static final PostId SECRETARY = PostId.of("SECRETARY-REVENUE");
  static final PostId NODAL = PostId.of("NODAL-RAIPUR");
  static final PostId ADM = PostId.of("ADM-RAIPUR");

  static final Actor AGENT = Actor.agent("AGENT-17");
  /** The holders, as the directory has them. */
  static final Actor.Officer AE_RAIPUR_OFFICER = Actor.officer("OFF-AE-RAIPUR", AE_RAIPUR);
  static final Actor.Supervisor EE_RAIPUR_SUPERVISOR = Actor.supervisor("OFF-EE-RAIPUR", EE_RAIPUR);
  static final Actor.Supervisor EE_DURG_SUPERVISOR = Actor.supervisor("OFF-EE-DURG", EE_DURG);
  static final Actor.Supervisor CE_SUPERVISOR = Actor.supervisor("OFF-CE-CG", CE_CG);
  static final Actor.Supervisor SDM_SUPERVISOR = Actor.supervisor("OFF-SDM-RAIPUR", SDM);
  static final Actor.Supervisor SECRETARY_SUPERVISOR = Actor.supervisor("OFF-SECRETARY-REVENUE", SECRETARY);
  static final Actor.Supervisor NODAL_SUPERVISOR = Actor.supervisor("OFF-NODAL-RAIPUR", NODAL);
  static final Actor.Supervisor ADM_SUPERVISOR = Actor.supervisor("OFF-ADM-RAIPUR", ADM);

  static final BusinessCalendar ROUND_THE_CLOCK = BusinessCalendar.twentyFourSeven("24X7", ZoneOffset.UTC);

  private final MutableClock clock = new MutableClock(Fixtures.T0);
  private final InMemoryComplaintStore store = new InMemoryComplaintStore();
  private final Grievances grievances = grievances(Optional.of(directory()));

  private Grievances grievances(Optional<Directory> directory) {
    var builder = Grievances.builder()
        .store(store)
        .clock(clock)
        .idScheme(ComplaintIdScheme.yearly("RPR", ZoneOffset.UTC))
        .calendars(CalendarRegistry.of(ROUND_THE_CLOCK))
        .escalationPolicies(EscalationPolicies.of(LadderPolicy.madhyaPradesh("MP", "24X7")));
    directory.ifPresent(d -> builder.directory(d)
        .specialClosurePolicy(org.nivaran.grievance.policy.SpecialClosurePolicy.ofDefaults()));
    return builder.build();
  }

  static Directory directory() {
    Departments departments = Departments.of(List.of(
        new Department("ENERGY", "Energy", "ऊर्जा"),
        new Department("REVENUE", "Revenue", "राजस्व"),
        new Department("COLLECTORATE", "Collectorate", "कलेक्टोरेट")));
    Jurisdictions jurisdictions = Jurisdictions.of(List.of(
        new Jurisdiction("CG", JurisdictionType.STATE, Optional.empty(), "Chhattisgarh", "छत्तीसगढ़"),
        new Jurisdiction("RAIPUR", JurisdictionType.DISTRICT, Optional.of("CG"), "Raipur", "रायपुर"),
        new Jurisdiction("RAIPUR-TEHSIL", JurisdictionType.TEHSIL, Optional.of("RAIPUR"), "Raipur Tehsil", "रायपुर तहसील"),
        new Jurisdiction("WARD-12", JurisdictionType.WARD, Optional.of("RAIPUR-TEHSIL"), "Ward 12", "वार्ड 12"),
        new Jurisdiction("DURG", JurisdictionType.DISTRICT, Optional.of("CG"), "Durg", "दुर्ग"),
        new Jurisdiction("DURG-W1", JurisdictionType.WARD, Optional.of("DURG"), "Ward 1, Durg", "वार्ड 1, दुर्ग")));
    Categories categories = Categories.of(List.of(
        Category.of("ENERGY.SUPPLY", "ENERGY", "Electricity supply interrupted", "बिजली आपूर्ति बाधित",
            List.of("bijli"), Kind.COMPLAINT, "MP"),
        Category.of("REVENUE.LAND", "REVENUE", "Land record correction", "भू-अभिलेख सुधार",
            List.of("khasra"), Kind.COMPLAINT, "MP")),
        departments);
    Posts posts = Posts.of(List.of(
        post(AE_RAIPUR, "ENERGY", "RAIPUR-TEHSIL", 1, EE_RAIPUR, Set.of()),
        post(EE_RAIPUR, "ENERGY", "RAIPUR", 2, CE_CG, Set.of()),
        post(AE_DURG, "ENERGY", "DURG", 1, EE_DURG, Set.of()),
        post(EE_DURG, "ENERGY", "DURG", 2, CE_CG, Set.of()),
        post(CE_CG, "ENERGY", "CG", 3, null, Set.of(PostDuty.HEAD_OF_DEPARTMENT)),
        post(TEHSILDAR, "REVENUE", "RAIPUR-TEHSIL", 1, SDM, Set.of()),
        post(SDM, "REVENUE", "RAIPUR", 2, SECRETARY, Set.of()),
        post(SECRETARY, "REVENUE", "CG", 3, null, Set.of(PostDuty.HEAD_OF_DEPARTMENT)),
        post(NODAL, "COLLECTORATE", "RAIPUR", 2, null, Set.of(PostDuty.NODAL_OFFICER)),
        post(ADM, "COLLECTORATE", "RAIPUR", 2, null, Set.of())),
        departments, jurisdictions);
    return Directory.builder()
        .departments(departments)
        .jurisdictions(jurisdictions)
        .categories(categories)
        .posts(posts)
        .blocklist(Blocklist.empty())
        .build();
  }

  private static Post post(PostId id, String dept, String jurisdiction, int level, PostId reportsTo, Set<PostDuty> duties) {
    return new Post(id, id.code(), dept, jurisdiction, Level.of(level), Optional.ofNullable(reportsTo), duties,
        Optional.of(officer("OFF-" + id.code())));
  }

  private static Officer officer(String id) {
    return new Officer(id, "अधिकारी " + id, PhoneNumber.parse("9826000001"), true, Language.HINDI);
  }

  private static RegisterComplaint request(String category, String jurisdiction) {
    return Fixtures.requestBuilder().categoryCode(category).jurisdictionCode(jurisdiction).build();
  }

  /** An energy complaint from ward 12, Raipur: ASSIGNED to {@link #AE_RAIPUR}. */
  private Complaint energyInRaipur() {
    Complaint c = grievances.register(request("ENERGY.SUPPLY", "WARD-12"), AGENT);
    assertThat(c.post()).contains(AE_RAIPUR);
    return c;
  }

  private static void refusedBy(Throwable e, AccessRule rule, String detail) {
    assertThat(e).isInstanceOfSatisfying(ActorNotPermittedException.class, refused -> {
      assertThat(refused.rule()).isEqualTo(rule);
      assertThat(refused.getMessage()).contains(detail);
    });
  }

  private static final ComplaintCommand RESOLVE = new ComplaintCommand.Resolve("ट्रांसफ़ॉर्मर बदला गया", List.of());
  private static final ComplaintCommand SPECIAL_CLOSE = new ComplaintCommand.SpecialClose("sub judice");
  private static final ComplaintCommand REQUEST_SPECIAL_CLOSURE = new ComplaintCommand.RequestSpecialClosure(
      org.nivaran.grievance.complaint.SpecialClosureReason.SUB_JUDICE, "न्यायालय में विचाराधीन");

  // ---------------------------------------------------------------------------------------------
  // An officer acts only from a post they hold

  @Test
  void only_the_rightful_holder_resolves() {
    Complaint c = energyInRaipur();
    assertThatThrownBy(() -> grievances.execute(c.id(), RESOLVE, Actor.officer("OFF-EE-RAIPUR", AE_RAIPUR)))
        .satisfies(e -> refusedBy(e, AccessRule.OFFICER_HOLDS_POST_IN_DIRECTORY, "OFF-EE-RAIPUR does not hold AE-RAIPUR"));

    assertThat(grievances.execute(c.id(), RESOLVE, AE_RAIPUR_OFFICER).status()).isEqualTo(Status.RESOLVED);
  }

  @Test
  void an_officer_naming_a_post_another_officer_holds_is_refused_and_nothing_is_stored() {
    Complaint c = energyInRaipur();
    Actor durgAe = Actor.officer("OFF-AE-DURG", AE_RAIPUR); // holds AE-DURG, names AE-RAIPUR

    assertThatThrownBy(() -> grievances.execute(c.id(), RESOLVE, durgAe))
        .satisfies(e -> refusedBy(e, AccessRule.OFFICER_HOLDS_POST_IN_DIRECTORY,
            "officer OFF-AE-DURG does not hold AE-RAIPUR: the post AE-RAIPUR is held by another officer"));
    assertThat(grievances.get(c.id())).isEqualTo(c);
  }

  @Test
  void an_officer_id_holding_no_post_is_refused_naming_one() {
    Complaint c = energyInRaipur();
    Actor nobody = Actor.officer("OFF-NOBODY", AE_RAIPUR);

    assertThatThrownBy(() -> grievances.execute(c.id(), RESOLVE, nobody))
        .satisfies(e -> refusedBy(e, AccessRule.OFFICER_HOLDS_POST_IN_DIRECTORY, "officer OFF-NOBODY does not hold AE-RAIPUR"));
    assertThatThrownBy(() -> grievances.execute(c.id(), c.version(), RESOLVE, nobody))
        .satisfies(e -> refusedBy(e, AccessRule.OFFICER_HOLDS_POST_IN_DIRECTORY, "OFF-NOBODY"));
    assertThat(grievances.get(c.id())).isEqualTo(c);
  }

  @Test
  void an_officer_naming_a_post_the_directory_does_not_have_is_refused() {
    Complaint c = energyInRaipur();
    assertThatThrownBy(() -> grievances.execute(c.id(), RESOLVE, Actor.officer("OFF-AE-RAIPUR", PostId.of("AE-TYPO"))))
        .satisfies(e -> refusedBy(e, AccessRule.OFFICER_HOLDS_POST_IN_DIRECTORY, "the directory in force has no post AE-TYPO"));
  }

  @Test
  void an_officer_whose_post_fell_vacant_is_refused() {
    Complaint c = energyInRaipur();
    grievances.transferOfficer(AE_RAIPUR, Optional.empty());

    assertThatThrownBy(() -> grievances.execute(c.id(), RESOLVE, AE_RAIPUR_OFFICER))
        .satisfies(e -> refusedBy(e, AccessRule.OFFICER_HOLDS_POST_IN_DIRECTORY, "the post AE-RAIPUR is vacant"));
    assertThat(grievances.get(c.id())).isEqualTo(c);
  }

  @Test
  void an_officer_transferred_away_is_refused_and_the_successor_acts() {
    Complaint c = energyInRaipur();
    grievances.execute(c.id(), new ComplaintCommand.StartWork(), AE_RAIPUR_OFFICER);
    List<Complaint> inherited = grievances.transferOfficer(AE_RAIPUR, Optional.of(officer("OFF-AE-NEW")));
    assertThat(inherited).extracting(Complaint::id).containsExactly(c.id());

    assertThatThrownBy(() -> grievances.execute(c.id(), RESOLVE, AE_RAIPUR_OFFICER))
        .satisfies(e -> refusedBy(e, AccessRule.OFFICER_HOLDS_POST_IN_DIRECTORY,
            "officer OFF-AE-RAIPUR does not hold AE-RAIPUR: the post AE-RAIPUR is held by another officer"));
    Complaint resolved = grievances.execute(c.id(), RESOLVE, Actor.officer("OFF-AE-NEW", AE_RAIPUR));
    assertThat(resolved.status()).isEqualTo(Status.RESOLVED);
  }

  @Test
  void an_officer_given_charge_of_a_second_post_acts_from_both() {
    Complaint durg = grievances.register(request("ENERGY.SUPPLY", "DURG-W1"), AGENT);
    Actor raipurAeAtDurg = Actor.officer("OFF-AE-RAIPUR", AE_DURG);
    assertThatThrownBy(() -> grievances.execute(durg.id(), RESOLVE, raipurAeAtDurg))
        .satisfies(e -> refusedBy(e, AccessRule.OFFICER_HOLDS_POST_IN_DIRECTORY, "held by another officer"));

    // Durg's AE goes on leave; Raipur's AE takes additional charge of the post
    grievances.transferOfficer(AE_DURG, Optional.of(officer("OFF-AE-RAIPUR")));

    assertThat(grievances.execute(durg.id(), RESOLVE, raipurAeAtDurg).status()).isEqualTo(Status.RESOLVED);
    assertThat(grievances.execute(energyInRaipur().id(), RESOLVE, AE_RAIPUR_OFFICER).status()).isEqualTo(Status.RESOLVED);
  }

  /**
   * Every command the table gives officers, on a complaint at the officer's post; the approval and
   * refusal of a special closure, made from the post above, are SpecialClosureTest's.
   */
  static Stream<CommandType> officerCommands() {
    return EnumSet.allOf(CommandType.class).stream()
        .filter(t -> t != CommandType.REGISTER && Lifecycle.rolesFor(t).contains(Role.OFFICER))
        .filter(t -> t != CommandType.APPROVE_SPECIAL_CLOSURE && t != CommandType.REFUSE_SPECIAL_CLOSURE);
  }

  private static ComplaintCommand officerCommand(CommandType type) {
    return switch (type) {
      case START_WORK -> new ComplaintCommand.StartWork();
      case REQUEST_INFORMATION -> new ComplaintCommand.RequestInformation("बिजली बिल की प्रति भेजें");
      case RESOLVE -> RESOLVE;
      case TRANSFER -> new ComplaintCommand.Transfer(TEHSILDAR, "REVENUE", Level.L1, "land dispute");
      case REJECT -> new ComplaintCommand.Reject(RejectionReason.OUT_OF_SCOPE, "private dispute", Optional.empty());
      case REQUEST_SPECIAL_CLOSURE -> REQUEST_SPECIAL_CLOSURE;
      case RECORD_CONTACT -> new ComplaintCommand.RecordContact(
          org.nivaran.grievance.complaint.ContactOutcome.CALL_MADE, Optional.of("spoke to the citizen"));
      default -> throw new AssertionError("not an officer's command: " + type);
    };
  }

  @ParameterizedTest
  @MethodSource("officerCommands")
  void every_officer_command_is_refused_to_an_officer_not_holding_the_post_and_made_by_its_holder(CommandType type) {
    Complaint c = energyInRaipur();
    ComplaintCommand command = officerCommand(type);

    assertThatThrownBy(() -> grievances.execute(c.id(), command, Actor.officer("OFF-NOBODY", AE_RAIPUR)))
        .satisfies(e -> refusedBy(e, AccessRule.OFFICER_HOLDS_POST_IN_DIRECTORY, "OFF-NOBODY"));
    assertThat(grievances.get(c.id())).isEqualTo(c);
    assertThat(grievances.execute(c.id(), command, AE_RAIPUR_OFFICER).version()).isGreaterThan(c.version());
  }

  @Test
  void an_officer_registers_only_from_a_post_they_hold() {
    RegisterComplaint request = request("ENERGY.SUPPLY", "WARD-12");

    assertThatThrownBy(() -> grievances.register(request, Actor.officer("OFF-NOBODY", AE_RAIPUR)))
        .satisfies(e -> refusedBy(e, AccessRule.OFFICER_HOLDS_POST_IN_DIRECTORY, "OFF-NOBODY"))
        .satisfies(e -> assertThat(((ActorNotPermittedException) e).command()).isEqualTo(CommandType.REGISTER));
    assertThatThrownBy(() -> grievances.register(request, Actor.supervisor("OFF-NOBODY", NODAL)))
        .satisfies(e -> refusedBy(e, AccessRule.OFFICER_HOLDS_POST_IN_DIRECTORY, "OFF-NOBODY"));
    assertThat(store.size()).isZero();
    // a registration is not scoped: the Durg EE may register a Raipur complaint from the counter
    assertThat(grievances.register(request, EE_DURG_SUPERVISOR).post()).contains(AE_RAIPUR);
  }

  // ---------------------------------------------------------------------------------------------
  // A supervisor acts only from a post they hold

  /** A complaint in the state a supervisor's command needs, and the command, by an in-scope supervisor. */
  private record SupervisorCase(Function<PostAuthorityTest, Complaint> complaint, ComplaintCommand command,
      Actor.Supervisor rightful) {}

  private SupervisorCase supervisorCase(CommandType type) {
    ComplaintCommand.ConfirmSatisfied satisfied = new ComplaintCommand.ConfirmSatisfied(Optional.of(4), Optional.empty());
    ComplaintCommand.ReportDissatisfied dissatisfied = new ComplaintCommand.ReportDissatisfied(Optional.of(1), "अभी भी बिजली नहीं");
    Function<PostAuthorityTest, Complaint> assigned = PostAuthorityTest::energyInRaipur;
    Function<PostAuthorityTest, Complaint> requested =
        t -> t.grievances.execute(t.energyInRaipur().id(), REQUEST_SPECIAL_CLOSURE, AE_RAIPUR_OFFICER);
    Function<PostAuthorityTest, Complaint> resolved = t -> t.grievances.execute(t.energyInRaipur().id(), RESOLVE, AE_RAIPUR_OFFICER);
    return switch (type) {
      case ASSIGN -> new SupervisorCase(PostAuthorityTest::unroutedRevenueInDurg,
          new ComplaintCommand.Assign(TEHSILDAR, "REVENUE", Level.L1), SECRETARY_SUPERVISOR);
      case RETURN_REPLY -> new SupervisorCase(resolved, new ComplaintCommand.ReturnReply("उत्तर अपूर्ण"), EE_RAIPUR_SUPERVISOR);
      case ACCEPT_REPLY -> new SupervisorCase(resolved, new ComplaintCommand.AcceptReply(Optional.empty()), EE_RAIPUR_SUPERVISOR);
      case CLOSE_UNVERIFIED -> new SupervisorCase(resolved,
          new ComplaintCommand.CloseUnverified(ClosureKind.UNCONFIRMED, "3 attempts"), EE_RAIPUR_SUPERVISOR);
      case REOPEN -> new SupervisorCase(t -> t.grievances.execute(resolved.apply(t).id(), satisfied, AGENT),
          new ComplaintCommand.Reopen("supply failed again"), EE_RAIPUR_SUPERVISOR);
      case APPEAL -> new SupervisorCase(t -> t.grievances.execute(resolved.apply(t).id(), dissatisfied, AGENT),
          new ComplaintCommand.Appeal(NODAL, "COLLECTORATE", Level.L2, "अपील"), EE_RAIPUR_SUPERVISOR);
      case ESCALATE -> new SupervisorCase(assigned, new ComplaintCommand.Escalate(EE_RAIPUR, "7 days"), EE_RAIPUR_SUPERVISOR);
      case TRANSFER -> new SupervisorCase(assigned, officerCommand(CommandType.TRANSFER), EE_RAIPUR_SUPERVISOR);
      case REASSIGN -> new SupervisorCase(assigned, new ComplaintCommand.Reassign(EE_RAIPUR, Level.L2, "AE on leave"),
          EE_RAIPUR_SUPERVISOR);
      case FLAG -> new SupervisorCase(assigned,
          new ComplaintCommand.Flag(ComplaintFlag.ESCALATION_BLOCKED, "stuck", Optional.of(NODAL)), EE_RAIPUR_SUPERVISOR);
      case REJECT -> new SupervisorCase(assigned, officerCommand(CommandType.REJECT), EE_RAIPUR_SUPERVISOR);
      case SPECIAL_CLOSE -> new SupervisorCase(assigned, SPECIAL_CLOSE, EE_RAIPUR_SUPERVISOR);
      case APPROVE_SPECIAL_CLOSURE -> new SupervisorCase(requested, new ComplaintCommand.ApproveSpecialClosure("देखा"),
          EE_RAIPUR_SUPERVISOR);
      case REFUSE_SPECIAL_CLOSURE -> new SupervisorCase(requested, new ComplaintCommand.RefuseSpecialClosure("निराकरण करें"),
          EE_RAIPUR_SUPERVISOR);
      case LINK_DUPLICATE -> new SupervisorCase(assigned,
          new ComplaintCommand.LinkDuplicate(Channel.PHONE_CALL, "फिर से", List.of(), Optional.empty()), EE_RAIPUR_SUPERVISOR);
      case CHANGE_PRIORITY -> new SupervisorCase(assigned,
          new ComplaintCommand.ChangePriority(org.nivaran.grievance.sla.Priority.URGENT, "hospital"), EE_RAIPUR_SUPERVISOR);
      case CLEAR_FLAG -> new SupervisorCase(t -> t.grievances.execute(t.energyInRaipur().id(),
              new ComplaintCommand.Flag(ComplaintFlag.POSSIBLE_REPEAT, "possible repeat of: RPR-2024-000001 (5 m)",
                  Optional.empty()), AGENT),
          new ComplaintCommand.ClearFlag(ComplaintFlag.POSSIBLE_REPEAT, "दूसरी गली"), EE_RAIPUR_SUPERVISOR);
      default -> throw new AssertionError("not a supervisor's command: " + type);
    };
  }

  /** A revenue complaint from Durg, where revenue has no post: REGISTERED, unrouted, of no department yet. */
  private Complaint unroutedRevenueInDurg() {
    Complaint c = grievances.register(request("REVENUE.LAND", "DURG-W1"), AGENT);
    assertThat(c.status()).isEqualTo(Status.REGISTERED);
    assertThat(c.flags()).contains(ComplaintFlag.UNROUTED);
    return c;
  }

  /** Every command the table gives supervisors, registration aside. */
  static Stream<CommandType> supervisorCommands() {
    return EnumSet.allOf(CommandType.class).stream()
        .filter(t -> t != CommandType.REGISTER && Lifecycle.rolesFor(t).contains(Role.SUPERVISOR));
  }

  @ParameterizedTest
  @MethodSource("supervisorCommands")
  void every_supervisor_command_is_refused_to_an_officer_not_holding_the_post_and_made_by_its_holder(CommandType type) {
    SupervisorCase s = supervisorCase(type);
    Complaint c = s.complaint().apply(this);
    Actor impostor = Actor.supervisor("OFF-NOBODY", s.rightful().post());

    assertThatThrownBy(() -> grievances.execute(c.id(), s.command(), impostor))
        .satisfies(e -> refusedBy(e, AccessRule.OFFICER_HOLDS_POST_IN_DIRECTORY, "OFF-NOBODY"));
    assertThat(grievances.get(c.id())).isEqualTo(c);
    assertThat(grievances.execute(c.id(), s.command(), s.rightful()).version()).isGreaterThan(c.version());
  }

  @Test
  void a_supervisor_transferred_away_is_refused() {
    Complaint c = energyInRaipur();
    grievances.transferOfficer(EE_RAIPUR, Optional.of(officer("OFF-EE-NEW")));

    assertThatThrownBy(() -> grievances.execute(c.id(), SPECIAL_CLOSE, EE_RAIPUR_SUPERVISOR))
        .satisfies(e -> refusedBy(e, AccessRule.OFFICER_HOLDS_POST_IN_DIRECTORY, "held by another officer"));
    grievances.transferOfficer(EE_RAIPUR, Optional.empty());
    assertThatThrownBy(() -> grievances.execute(c.id(), SPECIAL_CLOSE, Actor.supervisor("OFF-EE-NEW", EE_RAIPUR)))
        .satisfies(e -> refusedBy(e, AccessRule.OFFICER_HOLDS_POST_IN_DIRECTORY, "the post EE-RAIPUR is vacant"));
    assertThat(grievances.get(c.id())).isEqualTo(c);
  }

  // ---------------------------------------------------------------------------------------------
  // A supervisor acts only within their post's department and jurisdiction sub-tree

  @Test
  void a_supervisor_outside_the_complaints_department_is_refused() {
    Complaint c = energyInRaipur();

    assertThatThrownBy(() -> grievances.execute(c.id(), SPECIAL_CLOSE, SDM_SUPERVISOR))
        .satisfies(e -> refusedBy(e, AccessRule.SUPERVISOR_ACTS_WITHIN_SCOPE,
            "is of the department 'ENERGY', outside the department 'REVENUE' of the post SDM-RAIPUR"));
    // the Additional Collector's collectorate post has no nodal duty: it reaches its own department only
    assertThatThrownBy(() -> grievances.execute(c.id(), SPECIAL_CLOSE, ADM_SUPERVISOR))
        .satisfies(e -> refusedBy(e, AccessRule.SUPERVISOR_ACTS_WITHIN_SCOPE, "outside the department 'COLLECTORATE'"));
    assertThat(grievances.get(c.id())).isEqualTo(c);
  }

  @Test
  void a_supervisor_outside_the_complaints_jurisdiction_sub_tree_is_refused() {
    Complaint c = energyInRaipur();

    assertThatThrownBy(() -> grievances.execute(c.id(), SPECIAL_CLOSE, EE_DURG_SUPERVISOR))
        .satisfies(e -> refusedBy(e, AccessRule.SUPERVISOR_ACTS_WITHIN_SCOPE,
            "is of the jurisdiction 'WARD-12', outside the jurisdiction 'DURG' of the post EE-DURG"));
    // the nodal officer reaches every department, but of their own district only
    Complaint durg = grievances.register(request("ENERGY.SUPPLY", "DURG-W1"), AGENT);
    assertThatThrownBy(() -> grievances.execute(durg.id(), SPECIAL_CLOSE, NODAL_SUPERVISOR))
        .satisfies(e -> refusedBy(e, AccessRule.SUPERVISOR_ACTS_WITHIN_SCOPE, "outside the jurisdiction 'RAIPUR'"));
    // a post below the complaint's jurisdiction does not reach up: a Raipur-tehsil supervisor and a district complaint
    Complaint district = grievances.register(request("REVENUE.LAND", "RAIPUR"), AGENT);
    assertThatThrownBy(() -> grievances.execute(district.id(), SPECIAL_CLOSE, Actor.supervisor("OFF-TEHSILDAR-RAIPUR", TEHSILDAR)))
        .satisfies(e -> refusedBy(e, AccessRule.SUPERVISOR_ACTS_WITHIN_SCOPE, "outside the jurisdiction 'RAIPUR-TEHSIL'"));
    assertThat(grievances.get(c.id())).isEqualTo(c);
    assertThat(grievances.get(durg.id())).isEqualTo(durg);
  }

  @Test
  void a_supervisor_inside_their_department_and_jurisdiction_sub_tree_acts_and_outside_it_is_refused() {
    Complaint raipur = energyInRaipur();
    Complaint durg = grievances.register(request("ENERGY.SUPPLY", "DURG-W1"), AGENT);
    assertThat(durg.post()).contains(AE_DURG);
    // the district's EE on a ward complaint two levels below the district, not on the other district's
    assertThatThrownBy(() -> grievances.execute(durg.id(), SPECIAL_CLOSE, EE_RAIPUR_SUPERVISOR))
        .satisfies(e -> refusedBy(e, AccessRule.SUPERVISOR_ACTS_WITHIN_SCOPE, "outside the jurisdiction 'RAIPUR'"));
    assertThat(grievances.execute(raipur.id(), new ComplaintCommand.Flag(ComplaintFlag.ESCALATION_BLOCKED, "stuck",
        Optional.empty()), EE_RAIPUR_SUPERVISOR).flags()).contains(ComplaintFlag.ESCALATION_BLOCKED);
    // the nodal officer on another department's complaint of the district, not of the other district
    assertThatThrownBy(() -> grievances.execute(durg.id(), SPECIAL_CLOSE, NODAL_SUPERVISOR))
        .satisfies(e -> refusedBy(e, AccessRule.SUPERVISOR_ACTS_WITHIN_SCOPE, "outside the jurisdiction 'RAIPUR'"));
    assertThat(grievances.execute(energyInRaipur().id(), SPECIAL_CLOSE, NODAL_SUPERVISOR).status())
        .isEqualTo(Status.CLOSED);
    // the head of department on their department's complaint anywhere in the state
    assertThat(grievances.execute(raipur.id(), SPECIAL_CLOSE, CE_SUPERVISOR).status()).isEqualTo(Status.CLOSED);
    assertThat(grievances.execute(durg.id(), SPECIAL_CLOSE, CE_SUPERVISOR).status()).isEqualTo(Status.CLOSED);
  }

  @Test
  void a_head_of_department_reaches_their_own_department_only() {
    Complaint land = grievances.register(request("REVENUE.LAND", "WARD-12"), AGENT);
    assertThat(land.post()).contains(TEHSILDAR);

    assertThatThrownBy(() -> grievances.execute(land.id(), SPECIAL_CLOSE, CE_SUPERVISOR))
        .satisfies(e -> refusedBy(e, AccessRule.SUPERVISOR_ACTS_WITHIN_SCOPE, "outside the department 'ENERGY'"));
    assertThat(grievances.execute(land.id(), SPECIAL_CLOSE, SECRETARY_SUPERVISOR).status()).isEqualTo(Status.CLOSED);
  }

  @Test
  void a_complaint_not_yet_assigned_is_of_its_categorys_department() {
    Complaint c = unroutedRevenueInDurg();
    ComplaintCommand assign = new ComplaintCommand.Assign(TEHSILDAR, "REVENUE", Level.L1);

    assertThatThrownBy(() -> grievances.execute(c.id(), assign, CE_SUPERVISOR))
        .satisfies(e -> refusedBy(e, AccessRule.SUPERVISOR_ACTS_WITHIN_SCOPE, "is of the department 'REVENUE'"));
    assertThatThrownBy(() -> grievances.execute(c.id(), assign, SDM_SUPERVISOR))
        .satisfies(e -> refusedBy(e, AccessRule.SUPERVISOR_ACTS_WITHIN_SCOPE, "outside the jurisdiction 'RAIPUR'"));
    assertThat(grievances.execute(c.id(), assign, SECRETARY_SUPERVISOR).post()).contains(TEHSILDAR);
  }

  @Test
  void the_scope_follows_the_complaint_when_it_moves_to_another_department() {
    Complaint c = energyInRaipur();
    Complaint transferred = grievances.execute(c.id(), officerCommand(CommandType.TRANSFER), AE_RAIPUR_OFFICER);
    assertThat(transferred.assignment().orElseThrow().department()).isEqualTo("REVENUE");

    assertThatThrownBy(() -> grievances.execute(c.id(), SPECIAL_CLOSE, EE_RAIPUR_SUPERVISOR))
        .satisfies(e -> refusedBy(e, AccessRule.SUPERVISOR_ACTS_WITHIN_SCOPE, "is of the department 'REVENUE'"));
    assertThat(grievances.execute(c.id(), SPECIAL_CLOSE, SDM_SUPERVISOR).status()).isEqualTo(Status.CLOSED);
  }

  @Test
  void a_supervisor_links_a_repeat_registration_outside_their_scope_as_they_may_register_it() {
    Grievances linking = Grievances.builder()
        .store(store).clock(clock).idScheme(ComplaintIdScheme.yearly("RPR", ZoneOffset.UTC))
        .calendars(CalendarRegistry.of(ROUND_THE_CLOCK))
        .escalationPolicies(EscalationPolicies.of(LadderPolicy.madhyaPradesh("MP", "24X7")))
        .directory(directory())
        .duplicatePolicy(org.nivaran.grievance.policy.DuplicatePolicy.linkWithin(java.time.Duration.ofDays(7)))
        .build();
    Complaint first = linking.register(request("ENERGY.SUPPLY", "WARD-12"), AGENT);

    assertThatThrownBy(() -> linking.submit(request("ENERGY.SUPPLY", "WARD-12"), Actor.supervisor("OFF-NOBODY", EE_DURG)))
        .satisfies(e -> refusedBy(e, AccessRule.OFFICER_HOLDS_POST_IN_DIRECTORY, "OFF-NOBODY"));

    var repeat = linking.submit(request("ENERGY.SUPPLY", "WARD-12"), EE_DURG_SUPERVISOR);

    assertThat(repeat.outcome()).isEqualTo(org.nivaran.grievance.complaint.Registration.Outcome.LINKED);
    assertThat(repeat.complaint().id()).isEqualTo(first.id());
  }

  // ---------------------------------------------------------------------------------------------
  // Agents and system actors are not in the directory; without a directory nothing is checked

  @Test
  void agents_and_system_actors_are_not_checked_against_the_directory() {
    // the escalator, a system actor, moves complaints up the ladder
    Complaint waiting = energyInRaipur();
    clock.set(Instant.parse("2024-03-13T00:00:00Z"));
    EscalationReport report = grievances.escalator().sweep();
    assertThat(report.count(EscalationReport.Action.ESCALATED)).isEqualTo(1);
    assertThat(grievances.get(waiting.id()).post()).contains(EE_RAIPUR);
    // an agent and the host's own automation act on any complaint, as the table allows them
    Complaint c = energyInRaipur();
    c = grievances.execute(c.id(), new ComplaintCommand.Reassign(EE_RAIPUR, Level.L2, "AE on leave"), AGENT);
    c = grievances.execute(c.id(), new ComplaintCommand.Flag(ComplaintFlag.ESCALATION_BLOCKED, "stuck", Optional.empty()),
        Actor.system("night-job"));
    assertThat(c.post()).contains(EE_RAIPUR);
    assertThat(c.flags()).contains(ComplaintFlag.ESCALATION_BLOCKED);
  }

  @Test
  void without_a_directory_an_officer_is_taken_at_their_word() {
    Grievances bare = grievances(Optional.empty());
    Complaint c = bare.register(request("ENERGY.SUPPLY", "WARD-12"), AGENT);
    c = bare.execute(c.id(), new ComplaintCommand.Assign(AE_RAIPUR, "ENERGY", Level.L1), Actor.system("router"));

    assertThat(bare.execute(c.id(), RESOLVE, Actor.officer("OFF-NOBODY", AE_RAIPUR)).status()).isEqualTo(Status.RESOLVED);
    assertThat(bare.execute(c.id(), new ComplaintCommand.ReturnReply("अपूर्ण"), Actor.supervisor("OFF-NOBODY", EE_DURG))
        .status()).isEqualTo(Status.RETURNED);
  }
}
