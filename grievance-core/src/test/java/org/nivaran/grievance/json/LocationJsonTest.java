package org.nivaran.grievance.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.Location;
import org.nivaran.grievance.fixtures.ComplaintArbitraries;

/** A location travels in the JSON form as numbers with every digit kept, and its texts byte for byte. */
class LocationJsonTest {
  private static final String ADDRESS = "मकान नं. 12, गली 4, वार्ड 12, रायपुर";
  private static final String LANDMARK = "श्री हनुमान मंदिर के पास 🙏";

  private final ObjectMapper mapper = NivaranJson.objectMapper();

  private static ComplaintRegistered locatedAt(Optional<Location> location) {
    ComplaintRegistered r = JsonExamples.registered();
    return new ComplaintRegistered(
        r.complaintId(), r.sequence(), r.occurredAt(), r.actor(), r.kind(), r.channel(), r.citizen(),
        r.categoryCode(), r.jurisdictionCode(), r.description(), r.attachments(), r.idempotencyKey(),
        r.priority(), location);
  }

  private static Complaint complaintAt(Location location) {
    return Complaint.builder().from(JsonExamples.closedComplaint()).location(location).build();
  }

  @Test
  void the_event_carries_the_location_as_json_numbers_with_their_digits() throws Exception {
    Location at = Location.of("21.25140000", "81.62960").withAddressLine(ADDRESS).withLandmark(LANDMARK);
    ComplaintRegistered event = locatedAt(Optional.of(at));

    String json = mapper.writeValueAsString(event);

    assertThat(json).contains("\"location\":{\"latitude\":21.25140000,\"longitude\":81.62960,\"addressLine\":\"");
    ComplaintRegistered again = (ComplaintRegistered) mapper.readValue(json, ComplaintEvent.class);
    assertThat(again).isEqualTo(event);
    assertThat(again.location().orElseThrow().latitude().toPlainString()).isEqualTo("21.25140000");
    assertThat(again.location().orElseThrow().addressLine().orElseThrow().getBytes(StandardCharsets.UTF_8))
        .isEqualTo(ADDRESS.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void the_complaint_document_carries_the_location() throws Exception {
    Complaint complaint = complaintAt(Location.of("-89.12345678", "-179.99999999").withLandmark(LANDMARK));

    String json = mapper.writeValueAsString(complaint);

    assertThat(json).contains("\"latitude\":-89.12345678", "\"longitude\":-179.99999999").doesNotContain("addressLine");
    assertThat(mapper.readValue(json, Complaint.class)).isEqualTo(complaint);
  }

  @Test
  void tiny_coordinates_are_written_plain_not_in_exponent_form() throws Exception {
    Complaint complaint = complaintAt(Location.of(new BigDecimal("1E-8"), new BigDecimal("-0.00000010")));

    String json = mapper.writeValueAsString(complaint);

    assertThat(json).contains("\"latitude\":0.00000001", "\"longitude\":-0.00000010");
    assertThat(mapper.readValue(json, Complaint.class)).isEqualTo(complaint);
  }

  @Test
  void without_a_location_nothing_is_written_and_old_documents_still_read() throws Exception {
    ComplaintRegistered event = locatedAt(Optional.empty());

    String json = mapper.writeValueAsString(event);

    assertThat(json).doesNotContain("location");
    assertThat(mapper.readValue(json, ComplaintEvent.class)).isEqualTo(JsonExamples.registered());
    assertThat(mapper.writeValueAsString(JsonExamples.closedComplaint())).doesNotContain("location");
  }

  @Test
  void a_host_mapper_reading_floats_as_doubles_still_keeps_the_digits() throws Exception {
    ObjectMapper plain = new ObjectMapper().registerModule(new NivaranJacksonModule());
    Complaint complaint = complaintAt(Location.of("21.251400000000", "81.629600000000001"));

    assertThat(plain.readValue(plain.writeValueAsString(complaint), Complaint.class)).isEqualTo(complaint);
  }

  @Test
  void a_location_without_a_longitude_is_refused_naming_it() throws Exception {
    ObjectNode tree = (ObjectNode) mapper.readTree(mapper.writeValueAsString(locatedAt(Optional.of(Location.of("21.25", "81.62")))));
    ((ObjectNode) tree.get("location")).remove("longitude");

    MismatchedInputException e = catchThrowableOfType(MismatchedInputException.class,
        () -> mapper.readValue(mapper.writeValueAsString(tree), ComplaintEvent.class));

    assertThat(e.getOriginalMessage()).isEqualTo("Cannot read ComplaintEvent: missing required field 'location.longitude'");
  }

  @Test
  void an_out_of_range_or_textual_coordinate_is_refused_naming_it() throws Exception {
    String json = mapper.writeValueAsString(complaintAt(Location.of("21.25", "81.62")));

    ValueInstantiationException range = catchThrowableOfType(ValueInstantiationException.class,
        () -> mapper.readValue(json.replace("\"latitude\":21.25", "\"latitude\":90.0000001"), Complaint.class));
    MismatchedInputException text = catchThrowableOfType(MismatchedInputException.class,
        () -> mapper.readValue(json.replace("\"longitude\":81.62", "\"longitude\":\"81.62\""), Complaint.class));

    assertThat(range.getOriginalMessage()).startsWith("Cannot read Complaint: invalid value in field 'location.latitude'");
    assertThat(text.getOriginalMessage()).contains("'location.longitude'", "number");
  }

  @Provide
  Arbitrary<Location> locations() {
    return ComplaintArbitraries.locations();
  }

  @Property(tries = 500)
  void any_location_round_trips_in_the_event_and_the_complaint(@ForAll("locations") Location location)
      throws Exception {
    ComplaintRegistered event = locatedAt(Optional.of(location));
    Complaint complaint = complaintAt(location);

    ComplaintRegistered again = (ComplaintRegistered) mapper.readValue(mapper.writeValueAsBytes(event), ComplaintEvent.class);
    JsonNode tree = mapper.readTree(mapper.writeValueAsBytes(complaint));

    assertThat(again).isEqualTo(event);
    assertThat(again.location().orElseThrow().latitude().scale()).isEqualTo(location.latitude().scale());
    assertThat(mapper.readValue(mapper.writeValueAsBytes(complaint), Complaint.class)).isEqualTo(complaint);
    assertThat(tree.get("location").get("latitude").isNumber()).isTrue();
  }
}
