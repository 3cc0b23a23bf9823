package org.nivaran.grievance.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand.Assign;
import org.nivaran.grievance.complaint.ComplaintCommand.ConfirmSatisfied;
import org.nivaran.grievance.complaint.ComplaintCommand.Resolve;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Status;

/** The README's quick start, compiled and run; a second test checks the README still shows it. */
class ReadmeQuickStartTest {

  @Test
  void the_readme_quick_start_closes_the_complaint_in_four_events() {
    // --- README quick start begins
    Grievances grievances = Grievances.builder()
        .idScheme(ComplaintIdScheme.yearly("RPR", ZoneId.of("Asia/Kolkata")))
        .build();                                   // in-memory store, system clock
    Complaint c = grievances.register(RegisterComplaint.builder()
            .channel(Channel.PHONE_CALL)
            .citizen(Complainant.of("सुनीता वर्मा", "098765 43210", "hi"))
            .categoryCode("ENERGY.SUPPLY.OUTAGE")
            .jurisdictionCode("CG.RAIPUR.WARD-12")
            .description("तीन दिन से बिजली नहीं है")
            .idempotencyKey("call-0017")            // a retry returns the same complaint
            .build(),
        Actor.agent("AGENT-17"));
    PostId ae = PostId.of("AE-RAIPUR-ZONE-3");
    c = grievances.execute(c.id(), new Assign(ae, "ENERGY", Level.L1), Actor.system("router"));
    Actor officer = Actor.officer("OFF-0042", ae);
    c = grievances.execute(c.id(), new Resolve("ट्रांसफ़ॉर्मर बदला गया", List.of()), officer);
    c = grievances.execute(c.id(), new ConfirmSatisfied(Optional.of(5), Optional.empty()),
        Actor.agent("AGENT-17"));                   // the citizen is satisfied: CLOSED
    List<ComplaintEvent> history = grievances.history(c.id());   // 4 events, the audit trail
    // --- README quick start ends

    assertThat(c.status()).isEqualTo(Status.CLOSED);
    assertThat(c.rating()).contains(5);
    assertThat(history).hasSize(4);
    assertThat(c.citizen().phone().e164()).isEqualTo("+919876543210");
  }

  @Test
  void the_readme_shows_exactly_this_quick_start() throws IOException {
    String test = Files.readString(Path.of("src/test/java/org/nivaran/grievance/examples/ReadmeQuickStartTest.java"), StandardCharsets.UTF_8);
    String snippet = test.substring(test.indexOf("// --- README quick start begins\n") + 33, test.indexOf("    // --- README quick start ends"));
    String dedented = snippet.lines().map(l -> l.startsWith("    ") ? l.substring(4) : l).reduce("", (a, l) -> a + l + "\n");
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);

    assertThat(readme).containsPattern("```java\n(import [\\w.]+;\n)+\n" + Pattern.quote(dedented) + "```");
    assertThat(dedented.lines().count()).isLessThanOrEqualTo(20);
  }

  @Test
  void the_readme_set_up_runs_the_examples_default_command() throws IOException {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    String setUp = readme.substring(readme.indexOf("## Set up"));
    String block = setUp.substring(setUp.indexOf("```sh\n") + 6, setUp.indexOf("```", setUp.indexOf("```sh\n") + 6));
    String first = block.lines().findFirst().orElseThrow();

    // No -Dexec.args: the first command a reader runs is Nivaran's default, the simulation.
    assertThat(first).startsWith("./mvnw -q -pl grievance-examples -am compile exec:java ").doesNotContain("exec.args");
  }
}
