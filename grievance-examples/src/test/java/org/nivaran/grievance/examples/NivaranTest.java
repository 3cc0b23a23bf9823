package org.nivaran.grievance.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NivaranTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String input, String... args) {
    return Nivaran.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void no_arguments_tell_the_quick_start_story() {
    assertThat(run("")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Replaying the history rebuilds it exactly: true");
  }

  @Test
  void the_sla_command_answers_lines_on_a_calendar_file() {
    int status = run("plus 2024-03-22T17:00+05:30 PT2H\nbetween 2024-03-22T17:00+05:30 2024-03-26T11:00+05:30\n",
        "sla", "calendars/cg-office.json");

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("2024-03-26T11:00:00+05:30\nPT2H\n");
  }

  @Test
  void an_unknown_command_is_refused_with_the_list_of_commands() {
    assertThat(run("", "simulate")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'simulate'", "sla <calendar.json>");
  }
}
