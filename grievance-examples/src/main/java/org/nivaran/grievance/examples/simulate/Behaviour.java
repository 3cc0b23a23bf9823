package org.nivaran.grievance.examples.simulate;

import static org.nivaran.grievance.examples.simulate.RaipurDistrict.CALL_CENTRE;
import static org.nivaran.grievance.examples.simulate.RaipurDistrict.OFFICE;

import java.util.Locale;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.nivaran.grievance.GrievancesBuilder;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.complaint.Assignment;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.CommandType;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintCommand.ConfirmSatisfied;
import org.nivaran.grievance.complaint.ComplaintCommand.ProvideInformation;
import org.nivaran.grievance.complaint.ComplaintCommand.RecordUnreachable;
import org.nivaran.grievance.complaint.ComplaintCommand.Reject;
import org.nivaran.grievance.complaint.ComplaintCommand.ReportDissatisfied;
import org.nivaran.grievance.complaint.ComplaintCommand.RequestInformation;
import org.nivaran.grievance.complaint.ComplaintCommand.Resolve;
import org.nivaran.grievance.complaint.ComplaintCommand.ReturnReply;
import org.nivaran.grievance.complaint.ComplaintCommand.StartWork;
import org.nivaran.grievance.complaint.ComplaintCommand.Withdraw;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.complaint.Location;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.escalation.EscalationReport;
import org.nivaran.grievance.complaint.Registration;
import org.nivaran.grievance.directory.BlockedNumberException;
import org.nivaran.grievance.policy.DuplicatePolicy;
import org.nivaran.grievance.policy.FakeComplaintPolicy;
import org.nivaran.grievance.policy.VerificationPolicy;
import org.nivaran.grievance.directory.Directory;

/**
 * What the people of the simulated district do, and the policies the district runs under.
 *
 * <p>Two methods are the places to change the rules:
 *
 * <ul>
 *   <li>{@link #configure(GrievancesBuilder)}: every policy given to {@code Grievances} (directory,
 *       calendars, escalation ladder; verification, duplicate and fake-caller policies belong here
 *       too).
 *   <li>{@link #verification(Case, Complaint, Verification)}: what follows a verification call,
 *       for each of its three outcomes.
 * </ul>
 *
 * <p>The rest is the behaviour, all drawn from seeded {@link SplittableRandom}s (one stream each
 * for the callers, the officers, the call centre and the citizens, split from the seed, so a change
 * to one kind of behaviour leaves the others' draws alone):
 *
 * <ul>
 *   <li>Calls arrive during the call centre's hours (08:00–20:00 every day), most on Mondays and
 *       fewest on Sundays and holidays, peaking at midday; 85% by phone, 15% on WhatsApp.
 *   <li>Each department has a share of the calls and its own officers' speed (see {@link #PROFILES}):
 *       energy is fast, the municipal corporation slow, most reply in 1–3 working days, and a tail
 *       of each department's complaints lies untouched for a week or more. Two L1 officers are slow
 *       ({@link #SLOW_OFFICERS}: they take 2.5 times as long). After an escalation the officer above
 *       takes 0.5–3 working days, with the same tail.
 *   <li>Some officers ask for documents first (30% in revenue, 20% in food, fewer elsewhere); the
 *       citizen sends them through the call centre 2–40 call-centre hours later.
 *   <li>The call centre's reviewer reads each reply within hours and returns 8% as of poor quality;
 *       the officer answers again within 2–16 office hours.
 *   <li>The verification call follows 1–20 call-centre hours after an accepted reply: 75% satisfied,
 *       15% not satisfied (the complaint reopens and goes back to the officer; the third time it
 *       closes as not satisfied), 10% unreachable (called again the next day; the third failed call
 *       in a row closes it without confirmation), as {@link #VERIFICATION} says.
 *   <li>2% of callers are fake: the L1 officer's field check finds out within 16 office hours and
 *       rejects the complaint as {@code FAKE}. 4% are repeat callers (same number, category and
 *       jurisdiction as a call of the last 4 days): the duplicate policy links the call to the
 *       open complaint it repeats (a new complaint if that one has closed). Two fake complaints
 *       within 90 days block the number. 1.5% of callers
 *       withdraw their complaint 4 to 60 call-centre hours after calling, if it is not yet answered.
 *   <li>On the second morning the Durg municipal commissioner is transferred out and the post
 *       ({@link #VACANT_POST}, L2) stays vacant: escalations to it are blocked.
 *   <li>Priorities, first responses, two L1 posts that fall vacant and are held by an additional
 *       charge, and two-person special closure are {@link HelplineRules}, called at a few hooks
 *       here.
 * </ul>
 *
 * <p>Not thread-safe: the simulation runs it on one thread.
 */
