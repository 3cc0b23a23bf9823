package org.nivaran.grievance.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.OpenInterval;
import org.nivaran.grievance.json.CalendarJson;

/** The {@code sla} command, run on in-memory streams against the shipped example calendar. */
class SlaCliTest {
  /** The shipped calendar: Mon–Sat 10:00–18:00 IST, 2nd and 4th Saturdays closed, 2024 holidays. */
  static final Path CG_OFFICE = Files.exists(Path.of("calendars/cg-office.json"))
      ? Path.of("calendars/cg-office.json")
      : Path.of("grievance-examples/calendars/cg-office.json");

  /** What one run printed and returned. */
  record Run(int status, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  static Run sla(String input, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = SlaCli.run(
        args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, err);
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Run sla(String input) {
    return sla(input, CG_OFFICE.toString());
  }

  @Test
  void the_shipped_calendar_is_what_it_says() throws IOException {
    BusinessCalendar c = CalendarJson.read(CG_OFFICE);
    assertThat(c.id()).isEqualTo("CG-OFFICE");
    assertThat(c.hoursOn(LocalDate.of(2024, 3, 4))).containsExactly(OpenInterval.parse("10:00-18:00"));
    assertThat(c.hoursOn(LocalDate.of(2024, 3, 2))).containsExactly(OpenInterval.parse("10:00-18:00")); // 1st Saturday
    assertThat(c.hoursOn(LocalDate.of(2024, 3, 9))).isEmpty();  // 2nd Saturday
    assertThat(c.hoursOn(LocalDate.of(2024, 3, 23))).isEmpty(); // 4th Saturday
    assertThat(c.hoursOn(LocalDate.of(2024, 3, 25))).isEmpty(); // Holi
    assertThat(c.hoursOn(LocalDate.of(2024, 3, 24))).isEmpty(); // Sunday
  }

  @Test
  void plus_gives_the_deadline_in_the_calendars_zone() {
    Run run = sla("""
        plus 2024-03-22T17:00+05:30 PT2H
        plus 2024-03-04T04:30:00Z PT8H
        plus 2024-03-01T17:00+05:30 PT2H
        plus 2024-03-04T10:00+05:30 PT24H
        plus 2024-03-03T12:00+05:30 PT0S
        plus 2024-03-04T10:00+05:30 PT1M30.5S
        """);

    assertThat(run.lines()).containsExactly(
        "2024-03-26T11:00:00+05:30",  // Fri 1 h, 4th Saturday, Sunday, Holi, then Tue 1 h
        "2024-03-04T18:00:00+05:30",  // 10:00 IST given in UTC; a deadline may be a closing time
        "2024-03-02T11:00:00+05:30",  // the 1st Saturday is open
        "2024-03-06T18:00:00+05:30",  // three 8-hour days
        "2024-03-03T12:00:00+05:30",  // zero: the start itself, even on a Sunday
        "2024-03-04T10:01:30.5+05:30");
    assertThat(run.status()).isEqualTo(SlaCli.OK);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void between_gives_the_open_time_as_an_iso_duration() {
    Run run = sla("""
        between 2024-03-22T17:00+05:30 2024-03-26T11:00+05:30
        between 2024-03-04T10:00+05:30 2024-03-11T10:00+05:30
        between 2024-03-09T10:00+05:30 2024-03-10T10:00+05:30
        between 2024-03-04T04:30:00Z 2024-03-04T15:00+05:30
        """);

    assertThat(run.lines()).containsExactly("PT2H", "PT40H", "PT0S", "PT5H");
    assertThat(run.status()).isEqualTo(SlaCli.OK);
  }

  @Test
  void a_bad_line_gets_an_error_line_and_later_lines_are_still_answered() {
    Run run = sla("""
        plus 2024-03-22 PT2H
        plus 2024-03-22T17:00+05:30 PT2H
        plus 2024-03-22T17:00+05:30 2 hours
        plus 2024-03-22T17:00+05:30 two
        plus 2024-03-22T17:00+05:30 PT-2H
        between 2024-03-26T11:00+05:30 2024-03-22T17:00+05:30
        minus 2024-03-22T17:00+05:30 PT2H
        PLUS 2024-03-22T17:00+05:30 PT2H
        between 2024-03-22T17:00+05:30
        plus 2200-12-30T10:00+05:30 PT100H
        plus 1800-01-01T10:00+05:30 PT1H
        plus 1899-12-31T10:00+05:30 PT1H
        between 2024-03-22T17:00+05:30 2024-03-26T11:00+05:30
        """);

    assertThat(run.lines()).containsExactly(
        "error: '2024-03-22' is not an ISO-8601 date-time with an offset, e.g. 2024-03-22T17:00+05:30",
        "2024-03-26T11:00:00+05:30",
        "error: plus takes a date-time and a duration (got 3 arguments)",
        "error: 'two' is not an ISO-8601 duration, e.g. PT8H or PT90M",
        "error: the duration must not be negative (was PT-2H)",
        "error: the second date-time (2024-03-22T17:00+05:30) is before the first (2024-03-26T11:00+05:30)",
        "error: unknown command 'minus'; use 'plus <date-time> <duration>' or 'between <date-time> <date-time>'",
        "error: unknown command 'PLUS'; use 'plus <date-time> <duration>' or 'between <date-time> <date-time>'",
        "error: between takes two date-times (got 1 argument)",
        "error: the deadline would fall after 2200 (calendar CG-OFFICE has too little open time left before then)",
        "error: the date-time must fall within the years 1900 to 2200 (was 1800-01-01T04:30:00Z)",
        "error: the date-time must fall within the years 1900 to 2200 in Asia/Kolkata (was 1899-12-31T04:30:00Z)",
        "PT2H");
    assertThat(run.status()).isEqualTo(SlaCli.SOME_LINES_FAILED);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void blank_lines_are_echoed_so_each_output_line_answers_its_input_line() {
    Run run = sla("\nplus 2024-03-22T17:00+05:30 PT2H\n   \n\t between \t2024-03-22T17:00+05:30  2024-03-26T11:00+05:30 \r\n");

    assertThat(run.out()).isEqualTo("\n2024-03-26T11:00:00+05:30\n\nPT2H\n");
    assertThat(run.status()).isEqualTo(SlaCli.OK);
  }

  @Test
  void input_and_output_are_utf8_and_empty_input_gives_empty_output() {
    Run run = sla("plus २०२४-03-22T17:00+05:30 PT2H\n");
    assertThat(run.out()).isEqualTo(
        "error: '२०२४-03-22T17:00+05:30' is not an ISO-8601 date-time with an offset, e.g. 2024-03-22T17:00+05:30\n");

    assertThat(sla("")).isEqualTo(new Run(SlaCli.OK, "", ""));
  }

  @Test
  void a_missing_calendar_file_is_a_clear_message_and_status_2() {
    Run run = sla("plus 2024-03-22T17:00+05:30 PT2H\n", "no/such/calendar.json");

    assertThat(run.status()).isEqualTo(SlaCli.CANNOT_START).isNotZero();
    assertThat(run.err()).isEqualTo("sla: cannot read the calendar file no/such/calendar.json: no such file\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void an_invalid_calendar_file_names_the_json_path_and_status_2(@TempDir Path dir) throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"), """
        {"id": "CG-OFFICE", "zone": "Asia/Kolkata",
         "hours": {"MONDAY": ["10:00-14:00", "13:00-18:00"]}}
        """);

    Run run = sla("plus 2024-03-22T17:00+05:30 PT2H\n", bad.toString());

    assertThat(run.status()).isEqualTo(SlaCli.CANNOT_START);
    assertThat(run.err()).isEqualTo("sla: the calendar file " + bad
        + " is not a valid calendar: hours.MONDAY has overlapping intervals 10:00-14:00 and 13:00-18:00\n");
    assertThat(run.out()).isEmpty();

    Path notJson = Files.writeString(dir.resolve("notes.txt"), "office hours: 10 to 6");
    assertThat(sla("", notJson.toString()).err())
        .startsWith("sla: the calendar file " + notJson + " is not a valid calendar: document is not valid JSON at line 1, column 1: Unrecognized token 'office'");
    assertThat(sla("", dir.toString()).err()).startsWith("sla: cannot read the calendar file " + dir + ": ");
    assertThat(sla("", dir.toString()).status()).isEqualTo(SlaCli.CANNOT_START);
  }

  @Test
  void wrong_arguments_print_the_usage_and_status_2() {
    Run none = sla("");
    Run noArgs = sla("", new String[0]);
    Run two = sla("", CG_OFFICE.toString(), "extra");

    assertThat(none.status()).isEqualTo(SlaCli.OK);
    for (Run run : List.of(noArgs, two)) {
      assertThat(run.status()).isEqualTo(SlaCli.CANNOT_START);
      assertThat(run.err()).contains("sla: expected one argument, the calendar file").contains("usage: sla <calendar.json>");
      assertThat(run.out()).isEmpty();
    }
    Run help = sla("", "--help");
    assertThat(help.status()).isEqualTo(SlaCli.OK);
    assertThat(help.out()).startsWith("usage: sla <calendar.json>");
  }

  @Test
  void an_unknown_option_is_refused_by_name_before_the_calendar_or_any_line_is_read() {
    Run option = sla("plus 2024-03-22T17:00+05:30 PT2H\n", "--zone", CG_OFFICE.toString());
    Run after = sla("plus 2024-03-22T17:00+05:30 PT2H\n", CG_OFFICE.toString(), "-v");

    assertThat(option.status()).isEqualTo(SlaCli.CANNOT_START);
    assertThat(option.err()).isEqualTo("unknown option --zone for sla; see sla --help\n");
    assertThat(after.status()).isEqualTo(SlaCli.CANNOT_START);
    assertThat(after.err()).isEqualTo("unknown option -v for sla; see sla --help\n");
    assertThat(option.out() + after.out()).isEmpty();
  }

  @Test
  void the_shipped_sample_lines_are_all_answered() throws IOException {
    Path lines = CG_OFFICE.resolveSibling("sla-lines.txt");
    Run run = sla(Files.readString(lines, StandardCharsets.UTF_8));

    assertThat(run.lines()).containsExactly(
        "2024-03-26T11:00:00+05:30", "PT2H", "2024-03-04T18:00:00+05:30", "", "PT40H");
    assertThat(run.status()).isEqualTo(SlaCli.OK);
  }
}
