package org.nivaran.grievance.examples.simulate;

import static org.nivaran.grievance.examples.simulate.RaipurDistrict.OFFICE;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.nivaran.grievance.complaint.CommandType;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ContactOutcome;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.SpecialClosureReason;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.directory.Officer;
import org.nivaran.grievance.directory.Post;
import org.nivaran.grievance.directory.Posts;
import org.nivaran.grievance.examples.simulate.Behaviour.Caller;
import org.nivaran.grievance.examples.simulate.Behaviour.Case;
import org.nivaran.grievance.policy.SpecialClosurePolicy;
import org.nivaran.grievance.sla.FirstResponsePolicy;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.sla.SlaBudget;

/**
 * The helpline's rules at work in the simulated district: priorities, the first response, the
 * additional charge of vacant posts and two-person special closure. {@link Behaviour} calls it at
 * a few hooks (configuration, registration, planning an officer's work, and before an officer
 * acts); the draws come from a stream of their own.
 *
 * <ul>
 *   <li>Priority: the categories' defaults ({@link RaipurDistrict}), and the agent sets one on
 *       {@link #AGENT_PRIORITY_RATE} of the calls ({@code URGENT} for a power cut or a health
 *       complaint at a hospital, {@code HIGH} otherwise). Twice a working day (11:30 and 15:30) a
 *       supervisor at L2 raises one {@code NORMAL} complaint of the last two days, still at L1, to
 *       {@code HIGH}. Officers work an {@code URGENT} complaint in {@link #URGENT_SPEED} of their
 *       usual time and a {@code HIGH} one in {@link #HIGH_SPEED}.
 *   <li>First response ({@link #FIRST_RESPONSE}: one working day on the office calendar, a miss
 *       flagged for the post above): the officer phones the citizen within the day on
 *       {@link #CONTACT_IN_TIME_RATE} of complaints, 1 to 3 working days late on
 *       {@link #CONTACT_LATE_RATE}, and never on the rest; {@link #NOT_REACHABLE_RATE} of the calls
 *       do not reach the citizen (an attempt on record counts).
 *   <li>Additional charge: the Tehsildar of Arang is transferred out on the second day (noon) with
 *       no successor; the Additional Collector gives the Tehsildar of Abhanpur the charge the next
 *       morning, and a new Tehsildar joins on day 10 (the charge ends). The Assistant Engineer of
 *       Patan leaves on day 4; the Executive Engineer gives the Assistant Engineer of Dhamdha the
 *       charge that afternoon, ends it on day 8 at 17:00, and a successor joins the next morning.
 *       While nobody answers for a post its complaints wait; the officer in charge, or the new
 *       holder, takes up every one of them.
 *   <li>Two-person special closure ({@link #SPECIAL_CLOSURE}, the defaults): on
 *       {@link #SPECIAL_CLOSURE_RATE} of the complaints reaching an L1 post the officer asks for a
 *       special closure instead (out of jurisdiction, a policy matter, or sub judice in revenue);
 *       the post above decides within 2 to 16 office hours, approving {@link #APPROVAL_RATE} of the
 *       requests. After a refusal the officer works on the complaint.
 * </ul>
 *
 * <p>Not thread-safe: the simulation runs it on one thread.
 */
final class HelplineRules {
  /** First response: one working day of the office calendar; a miss is flagged for the post above. */
  static final FirstResponsePolicy FIRST_RESPONSE = FirstResponsePolicy.of(SlaBudget.workingDays(1),
      RaipurDistrict.OFFICE_ID, FirstResponsePolicy.OnMiss.FLAG_POST_ABOVE);
  /** Two-person special closure: requested at L1, decided from the post above. */
  static final SpecialClosurePolicy SPECIAL_CLOSURE = SpecialClosurePolicy.ofDefaults();
  /** The share of calls where the agent sets the priority. */
  static final double AGENT_PRIORITY_RATE = 0.06;
  /** How much of their usual time officers take on an {@code URGENT} complaint. */
  static final double URGENT_SPEED = 0.3;
  /** How much of their usual time officers take on a {@code HIGH} complaint. */
  static final double HIGH_SPEED = 0.6;
  /** The share of complaints whose first response is made within the working day. */
  static final double CONTACT_IN_TIME_RATE = 0.80;
  /** The share of complaints whose first response is made 1 to 3 working days late. */
  static final double CONTACT_LATE_RATE = 0.12;
  /** The share of first calls that do not reach the citizen. */
  static final double NOT_REACHABLE_RATE = 0.15;
  /** The share of complaints reaching an L1 post whose officer asks for a special closure. */
  static final double SPECIAL_CLOSURE_RATE = 0.03;
  /** The share of special-closure requests the post above approves. */
  static final double APPROVAL_RATE = 0.75;
  /** The posts that fall vacant and are held by an additional charge for a while. */
  static final List<PostId> VACATED = List.of(
      RaipurDistrict.postId("REVENUE", Level.L1, RaipurDistrict.RAIPUR + ".ARANG"),
      RaipurDistrict.postId("ENERGY", Level.L1, RaipurDistrict.DURG + ".PATAN"));

