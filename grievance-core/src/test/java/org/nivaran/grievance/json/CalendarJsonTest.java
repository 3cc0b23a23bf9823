package org.nivaran.grievance.json;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.calendar.OpenInterval;
import org.nivaran.grievance.calendar.UnknownCalendarException;
import org.nivaran.grievance.calendar.WeeklySchedule;

/** docs/calendar-format.md tells the truth: its examples read, and each error names its JSON path. */
class CalendarJsonTest {
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  private static final Pattern BLOCK = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String doc;
  private static String example;
  private static String registryExample;

  @BeforeAll
  static void readDoc() throws IOException {
    Path path = Files.exists(Path.of("../docs/calendar-format.md"))
        ? Path.of("../docs/calendar-format.md")
        : Path.of("docs/calendar-format.md");
    doc = Files.readString(path, StandardCharsets.UTF_8);
    List<String> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(doc);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    assertThat(blocks).hasSize(2);
    example = blocks.get(0);
    registryExample = blocks.get(1);
  }

  private static List<OpenInterval> hours(String... intervals) {
    List<OpenInterval> out = new ArrayList<>();
    for (String i : intervals) {
      out.add(OpenInterval.parse(i));
    }
    return out;
  }

  private static java.time.Instant ist(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(IST).toInstant();
  }

  // -- the doc's examples ---------------------------------------------------------------------

  @Test
  void the_docs_example_reads_into_the_calendar_it_describes() {
    BusinessCalendar c = CalendarJson.read(example);

    BusinessCalendar expected = BusinessCalendar.builder("CG-RAIPUR-COLLECTORATE", IST)
        .schedule(WeeklySchedule.builder()
            .hours(MONDAY, SATURDAY, "10:00-13:30", "14:00-17:30")
            .closedSaturdays(2, 4)
            .build())
        .scheduleFrom(LocalDate.of(2025, 1, 1), WeeklySchedule.builder().hours(MONDAY, FRIDAY, "10:00-18:00").build())
        .holiday(LocalDate.of(2024, 1, 26), "Republic Day")
        .holiday(LocalDate.of(2024, 3, 25), "Holi")
        .holiday(LocalDate.of(2024, 8, 15), "Independence Day")
        .holiday(LocalDate.of(2024, 10, 31), "Diwali")
        .override(LocalDate.of(2024, 3, 23), OpenInterval.parse("10:00-14:00"))
        .override(LocalDate.of(2024, 11, 1))
        .override(LocalDate.of(2024, 12, 31), OpenInterval.parse("10:00-14:00"))
        .build();
    assertThat(c.id()).isEqualTo(expected.id());
    assertThat(c.zone()).isEqualTo(expected.zone());
    assertThat(c.schedules()).isEqualTo(expected.schedules());
    assertThat(c.holidays()).isEqualTo(expected.holidays());
    assertThat(c.overrides()).isEqualTo(expected.overrides());
    for (LocalDate d = LocalDate.of(2024, 1, 1); d.isBefore(LocalDate.of(2025, 3, 1)); d = d.plusDays(1)) {
      assertThat(c.hoursOn(d)).as("hours on %s", d).isEqualTo(expected.hoursOn(d));
    }
  }

