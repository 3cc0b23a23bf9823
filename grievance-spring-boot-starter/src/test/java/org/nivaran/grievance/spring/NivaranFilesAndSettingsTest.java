package org.nivaran.grievance.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.directory.InvalidRowException;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.escalation.EscalationReport;
import org.nivaran.grievance.escalation.Escalator;
import org.nivaran.grievance.escalation.LadderPolicy;
import org.nivaran.grievance.escalation.PastTop;
import org.nivaran.grievance.notify.Notifier;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.RecordingNotifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The starter's files and settings beyond the directory JSON: escalation policies from a file, a
 * directory from a folder of CSV tables, the escalator's batch size and lease, and the start-up
 * refusals of each, on H2.
 */
class NivaranFilesAndSettingsTest {
  private static final Path RESOURCES = Path.of("src/test/resources/nivaran").toAbsolutePath();
  private static final Path DIRECTORY = RESOURCES.resolve("directory.json");
  private static final Path DIRECTORY_CSV = RESOURCES.resolve("directory-csv");
  private static final Path BAD_DIRECTORY_CSV = RESOURCES.resolve("directory-csv-bad");
  private static final Path CALENDARS = RESOURCES.resolve("calendars.json");
  private static final Path POLICIES = RESOURCES.resolve("policies.json");
  private static final Path BAD_POLICIES = RESOURCES.resolve("policies-bad-calendar.json");
  private static final Instant T0 = Instant.parse("2024-03-04T05:30:00Z");

