package org.nivaran.grievance.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintFlagged;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintReassigned;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.ComplaintEvent.SlaTimerSet;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.fixtures.ComplaintArbitraries;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.sla.SlaPolicy;
import org.nivaran.grievance.sla.SlaTimer;

/** Everything the lifecycle can produce survives a trip through JSON unchanged. */
class ComplaintJsonProperties {
  private static final ObjectMapper MAPPER = NivaranJson.objectMapper();

  /** The shared random walk, also reassigning, flagging and setting SLA timers. */
  @Provide
  Arbitrary<List<ComplaintEvent>> histories() {
    return SlaJsonArbitraries.histories();
  }

  @Provide
  Arbitrary<SlaTimer> timers() {
    return SlaJsonArbitraries.timers();
  }

  @Provide
  Arbitrary<String> texts() {
    return ComplaintArbitraries.text(4000);
  }

  @Property
  void every_event_of_any_history_round_trips_to_an_equal_event(@ForAll("histories") List<ComplaintEvent> log)
      throws Exception {
    for (ComplaintEvent event : log) {
      byte[] json = MAPPER.writeValueAsBytes(event);
      assertThat(MAPPER.readValue(json, ComplaintEvent.class)).isEqualTo(event);
      assertThat(MAPPER.readValue(json, event.getClass())).isEqualTo(event);
    }
  }

  @Property
  void the_replayed_complaint_of_any_history_round_trips_to_an_equal_complaint(
      @ForAll("histories") List<ComplaintEvent> log) throws Exception {
    Complaint complaint = Lifecycle.replay(log);

    Complaint again = MAPPER.readValue(MAPPER.writeValueAsBytes(complaint), Complaint.class);

    assertThat(again).isEqualTo(complaint);
    // The histories must really exercise the new events and attributes, or this proves little.
    Map<String, Boolean> seen = new LinkedHashMap<>();
    seen.put("complaint has an SLA timer", complaint.sla().isPresent());
    seen.put("complaint has flags", !complaint.flags().isEmpty());
    seen.put("log has ComplaintReassigned", log.stream().anyMatch(ComplaintReassigned.class::isInstance));
    seen.put("log has ComplaintFlagged", log.stream().anyMatch(ComplaintFlagged.class::isInstance));
    seen.put("log has SlaTimerSet", log.stream().anyMatch(SlaTimerSet.class::isInstance));
    seen.put("complaint has a first response", complaint.firstResponse().isPresent());
    seen.put("complaint has a location", complaint.location().isPresent());
    seen.put("log has ContactRecorded", log.stream().anyMatch(ComplaintEvent.ContactRecorded.class::isInstance));
    seen.put("log has PriorityChanged", log.stream().anyMatch(ComplaintEvent.PriorityChanged.class::isInstance));
    seen.put("log has SpecialClosureDueSet", log.stream().anyMatch(ComplaintEvent.SpecialClosureDueSet.class::isInstance));
    // each at least 2 % of the 1,000 tries: 20 histories or more, with many kinds of command to share them
    seen.forEach((label, present) -> {
      Statistics.label(label).collect(present);
      Statistics.label(label).coverage(c -> c.check(true).percentage(p -> p >= 2));
    });
  }

  @Property(tries = 500)
  void any_sla_timer_round_trips_on_its_own_and_inside_an_event(@ForAll("timers") SlaTimer timer) throws Exception {
    SlaTimerSet event = new SlaTimerSet(JsonExamples.ID, 3, JsonExamples.T0, JsonExamples.ROUTER, timer);

    assertThat(MAPPER.readValue(MAPPER.writeValueAsBytes(timer), SlaTimer.class)).isEqualTo(timer);
    assertThat(MAPPER.readValue(MAPPER.writeValueAsBytes(timer.policy()), SlaPolicy.class)).isEqualTo(timer.policy());
    assertThat(MAPPER.readValue(MAPPER.writeValueAsBytes(timer.policy().otherwise()), SlaBudget.class))
        .isEqualTo(timer.policy().otherwise());
    assertThat(MAPPER.readValue(MAPPER.writeValueAsBytes(event), ComplaintEvent.class)).isEqualTo(event);
  }

  @Property(tries = 200)
  void a_whole_log_written_as_an_array_reads_back_and_replays_to_the_same_complaint(
      @ForAll("histories") List<ComplaintEvent> log) throws Exception {
    String json = MAPPER.writeValueAsString(log);

    List<ComplaintEvent> again = MAPPER.readValue(json, new TypeReference<List<ComplaintEvent>>() {});

    assertThat(again).isEqualTo(log);
    assertThat(Lifecycle.replay(again)).isEqualTo(Lifecycle.replay(log));
  }

  @Property(tries = 300)
  void any_description_round_trips_byte_for_byte(@ForAll("texts") String description) throws Exception {
    ComplaintRegistered r = JsonExamples.registered();
    ComplaintRegistered withText = new ComplaintRegistered(
        r.complaintId(), r.sequence(), r.occurredAt(), r.actor(), r.kind(), r.channel(), r.citizen(),
        r.categoryCode(), r.jurisdictionCode(), description, r.attachments(), Optional.empty());

    ComplaintRegistered again = MAPPER.readValue(MAPPER.writeValueAsBytes(withText), ComplaintRegistered.class);

    assertThat(again.description().getBytes(StandardCharsets.UTF_8))
        .isEqualTo(description.getBytes(StandardCharsets.UTF_8));
  }
}