final class Behaviour {
  /** The share of callers whose complaint is fake. */
  static final double FAKE_RATE = 0.02;
  /** The share of calls that repeat a call of the last {@link #REPEAT_WITHIN_DAYS} days. */
  static final double REPEAT_RATE = 0.04;
  /** How far back a repeat caller's first call lies, at most. */
  static final int REPEAT_WITHIN_DAYS = 4;
  /** How far back the agent looks for an earlier complaint of the same caller. */
  static final Duration DUPLICATE_WINDOW = Duration.ofDays(7);

  /**
   * The district's verification policy: a dissatisfied citizen's complaint goes back to the same
   * post, at most twice (the third "not satisfied" closes it as not satisfied), within 30 days of
   * closing; three failed calls in a row close it without confirmation.
   */
  static final VerificationPolicy VERIFICATION = VerificationPolicy.builder()
      .reopenAtSameLevel()
      .reopenLimit(2)
      .reopenWindow(Duration.ofDays(30))
      .closeAfterUnreachable(3)
      .build();
  /** The share of callers who withdraw their complaint. */
  static final double WITHDRAW_RATE = 0.015;
  /** The share of replies the reviewer returns as of poor quality. */
  static final double RETURN_RATE = 0.08;
  /** The share of verification calls where the citizen is satisfied. */
  static final double SATISFIED_RATE = 0.75;
  /** The share of verification calls where the citizen is not satisfied; the rest are unreachable. */
  static final double DISSATISFIED_RATE = 0.15;

  /** The outcome of a verification call. */
  enum Verification {
    /** The citizen is satisfied. */
    SATISFIED,
    /** The citizen is not satisfied. */
    DISSATISFIED,
    /** The citizen could not be reached. */
    UNREACHABLE
  }

  /**
   * A department's calls and officers: its share of the calls; the L1 officers' reply time in
   * working days, uniform in {@code [fast, slow]}, except for a share {@code tail} of complaints
   * that take {@code [tailFrom, tailTo]} days; and how often an officer first asks for documents.
   */
  record Profile(String department, double share, double fast, double slow, double tail, double tailFrom,
      double tailTo, double askRate) {}

  /** The departments' profiles, in a fixed order (the order calls are drawn in). */
  static final List<Profile> PROFILES = List.of(
      new Profile("ENERGY", 0.26, 0.2, 1.5, 0.03, 4, 9, 0.08),
      new Profile("MUNICIPAL", 0.22, 1.5, 4.0, 0.20, 6, 16, 0.05),
      new Profile("PHE", 0.16, 1.0, 3.0, 0.08, 5, 12, 0.05),
      new Profile("REVENUE", 0.14, 1.0, 3.5, 0.12, 6, 15, 0.30),
      new Profile("FOOD", 0.12, 1.0, 3.0, 0.08, 5, 12, 0.20),
      new Profile("HEALTH", 0.10, 0.5, 2.0, 0.05, 4, 10, 0.05));