  private static final Set<CommandType> OFFICERS_ACTS = Set.of(CommandType.START_WORK,
      CommandType.REQUEST_INFORMATION, CommandType.RESOLVE, CommandType.REJECT, CommandType.REQUEST_SPECIAL_CLOSURE);

  private final Behaviour behaviour;
  private final Agenda agenda;
  private final SimClock clock;
  private final SplittableRandom random;
  private Districts districts;
  /** The complaints in the order registered, for the supervisors' picks. */
  private final List<Case> followed = new ArrayList<>();
  /** Looked up by id only; never iterated. */
  private final Map<ComplaintId, Priority> priorities = new HashMap<>();
  /** Complaints whose officer's act found nobody answering for the post, by post, in order. */
  private final Map<PostId, Set<Case>> waiting = new LinkedHashMap<>();
  private final Set<ComplaintId> underCharge = new HashSet<>();
  private long raised;
  private long contacts;
  private long notReachable;
  private long chargesGiven;
  private long chargesEnded;
  private long actsUnderCharge;
  private long requested;
  private long approved;
  private long refused;

  HelplineRules(Behaviour behaviour, SplittableRandom random, Agenda agenda, SimClock clock) {
    this.behaviour = behaviour;
    this.random = random;
    this.agenda = agenda;
    this.clock = clock;
  }

  /** Adds the first-response and special-closure policies. */
  void configure(GrievancesBuilder builder) {
    builder.firstResponsePolicy(FIRST_RESPONSE).specialClosurePolicy(SPECIAL_CLOSURE);
  }

  /** Gives the rules the districts' entry points. */
  void start(Districts districts) {
    this.districts = districts;
  }

  /** The priority the agent sets on a call, if any. */
  Optional<Priority> agentPriority(Caller caller) {
    if (random.nextDouble() >= AGENT_PRIORITY_RATE) {
      return Optional.empty();
    }
    boolean urgent = caller.category().equals("ENERGY.SUPPLY.OUTAGE") || caller.category().startsWith("HEALTH.");
    return Optional.of(urgent ? Priority.URGENT : Priority.HIGH);
  }

  /** A complaint was registered: it is followed, and its officer's first call is planned. */
  void registered(Case k) {
    followed.add(k);
    priorities.put(k.id, k.state.priority());
    if (k.state.assignment().isEmpty()) {
      return;
    }
    double u = random.nextDouble();
    double r = random.nextDouble();
    Instant now = clock.instant();
    if (u < CONTACT_IN_TIME_RATE) {
      agenda.at(OFFICE.plus(now, Behaviour.workingDays(0.05 + 0.8 * r)), () -> contact(k));
    } else if (u < CONTACT_IN_TIME_RATE + CONTACT_LATE_RATE) {
      agenda.at(OFFICE.plus(now, Behaviour.workingDays(1.1 + 2 * r)), () -> contact(k));
    }
  }

  /** How much of their usual time officers take on a complaint of a priority. */
  static double speed(Priority priority) {
    return switch (priority) {
      case URGENT -> URGENT_SPEED;
      case HIGH -> HIGH_SPEED;
      default -> 1;
    };
  }

  /**
   * Whether the officer of a complaint newly at an L1 post asks for a special closure instead of
   * working on it; if so, the request and the decision are planned.
   */
  boolean plansSpecialClosure(Case k, Complaint c, int gen) {
    if (c.assignment().orElseThrow().level() != Level.L1 || random.nextDouble() >= SPECIAL_CLOSURE_RATE) {
      return false;
    }
    Instant at = OFFICE.plus(clock.instant(), Duration.ofMinutes(60 + random.nextInt(420)));
    agenda.at(at, () -> requestSpecialClosure(k, gen));
    return true;
  }

  /**
   * Whether someone answers for the post of a complaint when its officer is to act; if nobody
   * does (a vacant post, no charge in force), the complaint waits until someone does.
   */
  boolean answered(Case k, Complaint c, CommandType command) {
    if (!OFFICERS_ACTS.contains(command) || c.post().isEmpty()) {
      return true;
    }
    PostId post = c.post().get();
    if (posts(post).answering(post, clock.instant()).isPresent()) {
      return true;
    }
    waiting.computeIfAbsent(post, p -> new LinkedHashSet<>()).add(k);
    return false;
  }

