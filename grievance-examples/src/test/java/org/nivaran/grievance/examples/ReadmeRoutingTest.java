package org.nivaran.grievance.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.calendar.WeeklySchedule;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.escalation.LadderPolicy;
import org.nivaran.grievance.json.DirectoryJson;
import org.nivaran.grievance.policy.TransferPolicy;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.tck.RecordingNotifier;

/**
 * The README's Routing snippet with the sample directory it names, run as a new user would: every
 * escalation policy a sample category names is configured, so a complaint is assigned with a
 * deadline; leaving one out is refused when built.
 */
class ReadmeRoutingTest {
  private static final Path SAMPLE = Path.of("../docs/samples/directory.json");

  private final InMemoryComplaintStore store = new InMemoryComplaintStore();
  private final RecordingNotifier smsGateway = new RecordingNotifier();
  private final BusinessCalendar office = BusinessCalendar.builder("CG-OFFICE", ZoneId.of("Asia/Kolkata"))
      .schedule(WeeklySchedule.builder()
          .hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "10:00-13:30", "14:00-18:00")
          .hours(DayOfWeek.SATURDAY, "10:00-14:00").closedSaturdays(2, 4).build())
      .holiday(LocalDate.of(2024, 3, 25), "Holi")
      .build();

  private static RegisterComplaint request(String category) {
    return RegisterComplaint.builder()
        .channel(Channel.PHONE_CALL)
        .citizen(Complainant.of("सुनीता वर्मा", "098765 43210", "hi"))
        .categoryCode(category)
        .jurisdictionCode("RAIPUR-W12")
        .description("तीन दिन से बिजली नहीं है")
        .build();
  }

  @Test
  void the_readme_routing_snippet_assigns_every_sample_category_with_a_deadline() throws IOException {
    RegisterComplaint request = request("energy.supply");
    Directory raipur = DirectoryJson.read(SAMPLE);
    // --- README routing begins
    Grievances grievances = Grievances.builder()
        .store(store)
        .directory(raipur)                                      // registries
        .calendars(CalendarRegistry.of(office))                 // the calendars policies count on
        .escalationPolicies(EscalationPolicies.of(              // every policy a category names
            LadderPolicy.madhyaPradesh("cg-7d-per-level", "CG-OFFICE"),   // 7 working days at L1..L4
            LadderPolicy.builder("cg-15d", "CG-OFFICE").otherwise(SlaBudget.workingDays(15)).build(),
            LadderPolicy.builder("rmc-24h", "CG-OFFICE").top(Level.L3)
                .otherwise(SlaBudget.openTime(Duration.ofHours(24))).build()))
        .notifier(smsGateway)
        .transferPolicy(new TransferPolicy(2))                  // "not my department" at most twice
        .build();
    Complaint c = grievances.register(request, Actor.agent("AGENT-17"));   // ASSIGNED to its L1 post
    // --- README routing ends

    assertThat(c.status()).isEqualTo(Status.ASSIGNED);
    assertThat(c.post()).contains(PostId.of("JE-TATYAPARA"));
    assertThat(c.dueAt()).as("timed by cg-7d-per-level").isPresent();
    Complaint water = grievances.register(request("municipal.water"), Actor.agent("AGENT-17"));
    assertThat(water.post()).as("the nearest municipal post up the tree").contains(PostId.of("RMC-ZONE4-COMMISSIONER"));
    assertThat(water.dueAt()).as("timed by rmc-24h").isPresent();
    Complaint land = grievances.register(request("revenue.land-record"), Actor.agent("AGENT-17"));
    assertThat(land.post()).contains(PostId.of("TEHSILDAR-RAIPUR"));
    assertThat(land.dueAt()).as("timed by cg-15d").isPresent();
  }

  @Test
  void the_sample_directory_without_one_of_its_policies_is_refused_naming_it() throws IOException {
    Directory raipur = DirectoryJson.read(SAMPLE);

    assertThatThrownBy(() -> Grievances.builder()
        .store(store)
        .directory(raipur)
        .calendars(CalendarRegistry.of(office))
        .escalationPolicies(EscalationPolicies.of(
            LadderPolicy.madhyaPradesh("cg-7d-per-level", "CG-OFFICE"),
            LadderPolicy.builder("cg-15d", "CG-OFFICE").otherwise(SlaBudget.workingDays(15)).build()))
        .notifier(smsGateway)
        .build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("escalationPolicies"))
        .hasMessageContaining("'rmc-24h'")
        .hasMessageContaining("'municipal.");
  }

  @Test
  void the_readme_shows_exactly_this_routing_snippet() throws IOException {
    String test = Files.readString(
        Path.of("src/test/java/org/nivaran/grievance/examples/ReadmeRoutingTest.java"), StandardCharsets.UTF_8);
    String snippet = test.substring(test.indexOf("// --- README routing begins\n") + 29, test.indexOf("    // --- README routing ends"));
    String dedented = snippet.lines().map(l -> l.startsWith("    ") ? l.substring(4) : l).reduce("", (a, l) -> a + l + "\n");
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);

    assertThat(readme).containsPattern("```java\n(import [\\w.]+;\n)+\n" + Pattern.quote(dedented) + "```");
  }
}