  /** L1 officers who take {@link #SLOW_FACTOR} times as long as their colleagues. */
  static final Set<PostId> SLOW_OFFICERS = Set.of(
      RaipurDistrict.postId("PHE", Level.L1, RaipurDistrict.RAIPUR + ".TILDA"),
      RaipurDistrict.postId("MUNICIPAL", Level.L1, RaipurDistrict.DURG + ".CITY"));
  /** How much longer a slow officer takes. */
  static final double SLOW_FACTOR = 2.5;
  /**
   * The post whose officer is transferred out on the second morning, leaving it vacant: the Durg
   * municipal commissioner's (L2). Escalations from the post below are blocked and wait on the
   * stuck list, and their complaints stay with the L1 officer beyond their SLA.
   */
  static final PostId VACANT_POST = RaipurDistrict.postId("MUNICIPAL", Level.L2, RaipurDistrict.DURG);

  /** The relative number of calls on each day of the week, Monday first. */
  private static final double[] WEEKDAY_WEIGHT = {1.30, 1.15, 1.05, 1.00, 0.95, 0.85, 0.55};
  /** The relative number of calls on an office holiday. */
  private static final double HOLIDAY_WEIGHT = 0.6;
  /** A working day of the office calendar, in open hours. */
  private static final double WORKING_DAY_HOURS = 8;

  private static final Actor REVIEWER = Actor.agent("REVIEW-DESK");
  private static final Actor VERIFIER = Actor.agent("VERIFY-DESK");
  /** The Jan Sunwai portal's feed, which registers the grievances filed on the portal. */
  private static final Actor PORTAL = Actor.agent("JANSUNWAI-SYNC");

  /** A caller: who phones, about what and where, and what they will do. */
  record Caller(String name, String phone, String category, String jurisdiction, Channel channel, boolean fake,
      boolean withdraws, boolean repeat, Optional<Location> place, Optional<ExternalReference> portal) {}

  /** A registered complaint as the simulation follows it. */
  static final class Case {
    final ComplaintId id;
    final Caller caller;
    /** The complaint as the last command or escalation left it. */
    Complaint state;
    /** Bumped whenever the complaint's work is planned anew; a task of an older plan does nothing. */
    int generation;
    boolean askedForDocuments;

    Case(Complaint registered, Caller caller) {
      this.id = registered.id();
      this.caller = caller;
      this.state = registered;
    }
  }

  private final Directory directory;
  private final Agenda agenda;
  private final SimClock clock;
  private final SplittableRandom calls;
  private final SplittableRandom officers;
  private final SplittableRandom callCentre;
  private final SplittableRandom citizens;
  /** Looked up by id only; never iterated. */
  private final Map<ComplaintId, Case> cases = new HashMap<>();
  private final EnumMap<Verification, Long> verifications = new EnumMap<>(Verification.class);
  private final HelplineRules rules;
  private Districts districts;
  private final Portals portals;
  private final Callers callers;
  private long received;
  private long fakes;
  private long duplicates;
  private long withdrawn;
  private long documentsRequested;
  private long returned;
  private long blockedCalls;

  Behaviour(long seed, Directory directory, Agenda agenda, SimClock clock) {
    this.directory = directory;
    this.agenda = agenda;
    this.clock = clock;
    SplittableRandom root = new SplittableRandom(seed);
    this.calls = root.split();
    this.officers = root.split();
    this.callCentre = root.split();
    this.citizens = root.split();
    this.rules = new HelplineRules(this, root.split(), agenda, clock);
    this.portals = new Portals(root.split());
    this.callers = new Callers(directory, calls, portals);
    for (Verification v : Verification.values()) {
      verifications.put(v, 0L);
    }
  }

  // -----------------------------------------------------------------------------------------------
  // The policies

  /**
   * Gives {@code Grievances} every policy of the simulated district: the directory (which routes
   * each registration to its L1 post at once), the calendars, and the MP ladder on the office
   * calendar. The simulation has already set the store, the clock and the id scheme.
   *
   * <p>This is the one place for policies: verification, duplicate and fake-caller policies are to
   * be added here.
   *
   * @param builder the builder to configure
   */
  void configure(GrievancesBuilder builder) {
    builder
        .directory(directory)
        .calendars(CalendarRegistry.of(OFFICE, CALL_CENTRE))
        .escalationPolicies(EscalationPolicies.of(RaipurDistrict.LADDER))
        .verificationPolicy(VERIFICATION)
        .fakeComplaintPolicy(FakeComplaintPolicy.blockAfter(2, Duration.ofDays(90)))
        .duplicatePolicy(DuplicatePolicy.linkWithin(DUPLICATE_WINDOW))
        .zone(RaipurDistrict.IST);
    rules.configure(builder);
  }

