package org.nivaran.grievance.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.complaint.ClosureKind;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.Status;

class QuickStartTest {
  @Test
  void the_story_ends_closed_as_satisfied_at_L2_and_prints_every_event() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Complaint c = QuickStart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String story = bytes.toString(StandardCharsets.UTF_8);

    assertThat(c.status()).isEqualTo(Status.CLOSED);
    assertThat(c.closure().orElseThrow().kind()).isEqualTo(ClosureKind.SATISFIED);
    assertThat(c.level()).contains(Level.L2);
    assertThat(c.version()).isEqualTo(13);
    assertThat(c.returnCount()).isEqualTo(1);
    assertThat(c.reopenCount()).isEqualTo(1);
    assertThat(story)
        // the story prints the citizen masked (issue 15): initials and the number's last four digits
        .contains("Complaint RPR-2024-000001 registered for सु. व. (+91******3210)")
        .contains("refused: START_WORK refused by rule OFFICER_HOLDS_ASSIGNED_POST")
        .contains("ReplyReturned", "CitizenUnreachable", "CitizenDissatisfied", "CitizenSatisfied")
        .containsPattern("ComplaintEscalated +by system escalator +L1 -> L2 EE-RAIPUR-CITY")
        .contains("Replaying the history rebuilds it exactly: true")
        .contains("Event log hash chain intact: true")
        .containsPattern("to CITIZEN \\+91\\*{6}3210 \\[REGISTERED\\] .*RPR-2024-000001")
        .containsPattern("\\d+ message\\(s\\) sent; 0 pending, 0 dead")
        .doesNotContain("9876543210", "98765 43210", "सुनीता", "वर्मा");
  }

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int main(String... args) {
    return QuickStart.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void help_prints_the_usage_with_status_0_and_tells_no_story() {
    assertThat(main("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(Usage.QUICKSTART + System.lineSeparator())
        .startsWith("usage: quickstart")
        .contains("-h, --help")
        .doesNotContain("registered", "Replaying");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    out.reset();
    assertThat(main("-h")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: quickstart");
  }

  @Test
  void an_unknown_option_or_argument_is_refused_by_name_with_status_2_and_nothing_runs() {
    assertThat(main("--verbose")).isEqualTo(2);
    assertThat(main("raipur")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
        "unknown option --verbose for quickstart; see quickstart --help",
        "unexpected argument raipur for quickstart; see quickstart --help");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void no_arguments_tell_the_story_with_status_0() {
    assertThat(main()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Complaint RPR-2024-000001 registered for")
        .contains("Event log hash chain intact: true");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
