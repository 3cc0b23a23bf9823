package org.nivaran.grievance.examples.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand.ConfirmSatisfied;
import org.nivaran.grievance.complaint.ComplaintCommand.Reject;
import org.nivaran.grievance.complaint.ComplaintCommand.Resolve;
import org.nivaran.grievance.complaint.ComplaintCommand.StartWork;
import org.nivaran.grievance.complaint.ComplaintCommand.Withdraw;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.Location;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.directory.Category;
import org.nivaran.grievance.directory.Department;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.directory.Jurisdiction;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.SampleDistrict;

/** Complaints of the sample district exported as GeoReport v2 service requests. */
class Open311ExportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Monday 4 March 2024, 11:00 in Raipur. */
  private static final Instant MONDAY = Instant.parse("2024-03-04T05:30:00Z");
  private static final Actor AE_OFFICER = Actor.officer("OFF-AE-RAIPUR", SampleDistrict.ENERGY_L1);

  private final Directory directory = SampleDistrict.directory();
  private MutableClock clock;
  private Grievances grievances;

  @BeforeEach
  void district() {
    clock = new MutableClock(MONDAY);
    grievances = SampleDistrict.grievances(new InMemoryComplaintStore(), clock)
        .idScheme(ComplaintIdScheme.yearly("RPR", SampleDistrict.IST))
        .build();
  }

  /** An energy complaint, assigned to AE-RAIPUR at L1, due at the end of its 7th day (midnight of 11 March, IST). */
  private Complaint energyComplaint() {
    return grievances.register(SampleDistrict.request(0), SampleDistrict.AGENT);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private Open311Export named() {
    return Open311Export.builder()
        .serviceNames(code -> directory.categories().find(code).map(Category::nameEn).orElse(code))
        .agencyNames(code -> directory.departments().find(code).map(Department::nameEn).orElse(code))
        .addresses(code -> directory.jurisdictions().find(code).map(Jurisdiction::nameEn).orElse(code))
        .build();
  }

  @Nested
  class Field_mapping {

    @Test
    void an_open_complaint_in_progress_maps_every_field_with_its_sla_deadline_as_expected_datetime() {
      Complaint c = energyComplaint();
      clock.advance(Duration.ofHours(2));
      c = grievances.execute(c.id(), new StartWork(), AE_OFFICER);

      JsonNode got = Open311Export.ofDefaults().serviceRequest(c);

      assertThat(got).isEqualTo(json("""
          {
            "service_request_id": "RPR-2024-000001",
            "status": "open",
            "status_notes": "IN_PROGRESS",
            "service_name": "ENERGY.SUPPLY",
            "service_code": "ENERGY.SUPPLY",
            "description": "तीन दिन से बिजली नहीं है — शिकायत 0",
            "agency_responsible": "ENERGY",
            "service_notice": null,
            "requested_datetime": "2024-03-04T11:00:00+05:30",
            "updated_datetime": "2024-03-04T13:00:00+05:30",
            "expected_datetime": "2024-03-12T00:00:00+05:30",
            "address": "WARD-12",
            "address_id": null,
            "zipcode": null,
            "lat": null,
            "long": null,
            "media_url": null
          }"""));
      assertThat(c.sla().flatMap(t -> t.deadline())).contains(Instant.parse("2024-03-11T18:30:00Z"));
    }

    @Test
    void a_located_complaint_carries_lat_long_and_its_address_line_and_landmark_as_the_address() {
      Location at = Location.of("21.25140000", "81.62960")
          .withAddressLine("मकान नं. 12, गली 4, वार्ड 12")
          .withLandmark("हनुमान मंदिर");
      Complaint c = grievances.register(
          RegisterComplaint.builder().from(SampleDistrict.request(0)).location(at).build(), SampleDistrict.AGENT);

      JsonNode got = named().serviceRequest(c);
      String text = named().toJson(List.of(c));

      assertThat(got.get("lat").decimalValue()).isEqualTo(new BigDecimal("21.25140000"));
      assertThat(got.get("long").decimalValue()).isEqualTo(new BigDecimal("81.62960"));
      assertThat(got.path("address").asText()).isEqualTo("मकान नं. 12, गली 4, वार्ड 12, near हनुमान मंदिर");
      assertThat(text).contains("\"lat\":21.25140000,\"long\":81.62960,");
      assertThat(got.fieldNames()).toIterable().hasSize(17);
    }

    @Test
    void a_location_without_an_address_line_gives_its_landmark_or_else_the_jurisdiction_and_tiny_coordinates_stay_plain() {
      Complaint landmarkOnly = grievances.register(RegisterComplaint.builder().from(SampleDistrict.request(0))
          .location(Location.of("-0.00000010", "0").withLandmark("पुराना बस स्टैंड")).build(), SampleDistrict.AGENT);
      Complaint pointOnly = grievances.register(RegisterComplaint.builder().from(SampleDistrict.request(1))
          .location(Location.of("90", "-180")).build(), SampleDistrict.AGENT);

      String text = named().toJson(List.of(landmarkOnly, pointOnly));

      assertThat(json(text).get(0).path("address").asText()).isEqualTo("पुराना बस स्टैंड");
      assertThat(json(text).get(1).path("address").asText()).isEqualTo("Ward 12");
      assertThat(text).contains("\"lat\":-0.00000010,\"long\":0,", "\"lat\":90,\"long\":-180,").doesNotContain("E-");
    }

    @Test
    void the_keys_are_always_all_present_in_the_order_of_the_spec() {
      JsonNode got = Open311Export.ofDefaults().serviceRequest(energyComplaint());

      assertThat(got.fieldNames()).toIterable().containsExactly(
          "service_request_id", "status", "status_notes", "service_name", "service_code", "description",
          "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime",
          "address", "address_id", "zipcode", "lat", "long", "media_url");
    }

    @Test
    void a_complaint_closed_as_satisfied_is_closed_with_its_kind_and_remark_and_no_expected_datetime() {
      Complaint c = energyComplaint();
      clock.advance(Duration.ofHours(5));
      c = grievances.execute(c.id(), new Resolve("ट्रांसफ़ॉर्मर बदला गया", List.of()), AE_OFFICER);
      clock.advance(Duration.ofDays(1));
      c = grievances.execute(c.id(), new ConfirmSatisfied(Optional.of(5), Optional.of("धन्यवाद, बिजली आ गई")),
          SampleDistrict.AGENT);

      JsonNode got = named().serviceRequest(c);

      assertThat(got.path("status").asText()).isEqualTo("closed");
      assertThat(got.path("status_notes").asText()).isEqualTo("SATISFIED: धन्यवाद, बिजली आ गई");
      assertThat(got.path("service_name").asText()).isEqualTo("Electricity supply interrupted");
      assertThat(got.path("agency_responsible").asText()).isEqualTo("Energy");
      assertThat(got.path("address").asText()).isEqualTo("Ward 12");
      assertThat(got.path("requested_datetime").asText()).isEqualTo("2024-03-04T11:00:00+05:30");
      assertThat(got.path("updated_datetime").asText()).isEqualTo("2024-03-05T16:00:00+05:30");
      assertThat(got.get("expected_datetime").isNull()).isTrue();
    }

    @Test
    void a_rejected_duplicate_names_the_complaint_it_repeats_and_a_withdrawal_without_reason_only_its_kind() {
      Complaint first = energyComplaint();
      Complaint repeat = grievances.register(SampleDistrict.request(2), SampleDistrict.AGENT);
      Complaint other = grievances.register(SampleDistrict.request(4), SampleDistrict.AGENT);
      repeat = grievances.execute(repeat.id(),
          new Reject(RejectionReason.DUPLICATE, "same transformer", Optional.of(first.id())), AE_OFFICER);
      other = grievances.execute(other.id(), new Withdraw(Optional.empty()), SampleDistrict.AGENT);

      JsonNode got = Open311Export.ofDefaults().serviceRequests(List.of(first, repeat, other));

      assertThat(got).hasSize(3);
      assertThat(got.get(1).path("status").asText()).isEqualTo("closed");
      assertThat(got.get(1).path("status_notes").asText()).isEqualTo("DUPLICATE of RPR-2024-000001: same transformer");
      assertThat(got.get(2).path("status").asText()).isEqualTo("closed");
      assertThat(got.get(2).path("status_notes").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void a_complaint_not_yet_assigned_has_no_agency_and_no_expected_datetime() {
      Grievances bare = Grievances.builder().clock(clock).build(); // no directory: nothing routes it
      Complaint c = bare.register(SampleDistrict.request(1), SampleDistrict.AGENT);

      JsonNode got = Open311Export.ofDefaults().serviceRequest(c);

      assertThat(got.path("status").asText()).isEqualTo("open");
      assertThat(got.path("status_notes").asText()).isEqualTo("REGISTERED");
      assertThat(got.get("agency_responsible").isNull()).isTrue();
      assertThat(got.get("expected_datetime").isNull()).isTrue();
    }

    @Test
    void a_name_function_that_knows_no_name_falls_back_to_the_code() {
      Open311Export export = Open311Export.builder().serviceNames(code -> null).agencyNames(code -> " ").build();

      JsonNode got = export.serviceRequest(energyComplaint());

      assertThat(got.path("service_name").asText()).isEqualTo("ENERGY.SUPPLY");
      assertThat(got.path("agency_responsible").asText()).isEqualTo("ENERGY");
    }
  }

  @Nested
  class Text_and_time {

    @Test
    void a_devanagari_description_with_emoji_round_trips_exactly_through_the_json_text() throws IOException {
      String description = "पाइपलाइन फट गई है 💧 — वार्ड १२, गली नं. ३ में \"सड़क\" पर पानी\nदो दिन से नल सूखे हैं";
      Complaint c = grievances.register(RegisterComplaint.builder()
              .channel(Channel.WHATSAPP)
              .citizen(Complainant.of("सुनीता वर्मा", "098765 43210", "hi"))
              .categoryCode(SampleDistrict.WATER)
              .jurisdictionCode(SampleDistrict.WARD)
              .description(description)
              .build(),
          SampleDistrict.AGENT);
      StringWriter out = new StringWriter();

      Open311Export.ofDefaults().write(List.of(c), out);
      String text = Open311Export.ofDefaults().toJson(List.of(c));

      assertThat(out.toString()).isEqualTo(text).contains("पाइपलाइन फट गई है 💧");
      assertThat(JSON.readTree(text).get(0).path("description").asText()).isEqualTo(c.description()).isEqualTo(description);
      assertThat(text).doesNotContain("सुनीता", "9876543210"); // the citizen is never exported
    }

    @Test
    void times_carry_the_offset_of_the_zone_and_follow_its_daylight_saving() {
      Complaint c = energyComplaint(); // registered Monday 4 March, due at midnight ending Monday 11 March, IST

      JsonNode kolkata = Open311Export.ofDefaults().serviceRequest(c);
      JsonNode utc = Open311Export.builder().zone(ZoneOffset.UTC).build().serviceRequest(c);
      JsonNode newYork = Open311Export.builder().zone(ZoneId.of("America/New_York")).build().serviceRequest(c);

      assertThat(kolkata.path("requested_datetime").asText()).isEqualTo("2024-03-04T11:00:00+05:30");
      assertThat(utc.path("requested_datetime").asText()).isEqualTo("2024-03-04T05:30:00Z");
      assertThat(newYork.path("requested_datetime").asText()).isEqualTo("2024-03-04T00:30:00-05:00");
      // New York moved its clocks on 10 March 2024
      assertThat(newYork.path("expected_datetime").asText()).isEqualTo("2024-03-11T14:30:00-04:00");
      assertThat(Instant.parse(utc.path("expected_datetime").asText()))
          .isEqualTo(java.time.OffsetDateTime.parse(newYork.path("expected_datetime").asText()).toInstant());
    }

    @Test
    void times_are_written_to_the_second() {
      clock.set(Instant.parse("2024-03-04T05:30:07.123456789Z"));

      JsonNode got = Open311Export.ofDefaults().serviceRequest(energyComplaint());

      assertThat(got.path("requested_datetime").asText()).isEqualTo("2024-03-04T11:00:07+05:30");
    }

    @Test
    void an_empty_list_is_an_empty_array_and_the_writer_is_flushed_and_left_open() throws IOException {
      StringWriter out = new StringWriter();

      Open311Export.ofDefaults().write(List.of(), out);
      out.write("\n"); // still open

      assertThat(out).hasToString("[]\n");
    }
  }
}