  /**
   * Carries out the outcome of a verification call on a resolved complaint; every verification
   * call ends here.
   *
   * <ul>
   *   <li>{@code SATISFIED}: the agent records the citizen's satisfaction (rating 3–5) and the
   *       complaint closes.
   *   <li>{@code DISSATISFIED}: the agent records it (rating 1–2); the complaint reopens at its
   *       level, its SLA clock starts again, and the officer of its post works on it anew (if the
   *       verification policy leaves it open).
   *   <li>{@code UNREACHABLE}: the agent records the failed call, and calls again a day later (if
   *       the complaint is still waiting for verification).
   * </ul>
   *
   * @param k the complaint as the simulation follows it
   * @param c the complaint, {@code RESOLVED}
   * @param outcome what the call found
   */
  void verification(Case k, Complaint c, Verification outcome) {
    verifications.merge(outcome, 1L, Long::sum);
    switch (outcome) {
      case SATISFIED -> {
        double u = citizens.nextDouble();
        int rating = u < 0.45 ? 5 : u < 0.85 ? 4 : 3;
        execute(c, new ConfirmSatisfied(Optional.of(rating), Optional.of("धन्यवाद, समस्या हल हो गई")), VERIFIER);
      }
      case DISSATISFIED -> {
        int rating = 1 + citizens.nextInt(2);
        Complaint reopened = execute(c, new ReportDissatisfied(Optional.of(rating), "समस्या अब भी बनी हुई है"), VERIFIER);
        if (reopened.status().isOpen()) {
          planWork(k, reopened, true);
        }
      }
      case UNREACHABLE -> {
        Complaint after = execute(c, new RecordUnreachable(Optional.of("फ़ोन बंद या उत्तर नहीं")), VERIFIER);
        if (after.status() == Status.RESOLVED) {
          int gen = k.generation;
          agenda.at(CALL_CENTRE.nextOpen(clock.instant().plus(Duration.ofDays(1))), () -> verificationCall(k, gen));
        }
      }
      default -> throw new IllegalStateException("unknown outcome " + outcome);
    }
  }

  // -----------------------------------------------------------------------------------------------
  // Calls

  /** Gives the behaviour the districts' entry points, each built with {@link #configure}. */
  void start(Districts districts) {
    this.districts = districts;
    rules.start(districts);
  }

  /**
   * Schedules the calls of the simulated days: about {@code target} in all, spread over the days by
   * weekday and holiday, each day's count varied by up to ±15%.
   */
  void planCalls(LocalDate first, int days, int target) {
    double[] weight = new double[days];
    double sum = 0;
    for (int i = 0; i < days; i++) {
      LocalDate day = first.plusDays(i);
      weight[i] = WEEKDAY_WEIGHT[day.getDayOfWeek().getValue() - 1]
          * (OFFICE.holidays().containsKey(day) ? HOLIDAY_WEIGHT : 1);
      sum += weight[i];
    }
    int number = 0;
    for (int i = 0; i < days; i++) {
      LocalDate day = first.plusDays(i);
      int count = (int) Math.round(target * weight[i] / sum * (0.85 + 0.3 * calls.nextDouble()));
      Instant opening = day.atTime(8, 0).atZone(RaipurDistrict.IST).toInstant();
      List<Instant> times = new ArrayList<>(count);
      for (int j = 0; j < count; j++) {
        double minutes = 720 * (calls.nextDouble() + calls.nextDouble()) / 2; // busiest at midday
        times.add(opening.plusSeconds((long) (minutes * 60)));
      }
      times.sort(Comparator.naturalOrder());
      for (Instant at : times) {
        int n = ++number;
        agenda.at(at, () -> call(n));
      }
    }
  }