  /** The officer who answers for the complaint's post now: its holder, or the officer in charge. */
  Actor officerOf(Complaint c) {
    PostId post = c.post().orElseThrow();
    Officer officer = posts(post).answering(post, clock.instant()).orElseThrow();
    if (posts(post).get(post).holder().isEmpty()) {
      actsUnderCharge++;
      underCharge.add(c.id());
    }
    return Actor.officer(officer.id(), post);
  }

  /** Schedules the vacancies, the charges and the supervisors' rounds. */
  void planEvents(LocalDate first, int days) {
    PostId arang = VACATED.get(0);
    PostId patan = VACATED.get(1);
    agenda.at(at(first, 1, 12, 0), () -> vacate(arang));
    agenda.at(at(first, 2, 11, 0), () -> giveCharge(arang,
        RaipurDistrict.postId("REVENUE", Level.L1, RaipurDistrict.RAIPUR + ".ABHANPUR"), at(first, 20, 18, 0)));
    agenda.at(at(first, 9, 10, 0), () -> successor(arang));
    agenda.at(at(first, 3, 10, 0), () -> vacate(patan));
    agenda.at(at(first, 3, 15, 0), () -> giveCharge(patan,
        RaipurDistrict.postId("ENERGY", Level.L1, RaipurDistrict.DURG + ".DHAMDHA"), at(first, 24, 18, 0)));
    agenda.at(at(first, 7, 17, 0), () -> endCharge(patan));
    agenda.at(at(first, 8, 10, 0), () -> successor(patan));
    for (int day = 0; day < days; day++) {
      for (Instant round : List.of(at(first, day, 11, 30), at(first, day, 15, 30))) {
        if (OFFICE.isOpen(round)) {
          agenda.at(round, this::raisePriority);
        }
      }
    }
  }

  // -----------------------------------------------------------------------------------------------
  // The people's acts

  private void contact(Case k) {
    Complaint c = k.state;
    boolean pending = c.firstResponse().map(f -> f.firstContactAt().isEmpty()).orElse(false);
    if (!pending || !Lifecycle.allows(c.status(), CommandType.RECORD_CONTACT) || c.post().isEmpty()
        || posts(c.post().get()).answering(c.post().get(), clock.instant()).isEmpty()) {
      return;
    }
    boolean reached = random.nextDouble() >= NOT_REACHABLE_RATE;
    behaviour.execute(c, new ComplaintCommand.RecordContact(reached ? ContactOutcome.CALL_MADE : ContactOutcome.NOT_REACHABLE,
        Optional.of(reached ? "शिकायतकर्ता से बात हुई, स्थल निरीक्षण होगा" : "फ़ोन बंद")), officerOf(c));
    contacts++;
    notReachable += reached ? 0 : 1;
  }

  private void raisePriority() {
    Instant since = clock.instant().minus(Duration.ofDays(2));
    for (int tries = 0; tries < 40 && !followed.isEmpty(); tries++) {
      Case k = followed.get(random.nextInt(followed.size()));
      Complaint c = k.state;
      if (!c.status().isOpen() || c.status() == Status.RESOLVED || c.priority() != Priority.NORMAL
          || c.registeredAt().isBefore(since) || c.assignment().isEmpty() || c.assignment().get().level() != Level.L1) {
        continue;
      }
      Optional<PostId> above = posts(c.post().orElseThrow()).get(c.post().orElseThrow()).reportsTo();
      Optional<Officer> supervisor = above.flatMap(p -> posts(p).answering(p, clock.instant()));
      if (supervisor.isEmpty()) {
        continue;
      }
      Complaint after = behaviour.execute(c, new ComplaintCommand.ChangePriority(Priority.HIGH,
          "कई परिवार प्रभावित हैं, प्राथमिकता से निराकरण करें"), Actor.supervisor(supervisor.get().id(), above.get()));
      priorities.put(k.id, after.priority());
      raised++;
      return;
    }
  }

  private void requestSpecialClosure(Case k, int gen) {
    behaviour.current(k, gen, CommandType.REQUEST_SPECIAL_CLOSURE).ifPresent(c -> {
      String category = c.categoryCode();
      SpecialClosureReason reason = category.startsWith("REVENUE.") ? SpecialClosureReason.SUB_JUDICE
          : category.equals("ENERGY.BILL") ? SpecialClosureReason.POLICY_MATTER : SpecialClosureReason.OUT_OF_JURISDICTION;
      behaviour.execute(c, new ComplaintCommand.RequestSpecialClosure(reason, switch (reason) {
        case SUB_JUDICE -> "प्रकरण न्यायालय में विचाराधीन है";
        case POLICY_MATTER -> "शिकायत टैरिफ आदेश के विरुद्ध है";
        default -> "स्थान इस कार्यालय के क्षेत्राधिकार में नहीं है";
      }), officerOf(c));
      requested++;
      agenda.at(OFFICE.plus(clock.instant(), Duration.ofMinutes(120 + random.nextInt(840))), () -> decide(k, gen));
    });
  }

