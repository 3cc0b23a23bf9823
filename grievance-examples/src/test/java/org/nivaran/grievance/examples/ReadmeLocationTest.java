package org.nivaran.grievance.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.Location;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.tck.SampleDistrict;

/** The README's "A place on the map" snippet, compiled and run; a second test checks the README shows it. */
class ReadmeLocationTest {
  private static final String BEGINS = "// --- README location begins\n";

  @Test
  void the_readme_location_snippet_registers_a_located_complaint() {
    Grievances grievances = Grievances.builder().build();
    RegisterComplaint request = SampleDistrict.request(0);
    // --- README location begins
    RegisterComplaint located = RegisterComplaint.builder()
        .from(request)
        .location(Location.of("21.2514", "81.62960")
            .withAddressLine("मकान नं. 12, गली 4, वार्ड 12")
            .withLandmark("हनुमान मंदिर के पास"))
        .build();
    Complaint c = grievances.register(located, Actor.agent("AGENT-17"));
    c.location().orElseThrow().longitude();       // 81.62960
    // --- README location ends

    assertThat(c.location().orElseThrow().longitude()).isEqualTo(new BigDecimal("81.62960"));
    assertThat(c.location().orElseThrow().landmark()).contains("हनुमान मंदिर के पास");
    assertThat(grievances.find(c.id()).orElseThrow().location()).isEqualTo(c.location());
  }

  @Test
  void the_readme_shows_exactly_this_snippet() throws IOException {
    String test = Files.readString(
        Path.of("src/test/java/org/nivaran/grievance/examples/ReadmeLocationTest.java"), StandardCharsets.UTF_8);
    String snippet = test.substring(test.indexOf("    " + BEGINS) + 4 + BEGINS.length(),
        test.indexOf("    // --- README location ends"));
    String dedented = snippet.lines().map(l -> l.startsWith("    ") ? l.substring(4) : l).reduce("", (a, l) -> a + l + "\n");
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);

    assertThat(readme).contains("### A place on the map").containsPattern("```java\n(import [\\w.]+;\n)+\n" + Pattern.quote(dedented) + "```");
  }
}