  /**
   * Schedules what happens besides calls: the transfer that leaves {@link #VACANT_POST} vacant, and
   * the vacancies, charges and supervisors' rounds of {@link HelplineRules}.
   */
  void planEvents(LocalDate first, int days) {
    Instant morning = first.plusDays(1).atTime(10, 0).atZone(RaipurDistrict.IST).toInstant();
    agenda.at(morning, () -> districts.forPost(VACANT_POST).transferOfficer(VACANT_POST, Optional.empty()));
    rules.planEvents(first, days);
  }

  /** A call: the agent registers the complaint, which is routed to its L1 post at once. */
  private void call(int number) {
    Instant now = clock.instant();
    Caller caller = callers.next(now);
    Actor agent = Actor.agent(String.format(Locale.ROOT, "AGENT-%02d", 1 + number % 12));
    RegisterComplaint request = RegisterComplaint.builder()
            .channel(caller.portal().isPresent() ? Channel.WEB_PORTAL : caller.channel())
            .citizen(Complainant.builder()
                .name(caller.name())
                .phone(PhoneNumber.parse(caller.phone()))
                .languageTag("hi")
                .build())
            .categoryCode(caller.category())
            .jurisdictionCode(caller.jurisdiction())
            .description(Wording.describe(caller))
            .idempotencyKey("call-" + number)
            .priority(rules.agentPriority(caller))
            .location(caller.place())
            .references(caller.portal().stream().toList())
            .build();
    Registration registration;
    try {
      registration = districts.forJurisdiction(caller.jurisdiction()).submit(request, caller.portal().isPresent() ? PORTAL : agent);
    } catch (BlockedNumberException refused) {
      blockedCalls++; // a number the fake-complaint policy blocked: no complaint
      return;
    }
    if (registration.outcome() == Registration.Outcome.LINKED) {
      duplicates++; // the duplicate policy linked the repeat to the open complaint it repeats
      return;
    }
    Complaint c = registration.complaint();
    received++;
    portals.registered(c);
    if (caller.portal().isPresent() && portals.alsoPhones()) {
      agenda.at(CALL_CENTRE.plus(now, hours(citizens, 2, 6)), () -> portals.phonedAbout(districts, caller, number));
    }
    Case k = new Case(c, caller);
    cases.put(c.id(), k);
    rules.registered(k);
    callers.registered(now, caller);
    if (caller.withdraws()) {
      agenda.at(CALL_CENTRE.plus(now, hours(citizens, 4, 60)), () -> withdraw(k));
    }
    if (c.assignment().isPresent()) {
      planWork(k, c, false);
    }
  }

  // -----------------------------------------------------------------------------------------------
  // Officers

  /**
   * Plans the work of the officer now responsible for a complaint: a fake one is found out and
   * rejected; otherwise work starts within hours, perhaps with a request for documents, and the
   * reply follows after the department's (or, again, a shorter) reply time.
   */
  void planWork(Case k, Complaint c, boolean again) {
    int gen = ++k.generation;
    Instant now = clock.instant();
    Assignment a = c.assignment().orElseThrow();
    if (k.caller.fake()) {
      agenda.at(OFFICE.plus(now, hours(officers, 3, 16)), () -> rejectFake(k, gen));
      return;
    }
    if (!again && rules.plansSpecialClosure(k, c, gen)) {
      return;
    }
    Instant start = OFFICE.plus(now, Duration.ofMinutes(20 + officers.nextInt(280)));
    agenda.at(start, () -> startWork(k, gen));
    Duration work = again ? workingDays((0.5 + 2 * officers.nextDouble()) * HelplineRules.speed(c.priority()))
        : replyTime(a, c);
    Instant resolveAt = latest(OFFICE.plus(now, work), start.plus(Duration.ofMinutes(30)));
    if (!again && !k.askedForDocuments && officers.nextDouble() < profile(a.department()).askRate()) {
      k.askedForDocuments = true;
      Instant ask = OFFICE.plus(start, Duration.ofMinutes(30 + officers.nextInt(330)));
      if (ask.isBefore(resolveAt)) {
        Duration left = OFFICE.between(ask, resolveAt);
        agenda.at(ask, () -> requestDocuments(k, gen, left));
        return;
      }
    }
    agenda.at(resolveAt, () -> resolve(k, gen));
  }

