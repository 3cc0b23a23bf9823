package org.nivaran.grievance.jdbc;

import org.nivaran.grievance.tenant.TenantId;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.ClosureKind;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.escalation.Escalator;
import org.nivaran.grievance.report.ComplaintFacts;
import org.nivaran.grievance.report.EventLogGradingSource;
import org.nivaran.grievance.complaint.ContactOutcome;
import org.nivaran.grievance.sla.FirstResponsePolicy;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.report.GradingPeriod;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.SampleDistrict;
import org.nivaran.grievance.policy.VerificationPolicy;

/** The SQL grading source against the replay of the same logs, on H2 and PostgreSQL. */
class JdbcGradingSourceTest {
  /** Whole seconds: PostgreSQL keeps microseconds, the logs keep nanoseconds. */
  static final Instant T0 = Instant.parse("2024-03-04T05:30:00Z");
  static final long SEED = 20240304L;
  static final int COMPLAINTS = 250;
  static final Duration SIMULATED = Duration.ofDays(56);

  static final Actor AGENT = SampleDistrict.AGENT;
  static final PostId APPELLATE = SampleDistrict.NODAL;
  static final Actor SUPERVISOR = SampleDistrict.supervisor(APPELLATE);

  private static Grievances grievances(JdbcComplaintStore store, MutableClock clock) {
    return SampleDistrict.grievances(store, clock).idScheme(ComplaintIdScheme.yearly("RPR", SampleDistrict.IST)).build();
  }

  private static Actor officerOf(Complaint c) {
    return SampleDistrict.officer(c.post().orElseThrow());
  }

  /** The replay of every stored log, read once (nothing is written after). */
  private static EventLogGradingSource replayOf(JdbcComplaintStore store, List<ComplaintId> ids) {
    List<List<ComplaintEvent>> logs = ids.stream().map(id -> store.events(TenantId.DEFAULT, id)).toList();
    return EventLogGradingSource.over(() -> logs);
  }

