package org.nivaran.grievance.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The load harness does not rot: its whole run, on H2 in memory with tiny numbers, registers,
 * escalates every due complaint exactly once and drains the outbox.
 */
class StoreLoadHarnessTest {

  @Test
  void runsEveryMeasurementOnH2AndCountsAddUp() {
    Options o = Options.parse("--url", "jdbc:h2:mem:", "--rounds", "1", "--registrations", "50", "--warmup", "10",
        "--due", "100");
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    Results r = StoreLoadHarness.run(o, new PrintStream(progress, true, StandardCharsets.UTF_8));

    assertThat(r.nivaran1).extracting(Sample::count).containsExactly(50L);
    assertThat(r.nivaran8).extracting(Sample::count).containsExactly(50L);
    assertThat(r.ceiling1).extracting(Sample::count).containsExactly(50L);
    assertThat(r.ceiling8).extracting(Sample::count).containsExactly(50L);
    // the harness itself fails unless the EscalationReports add up to the due complaints
    assertThat(r.escalation1).extracting(Sample::count).containsExactly(100L);
    assertThat(r.escalation4).extracting(Sample::count).containsExactly(100L);
    // two notifications (citizen, post holder) per registration, warm-up included; all sent
    assertThat(r.relay1).extracting(Sample::count).containsExactly(2L * (10 + 50));
    assertThat(r.relay4).extracting(Sample::count).containsExactly(2L * (10 + 50));
    assertThat(r.rowsPerRegistration).startsWith("3 events, 2 outbox rows");
    assertThat(r.markdown())
        .contains("| **Nivaran / ceiling** | 1 |", "| **Nivaran / ceiling** | 8 |", "Escalations/s, 4 sweepers",
            "Outbox messages/s, 4 relays", "H2");
    assertThat(progress.toString(StandardCharsets.UTF_8)).contains("round 1 of 1");
  }

  @Test
  void parsesOptionsAndRefusesUnknownOnes() {
    Options o = Options.parse("--rounds", "5", "--due", "1,000", "--user", "nivaran");
    assertThat(o.rounds()).isEqualTo(5);
    assertThat(o.due()).isEqualTo(1000);
    assertThat(o.user()).isEqualTo("nivaran");
    assertThat(o.url()).isEqualTo(Options.defaults().url());
    assertThatThrownBy(() -> Options.parse("--threads", "3")).hasMessageContaining("unknown option --threads");
    assertThatThrownBy(() -> Options.parse("--rounds")).hasMessageContaining("no value after --rounds");
    assertThatThrownBy(() -> Options.parse("--rounds", "0")).isInstanceOf(IllegalArgumentException.class);
  }
}
