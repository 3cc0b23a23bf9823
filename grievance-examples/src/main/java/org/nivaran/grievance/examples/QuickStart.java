package org.nivaran.grievance.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Masking;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintCommand.Assign;
import org.nivaran.grievance.complaint.ComplaintCommand.ConfirmSatisfied;
import org.nivaran.grievance.complaint.ComplaintCommand.Escalate;
import org.nivaran.grievance.complaint.ComplaintCommand.ProvideInformation;
import org.nivaran.grievance.complaint.ComplaintCommand.RecordUnreachable;
import org.nivaran.grievance.complaint.ComplaintCommand.ReportDissatisfied;
import org.nivaran.grievance.complaint.ComplaintCommand.RequestInformation;
import org.nivaran.grievance.complaint.ComplaintCommand.Resolve;
import org.nivaran.grievance.complaint.ComplaintCommand.ReturnReply;
import org.nivaran.grievance.complaint.ComplaintCommand.StartWork;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.jdbc.JdbcComplaintStore;
import org.nivaran.grievance.jdbc.JdbcIdScheme;
import org.nivaran.grievance.jdbc.OutboxAdministration;
import org.nivaran.grievance.jdbc.OutboxRelay;
import org.nivaran.grievance.jdbc.SchemaInstaller;

/**
 * The story of one complaint: a citizen of Raipur phones the helpline about a failed transformer,
 * and the complaint goes through documents, a returned reply, a failed verification call, a
 * dissatisfied citizen, an escalation to L2 and a satisfied closure, stored in an embedded H2
 * database by the JDBC store; the outbox relay then delivers the citizen's messages. Run it with
 * {@code ./mvnw -q -pl grievance-examples -am compile exec:java -Dexec.args=quickstart}.
 *
 * <p>A demo: the database is in memory and gone at the end, so {@link #run(PrintStream)} builds
 * the store with {@code allowNonDurable}; {@link #run(PrintStream, DataSource)} builds it with
 * {@link JdbcComplaintStore#create}, which refuses a database that can lose acknowledged writes.
 *
 * <p>Not thread-safe: a program, not a library type.
 */
public final class QuickStart {
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE dd MMM HH:mm").withZone(IST);

  private QuickStart() {}

