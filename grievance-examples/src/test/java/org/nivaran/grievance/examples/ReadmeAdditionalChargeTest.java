package org.nivaran.grievance.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.escalation.LadderPolicy;
import org.nivaran.grievance.json.DirectoryJson;
import org.nivaran.grievance.notify.NotificationKind;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.tck.RecordingNotifier;

/**
 * The README's "Additional charge" snippet, run on the sample directory: the City EE's post falls
 * vacant, the SE gives its charge to the Rural EE, who is told of the complaint pending there,
 * resolves it from the vacant post, and sees both posts in their work list.
 */
class ReadmeAdditionalChargeTest {
  private static final Path SAMPLE = Path.of("../docs/samples/directory.json");

  @Test
  void the_readme_additional_charge_snippet_lets_the_officer_in_charge_act_for_the_vacant_post() throws IOException {
    RecordingNotifier sms = new RecordingNotifier();
    BusinessCalendar office = BusinessCalendar.twentyFourSeven("cg", ZoneId.of("Asia/Kolkata"));
    Grievances grievances = Grievances.builder()
        .store(new InMemoryComplaintStore())
        .clock(Clock.fixed(Instant.parse("2024-05-20T05:30:00Z"), ZoneOffset.UTC))
        .directory(DirectoryJson.read(SAMPLE))
        .calendars(CalendarRegistry.of(office))
        .escalationPolicies(EscalationPolicies.of(
            LadderPolicy.madhyaPradesh("cg-7d-per-level", "cg"),
            LadderPolicy.madhyaPradesh("cg-15d", "cg"),
            LadderPolicy.madhyaPradesh("rmc-24h", "cg")))
        .notifier(sms)
        .build();
    Complaint registered = grievances.register(RegisterComplaint.builder()
        .channel(Channel.PHONE_CALL)
        .citizen(Complainant.of("सुनीता वर्मा", "098765 43210", "hi"))
        .categoryCode("energy.supply")
        .jurisdictionCode("RAIPUR-W12")
        .description("तीन दिन से बिजली नहीं है")
        .build(), Actor.agent("AGENT-17"));
    ComplaintId id = registered.id();
    grievances.execute(id, new ComplaintCommand.Escalate(PostId.of("EE-RAIPUR-CITY-DIV"), "transformer for the division"),
        Actor.supervisor("CSPDCL-2207", PostId.of("SE-RAIPUR-CITY-CIRCLE")));
    ComplaintCommand resolve = new ComplaintCommand.Resolve("ट्रांसफ़ॉर्मर बदला गया", List.of());
    // --- README additional charge begins
    PostId eeCity = PostId.of("EE-RAIPUR-CITY-DIV");
    grievances.transferOfficer(eeCity, Optional.empty());                          // the post falls vacant
    List<Complaint> pending = grievances.giveAdditionalCharge(
        Actor.supervisor("CSPDCL-2207", PostId.of("SE-RAIPUR-CITY-CIRCLE")),       // the SE, within reach
        eeCity, "CSPDCL-3390", Instant.parse("2024-05-31T18:30:00Z"),              // to the EE Rural, until 31 May
        "EE City transferred; EE Rural holds the charge");
    grievances.execute(id, resolve, Actor.officer("CSPDCL-3390", eeCity));         // acts from the vacant post
    Map<PostId, List<Complaint>> workList = grievances.workListOf("CSPDCL-3390");  // own post, then the charge
    // --- README additional charge ends

    assertThat(pending).extracting(Complaint::id).containsExactly(id);
    assertThat(sms.sent()).anySatisfy(n -> {
      assertThat(n.kind()).isEqualTo(NotificationKind.HANDOVER);
      assertThat(n.recipient().post()).contains(eeCity);
    });
    assertThat(grievances.get(id).status()).isEqualTo(Status.RESOLVED);
    assertThat(grievances.get(id).post()).contains(eeCity);
    assertThat(workList).containsOnlyKeys(PostId.of("EE-RAIPUR-RURAL-DIV"), eeCity);
  }

  @Test
  void the_readme_shows_exactly_this_snippet() throws IOException {
    String test = Files.readString(
        Path.of("src/test/java/org/nivaran/grievance/examples/ReadmeAdditionalChargeTest.java"), StandardCharsets.UTF_8);
    String begin = "// --- README additional charge begins\n";
    String snippet = test.substring(test.indexOf(begin) + begin.length(), test.indexOf("    // --- README additional charge ends"));
    String dedented = snippet.lines().map(l -> l.startsWith("    ") ? l.substring(4) : l).reduce("", (a, l) -> a + l + "\n");
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);

    assertThat(readme).containsPattern("```java\n(import [\\w.]+;\n)+\n" + Pattern.quote(dedented) + "```");
  }
}
