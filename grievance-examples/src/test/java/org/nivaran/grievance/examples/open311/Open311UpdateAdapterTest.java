package org.nivaran.grievance.examples.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.notify.NotificationFailedException;
import org.nivaran.grievance.notify.SourceAdapters;
import org.nivaran.grievance.notify.SourceUpdate;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.tck.MutableClock;

/** The Open311 server a grievance came from hears of its reply and its closure as service request updates. */
class Open311UpdateAdapterTest {
  private static final String SOURCE = "OPEN311-RAIPUR";
  private static final PostId AE = PostId.of("AE-RAIPUR-CITY");

  private final List<ServiceRequestUpdate> sent = new CopyOnWriteArrayList<>();
  private final Open311UpdateAdapter adapter = Open311UpdateAdapter.of(SOURCE, sent::add);
  private final MutableClock clock = new MutableClock(Instant.parse("2024-03-04T05:30:00Z"));
  private final Grievances grievances = Grievances.builder()
      .store(new InMemoryComplaintStore())
      .clock(clock)
      .idScheme(ComplaintIdScheme.yearly("RPR", ZoneOffset.UTC))
      .sources(SourceAdapters.of(adapter))
      .build();
  private final Open311Import importer = Open311Import.builder()
      .source(SOURCE).serviceCodes(Map.of("POTHOLE", "ROADS.POTHOLE")).jurisdiction("RAIPUR").build();

  @Test
  void a_reply_and_a_closure_become_updates_of_the_sources_service_request() {
    Complaint c = grievances.register(importer.read("""
        {"service_request_id":638349,"service_code":"POTHOLE","lat":21.2514,"long":81.6296,
         "description":"सड़क पर गड्ढा","first_name":"सुनीता","last_name":"वर्मा","phone":"+919876543210"}
        """).request(), Actor.system("open311-import"));
    grievances.execute(c.id(), new ComplaintCommand.Assign(AE, "PWD", Level.L1), Actor.system("router"));
    clock.advance(Duration.ofHours(5));
    grievances.execute(c.id(), new ComplaintCommand.Resolve("सुनीता वर्मा जी, गड्ढा भर दिया गया", List.of()),
        Actor.officer("OFF-AE-1", AE));
    clock.advance(Duration.ofHours(1));
    grievances.execute(c.id(), new ComplaintCommand.ConfirmSatisfied(Optional.of(5), Optional.of("धन्यवाद")),
        Actor.agent("AGENT-7"));

    assertThat(sent).extracting(ServiceRequestUpdate::serviceRequestId).containsExactly("638349", "638349");
    assertThat(sent).extracting(ServiceRequestUpdate::status).containsExactly("open", "closed");
    ServiceRequestUpdate reply = sent.get(0);
    assertThat(reply.statusNotes()).contains("गड्ढा भर दिया गया").doesNotContain("सुनीता").doesNotContain("वर्मा");
    assertThat(reply.toJson().toString()).isEqualTo("{\"service_request_id\":\"638349\",\"status\":\"open\","
        + "\"status_notes\":\"" + reply.statusNotes() + "\",\"updated_datetime\":\"2024-03-04T16:00:00+05:30\"}");
    assertThat(sent.get(1).statusNotes()).isEqualTo("closed (SATISFIED): धन्यवाद");
    assertThat(sent.get(1).updatedDatetime().toString()).isEqualTo("2024-03-04T17:00+05:30");
    assertThat(sent.get(0).messageId()).isNotEqualTo(sent.get(1).messageId());
    assertThat(reply.toString()).doesNotContain("गड्ढा");
  }

  @Test
  void an_update_for_another_source_is_refused_permanently_and_nothing_is_sent() {
    SourceUpdate other = new SourceUpdate("m-1", ComplaintId.of("RPR-2024-000001"), 3, ExternalReference.of("CPGRAMS", "X"),
        false, "done", Language.ENGLISH, Instant.parse("2024-03-04T05:30:00Z"));
    assertThatThrownBy(() -> adapter.deliver(other))
        .isInstanceOfSatisfying(NotificationFailedException.class, e -> assertThat(e.permanent()).isTrue());
    assertThat(sent).isEmpty();
  }

  @Test
  void a_status_other_than_open_or_closed_is_refused() {
    assertThatThrownBy(() -> new ServiceRequestUpdate("m", "1", "pending", "", java.time.OffsetDateTime.now()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pending");
  }
}