  /**
   * Runs the story and prints it to standard output; {@code --help} (or {@code -h}) prints the
   * usage instead. Exits with status 2, naming the argument, if given any other.
   *
   * @param args none, or {@code --help}
   */
  public static void main(String[] args) {
    int status = run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8),
        new PrintStream(System.err, true, StandardCharsets.UTF_8));
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the story as a command: with no arguments tells it to {@code out}; {@code --help} (or
   * {@code -h}) anywhere prints the usage to {@code out} and runs nothing; any other argument is
   * refused by name on {@code err} and nothing runs.
   *
   * @param args none, or {@code --help}
   * @param out where the story or the usage goes
   * @param err where a refusal goes
   * @return the exit status: 0 after the story or the help, 2 for an argument the command does not take
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (java.util.Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"))) {
      out.println(Usage.QUICKSTART);
      return 0;
    }
    if (args.length > 0) {
      err.println((args[0].startsWith("-") ? "unknown option " : "unexpected argument ") + args[0]
          + " for quickstart; see quickstart --help");
      return 2;
    }
    run(out);
    return 0;
  }

  /**
   * Runs the story, printing it to {@code out}.
   *
   * @param out where the story goes
   * @return the complaint at the end of the story
   */
  public static Complaint run(PrintStream out) {
    // A demo: the story lives in an H2 database in memory, gone when the program ends, so the
    // store is built without its durability check. A deployment keeps complaints in PostgreSQL
    // and builds the store with JdbcComplaintStore.create.
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:quickstart-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    config.setMaximumPoolSize(4);
    try (HikariDataSource dataSource = new HikariDataSource(config)) {
      SchemaInstaller.install(dataSource);
      return run(out, dataSource, JdbcComplaintStore.builder(dataSource)
          .allowNonDurable("the quick start's demo database, in memory and gone when the story ends")
          .build());
    }
  }

  /**
   * Runs the story on a database whose Nivaran schema is installed (PostgreSQL; the store refuses
   * H2 as not durable).
   *
   * @param out where the story goes
   * @param dataSource the database
   * @return the complaint at the end of the story
   * @throws org.nivaran.grievance.jdbc.NonDurableDatabaseException if the database can lose
   *     acknowledged writes (as {@link JdbcComplaintStore#create} refuses them)
   */
  public static Complaint run(PrintStream out, DataSource dataSource) {
    return run(out, dataSource, JdbcComplaintStore.create(dataSource));
  }

  private static Complaint run(PrintStream out, DataSource dataSource, JdbcComplaintStore store) {
    StepClock clock = new StepClock(Instant.parse("2024-03-04T05:30:00Z"));
    Grievances grievances =
        Grievances.builder()
            .store(store)
            .clock(clock)
            .idScheme(JdbcIdScheme.yearly(dataSource, "RPR", IST, 100))
            .build();

    Actor agent = Actor.agent("AGENT-17");
    PostId ae = PostId.of("AE-RAIPUR-ZONE-3");
    PostId ee = PostId.of("EE-RAIPUR-CITY");
    Actor aeOfficer = Actor.officer("OFF-0042", ae);
    Actor eeOfficer = Actor.officer("OFF-0007", ee);

    Complaint c =
        grievances.register(
            RegisterComplaint.builder()
                .channel(Channel.PHONE_CALL)
                .citizen(Complainant.of("सुनीता वर्मा", "098765 43210", "hi"))
                .categoryCode("ENERGY.SUPPLY.OUTAGE")
                .jurisdictionCode("CG.RAIPUR.WARD-12")
                .description("तीन दिन से बिजली नहीं है। ट्रांसफ़ॉर्मर ख़राब है।")
                .idempotencyKey("call-2024-03-04-0017")
                .build(),
            agent);
    // what a program prints is a log: the citizen's name and number masked (Masking), never in full
    out.println("Complaint " + c.id() + " registered for " + Masking.name(c.citizen().name()) + " ("
        + Masking.phone(c.citizen().phone()) + ")");

    List<Step> story =
        List.of(
            new Step(Duration.ofMinutes(5), new Assign(ae, "ENERGY", Level.L1), Actor.system("router")),
            new Step(Duration.ofHours(2), new StartWork(), aeOfficer),
            new Step(Duration.ofHours(1), new RequestInformation("कृपया बिजली बिल की प्रति भेजें"), aeOfficer),
            new Step(Duration.ofHours(20), new ProvideInformation("बिल WhatsApp पर भेज दिया", List.of()), agent),
            new Step(Duration.ofHours(3), new Resolve("Lineman sent.", List.of()), aeOfficer),
            new Step(Duration.ofHours(1), new ReturnReply("उत्तर अपूर्ण है: क्या आपूर्ति बहाल हुई?"), Actor.supervisor("OFF-0001", PostId.of("COLLECTOR-RAIPUR"))),
            new Step(Duration.ofHours(2), new Resolve("ट्रांसफ़ॉर्मर बदला गया, आपूर्ति बहाल।", List.of()), aeOfficer),
            new Step(Duration.ofHours(1), new RecordUnreachable(Optional.of("switched off")), agent),
            new Step(Duration.ofHours(17), new ReportDissatisfied(Optional.of(2), "बिजली फिर चली गई"), agent),
            new Step(Duration.ofDays(7), new Escalate(ee, "7 days at L1 elapsed"), Actor.system("escalator")),
            new Step(Duration.ofHours(5), new Resolve("New 100 kVA transformer installed.", List.of()), eeOfficer),
            new Step(Duration.ofHours(2), new ConfirmSatisfied(Optional.of(4), Optional.of("धन्यवाद")), agent));

    for (Step step : story) {
      clock.advance(step.after());
      if (step.command() instanceof StartWork) {
        // An officer of another post tries first and is refused by name.
        try {
          grievances.execute(c.id(), step.command(), eeOfficer);
        } catch (GrievanceException refused) {
          out.println("  refused: " + refused.getMessage());
        }
      }
      c = grievances.execute(c.id(), step.command(), step.actor());
    }

    out.println();
    out.println("History of " + c.id() + ":");
    for (ComplaintEvent e : grievances.history(c.id())) {
      String line = String.format(
          "  %2d  %s  %-20s by %-30s %s",
          e.sequence(), TIME.format(e.occurredAt()), e.getClass().getSimpleName(), who(e.actor()), detail(e));
      out.println(line.stripTrailing());
    }
    out.println();
    out.println(
        "Final: " + c.status() + " (" + c.closure().orElseThrow().kind() + "), at " + c.level().orElseThrow()
            + " " + c.post().orElseThrow() + ", rating " + c.rating().orElseThrow() + "/5, returned "
            + c.returnCount() + "x, reopened " + c.reopenCount() + "x, version " + c.version());
    out.println("Replaying the history rebuilds it exactly: " + Lifecycle.replay(grievances.history(c.id())).equals(c));
    out.println("Event log hash chain intact: " + store.verifyLog(c.id()).intact());

    out.println();
    out.println("Outbox, delivered by the relay:");
    OutboxRelay relay = OutboxRelay.builder()
        .dataSource(dataSource)
        .clock(clock)
        // a real notifier sends n.recipient().phone().e164() and the whole body; this one only prints
        .notifier(n -> out.println("  to " + n.recipient().role() + " " + Masking.phone(n.recipient().phone()) + " ["
            + n.kind() + "] " + Masking.scrub(n.body(), n.recipient().phone(), n.recipient().name())))
        .build();
    int sent = relay.drain();
    OutboxAdministration outbox = OutboxAdministration.create(dataSource);
    out.println(sent + " message(s) sent; " + outbox.counts().pending() + " pending, " + outbox.counts().dead() + " dead");
    return c;
  }

  private static String detail(ComplaintEvent e) {
    if (e instanceof ComplaintEvent.ComplaintAssigned a) {
      return a.assignment().level() + " " + a.assignment().post();
    } else if (e instanceof ComplaintEvent.InformationRequested r) {
      return r.note();
    } else if (e instanceof ComplaintEvent.ResolutionFiled r) {
      return r.reply();
    } else if (e instanceof ComplaintEvent.ReplyReturned r) {
      return r.reason();
    } else if (e instanceof ComplaintEvent.CitizenDissatisfied d) {
      return d.reason();
    } else if (e instanceof ComplaintEvent.ComplaintEscalated x) {
      return x.from().level() + " -> " + x.to().level() + " " + x.to().post();
    } else if (e instanceof ComplaintEvent.CitizenSatisfied s) {
      return s.rating().map(r -> "rating " + r + "/5").orElse("");
    }
    return "";
  }

  private static String who(Actor actor) {
    if (actor instanceof Actor.Officer o) {
      return "officer of " + o.post();
    } else if (actor instanceof Actor.Supervisor s) {
      return "supervisor " + s.post();
    } else if (actor instanceof Actor.Agent a) {
      return "agent " + a.agentId();
    } else if (actor instanceof Actor.SystemProcess p) {
      return "system " + p.component();
    }
    return "citizen";
  }

  private record Step(Duration after, ComplaintCommand command, Actor actor) {}

  /** A clock the story moves forward by hand. */
  private static final class StepClock extends Clock {
    private Instant now;

    StepClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return IST;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