  @Test
  void the_docs_example_has_the_hours_the_doc_says() {
    BusinessCalendar c = CalendarJson.read(example);

    assertThat(c.hoursOn(LocalDate.of(2024, 3, 4))).isEqualTo(hours("10:00-13:30", "14:00-17:30"));
    assertThat(c.hoursOn(LocalDate.of(2024, 3, 9))).isEmpty();                       // 2nd Saturday
    assertThat(c.hoursOn(LocalDate.of(2024, 3, 16))).isEqualTo(hours("10:00-13:30", "14:00-17:30"));
    assertThat(c.hoursOn(LocalDate.of(2024, 3, 23))).isEqualTo(hours("10:00-14:00")); // 4th Saturday, override
    assertThat(c.hoursOn(LocalDate.of(2024, 3, 25))).isEmpty();                      // Holi
    assertThat(c.hoursOn(LocalDate.of(2024, 3, 24))).isEmpty();                      // Sunday
    assertThat(c.hoursOn(LocalDate.of(2024, 11, 1))).isEmpty();                      // empty override
    assertThat(c.hoursOn(LocalDate.of(2024, 12, 31))).isEqualTo(hours("10:00-14:00"));
    assertThat(c.hoursOn(LocalDate.of(2025, 1, 1))).isEqualTo(hours("10:00-18:00"));  // the 2025 version
    assertThat(c.hoursOn(LocalDate.of(2025, 1, 4))).isEmpty();                       // 1st Saturday of 2025

    // Friday 22 March 16:30: 1 h left that day, the 4th Saturday opens 10:00-14:00, Holi is closed
    assertThat(c.plus(ist("2024-03-22T16:30"), Duration.ofHours(3))).isEqualTo(ist("2024-03-23T12:00"));
    assertThat(c.between(ist("2024-03-22T16:30"), ist("2024-03-26T11:00"))).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void the_docs_registry_example_reads_with_24x7_and_24_00() {
    CalendarRegistry r = CalendarJson.readRegistry(registryExample);

    assertThat(r.ids()).containsExactly("CG-POWER-FAULT-DESK", "HELPLINE-181");
    BusinessCalendar helpline = r.get("HELPLINE-181");
    assertThat(helpline.schedules().firstEntry().getValue()).isEqualTo(WeeklySchedule.twentyFourSeven());
    assertThat(helpline.hoursOn(LocalDate.of(2024, 10, 31))).containsExactly(OpenInterval.ALL_DAY);
    BusinessCalendar desk = r.get("CG-POWER-FAULT-DESK");
    assertThat(desk.hoursOn(LocalDate.of(2024, 3, 4))).isEqualTo(hours("08:00-24:00"));
    assertThat(desk.hoursOn(LocalDate.of(2024, 10, 31))).isEmpty();
    assertThat(desk.isOpen(ist("2024-03-04T23:59:59"))).isTrue();
    assertThat(desk.isOpen(ist("2024-03-05T00:00"))).isFalse();
    // Monday 23:00 + 2 h: 1 h to midnight, then Tuesday from 08:00
    assertThat(desk.plus(ist("2024-03-04T23:00"), Duration.ofHours(2))).isEqualTo(ist("2024-03-05T09:00"));
  }

  @Test
  void the_doc_lists_every_field_the_reader_allows() {
    CalendarReader.fieldsByObject().forEach((object, fields) -> {
      for (String f : fields) {
        assertThat(doc).as("%s field %s", object, f).contains("| `" + f + "` |");
      }
    });
    assertThat(doc).contains("**Refused**, at every level");
  }

  // -- reading ----------------------------------------------------------------------------------

  @Test
  void reads_from_a_reader_a_stream_and_a_file_as_utf8(@TempDir Path dir) throws IOException {
    String json = """
        {"id": "RPR", "zone": "Asia/Kolkata", "hours": {"MONDAY": ["10:00-18:00"]},
         "holidays": [{"date": "2024-03-25", "name": "होली"}]}""";
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[bom.length + utf8.length];
    System.arraycopy(bom, 0, withBom, 0, bom.length);
    System.arraycopy(utf8, 0, withBom, bom.length, utf8.length);
    Path file = Files.write(dir.resolve("rpr.json"), withBom);

    for (BusinessCalendar c : List.of(
        CalendarJson.read(new StringReader(json)),
        CalendarJson.read(new ByteArrayInputStream(utf8)),
        CalendarJson.read(new ByteArrayInputStream(withBom)),
        CalendarJson.read(file))) {
      assertThat(c.holidays()).containsEntry(LocalDate.of(2024, 3, 25), "होली");
    }
    assertThatThrownBy(() -> CalendarJson.read(dir.resolve("missing.json")))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("missing.json")
        .hasCauseInstanceOf(NoSuchFileException.class);
  }

  @Test
  void reads_a_registry_as_an_array_or_an_object_from_any_source(@TempDir Path dir) throws IOException {
    String array = "[" + example + ", {\"id\": \"HELPLINE-181\", \"zone\": \"Asia/Kolkata\", \"24x7\": true}]";
    Path file = Files.writeString(dir.resolve("calendars.json"), registryExample, StandardCharsets.UTF_8);

    assertThat(CalendarJson.readRegistry(array).ids()).containsExactly("CG-RAIPUR-COLLECTORATE", "HELPLINE-181");
    assertThat(CalendarJson.readRegistry(new StringReader(array)).size()).isEqualTo(2);
    assertThat(CalendarJson.readRegistry(new ByteArrayInputStream(array.getBytes(StandardCharsets.UTF_8))).size()).isEqualTo(2);
    assertThat(CalendarJson.readRegistry(file).ids()).containsExactly("CG-POWER-FAULT-DESK", "HELPLINE-181");
    assertThat(CalendarJson.readRegistry("[]").ids()).isEmpty();
    assertThat(CalendarJson.readRegistry("{\"calendars\": []}").ids()).isEmpty();

    UnknownCalendarException e = catchThrowableOfType(
        UnknownCalendarException.class, () -> CalendarJson.readRegistry(array).get("CG-OFFICE"));
    assertThat(e.calendarId()).isEqualTo("CG-OFFICE");
    assertThat(e.getMessage()).isEqualTo("unknown calendar 'CG-OFFICE'; known: CG-RAIPUR-COLLECTORATE, HELPLINE-181");
  }

  @Test
  void touching_intervals_merge_and_order_does_not_matter() {
    BusinessCalendar c = CalendarJson.read("""
        {"id": "X", "zone": "Asia/Kolkata",
         "hours": {"MONDAY": ["14:00-18:00", "10:00-14:00"], "SUNDAY": []}}""");
    assertThat(c.hoursOn(LocalDate.of(2024, 3, 4))).isEqualTo(hours("10:00-18:00"));
    assertThat(c.hoursOn(LocalDate.of(2024, 3, 3))).isEmpty();
  }

  @Test
  void null_is_the_same_as_absent_and_24x7_false_needs_hours() {
    BusinessCalendar c = CalendarJson.read("""
        {"id": "X", "zone": "Asia/Kolkata", "24x7": false, "hours": {"MONDAY": ["10:00-18:00"], "TUESDAY": null},
         "closedSaturdays": null, "holidays": null, "overrides": null, "schedules": null}""");
    assertThat(c.holidays()).isEmpty();
    assertThat(c.hoursOn(LocalDate.of(2024, 3, 5))).isEmpty(); // a Tuesday: null hours mean closed
    assertThat(c.schedules()).hasSize(1);
  }

  @Test
  void an_override_opens_a_holiday_and_a_24x7_schedule_keeps_its_holidays() {
    BusinessCalendar c = CalendarJson.read("""
        {"id": "X", "zone": "Asia/Kolkata", "24x7": true,
         "holidays": [{"date": "2024-03-25", "name": "Holi"}, {"date": "2024-10-31", "name": "Diwali"}],
         "overrides": [{"date": "2024-03-25", "hours": ["18:00-24:00"]}],
         "schedules": [{"from": "2024-06-01", "hours": {"MONDAY": ["10:00-18:00"]}},
                       {"from": "2024-09-01", "24x7": true}]}""");
    assertThat(c.hoursOn(LocalDate.of(2024, 3, 25))).isEqualTo(hours("18:00-24:00"));
    assertThat(c.hoursOn(LocalDate.of(2024, 3, 26))).containsExactly(OpenInterval.ALL_DAY);
    assertThat(c.hoursOn(LocalDate.of(2024, 6, 3))).isEqualTo(hours("10:00-18:00"));
    assertThat(c.hoursOn(LocalDate.of(2024, 6, 4))).isEmpty();
    assertThat(c.hoursOn(LocalDate.of(2024, 9, 1))).containsExactly(OpenInterval.ALL_DAY);
    assertThat(c.hoursOn(LocalDate.of(2024, 10, 31))).isEmpty();
  }

  // -- errors -----------------------------------------------------------------------------------

  /** A small valid calendar to break one field at a time. */
  private static ObjectNode valid() {
    try {
      return (ObjectNode) MAPPER.readTree("""
          {"id": "CG-OFFICE", "zone": "Asia/Kolkata",
           "hours": {"MONDAY": ["10:00-18:00"], "SATURDAY": ["10:00-14:00"]},
           "closedSaturdays": [2, 4],
           "holidays": [{"date": "2024-01-26", "name": "Republic Day"}, {"date": "2024-03-25", "name": "Holi"}],
           "overrides": [{"date": "2024-03-23", "hours": ["10:00-14:00"]}],
           "schedules": [{"from": "2025-01-01", "hours": {"MONDAY": ["10:00-18:00"]}},
                         {"from": "2025-07-01", "hours": {"MONDAY": ["10:00-14:00", "15:00-18:00"]}}]}""");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String broken(Consumer<ObjectNode> change) {
    ObjectNode tree = valid();
    change.accept(tree);
    return tree.toString();
  }

  private static ArrayNode texts(String... values) {
    ArrayNode a = MAPPER.createArrayNode();
    for (String v : values) {
      a.add(v);
    }
    return a;
  }

  private static ObjectNode at(JsonNode node, String field) {
    return (ObjectNode) node.get(field);
  }

  private static ObjectNode at(JsonNode node, String field, int i) {
    return (ObjectNode) node.get(field).get(i);
  }

  /** Each bad document, with the message (field, then reason) it must be refused with. */
  private static Map<String, String> badDocuments() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put(
        "{\n  \"id\": \"X\",\n  \"zone\": \"Asia/Kolkata\",\n  \"hours\": {\"MONDAY\": [\"10:00-18:00\"]},\n"
            + "  \"holidays\": [\n    {\"date\": \"2024-01-26\", \"name\": \"Republic Day\"},\n    }\n  ]\n}",
        "holidays[1] is not valid JSON at line 7, column 5: Unexpected character ('}' (code 125)): "
            + "expected a value");
    cases.put(
        "{\n  \"id\": \"X\",\n  \"zone\": \"Asia/Kolkata\",\n  \"hours\": {\"MONDAY\": [\"10:00-18:00\"],\n"
            + "    \"MONDAY\": []}\n}",
        "hours.MONDAY is not valid JSON at line 5, column 13: Duplicate field 'MONDAY'");
    cases.put("{\"id\": \"X\"",
        "document is not valid JSON at line 1, column 11: Unexpected end-of-input: expected close marker for Object "
            + "(start marker at line 1, column 1)");
    cases.put("{\"id\": \"X\", // the office\n \"zone\": \"UTC\"}",
        "id is not valid JSON at line 1, column 13: Unexpected character ('/' (code 47)): maybe a (non-standard) comment? "
            + "(not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)");
    cases.put(broken(t -> t.set("holiday", t.remove("holidays"))),
        "holiday is not a field of a calendar; allowed: id, zone, 24x7, hours, closedSaturdays, holidays, overrides, schedules");
    cases.put(broken(t -> at(t, "holidays", 1).put("type", "gazetted")),
        "holidays[1].type is not a field of a holiday; allowed: date, name");
    cases.put(broken(t -> at(t, "overrides", 0).put("note", "x")),
        "overrides[0].note is not a field of an override; allowed: date, name, hours");
    cases.put(broken(t -> at(t, "schedules", 0).put("closedSaturday", 2)),
        "schedules[0].closedSaturday is not a field of a schedule version; allowed: from, 24x7, hours, closedSaturdays");
    cases.put(broken(t -> t.remove("id")), "id is required");
    cases.put(broken(t -> t.putNull("zone")), "zone is required");
    cases.put(broken(t -> t.remove("hours")), "hours is required (or \"24x7\": true)");
    cases.put(broken(t -> at(t, "overrides", 0).remove("hours")), "overrides[0].hours is required");
    cases.put(broken(t -> at(t, "holidays", 0).remove("name")), "holidays[0].name is required");
    cases.put(broken(t -> at(t, "schedules", 1).remove("from")), "schedules[1].from is required");
    cases.put(broken(t -> t.put("id", "CG OFFICE")),
        "id must be ASCII letters, digits, '.', '_' or '-', starting with a letter or digit (was 'CG OFFICE')");
    cases.put(broken(t -> t.put("id", 42)), "id must be a JSON string (was the number 42)");
    cases.put(broken(t -> t.set("closedSaturdays", texts("2"))),
        "closedSaturdays[0] must be an integer, 1 to 5 (was a string)");
    cases.put(broken(t -> t.put("closedSaturdays", 2)), "closedSaturdays must be a JSON array (was the number 2)");
    cases.put(broken(t -> t.putArray("closedSaturdays").add(2).add(6)), "closedSaturdays[1] must be 1 to 5 (was 6)");
    cases.put(broken(t -> t.putArray("closedSaturdays").add(2).add(2)), "closedSaturdays[1] repeats the Saturday 2");
    cases.put(broken(t -> t.put("zone", "IST")),
        "zone must be an IANA time-zone id such as 'Asia/Kolkata' (was 'IST')");
    cases.put(broken(t -> t.put("zone", "+05:30")),
        "zone must be an IANA time-zone id such as 'Asia/Kolkata' (was '+05:30')");
    cases.put(broken(t -> t.put("zone", "Asia/Kolkatta")),
        "zone must be an IANA time-zone id such as 'Asia/Kolkata' (was 'Asia/Kolkatta')");
    cases.put(broken(t -> at(t, "holidays", 0).put("date", "2024-02-30")),
        "holidays[0].date must be a date YYYY-MM-DD that exists, e.g. '2024-01-26' (was '2024-02-30')");
    cases.put(broken(t -> at(t, "overrides", 0).put("date", "23/03/2024")),
        "overrides[0].date must be a date YYYY-MM-DD that exists, e.g. '2024-01-26' (was '23/03/2024')");
    cases.put(broken(t -> at(t, "schedules", 0).put("from", "0225-01-01")),
        "schedules[0].from must fall within the years 1900 to 2200 (was '0225-01-01')");
    cases.put(broken(t -> at(t, "hours").set("Monday", at(t, "hours").remove("MONDAY"))),
        "hours.Monday is not a weekday: use MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY or SUNDAY (was 'Monday')");
    cases.put(broken(t -> at(at(t, "schedules", 1), "hours").set("MON", texts("10:00-18:00"))),
        "schedules[1].hours.MON is not a weekday: use MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY or SUNDAY (was 'MON')");
    cases.put(broken(t -> at(t, "hours").set("MONDAY", texts("9:00-18:00"))),
        "hours.MONDAY[0] must be HH:MM-HH:MM, e.g. 10:00-18:00 (was '9:00-18:00')");
    cases.put(broken(t -> at(t, "hours").set("MONDAY", texts("18:00-10:00"))),
        "hours.MONDAY[0] end must be after the start and at most 24:00 (was 18:00-10:00)");
    cases.put(broken(t -> at(t, "overrides", 0).set("hours", texts("10:00-14:00", "14:00-14:00"))),
        "overrides[0].hours[1] end must be after the start and at most 24:00 (was 14:00-14:00)");
    cases.put(broken(t -> at(t, "hours").set("MONDAY", texts("10:00-18:00", "24:00-24:00"))),
        "hours.MONDAY[1] start must be 00:00 to 23:59 (was minute 1440)");
    cases.put(broken(t -> at(t, "hours").set("MONDAY", texts("10:00-25:00"))),
        "hours.MONDAY[0] has no such time as 25:00 (was '10:00-25:00')");
    cases.put(broken(t -> at(t, "hours").put("MONDAY", "10:00-18:00")),
        "hours.MONDAY must be a JSON array of \"HH:MM-HH:MM\" intervals, [] when closed (was a string)");
    cases.put(broken(t -> at(t, "hours").set("MONDAY", MAPPER.createArrayNode().add(10))),
        "hours.MONDAY[0] must be a string \"HH:MM-HH:MM\" (was the number 10)");
    cases.put(broken(t -> at(at(t, "schedules", 1), "hours").set("MONDAY", texts("10:00-14:00", "13:00-18:00"))),
        "schedules[1].hours.MONDAY has overlapping intervals 10:00-14:00 and 13:00-18:00");
    cases.put(broken(t -> at(t, "overrides", 0).set("hours", texts("10:00-14:00", "10:00-14:00"))),
        "overrides[0].hours has overlapping intervals 10:00-14:00 and 10:00-14:00");
    cases.put(broken(t -> t.putObject("hours").set("SUNDAY", texts())), "hours must open on at least one weekday");
    cases.put(broken(t -> at(t, "schedules", 0).putObject("hours")), "schedules[0].hours must open on at least one weekday");
    cases.put(broken(t -> t.set("hours", texts("10:00-18:00"))),
        "hours must be a JSON object from weekday to intervals (was an array)");
    cases.put(broken(t -> at(t, "holidays", 1).put("date", "2024-01-26")),
        "holidays[1].date repeats the date 2024-01-26 of holidays[0] (one holiday per date)");
    cases.put(broken(t -> ((ArrayNode) t.get("holidays")).addObject().put("date", "2024-03-25").put("name", "Holi again")),
        "holidays[2].date repeats the date 2024-03-25 of holidays[1] (one holiday per date)");
    cases.put(broken(t -> ((ArrayNode) t.get("overrides")).addObject().put("date", "2024-03-23").set("hours", texts())),
        "overrides[1].date repeats the date 2024-03-23 of overrides[0] (one override per date)");
    cases.put(broken(t -> at(t, "holidays", 0).put("name", " ")), "holidays[0].name must not be blank (was '')");
    cases.put(broken(t -> at(t, "overrides", 0).put("name", "a\nb")),
        "overrides[0].name contains control character U+000A at index 1");
    cases.put(broken(t -> at(t, "schedules", 1).put("from", "2024-07-01")),
        "schedules[1].from must be after the 'from' of the version before it (2025-01-01): "
            + "list versions in order, each date once (was 2024-07-01)");
    cases.put(broken(t -> at(t, "schedules", 1).put("from", "2025-01-01")),
        "schedules[1].from must be after the 'from' of the version before it (2025-01-01): "
            + "list versions in order, each date once (was 2025-01-01)");
    cases.put(broken(t -> t.put("24x7", true)), "hours must not be given with \"24x7\": true");
    cases.put(broken(t -> {
      t.remove("hours");
      t.put("24x7", true);
    }), "closedSaturdays must not be given with \"24x7\": true");
    cases.put(broken(t -> t.put("24x7", "yes")), "24x7 must be true or false (was a string)");
    cases.put(broken(t -> t.put("holidays", "2024-01-26")), "holidays must be a JSON array (was a string)");
    cases.put(broken(t -> ((ArrayNode) t.get("holidays")).add("2024-03-25")),
        "holidays[2] must be a JSON object, a holiday (was a string)");
    cases.put("", "document is empty: expected a JSON value");
    cases.put("  \n ", "document is empty: expected a JSON value");
    cases.put("[" + valid() + "]",
        "document must be a JSON object, one calendar (was an array; read a list of calendars as a registry)");
    cases.put("\"CG-OFFICE\"", "document must be a JSON object, a calendar (was a string)");
    cases.put(valid() + " {}", "document holds more than one JSON value (the second starts at line 1, column "
        + (valid().toString().length() + 2) + ")");
    return cases;
  }

  @Test
  void each_bad_document_is_refused_naming_the_json_path_of_the_problem() {
    badDocuments().forEach((json, message) -> {
      InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> CalendarJson.read(json));
      assertThat(e).as("reading %s", json).isNotNull();
      assertThat(e.getMessage()).as("reading %s", json).isEqualTo(message);
      assertThat(message).startsWith(e.field() + " ");
    });
  }

  @Test
  void the_path_is_the_field_and_the_reason_is_apart() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> CalendarJson.read(
        broken(t -> at(at(t, "schedules", 1), "hours").set("MONDAY", texts("10:00-14:00", "13:00-18:00")))));
    assertThat(e.field()).isEqualTo("schedules[1].hours.MONDAY");
    assertThat(e.reason()).isEqualTo("has overlapping intervals 10:00-14:00 and 13:00-18:00");
  }

  @Test
  void registry_errors_name_the_calendar_they_are_in() {
    String two = "{\"calendars\": [" + valid() + ", " + valid().put("zone", "Asia/Kolkata") + "]}";
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put(two, "calendars[1].id repeats the id 'CG-OFFICE' of calendars[0] (ids must be unique)");
    cases.put("[" + valid() + ", " + valid() + "]", "[1].id repeats the id 'CG-OFFICE' of [0] (ids must be unique)");
    cases.put("[" + valid().put("id", "A") + ", " + valid().put("id", "B").put("zone", "Mars/Olympus") + "]",
        "[1].zone must be an IANA time-zone id such as 'Asia/Kolkata' (was 'Mars/Olympus')");
    cases.put("{\"calendars\": [" + broken(t -> at(t, "holidays", 0).put("date", "2024-13-01")) + "]}",
        "calendars[0].holidays[0].date must be a date YYYY-MM-DD that exists, e.g. '2024-01-26' (was '2024-13-01')");
    cases.put("{\"calendars\": [], \"version\": 1}", "version is not a field of a calendar registry; allowed: calendars");
    cases.put("{}", "calendars is required");
    cases.put("{\"calendars\": {}}", "calendars must be a JSON array (was an object)");
    cases.put("[1]", "[0] must be a JSON object, a calendar (was the number 1)");
    cases.put(valid().toString(),
        "document is one calendar, not a registry: give an array of calendars or {\"calendars\": [...]}");
    cases.put("[\n  " + valid() + ",\n  {\"id\": \"B\" \"zone\": \"UTC\"}\n]",
        "[1].id is not valid JSON at line 3, column 14: Unexpected character ('\"' (code 34)): "
            + "was expecting comma to separate Object entries");
    cases.forEach((json, message) -> {
      InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> CalendarJson.readRegistry(json));
      assertThat(e).as("reading %s", json).isNotNull();
      assertThat(e.getMessage()).as("reading %s", json).isEqualTo(message);
    });
  }

  @Test
  void every_example_message_in_the_docs_error_table_is_one_the_reader_gives() {
    String errors = doc.substring(doc.indexOf("## Errors"), doc.indexOf("## Stability"));
    Matcher row = Pattern.compile("(?m)^\\| [^|]+ \\| [^|]+ \\| `(.+)` \\|$").matcher(errors);
    List<String> given = new ArrayList<>(badDocuments().values());
    given.add("calendars[1].id repeats the id 'CG-OFFICE' of calendars[0] (ids must be unique)");
    int rows = 0;
    while (row.find()) {
      rows++;
      String message = row.group(1);
      if (message.endsWith(" ...")) {
        String prefix = message.substring(0, message.length() - 3);
        assertThat(given).as("doc message %s", message).anyMatch(m -> m.startsWith(prefix));
      } else {
        assertThat(given).as("doc message").contains(message);
      }
    }
    assertThat(rows).isEqualTo(17);
  }

  @Test
  void a_null_source_is_refused_naming_it() {
    assertThatThrownBy(() -> CalendarJson.read((String) null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("json must not be null");
  }
}
