package org.nivaran.grievance.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NivaranTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String input, String... args) {
    return Nivaran.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void no_arguments_simulate_the_default_month_and_write_the_report_under_target() {
    DefaultRun run = DefaultRun.get();

    assertThat(run.status()).isZero();
    assertThat(run.out())
        .contains("26 days from Mon 4 Mar 2024 (seed 2024)", "Departments", "Districts")
        .contains("Report: " + run.report().toAbsolutePath().normalize().toUri());
    assertThat(run.err()).contains("day 26/26 · ");
    assertThat(run.html()).contains("<svg id=\"chart-per-day\"");
  }

  @Test
  void the_simulate_command_takes_days_complaints_seed_and_output(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("month.html");

    assertThat(run("", "simulate", "--days", "3", "--complaints=60", "--seed", "11", "--out", report.toString())).isZero();

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("3 days from Mon 4 Mar 2024 (seed 11)");
    assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("<table id=\"ranking\">");
  }

  @Test
  void a_bad_simulate_option_value_is_refused_with_a_pointer_to_the_help() {
    assertThat(run("", "simulate", "--days", "0")).isEqualTo(2);
    assertThat(run("", "simulate", "--days")).isEqualTo(2);
    assertThat(run("", "simulate", "--seed=x")).isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("simulate: days must be 1 to 366 (was 0); see simulate --help", "simulate: --days needs a value",
            "simulate: --seed must be a whole number (was 'x')");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void help_alone_prints_the_usage_and_the_commands_and_exits_0() {
    for (String help : new String[] {"--help", "-h"}) {
      out.reset();
      assertThat(run("", help)).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8))
          .startsWith("usage: nivaran [--help] <command> [options]")
          .contains("simulate ", "quickstart ", "sla ", "'<command> --help'");
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void each_command_prints_its_options_on_help_and_runs_nothing() {
    assertThat(run("", "simulate", "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("usage: simulate [--days N]", "--days N", "--complaints N", "--seed N", "--out FILE",
            "(default 26)", "-h, --help")
        .doesNotContain("Departments");
    out.reset();
    assertThat(run("", "simulate", "--days", "3", "-h")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: simulate").doesNotContain("Report:");
    out.reset();
    assertThat(run("", "quickstart", "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: quickstart").doesNotContain("Replaying");
    out.reset();
    assertThat(run("never read\n", "sla", "-h")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: sla <calendar.json>").contains("plus ", "between ");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void an_unknown_option_is_refused_by_name_and_nothing_runs(@TempDir Path dir) {
    Path report = dir.resolve("never.html");

    assertThat(run("", "simulate", "--out", report.toString(), "--dayz", "3")).isEqualTo(2);
    assertThat(run("", "simulate", "--dayz=3")).isEqualTo(2);
    assertThat(run("", "simulate", "ten")).isEqualTo(2);
    assertThat(run("", "quickstart", "--fast")).isEqualTo(2);
    assertThat(run("plus 2024-03-22T17:00+05:30 PT2H\n", "sla", "--strict", "calendars/cg-office.json")).isEqualTo(2);
    assertThat(run("", "--days", "3")).isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "unknown option --dayz for simulate; see simulate --help",
            "unknown option --dayz for simulate; see simulate --help",
            "unexpected argument ten for simulate; see simulate --help",
            "unknown option --fast for quickstart; see quickstart --help",
            "unknown option --strict for sla; see sla --help",
            "unknown option --days; see --help (a command's options go after it, e.g. simulate --days 3)");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(report).doesNotExist();
  }

  @Test
  void the_quickstart_command_tells_the_story_of_one_complaint() {
    assertThat(run("", "quickstart")).isZero();
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
    assertThat(run("", "simulat")).isEqualTo(2);
    assertThat(run("", "help")).isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .containsExactly("unknown command 'simulat'; commands: simulate (the default), quickstart, sla; see --help",
            "unknown command 'help'; commands: simulate (the default), quickstart, sla; see --help");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