  /** How long the officer of an assignment takes to reply, in open time of the office calendar. */
  private Duration replyTime(Assignment a, Complaint c) {
    Profile p = profile(a.department());
    boolean senior = a.level().compareTo(Level.L1) > 0;
    double days = senior ? 0.5 + 2.5 * officers.nextDouble() : p.fast() + (p.slow() - p.fast()) * officers.nextDouble();
    if (officers.nextDouble() < p.tail()) {
      double from = senior ? 6 : p.tailFrom();
      double to = senior ? 12 : p.tailTo();
      days = from + (to - from) * officers.nextDouble();
    }
    if (SLOW_OFFICERS.contains(a.post())) {
      days *= SLOW_FACTOR;
    }
    return workingDays(days * HelplineRules.speed(c.priority()));
  }

  private void startWork(Case k, int gen) {
    current(k, gen, CommandType.START_WORK).ifPresent(c -> execute(c, new StartWork(), officerOf(c)));
  }

  private void requestDocuments(Case k, int gen, Duration left) {
    current(k, gen, CommandType.REQUEST_INFORMATION).ifPresent(c -> {
      execute(c, new RequestInformation(Wording.documentsFor(c)), officerOf(c));
      documentsRequested++;
      agenda.at(CALL_CENTRE.plus(clock.instant(), hours(citizens, 2, 40)), () -> provideDocuments(k, gen, left));
    });
  }

  private void provideDocuments(Case k, int gen, Duration left) {
    current(k, gen, CommandType.PROVIDE_INFORMATION).ifPresent(c -> {
      execute(c, new ProvideInformation("दस्तावेज़ WhatsApp पर भेज दिए", List.of()), Actor.agent("AGENT-01"));
      Duration rest = left.compareTo(Duration.ofHours(1)) < 0 ? Duration.ofHours(1) : left;
      agenda.at(OFFICE.plus(clock.instant(), rest), () -> resolve(k, gen));
    });
  }

  private void resolve(Case k, int gen) {
    current(k, gen, CommandType.RESOLVE).ifPresent(c -> {
      execute(c, new Resolve(Wording.replyFor(c), List.of()), officerOf(c));
      agenda.at(CALL_CENTRE.plus(clock.instant(), Duration.ofMinutes(30 + callCentre.nextInt(330))), () -> review(k, gen));
    });
  }

  private void rejectFake(Case k, int gen) {
    current(k, gen, CommandType.REJECT).ifPresent(c -> {
      execute(c, new Reject(RejectionReason.FAKE, "मौके पर जाँच में शिकायत असत्य पाई गई", Optional.empty()), officerOf(c));
      fakes++;
    });
  }

  // -----------------------------------------------------------------------------------------------
  // The call centre

  /** The reviewer reads a reply: returns it as of poor quality, or passes it on for verification. */
  private void review(Case k, int gen) {
    current(k, gen, CommandType.RETURN_REPLY).ifPresent(c -> {
      if (callCentre.nextDouble() < RETURN_RATE) {
        execute(c, new ReturnReply("उत्तर अपूर्ण है: मौके की स्थिति और की गई कार्यवाही स्पष्ट करें"), REVIEWER);
        returned++;
        agenda.at(OFFICE.plus(clock.instant(), hours(officers, 2, 16)), () -> resolve(k, gen));
      } else {
        execute(c, new ComplaintCommand.AcceptReply(Optional.of("उत्तर स्वीकार")), REVIEWER);
        agenda.at(CALL_CENTRE.plus(clock.instant(), hours(callCentre, 1, 20)), () -> verificationCall(k, gen));
      }
    });
  }

