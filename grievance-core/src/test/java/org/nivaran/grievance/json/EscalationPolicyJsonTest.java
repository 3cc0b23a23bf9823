package org.nivaran.grievance.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.calendar.WeeklySchedule;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.escalation.EscalationPolicy;
import org.nivaran.grievance.escalation.LadderPolicy;
import org.nivaran.grievance.escalation.PastTop;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/** {@link EscalationPolicyJson}: the documented format, its equivalence with code, and its refusals. */
class EscalationPolicyJsonTest {
  private static final Path SAMPLE = Path.of("../docs/samples/policies.json");
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  private static final CalendarRegistry CALENDARS = CalendarRegistry.of(
      BusinessCalendar.builder("MP-OFFICE", IST).schedule(WeeklySchedule.twentyFourSeven()).build(),
      BusinessCalendar.builder("UP-OFFICE", IST).schedule(WeeklySchedule.twentyFourSeven()).build());

  /** The policies of docs/samples/policies.json, built in code as LadderPolicy's Javadoc shows. */
  private static List<LadderPolicy> inCode() {
    return List.of(
        LadderPolicy.madhyaPradesh("MP-ENERGY", "MP-OFFICE"),
        LadderPolicy.uttarPradesh("UP-IGRS", "UP-OFFICE"),
        LadderPolicy.builder("MP-2024", "MP-OFFICE")
            .entry(Level.L1).top(Level.of(5))
            .otherwise(SlaBudget.workingDays(7))
            .pastTop(PastTop.NOTIFY_HEAD_OF_DEPARTMENT)
            .build(),
        LadderPolicy.builder("ENERGY", "MP-OFFICE")
            .budget(Level.L1, Priority.URGENT, SlaBudget.openTime(Duration.ofHours(4)))
            .budget(Level.L2, Priority.URGENT, SlaBudget.openTime(Duration.ofHours(8)))
            .otherwise(SlaBudget.workingDays(7))
            .build(),
        LadderPolicy.builder("DHAR-WEEKLY", "MP-OFFICE")
            .budget(Level.L1, SlaBudget.lastWorkingDayOfWeek())
            .otherwise(SlaBudget.workingDays(3))
            .pastTop(PastTop.STAY)
            .build());
  }