  // ---------------------------------------------------------------------------------------------
  // Agreement on a random scenario

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void factsAgreeWithTheReplayOfTheSameLogsOnARandomScenario(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      MutableClock clock = new MutableClock(T0);
      // dissatisfied citizens send it a level up; after two reopenings, or two unanswered calls, it closes unverified
      VerificationPolicy verification =
          VerificationPolicy.builder().reopenAtNextLevel().reopenLimit(2).closeAfterUnreachable(2).build();
      // the officer must phone within 12 hours; a miss is flagged for the post above
      FirstResponsePolicy firstResponse =
          FirstResponsePolicy.of(SlaBudget.openTime(Duration.ofHours(12)), "24X7", FirstResponsePolicy.OnMiss.FLAG_POST_ABOVE);
      Scenario scenario = new Scenario(SampleDistrict.grievances(store, clock).verificationPolicy(verification)
          .firstResponsePolicy(firstResponse)
          .idScheme(ComplaintIdScheme.yearly("RPR", SampleDistrict.IST)).build(), clock, new Random(SEED));
      scenario.run();
      List<ComplaintId> ids = scenario.ids;
      EventLogGradingSource replay = replayOf(store, ids);
      JdbcGradingSource sql = JdbcGradingSource.create(db.dataSource());
      List<Instant> instants = eventInstants(store, ids);
      Instant first = instants.get(0);
      Instant last = instants.get(instants.size() - 1);

      GradingPeriod everything = new GradingPeriod(first.minus(Duration.ofDays(1)), last.plus(Duration.ofDays(10)));
      GradingPeriod middle = new GradingPeriod(T0.plus(Duration.parse("P20DT7H13M")), T0.plus(Duration.parse("P41DT2H29M")));
      GradingPeriod before = new GradingPeriod(first.minus(Duration.ofDays(30)), first);
      GradingPeriod after = new GradingPeriod(last.plus(Duration.ofDays(1)), last.plus(Duration.ofDays(40)));
      List<GradingPeriod> periods = new ArrayList<>(List.of(everything, middle, before, after));
      Random bounds = new Random(SEED + 1); // periods bounded by events' own instants
      for (int i = 0; i < 30; i++) {
        Instant a = instants.get(bounds.nextInt(instants.size()));
        Instant b = instants.get(bounds.nextInt(instants.size()));
        if (!a.equals(b)) {
          periods.add(new GradingPeriod(a.isBefore(b) ? a : b, a.isBefore(b) ? b : a));
        }
      }

      for (GradingPeriod p : periods) {
        assertThat(sql.facts(p)).as("facts for %s", p).isEqualTo(replay.facts(p));
      }
      assertThat(sql.facts(before)).isEmpty();
      assertThat(sql.facts(after)).isNotEmpty().allSatisfy(f -> {
        assertThat(f.pending()).isTrue();
        assertThat(f.disposedAt()).isEmpty();
        assertThat(f.replies() + f.returns() + f.satisfied() + f.dissatisfied() + f.reopens()).isZero();
      });

      List<ComplaintFacts> main = sql.facts(everything);
      List<ComplaintFacts> disposed = main.stream().filter(f -> f.disposedAt().isPresent()).toList();
      long within = disposed.stream().filter(ComplaintFacts::withinSla).count();
      long beyond = main.stream().filter(ComplaintFacts::beyondSla).count();
      long escalated = count(db, "SELECT COUNT(DISTINCT complaint_id) FROM nivaran_event WHERE type = 'ComplaintEscalated'");
      long middleFacts = sql.facts(middle).size();
      // a period not asked for yet: H2 reuses the last result for the same parameters
      long millis = timed(() -> sql.facts(new GradingPeriod(everything.from().minusSeconds(1), everything.to())));
      System.out.printf("grading on %s: %d complaints, %d events, %d escalated; everything: %d facts, %d disposed "
              + "(%d within SLA, %d not), %d beyond SLA, %d pending, %d replies, %d returns, %d satisfied, %d dissatisfied, "
              + "%d reopens; middle: %d facts; facts(everything) took %d ms%n",
          kind, ids.size(), instants.size(), escalated, main.size(), disposed.size(), within, disposed.size() - within,
          beyond, main.stream().filter(ComplaintFacts::pending).count(), sum(main, ComplaintFacts::replies),
          sum(main, ComplaintFacts::returns), sum(main, ComplaintFacts::satisfied), sum(main, ComplaintFacts::dissatisfied),
          sum(main, ComplaintFacts::reopens), middleFacts, millis);

      assertThat(main).hasSize(ids.size());
      assertThat(disposed).as("disposed").isNotEmpty();
      assertThat(within).as("disposed within SLA").isPositive();
      assertThat(disposed.size() - within).as("disposed, not within SLA").isPositive();
      assertThat(beyond).as("pending beyond SLA").isPositive();
      assertThat(sum(main, ComplaintFacts::returns)).as("returns").isPositive();
      assertThat(sum(main, ComplaintFacts::reopens)).as("reopens").isPositive();
      assertThat(escalated).as("escalated complaints").isPositive();
      for (Class<?> type : List.of(ComplaintEvent.ComplaintAppealed.class, ComplaintEvent.ComplaintClosedUnverified.class,
          ComplaintEvent.ReplyAccepted.class, ComplaintEvent.DuplicateLinked.class, ComplaintEvent.ComplaintTransferred.class,
          ComplaintEvent.ComplaintSpeciallyClosed.class, ComplaintEvent.ComplaintWithdrawn.class)) {
        assertThat(count(db, "SELECT COUNT(*) FROM nivaran_event WHERE type = '" + type.getSimpleName() + "'"))
            .as(type.getSimpleName()).isPositive();
      }
      assertThat(main.stream().map(ComplaintFacts::status).distinct())
          .as("every status a complaint can end in here").contains(
              Status.ASSIGNED, Status.IN_PROGRESS, Status.AWAITING_CITIZEN, Status.RESOLVED, Status.RETURNED,
              Status.REOPENED, Status.CLOSED, Status.REJECTED, Status.WITHDRAWN);
      assertThat(main.stream().map(ComplaintFacts::level).flatMap(Optional::stream).distinct()).contains(Level.L1, Level.L2);
      assertThat(main.stream().map(ComplaintFacts::department).flatMap(Optional::stream).distinct())
          .containsExactlyInAnyOrder("ENERGY", "JAL", "COLLECTORATE");
      assertThat(middleFacts).isPositive().isLessThan(main.size());
      long firstResponsesDue = main.stream().filter(ComplaintFacts::firstResponseDue).count();
      long firstResponsesInTime = main.stream().filter(ComplaintFacts::firstResponseInTime).count();
      assertThat(firstResponsesInTime).as("first responses in time").isPositive();
      assertThat(firstResponsesDue - firstResponsesInTime).as("first responses missed").isPositive();
      assertThat(count(db, "SELECT COUNT(*) FROM nivaran_event WHERE type = 'ContactRecorded'")).as("contacts").isPositive();
    }
  }

  /**
   * Drives the district for {@link #SIMULATED}: registrations, then a random command (or none) on
   * a random complaint, and an escalation sweep every six hours, with the clock on whole minutes.
   */
  private static final class Scenario {
    private final Grievances g;
    private final MutableClock clock;
    private final Random rnd;
    private final Escalator escalator;
    private final List<ComplaintId> ids = new ArrayList<>();

    Scenario(Grievances g, MutableClock clock, Random rnd) {
      this.g = g;
      this.clock = clock;
      this.rnd = rnd;
      this.escalator = g.escalator();
    }

    void run() {
      Instant end = T0.plus(SIMULATED);
      Instant nextSweep = T0.plus(Duration.ofHours(6));
      int registered = 0;
      while (clock.instant().isBefore(end)) {
        clock.advance(Duration.ofMinutes(1 + rnd.nextInt(60)));
        if (!clock.instant().isBefore(nextSweep)) {
          escalator.sweep();
          nextSweep = nextSweep.plus(Duration.ofHours(6));
        }
        if (registered < COMPLAINTS && (ids.isEmpty() || rnd.nextInt(8) == 0)) {
          ids.add(g.register(SampleDistrict.request(registered++), AGENT).id());
        } else {
          act(g.get(ids.get(rnd.nextInt(ids.size()))));
        }
      }
    }

    /** One command the complaint's status allows, chosen at random (some states mostly wait). */
    private void act(Complaint c) {
      int r = rnd.nextInt(100);
      ComplaintId id = c.id();
      switch (c.status()) {
        case ASSIGNED, RETURNED, REOPENED, IN_PROGRESS -> {
          if (r < 25 && c.status() != Status.IN_PROGRESS) {
            g.execute(id, new ComplaintCommand.StartWork(), officerOf(c));
          } else if (r < 55) {
            g.execute(id, new ComplaintCommand.Resolve("काम पूरा हुआ " + r, List.of()), officerOf(c));
          } else if (r < 63) {
            g.execute(id, new ComplaintCommand.RequestInformation("बिल की प्रति भेजें"), officerOf(c));
          } else if (r < 67) {
            g.execute(id, new ComplaintCommand.Reject(RejectionReason.FAKE, "fake call", Optional.empty()), AGENT);
          } else if (r < 70 && !ids.get(0).equals(id)) {
            g.execute(id, new ComplaintCommand.Reject(RejectionReason.DUPLICATE, "same as the first", Optional.of(ids.get(0))),
                AGENT);
          } else if (r < 73) {
            g.execute(id, new ComplaintCommand.SpecialClose("court matter"), SUPERVISOR);
          } else if (r < 76) {
            g.execute(id, new ComplaintCommand.Withdraw(Optional.of("solved myself")), Actor.citizen(c.citizen().phone()));
          } else if (r < 82 && c.status() == Status.REOPENED) {
            g.execute(id, new ComplaintCommand.Appeal(APPELLATE, "COLLECTORATE", Level.L2, "appeal to the collector"),
                SUPERVISOR);
          } else if (r < 84 && c.status() == Status.REOPENED) {
            g.execute(id, new ComplaintCommand.CloseUnverified(ClosureKind.NOT_SATISFIED, "no way forward"), SUPERVISOR);
          } else if (r >= 88 && r < 94) {
            ContactOutcome outcome = r < 91 ? ContactOutcome.CALL_MADE : ContactOutcome.NOT_REACHABLE;
            g.execute(id, new ComplaintCommand.RecordContact(outcome, Optional.of("फ़ोन किया " + r)), officerOf(c));
          } else if (r >= 84 && r < 88) {
            Level level = c.level().orElseThrow();
            boolean energy = c.assignment().orElseThrow().department().equals("ENERGY");
            g.execute(id, new ComplaintCommand.Transfer(postAt(energy ? "JAL" : "ENERGY", level), energy ? "JAL" : "ENERGY",
                level, "wrong department"), SUPERVISOR);
          } // else the officer sits on it
        }
        case AWAITING_CITIZEN -> {
          if (r >= 90) {
            g.execute(id, new ComplaintCommand.LinkDuplicate(Channel.PHONE_CALL, "फिर से शिकायत", List.of(), Optional.empty()), AGENT);
            return;
          }
          if (r < 60) {
            g.execute(id, new ComplaintCommand.ProvideInformation("बिल संलग्न", List.of()), AGENT);
          } else if (r < 66) {
            g.execute(id, new ComplaintCommand.Withdraw(Optional.empty()), AGENT);
          }
        }
        case RESOLVED -> {
          if (r < 35) {
            g.execute(id, new ComplaintCommand.ConfirmSatisfied(Optional.of(1 + rnd.nextInt(5)), Optional.empty()), AGENT);
          } else if (r < 52) {
            g.execute(id, new ComplaintCommand.ReportDissatisfied(Optional.of(1), "नहीं सुधरा"), AGENT);
          } else if (r < 67) {
            g.execute(id, new ComplaintCommand.ReturnReply("reply says nothing"), AGENT);
          } else if (r < 77) {
            g.execute(id, new ComplaintCommand.RecordUnreachable(Optional.of("switched off")), AGENT);
          } else if (r < 81) {
            g.execute(id, new ComplaintCommand.SpecialClose("policy decision"), SUPERVISOR);
          } else if (r < 88) {
            g.execute(id, new ComplaintCommand.AcceptReply(Optional.empty()), AGENT);
          }
        }
        case CLOSED -> {
          if (r < 12 && c.reopenCount() < 2) {
            g.execute(id, new ComplaintCommand.Reopen("the problem is back"), SUPERVISOR);
          }
        }
        default -> { } // registered (unrouted), rejected, withdrawn: nothing to do
      }
    }

    private static PostId postAt(String department, Level level) {
      String[] energy = {"AE-RAIPUR", "EE-RAIPUR", "SE-RAIPUR", "CE-CG"};
      return PostId.of(department.equals("ENERGY") ? energy[level.rung() - 1] : "JAL-L" + level.rung());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Bounds

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void anEventAtFromIsInsideThePeriodAndOneAtToIsAfterIt(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      MutableClock clock = new MutableClock(T0);
      Grievances g = grievances(store, clock);
      Complaint c = g.register(SampleDistrict.request(2), AGENT);
      Instant replied = clock.advance(Duration.ofHours(1));
      g.execute(c.id(), new ComplaintCommand.Resolve("लाइन ठीक की गई", List.of()), officerOf(c));
      Instant closed = clock.advance(Duration.ofHours(1));
      g.execute(c.id(), new ComplaintCommand.ConfirmSatisfied(Optional.of(5), Optional.empty()), AGENT);
      JdbcGradingSource sql = JdbcGradingSource.create(db.dataSource());
      EventLogGradingSource replay = replayOf(store, List.of(c.id()));

      GradingPeriod endingAtRegistration = new GradingPeriod(T0.minus(Duration.ofHours(1)), T0);
      GradingPeriod fromRegistration = new GradingPeriod(T0, replied);
      GradingPeriod endingAtClosing = new GradingPeriod(replied, closed);
      GradingPeriod fromClosing = new GradingPeriod(closed, closed.plus(Duration.ofHours(1)));
      GradingPeriod afterClosing = new GradingPeriod(closed.plusSeconds(1), closed.plus(Duration.ofHours(1)));
      for (GradingPeriod p : List.of(endingAtRegistration, fromRegistration, endingAtClosing, fromClosing, afterClosing)) {
        assertThat(sql.facts(p)).as("facts for %s", p).isEqualTo(replay.facts(p));
      }

      assertThat(sql.facts(endingAtRegistration)).as("registered at to: not yet").isEmpty();
      ComplaintFacts received = single(sql.facts(fromRegistration));
      assertThat(received.receivedIn(fromRegistration)).isTrue();
      assertThat(received.status()).isEqualTo(Status.ASSIGNED);
      assertThat(received.replies()).as("the reply at to is after the period").isZero();
      ComplaintFacts replying = single(sql.facts(endingAtClosing));
      assertThat(replying.status()).as("the closing at to is after the period").isEqualTo(Status.RESOLVED);
      assertThat(replying.disposedAt()).isEmpty();
      assertThat(replying.replies()).as("the reply at from is inside").isOne();
      assertThat(replying.satisfied()).isZero();
      ComplaintFacts closing = single(sql.facts(fromClosing));
      assertThat(closing.status()).isEqualTo(Status.CLOSED);
      assertThat(closing.disposedAt()).contains(closed);
      assertThat(closing.withinSla()).isTrue();
      assertThat(closing.satisfied()).isOne();
      assertThat(closing.replies()).isZero();
      assertThat(closing.department()).contains("ENERGY");
      assertThat(closing.level()).contains(Level.L1);
      assertThat(sql.facts(afterClosing)).as("closed before the period, nothing inside it").isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aDeadlineAtToIsBeyondSlaAndAnAnswerAtTheDeadlineIsLate(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      MutableClock clock = new MutableClock(T0);
      Grievances g = grievances(store, clock);
      Complaint idle = g.register(SampleDistrict.request(2), AGENT);
      Complaint late = g.register(SampleDistrict.request(4), AGENT);
      Complaint justInTime = g.register(SampleDistrict.request(6), AGENT);
      Instant deadline = idle.dueAt().orElseThrow();
      assertThat(late.dueAt()).contains(deadline);
      clock.set(deadline.minusSeconds(1));
      g.execute(justInTime.id(), new ComplaintCommand.Resolve("समय पर", List.of()), officerOf(justInTime));
      clock.set(deadline);
      g.execute(late.id(), new ComplaintCommand.Resolve("देर से", List.of()), officerOf(late));
      clock.advance(Duration.ofHours(1));
      g.execute(late.id(), new ComplaintCommand.ConfirmSatisfied(Optional.empty(), Optional.empty()), AGENT);
      g.execute(justInTime.id(), new ComplaintCommand.ConfirmSatisfied(Optional.empty(), Optional.empty()), AGENT);
      JdbcGradingSource sql = JdbcGradingSource.create(db.dataSource());
      EventLogGradingSource replay = replayOf(store, List.of(idle.id(), late.id(), justInTime.id()));

      GradingPeriod toDeadline = new GradingPeriod(T0, deadline);
      GradingPeriod toJustBefore = new GradingPeriod(T0, deadline.minusSeconds(1));
      GradingPeriod fromDeadline = new GradingPeriod(deadline, deadline.plus(Duration.ofHours(2)));
      for (GradingPeriod p : List.of(toDeadline, toJustBefore, fromDeadline)) {
        assertThat(sql.facts(p)).as("facts for %s", p).isEqualTo(replay.facts(p));
      }

      assertThat(sql.facts(toDeadline)).extracting(ComplaintFacts::id, ComplaintFacts::beyondSla).containsExactly(
          org.assertj.core.groups.Tuple.tuple(idle.id(), true),
          org.assertj.core.groups.Tuple.tuple(late.id(), true), // its reply at the deadline is after the period
          org.assertj.core.groups.Tuple.tuple(justInTime.id(), false)); // resolved: waits on the citizen
      assertThat(sql.facts(toJustBefore)).noneMatch(ComplaintFacts::beyondSla);
      assertThat(sql.facts(fromDeadline))
          .extracting(ComplaintFacts::id, ComplaintFacts::disposedAt, ComplaintFacts::withinSla, ComplaintFacts::beyondSla)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(idle.id(), Optional.empty(), false, true),
              org.assertj.core.groups.Tuple.tuple(late.id(), Optional.of(deadline.plus(Duration.ofHours(1))), false, false),
              org.assertj.core.groups.Tuple.tuple(justInTime.id(), Optional.of(deadline.plus(Duration.ofHours(1))), true,
                  false));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void anAnswerIsJudgedByTheDeadlineInForceJustBeforeItNotByTheClockAtTheEnd(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      MutableClock clock = new MutableClock(T0);
      Grievances g = grievances(store, clock);
      Complaint c = g.register(SampleDistrict.request(2), AGENT);
      Instant deadline = c.dueAt().orElseThrow();
      clock.set(deadline.plus(Duration.ofHours(1))); // late, and no sweep escalated it
      g.execute(c.id(), new ComplaintCommand.Resolve("देर से", List.of()), officerOf(c));
      clock.advance(Duration.ofHours(1));
      Complaint reopened = g.execute(c.id(), new ComplaintCommand.ReportDissatisfied(Optional.of(1), "नहीं सुधरा"), AGENT);
      assertThat(reopened.dueAt()).as("the clock starts again").hasValueSatisfying(d -> assertThat(d).isAfter(deadline));
      Instant closed = clock.advance(Duration.ofHours(1));
      g.execute(c.id(), new ComplaintCommand.SpecialClose("policy decision"), SUPERVISOR);
      JdbcGradingSource sql = JdbcGradingSource.create(db.dataSource());
      GradingPeriod period = new GradingPeriod(T0, closed.plus(Duration.ofDays(1)));

      assertThat(sql.facts(period)).isEqualTo(replayOf(store, List.of(c.id())).facts(period));
      ComplaintFacts facts = single(sql.facts(period));
      assertThat(facts.disposedAt()).contains(closed);
      assertThat(facts.withinSla()).as("its answer, the reply, came after the deadline before it").isFalse();
      assertThat(facts.replies()).isOne();
      assertThat(facts.reopens()).isOne();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Marks

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void eachEventRowCarriesTheMarksItsEventSays(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      MutableClock clock = new MutableClock(T0);
      Complaint c = grievances(store, clock).register(SampleDistrict.request(2), AGENT);
      List<String> rows = new ArrayList<>();
      try (Connection conn = db.dataSource().getConnection(); Statement s = conn.createStatement();
          ResultSet rs = s.executeQuery("SELECT type, status_after, post_code, department_code, level, clock_changed, "
              + "deadline_at FROM nivaran_event WHERE complaint_id = '" + c.id() + "' ORDER BY sequence")) {
        while (rs.next()) {
          Instant deadline = Jdbc.getInstant(rs, "deadline_at");
          rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
              + rs.getObject(5) + " " + rs.getBoolean(6) + " " + deadline);
        }
      }
      assertThat(rows).containsExactly(
          "ComplaintRegistered REGISTERED null null null false null",
          "ComplaintAssigned ASSIGNED AE-RAIPUR ENERGY 1 true null",
          "SlaTimerSet null null null null true " + c.dueAt().orElseThrow());
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static ComplaintFacts single(List<ComplaintFacts> facts) {
    assertThat(facts).hasSize(1);
    return facts.get(0);
  }

  private static List<Instant> eventInstants(JdbcComplaintStore store, List<ComplaintId> ids) {
    return ids.stream().flatMap(id -> store.events(TenantId.DEFAULT, id).stream()).map(ComplaintEvent::occurredAt)
        .sorted(Comparator.naturalOrder()).toList();
  }

  private static long sum(List<ComplaintFacts> facts, java.util.function.ToIntFunction<ComplaintFacts> count) {
    return facts.stream().mapToLong(count::applyAsInt).sum();
  }

  private static long count(TestDatabase db, String sql) throws Exception {
    return TestDatabase.count(db.dataSource(), sql);
  }

  private static long timed(Runnable run) {
    long start = System.nanoTime();
    run.run();
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }
}