  /** No directory, calendars or policies yet: each test names its own. */
  private final ApplicationContextRunner bare = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, NivaranAutoConfiguration.class))
      .withBean(Notifier.class, RecordingNotifier::new)
      .withPropertyValues(
          "spring.datasource.url=" + TestDatabases.h2Url(),
          "nivaran.allow-non-durable=an in-memory H2 test database",
          "nivaran.id-prefix=RPR");

  /** The directory JSON, the calendars and the policies from their files. */
  private final ApplicationContextRunner runner = bare.withPropertyValues(
      "nivaran.directory-file=" + DIRECTORY,
      "nivaran.calendars-file=" + CALENDARS,
      "nivaran.policies-file=" + POLICIES);

  private static RegisterComplaint request(String phone) {
    return RegisterComplaint.builder()
        .channel(Channel.PHONE_CALL)
        .citizen(Complainant.of("सुनीता वर्मा", phone, "hi"))
        .categoryCode("energy.supply")
        .jurisdictionCode("RAIPUR-W12")
        .description("तीन दिन से बिजली नहीं है")
        .build();
  }

  private static NivaranConfigurationException refusal(Throwable failure) {
    assertThat(failure).as("the context should have failed").isNotNull();
    for (Throwable c = failure; c != null; c = c.getCause()) {
      if (c instanceof NivaranConfigurationException e) {
        return e;
      }
    }
    throw new AssertionError("no NivaranConfigurationException in " + failure, failure);
  }

  // -- escalation policies from a file ------------------------------------------------------------

  @Test
  void thePoliciesFileGivesThePoliciesTheCategoriesNameAndComplaintsAreTimedByThem() {
    runner.run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(EscalationPolicies.class);
      LadderPolicy policy = (LadderPolicy) context.getBean(EscalationPolicies.class).find("cg-7d-per-level").orElseThrow();
      LadderPolicy inCode = LadderPolicy.madhyaPradesh("cg-7d-per-level", "CG-OFFICE");
      assertThat(policy.sla()).isEqualTo(inCode.sla());
      assertThat(policy.pastTop()).isEqualTo(PastTop.FLAG_OVERDUE);
      Complaint c = context.getBean(Grievances.class).register(request("098765 43220"), Actor.agent("AGENT-17"));
      assertThat(c.sla()).isPresent();
      assertThat(c.sla().orElseThrow().policy()).isEqualTo(inCode.sla());
    });
  }

  @Test
  void aPolicyCountingOnACalendarNotInTheCalendarsFileRefusesToStartNamingTheFileTheFieldAndTheCalendar() {
    runner.withPropertyValues("nivaran.policies-file=" + BAD_POLICIES).run(context -> {
      NivaranConfigurationException e = refusal(context.getStartupFailure());
      assertThat(e.property()).isEqualTo("nivaran.policies-file");
      assertThat(e).hasMessage("nivaran.policies-file = " + BAD_POLICIES + ": field policies[1].calendar names the"
          + " calendar 'CG-24X7', which the calendars do not have (known: CG-OFFICE)");
      assertThat(e.getCause()).isInstanceOf(InvalidInputException.class);
      assertThat(((InvalidInputException) e.getCause()).field()).isEqualTo("policies[1].calendar");
    });
  }

  @Test
  void aPoliciesFileWithoutACalendarsFileRefusesToStartSayingNoneAreGiven() {
    bare.withPropertyValues("nivaran.directory-file=" + DIRECTORY, "nivaran.policies-file=" + POLICIES).run(context ->
        assertThat(refusal(context.getStartupFailure())).hasMessage("nivaran.policies-file = " + POLICIES
            + ": each policy counts on a calendar, and none are given: set nivaran.calendars-file or give a"
            + " CalendarRegistry bean"));
  }

  // -- class-path and file: locations -----------------------------------------------------------

  @Test
  void theFilesMayBeClassPathResourcesSoAnApplicationRunsFromItsJar() {
    bare.withPropertyValues(
        "nivaran.directory-file=classpath:nivaran/directory.json",
        "nivaran.calendars-file=classpath:/nivaran/calendars.json",
        "nivaran.policies-file=classpath:nivaran/policies.json").run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(EscalationPolicies.class).find("cg-7d-per-level")).isPresent();
          Complaint c = context.getBean(Grievances.class).register(request("098765 43221"), Actor.agent("AGENT-17"));
          assertThat(c.assignment()).isPresent();
          assertThat(c.sla()).isPresent();
        });
  }

  @Test
  void aFileUrlIsReadAsThePathItNamesAbsoluteOrRelative() {
    Path relative = Path.of("").toAbsolutePath().relativize(DIRECTORY);
    for (String location : List.of(DIRECTORY.toUri().toString(), "file:" + DIRECTORY, "file:" + relative,
        "file:./" + relative)) {
      runner.withPropertyValues("nivaran.directory-file=" + location).run(context ->
          assertThat(context).as(location).hasNotFailed().hasSingleBean(Grievances.class));
    }
  }

  @Test
  void aFileUrlWithASpaceIsReadAsAPath(@TempDir Path dir) throws IOException {
    Path spaced = Files.createDirectories(dir.resolve("my config"));
    Files.copy(DIRECTORY, spaced.resolve("directory.json"));
    runner.withPropertyValues("nivaran.directory-file=file:" + spaced.resolve("directory.json")).run(context ->
        assertThat(context).hasNotFailed().hasSingleBean(Grievances.class));
  }

  @Test
  void aClassPathFolderOrPatternIsRefusedNamingTheLocation() {
    runner.withPropertyValues("nivaran.calendars-file=classpath:nivaran/").run(context ->
        assertThat(refusal(context.getStartupFailure()))
            .hasMessage("nivaran.calendars-file = classpath:nivaran/: names no file on the class path"));
    runner.withPropertyValues("nivaran.calendars-file=classpath*:nivaran/calendars.json").run(context ->
        assertThat(refusal(context.getStartupFailure())).hasMessage("nivaran.calendars-file ="
            + " classpath*:nivaran/calendars.json: names many resources; give one, as classpath: and a resource name"));
  }

  @Test
  void aMissingClassPathResourceRefusesToStartNamingThePropertyAndTheLocation() {
    runner.withPropertyValues("nivaran.calendars-file=classpath:nivaran/no-such-calendars.json").run(context -> {
      NivaranConfigurationException e = refusal(context.getStartupFailure());
      assertThat(e.property()).isEqualTo("nivaran.calendars-file");
      assertThat(e).hasMessage("nivaran.calendars-file = classpath:nivaran/no-such-calendars.json: no such resource"
          + " on the class path");
    });
  }

  @Test
  void aBadClassPathPoliciesFileRefusesToStartNamingTheLocationTheFieldAndTheCalendar() {
    runner.withPropertyValues("nivaran.policies-file=classpath:nivaran/policies-bad-calendar.json").run(context ->
        assertThat(refusal(context.getStartupFailure())).hasMessage("nivaran.policies-file ="
            + " classpath:nivaran/policies-bad-calendar.json: field policies[1].calendar names the calendar 'CG-24X7',"
            + " which the calendars do not have (known: CG-OFFICE)"));
  }

  @Test
  void aMissingPoliciesFileRefusesToStartNamingThePropertyAndTheFile() {
    Path missing = RESOURCES.resolve("no-such-policies.json");
    runner.withPropertyValues("nivaran.policies-file=" + missing).run(context ->
        assertThat(refusal(context.getStartupFailure()))
            .hasMessage("nivaran.policies-file = " + missing + ": no such readable file"));
  }

  @Test
  void theHostsPoliciesBeanWinsOverThePoliciesFile() {
    EscalationPolicies own = EscalationPolicies.of(LadderPolicy.uttarPradesh("cg-7d-per-level", "CG-OFFICE"));
    runner.withPropertyValues("nivaran.policies-file=" + BAD_POLICIES)
        .withBean(EscalationPolicies.class, () -> own)
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(EscalationPolicies.class)).isSameAs(own);
        });
  }

  @Test
  void aCategoryNamingAPolicyNotInThePoliciesFileRefusesToStartNamingTheFilesAndThePolicy() throws IOException {
    Path other = Files.createTempFile("policies", ".json");
    try {
      Files.writeString(other, "[{\"id\": \"cg-other\", \"calendar\": \"CG-OFFICE\", \"otherwise\": {\"workingDays\": 7}}]");
      runner.withPropertyValues("nivaran.policies-file=" + other).run(context -> {
        NivaranConfigurationException e = refusal(context.getStartupFailure());
        assertThat(e.property()).isEqualTo("nivaran");
        assertThat(e).hasMessage("nivaran: the directory (nivaran.directory-file = " + DIRECTORY + "), calendars"
            + " (nivaran.calendars-file = " + CALENDARS + ") and escalation policies (nivaran.policies-file = " + other
            + ") do not fit together: escalationPolicies hold no escalation policy 'cg-7d-per-level', which the"
            + " category 'energy.supply' names (its slaPolicy); its complaints would never be timed or escalated");
      });
    } finally {
      Files.delete(other);
    }
  }

  // -- the directory from a folder of CSV tables --------------------------------------------------

  @Test
  void aFolderOfCsvTablesGivesTheSameRoutingAsTheDirectoryFile() {
    bare.withPropertyValues("nivaran.directory-csv=" + DIRECTORY_CSV, "nivaran.calendars-file=" + CALENDARS,
        "nivaran.policies-file=" + POLICIES).run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(Directory.class);
          Directory csv = context.getBean(Directory.class);
          assertThat(csv.posts().all()).hasSize(2);
          assertThat(csv.posts().supervisorOf(org.nivaran.grievance.actor.PostId.of("AE-RAIPUR")).orElseThrow().id().code())
              .isEqualTo("EE-RAIPUR");
          Complaint c = context.getBean(Grievances.class).register(request("098765 43221"), Actor.agent("AGENT-17"));
          assertThat(c.post().map(p -> p.code())).contains("AE-RAIPUR");
          assertThat(c.level()).contains(Level.L1);
        });
  }

  @Test
  void aCsvTableWithABadReferenceRefusesToStartNamingTheTableTheRowTheFieldAndTheReference() {
    bare.withPropertyValues("nivaran.directory-csv=" + BAD_DIRECTORY_CSV, "nivaran.calendars-file=" + CALENDARS,
        "nivaran.policies-file=" + POLICIES).run(context -> {
          NivaranConfigurationException e = refusal(context.getStartupFailure());
          assertThat(e.property()).isEqualTo("nivaran.directory-csv");
          assertThat(e.getMessage()).startsWith("nivaran.directory-csv = " + BAD_DIRECTORY_CSV.resolve("posts.csv") + ": ")
              .contains("posts.csv row 3, field reportsTo").contains("XEN-NOWHERE");
          InvalidRowException row = (InvalidRowException) e.getCause();
          assertThat(row.source()).isEqualTo("posts.csv");
          assertThat(row.row()).isEqualTo(3);
          assertThat(row.field()).isEqualTo("reportsTo");
        });
  }

  @Test
  void aFolderMissingATableRefusesToStartNamingTheTable(@TempDir Path folder) throws IOException {
    for (String table : List.of("departments.csv", "jurisdictions.csv", "categories.csv")) {
      Files.copy(DIRECTORY_CSV.resolve(table), folder.resolve(table));
    }
    bare.withPropertyValues("nivaran.directory-csv=" + folder).run(context ->
        assertThat(refusal(context.getStartupFailure()))
            .hasMessage("nivaran.directory-csv = " + folder.resolve("posts.csv") + ": no such readable file"));
    Path nowhere = folder.resolve("nowhere");
    bare.withPropertyValues("nivaran.directory-csv=" + nowhere).run(context ->
        assertThat(refusal(context.getStartupFailure())).hasMessage("nivaran.directory-csv = " + nowhere
            + ": no such folder (it holds departments.csv, jurisdictions.csv, categories.csv, posts.csv and, if any,"
            + " additional-charges.csv)"));
  }

  @Test
  void anAdditionalChargesTableInTheFolderIsReadOntoThePostsAndABadRowNamesIt(@TempDir Path folder) throws IOException {
    for (String table : List.of("departments.csv", "jurisdictions.csv", "categories.csv")) {
      Files.copy(DIRECTORY_CSV.resolve(table), folder.resolve(table));
    }
    // the Executive Engineer's post is vacant; the Superintending Engineer gave its additional
    // charge to the Assistant Engineer
    Files.writeString(folder.resolve("posts.csv"), Files.readString(DIRECTORY_CSV.resolve("posts.csv"))
        .replace("EE-RAIPUR,\"Executive Engineer, Raipur\",energy,RAIPUR,L2,,,CSPDCL-0002,राजेश तिवारी,98000 00102,no,hi",
            "EE-RAIPUR,\"Executive Engineer, Raipur\",energy,RAIPUR,L2,SE-RAIPUR,,,,,,\n"
                + "SE-RAIPUR,\"Superintending Engineer, Raipur\",energy,RAIPUR,L3,,,CSPDCL-0001,राजेश तिवारी,98000 00101,no,hi"));
    String header = "post,officerId,from,until,givenBy,reason\n";
    Files.writeString(folder.resolve("additional-charges.csv"), header
        + "EE-RAIPUR,CSPDCL-4410,2024-01-01T00:00:00Z,2024-12-31T00:00:00Z,CSPDCL-0001,EE on leave\n");
    bare.withPropertyValues("nivaran.directory-csv=" + folder, "nivaran.calendars-file=" + CALENDARS,
        "nivaran.policies-file=" + POLICIES).run(context -> {
          assertThat(context).hasNotFailed();
          Directory d = context.getBean(Directory.class);
          assertThat(d.posts().chargeOf(org.nivaran.grievance.actor.PostId.of("EE-RAIPUR")).orElseThrow().officerId())
              .isEqualTo("CSPDCL-4410");
        });
    Files.writeString(folder.resolve("additional-charges.csv"), header
        + "SE-NOWHERE,CSPDCL-4410,2024-01-01T00:00:00Z,2024-12-31T00:00:00Z,CSPDCL-0001,EE on leave\n");
    bare.withPropertyValues("nivaran.directory-csv=" + folder).run(context -> {
      NivaranConfigurationException e = refusal(context.getStartupFailure());
      assertThat(e.getMessage()).startsWith("nivaran.directory-csv = " + folder.resolve("additional-charges.csv") + ": ")
          .contains("additional-charges.csv row 2, field post").contains("SE-NOWHERE");
    });
  }

  @Test
  void theDirectoryFileAndTheCsvFolderTogetherAreRefusedNamingBoth() {
    runner.withPropertyValues("nivaran.directory-csv=" + DIRECTORY_CSV).run(context -> {
      NivaranConfigurationException e = refusal(context.getStartupFailure());
      assertThat(e.property()).isEqualTo("nivaran.directory-file");
      assertThat(e).hasMessage("nivaran.directory-file: and nivaran.directory-csv are both set (" + DIRECTORY + ", "
          + DIRECTORY_CSV + "): the directory comes from one of them; remove the other");
    });
  }

  // -- the escalator's batch size and lease -------------------------------------------------------

  @Test
  void theEscalatorTakesItsBatchSizeAndLeaseFromThePropertiesWithCoresDefaults() {
    runner.run(context -> {
      Escalator escalator = context.getBean(NivaranSchedules.class).escalator();
      assertThat(escalator.batchSize()).isEqualTo(Escalator.DEFAULT_BATCH_SIZE);
      assertThat(escalator.claimLease()).isEqualTo(Escalator.DEFAULT_CLAIM_LEASE);
    });
    runner.withPropertyValues("nivaran.escalator.batch-size=2", "nivaran.escalator.lease=7m").run(context -> {
      Escalator escalator = context.getBean(NivaranSchedules.class).escalator();
      assertThat(escalator.batchSize()).isEqualTo(2);
      assertThat(escalator.claimLease()).isEqualTo(Duration.ofMinutes(7));
    });
  }

  @Test
  void anEscalatorWithABatchOfTwoStillEscalatesEveryDueComplaintBatchAfterBatch() {
    MutableClock clock = new MutableClock(T0);
    runner.withBean(Clock.class, () -> clock)
        .withPropertyValues("nivaran.escalator.batch-size=2", "nivaran.escalator.interval=1h", "nivaran.relay.enabled=false")
        .run(context -> {
          Grievances g = context.getBean(Grievances.class);
          List<Complaint> registered = new ArrayList<>();
          for (int i = 0; i < 5; i++) {
            registered.add(g.register(request("098765 4323" + i), Actor.agent("AGENT-17")));
          }
          clock.set(T0.plus(Duration.ofDays(30)));
          EscalationReport report = context.getBean(NivaranSchedules.class).escalator().sweep();
          assertThat(report.count(EscalationReport.Action.ESCALATED)).isEqualTo(5);
          for (Complaint c : registered) {
            assertThat(g.get(c.id()).level()).contains(Level.L2);
          }
        });
  }

  @Test
  void aBatchSizeBelowOneOrALeaseNotPositiveRefusesToStartNamingTheProperty() {
    List.of(
        List.of("nivaran.escalator.batch-size=0", "nivaran.escalator.batch-size: must be at least 1 (was 0)"),
        List.of("nivaran.escalator.lease=0s", "nivaran.escalator.lease: must be positive (was PT0S)"),
        List.of("nivaran.relay.batch-size=-5", "nivaran.relay.batch-size: must be at least 1 (was -5)"),
        List.of("nivaran.relay.lease=-1m", "nivaran.relay.lease: must be positive (was PT-1M)")).forEach(c ->
        runner.withPropertyValues(c.get(0)).run(context -> {
          NivaranConfigurationException e = refusal(context.getStartupFailure());
          assertThat(e).hasMessage(c.get(1));
          assertThat(e.property()).isEqualTo(c.get(0).substring(0, c.get(0).indexOf('=')));
        }));
  }
}