  private static void assertSameLadders(EscalationPolicies read, List<LadderPolicy> expected) {
    assertThat(read.all()).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      EscalationPolicy p = read.all().get(i);
      LadderPolicy e = expected.get(i);
      assertThat(p).isInstanceOf(LadderPolicy.class);
      LadderPolicy l = (LadderPolicy) p;
      assertThat(l.id()).isEqualTo(e.id());
      assertThat(l.sla()).as(e.id()).isEqualTo(e.sla());
      assertThat(l.entryLevel()).as(e.id()).isEqualTo(e.entryLevel());
      assertThat(l.topLevel()).as(e.id()).isEqualTo(e.topLevel());
      assertThat(l.pastTop()).as(e.id()).isEqualTo(e.pastTop());
      assertThat(l).hasToString(e.toString());
    }
  }

  @Test
  void theDocumentedSampleReadsAsThePoliciesBuiltInCode() {
    assertSameLadders(EscalationPolicyJson.read(SAMPLE, CALENDARS), inCode());
    assertSameLadders(EscalationPolicyJson.read(SAMPLE), inCode());
  }

  @Test
  void anArrayOfPoliciesReadsAsTheObjectForm() throws IOException {
    String object = Files.readString(SAMPLE);
    String array = object.substring(object.indexOf('['), object.lastIndexOf(']') + 1);
    assertSameLadders(EscalationPolicyJson.read(array), inCode());
    assertSameLadders(EscalationPolicyJson.read(object, CALENDARS), inCode());
  }

  @Test
  void policiesReadFromAFileRunAGrievancesLikeThoseBuiltInCode() {
    EscalationPolicies read = EscalationPolicyJson.read(SAMPLE, CALENDARS);
    Grievances g = Grievances.builder().store(new InMemoryComplaintStore()).calendars(CALENDARS)
        .escalationPolicies(read).build();
    assertThat(g).isNotNull();
    assertThat(read.find("ENERGY").orElseThrow().sla().budgetAt(Level.L2, Priority.URGENT))
        .isEqualTo(SlaBudget.openTime(Duration.ofHours(8)));
    assertThat(read.find("ENERGY").orElseThrow().sla().budgetAt(Level.L3, Priority.URGENT))
        .isEqualTo(SlaBudget.workingDays(7));
  }

  private static InvalidInputException refusal(String json) {
    return catchThrowableOfType(InvalidInputException.class, () -> EscalationPolicyJson.read(json, CALENDARS));
  }

  private static void refused(String json, String field, String reason) {
    InvalidInputException e = refusal(json);
    assertThat(e).as(json).isNotNull();
    assertThat(e.field()).as(json).isEqualTo(field);
    assertThat(e.reason()).as(json).isEqualTo(reason);
  }

  @Test
  void aCalendarTheCalendarsDoNotHaveIsRefusedAtItsFieldNamingItAndThoseKnown() {
    refused("""
        {"policies": [{"id": "A", "calendar": "MP-OFFICE", "otherwise": {"workingDays": 7}},
                      {"id": "B", "calendar": "CG-OFFICE", "otherwise": {"workingDays": 7}}]}""",
        "policies[1].calendar",
        "names the calendar 'CG-OFFICE', which the calendars do not have (known: MP-OFFICE, UP-OFFICE)");
  }

  @Test
  void withoutTheCalendarsAnUnknownCalendarIsRefusedWhenGrievancesIsBuilt() {
    EscalationPolicies read = EscalationPolicyJson.read("""
        [{"id": "B", "calendar": "CG-OFFICE", "otherwise": {"workingDays": 7}}]""");
    assertThatThrownBy(() -> Grievances.builder().store(new InMemoryComplaintStore()).calendars(CALENDARS)
            .escalationPolicies(read).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("calendars hold no calendar 'CG-OFFICE', which the escalation policy 'B' counts on");
  }

  @Test
  void levelsOutsideTheLadderOrGivenTwiceAreRefusedNamingTheLevel() {
    refused("""
        [{"id": "A", "calendar": "MP-OFFICE", "priorities": {"L5": {"URGENT": {"openTime": "PT4H"}}},
          "otherwise": {"workingDays": 7}}]""",
        "[0].priorities.L5", "names the level L5, outside the ladder's rungs L1 to L4");
    refused("""
        [{"id": "A", "calendar": "MP-OFFICE", "levels": {"L0": {"workingDays": 15}}, "otherwise": {"workingDays": 7}}]""",
        "[0].levels.L0", "names the level L0, outside the ladder's rungs L1 to L4");
    refused("""
        [{"id": "A", "calendar": "MP-OFFICE", "levels": {"L1": {"workingDays": 2}, "L01": {"workingDays": 3}},
          "otherwise": {"workingDays": 7}}]""",
        "[0].levels.L01", "gives the level L1 a second time in levels (as 'L1' and 'L01')");
    refused("""
        [{"id": "A", "calendar": "MP-OFFICE", "entry": "L3", "top": "L2", "otherwise": {"workingDays": 7}}]""",
        "[0].top", "must not be below the entry level L3 (was L2)");
    refused("""
        [{"id": "A", "calendar": "MP-OFFICE", "top": "4", "otherwise": {"workingDays": 7}}]""",
        "[0].top", "must be 'L' followed by the rung, e.g. 'L1' (was '4')");
  }

  @Test
  void badFieldsAndBudgetsAreRefusedByTheirPath() {
    refused("""
        {"policies": [{"id": "A", "calender": "MP-OFFICE", "otherwise": {"workingDays": 7}}]}""",
        "policies[0].calender",
        "is not a field of an escalation policy; allowed: id, calendar, entry, top, pastTop, levels, priorities, otherwise");
    refused("""
        {"policies": [{"id": "A", "calendar": "MP-OFFICE"}]}""",
        "policies[0].otherwise", "is required: the budget at every rung not in 'levels'");
    refused("""
        {"policies": [{"id": "A", "calendar": "MP-OFFICE", "otherwise": {"workingDays": 0}}]}""",
        "policies[0].otherwise.workingDays", "must be at least 1 working day (was 0)");
    refused("""
        {"policies": [{"id": "A", "calendar": "MP-OFFICE", "otherwise": {"workingDays": 7, "openTime": "PT4H"}}]}""",
        "policies[0].otherwise",
        "must be an object with exactly one of 'openTime', 'workingDays' and 'lastWorkingDayOfWeek' (was an object with 2 of them)");
    refused("""
        {"policies": [{"id": "A", "calendar": "MP-OFFICE", "otherwise": {"workingDay": 7}}]}""",
        "policies[0].otherwise.workingDay",
        "is not a field of an SLA budget; allowed: openTime, workingDays, lastWorkingDayOfWeek");
    refused("""
        {"policies": [{"id": "A", "calendar": "MP-OFFICE", "priorities": {"L1": {"ASAP": {"openTime": "PT4H"}}},
          "otherwise": {"workingDays": 7}}]}""",
        "policies[0].priorities.L1.ASAP", "must be one of URGENT, HIGH, NORMAL, LOW (was 'ASAP')");
    refused("""
        {"policies": [{"id": "A", "calendar": "MP-OFFICE", "pastTop": "ESCALATE", "otherwise": {"workingDays": 7}}]}""",
        "policies[0].pastTop", "must be one of STAY, FLAG_OVERDUE, NOTIFY_HEAD_OF_DEPARTMENT (was 'ESCALATE')");
    refused("""
        {"policies": [{"id": "A", "calendar": "MP-OFFICE", "otherwise": {"workingDays": 7}},
                      {"id": "A", "calendar": "UP-OFFICE", "otherwise": {"workingDays": 5}}]}""",
        "policies[1].id", "repeats the id 'A' of policies[0] (ids must be unique)");
  }

  @Test
  void aDocumentOfTheWrongShapeIsRefusedAsTheDocument() {
    assertThat(refusal("{\"id\": \"A\"}").field()).isEqualTo("document");
    assertThat(refusal("{\"id\": \"A\"}").reason()).contains("is one policy, not a list");
    assertThat(refusal("[{\"id\": \"A\",").field()).isEqualTo("document");
    assertThat(refusal("[{\"id\": \"A\",").reason()).startsWith("is not valid JSON at line 1");
    assertThat(refusal("").reason()).isEqualTo("is empty: expected a JSON value");
  }

  @Test
  void aFileThatCannotBeReadIsAnUncheckedIoExceptionNamingIt(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("policies.json");
    UncheckedIOException e = catchThrowableOfType(UncheckedIOException.class, () -> EscalationPolicyJson.read(missing));
    assertThat(e).hasMessage("cannot read file '" + missing + "': no such file");
    assertThat(e.getCause()).isInstanceOf(NoSuchFileException.class);
    Files.writeString(missing, "\uFEFF[{\"id\": \"A\", \"calendar\": \"MP-OFFICE\", \"otherwise\": {\"workingDays\": 7}}]",
        StandardCharsets.UTF_8);
    assertThat(EscalationPolicyJson.read(missing, CALENDARS).find("A")).isPresent();
  }

  @Test
  void theFormatPageListsEveryFieldTheReaderAllowsAndItsExampleIsTheSample() throws IOException {
    String doc = Files.readString(Path.of("../docs/policy-format.md"));
    EscalationPolicyReader.fieldsByObject().forEach((object, fields) -> {
      for (String f : fields) {
        assertThat(doc).as("%s field %s", object, f).contains("| `" + f + "` |");
      }
    });
    int start = doc.indexOf("```json\n") + "```json\n".length();
    String example = doc.substring(start, doc.indexOf("```", start));
    assertThat(example).isEqualTo(Files.readString(SAMPLE));
  }
}