  /** The verification call: its outcome is drawn here and carried out by {@link #verification}. */
  private void verificationCall(Case k, int gen) {
    current(k, gen, CommandType.CONFIRM_SATISFIED).ifPresent(c -> {
      double u = callCentre.nextDouble();
      Verification outcome = u < SATISFIED_RATE ? Verification.SATISFIED
          : u < SATISFIED_RATE + DISSATISFIED_RATE ? Verification.DISSATISFIED : Verification.UNREACHABLE;
      verification(k, c, outcome);
    });
  }

  /** The citizen phones to withdraw, unless the complaint is answered or over by then. */
  private void withdraw(Case k) {
    Complaint c = k.state;
    if (c.status().isOpen() && c.status() != Status.RESOLVED) {
      execute(c, new Withdraw(Optional.of("समस्या स्वयं हल हो गई")), Actor.agent("AGENT-01"));
      k.generation++;
      withdrawn++;
    }
  }

  /**
   * A sweep acted on a complaint: its state is read again, and if it was escalated, the officer of
   * the post above takes it over.
   *
   * @param outcome what the sweep did
   */
  void swept(EscalationReport.Outcome outcome) {
    Case k = cases.get(outcome.complaintId());
    if (k != null) {
      k.state = districts.of(k.state).get(k.id);
      if (outcome.action() == EscalationReport.Action.ESCALATED) {
        planWork(k, k.state, false);
      }
    }
  }

  // -----------------------------------------------------------------------------------------------
  // Counts

  /** Complaints registered so far. */
  /** The districts, places and portal figures of the run. */
  StateFigures stateFigures() {
    return portals.figures();
  }

  long received() {
    return received;
  }

  /** Complaints rejected as fake. */
  long fakes() {
    return fakes;
  }

  /** Repeat calls the duplicate policy linked to the open complaint they repeat. */
  long duplicates() {
    return duplicates;
  }

  /** Complaints withdrawn. */
  long withdrawn() {
    return withdrawn;
  }

  /** Requests for documents. */
  long documentsRequested() {
    return documentsRequested;
  }

  /** Calls refused because the caller's number is blocked. */
  long blockedCalls() {
    return blockedCalls;
  }

  /** Replies returned by the reviewer. */
  long returned() {
    return returned;
  }

  /** The helpline's rules at work. */
  HelplineRules rules() {
    return rules;
  }

  /** Verification calls by outcome. */
  Map<Verification, Long> verifications() {
    return new EnumMap<>(verifications);
  }

  // -----------------------------------------------------------------------------------------------
  // Helpers

  /**
   * The complaint if the plan is still current and the lifecycle allows the command now. The
   * state is the one the simulation's last command, or the last sweep that acted on it, left:
   * nothing else changes a complaint.
   */
  Optional<Complaint> current(Case k, int gen, CommandType command) {
    if (k.generation != gen) {
      return Optional.empty();
    }
    Complaint c = k.state;
    return Lifecycle.allows(c.status(), command) && rules.answered(k, c, command) ? Optional.of(c) : Optional.empty();
  }

  /** Runs a command on the latest version of a complaint, and keeps the state it leaves. */
  Complaint execute(Complaint c, ComplaintCommand command, Actor actor) {
    Complaint after = districts.of(c).execute(c.id(), command, actor);
    Case k = cases.get(c.id());
    if (k != null) {
      k.state = after;
    }
    return after;
  }

  private Actor officerOf(Complaint c) {
    return rules.officerOf(c);
  }

  private static Profile profile(String department) {
    for (Profile p : PROFILES) {
      if (p.department().equals(department)) {
        return p;
      }
    }
    throw new IllegalArgumentException("no profile for department " + department);
  }

  static Duration workingDays(double days) {
    return Duration.ofMinutes(Math.round(days * WORKING_DAY_HOURS * 60));
  }

  private static Duration hours(SplittableRandom random, int from, int to) {
    return Duration.ofMinutes(from * 60L + random.nextInt((to - from) * 60));
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