  private void decide(Case k, int gen) {
    Complaint c = k.state;
    if (k.generation != gen || c.specialClosureRequest().isEmpty()) {
      return; // the request lapsed: the complaint moved on
    }
    Optional<PostId> above = posts(c.post().orElseThrow()).get(c.post().orElseThrow()).reportsTo();
    Optional<Officer> approver = above.flatMap(p -> posts(p).answering(p, clock.instant()));
    if (approver.isEmpty()) {
      behaviour.planWork(k, c, true); // nobody above to decide: the officer works on it after all
      return;
    }
    Actor actor = Actor.officer(approver.get().id(), above.get());
    if (random.nextDouble() < APPROVAL_RATE) {
      behaviour.execute(c, new ComplaintCommand.ApproveSpecialClosure("जाँच की गई, विशेष निराकरण स्वीकृत"), actor);
      k.generation++;
      approved++;
    } else {
      Complaint after = behaviour.execute(c, new ComplaintCommand.RefuseSpecialClosure(
          "प्रकरण आपके क्षेत्र का है, निराकरण करें"), actor);
      refused++;
      behaviour.planWork(k, after, true);
    }
  }

  // -----------------------------------------------------------------------------------------------
  // Vacancies and charges

  private void vacate(PostId post) {
    districts.forPost(post).transferOfficer(post, Optional.empty());
  }

  private void giveCharge(PostId post, PostId from, Instant until) {
    PostId above = posts(post).get(post).reportsTo().orElseThrow();
    Actor supervisor = Actor.supervisor(posts(above).get(above).holder().orElseThrow().id(), above);
    Post colleague = posts(from).get(from);
    districts.forPost(post).giveAdditionalCharge(supervisor, post, colleague.holder().orElseThrow().id(), until,
        "पद रिक्त; " + colleague.title() + " को अतिरिक्त प्रभार");
    chargesGiven++;
    resume(post);
  }

  private void endCharge(PostId post) {
    PostId above = posts(post).get(post).reportsTo().orElseThrow();
    Actor supervisor = Actor.supervisor(posts(above).get(above).holder().orElseThrow().id(), above);
    districts.forPost(post).endAdditionalCharge(supervisor, post).ifPresent(c -> chargesEnded++);
  }

  private void successor(PostId post) {
    if (posts(post).get(post).holder().isEmpty() && posts(post).answering(post, clock.instant()).isPresent()) {
      chargesEnded++; // the charge in force ends as the new holder joins
    }
    int n = Math.abs(post.code().hashCode() % 1_000);
    districts.forPost(post).transferOfficer(post, Optional.of(new Officer("OFF-" + post.code() + "-2", "नवपदस्थ अधिकारी " + (n + 1),
        PhoneNumber.parse(String.valueOf(9_827_000_000L + n)), true, Language.HINDI)));
    resume(post);
  }

  /** Someone answers for the post again: the complaints that waited on it are taken up. */
  private void resume(PostId post) {
    Set<Case> cases = waiting.remove(post);
    if (cases == null) {
      return;
    }
    for (Case k : cases) {
      Complaint c = k.state;
      if (c.status().isOpen() && c.status() != Status.RESOLVED && c.post().equals(Optional.of(post))) {
        behaviour.planWork(k, c, true);
      }
    }
  }

  // -----------------------------------------------------------------------------------------------
  // Figures

  /** A complaint's priority as last seen, or {@code NORMAL} if the simulation did not follow it. */
  Priority priorityOf(ComplaintId id) {
    return priorities.getOrDefault(id, Priority.NORMAL);
  }

  /**
   * The figures: by priority from the facts given, first responses due and in time from the
   * grading, the rest as counted while the people acted.
   */
  HelplineFigures figures(EnumMap<Priority, HelplineFigures.PriorityCount> byPriority, long due, long inTime,
      long missed) {
    long left = 0;
    for (Map.Entry<PostId, Set<Case>> e : waiting.entrySet()) {
      for (Case k : e.getValue()) {
        Complaint c = k.state;
        left += c.status().isOpen() && c.status() != Status.RESOLVED && c.post().equals(Optional.of(e.getKey())) ? 1 : 0;
      }
    }
    return new HelplineFigures(byPriority, raised, due, inTime, missed, contacts, notReachable, chargesGiven,
        chargesEnded, actsUnderCharge, underCharge.size(), left, requested, approved, refused);
  }

  /** The posts as the directory in force of the post's district shows them. */
  private Posts posts(PostId post) {
    return districts.forPost(post).directory().orElseThrow().posts();
  }

  private static Instant at(LocalDate first, int day, int hour, int minute) {
    return first.plusDays(day).atTime(LocalTime.of(hour, minute)).atZone(RaipurDistrict.IST).toInstant();
  }
}
