package org.nivaran.grievance.examples.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.complaint.Registration;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.tck.MutableClock;

/** Open311 GeoReport v2 service requests imported as registrations, and exported back. */
class Open311ImportTest {
  private static final String SOURCE = "OPEN311-SF";
  private static final Actor PORTAL = Actor.system("open311-import");

  /**
   * The GeoReport v2 specification's own example answer of {@code GET Service Requests}, JSON tab,
   * as published at https://wiki.open311.org/GeoReport_v2 ("Example response"), character for
   * character (including its {@code 006} and the trailing space in the first media URL).
   */
  static final String SPEC_GET_REQUESTS_EXAMPLE = """
      [
        {
          "service_request_id":638344,
          "status":"closed",
          "status_notes":"Duplicate request.",
          "service_name":"Sidewalk and Curb Issues",
          "service_code":006,
          "description":null,
          "agency_responsible":null,
          "service_notice":null,
          "requested_datetime":"2010-04-14T06:37:38-08:00",
          "updated_datetime":"2010-04-14T06:37:38-08:00",
          "expected_datetime":"2010-04-15T06:37:38-08:00",
          "address":"8TH AVE and JUDAH ST",
          "address_id":545483,
          "zipcode":94122,
          "lat":37.762221815,
          "long":-122.4651145,
          "media_url":"http://city.gov.s3.amazonaws.com/requests/media/638344.jpg "
        },
        {
          "service_request_id":638349,
          "status":"open",
          "status_notes":null,
          "service_name":"Sidewalk and Curb Issues",
          "service_code":006,
          "description":null,
          "agency_responsible":null,
          "service_notice":null,
          "requested_datetime":"2010-04-19T06:37:38-08:00",
          "updated_datetime":"2010-04-19T06:37:38-08:00",
          "expected_datetime":"2010-04-19T06:37:38-08:00",
          "address":"8TH AVE and JUDAH ST",
          "address_id":545483,
          "zipcode":94122,
          "lat":37.762221815,
          "long":-122.4651145,
          "media_url":"http://city.gov.s3.amazonaws.com/requests/media/638349.jpg"
        }
      ]
      """;

  /**
   * The spec's example with its one flaw mended: JSON (RFC 8259) allows no leading zero, so the
   * number {@code 006} is written as the string {@code "006"}, as the spec's XML example
   * ({@code <service_code>006</service_code>}) shows it is meant. Nothing else differs.
   */
  static final String SPEC_EXAMPLE_AS_JSON = SPEC_GET_REQUESTS_EXAMPLE.replace("\"service_code\":006", "\"service_code\":\"006\"");

  private static final Map<String, String> SERVICE_CODES = Map.of("006", "ROADS.FOOTPATH", "POTHOLE", "ROADS.POTHOLE");
  private static final Complainant DESK = Complainant.of("SF 311 desk", "+14155550100", "en");

  private final Open311Import importer = Open311Import.builder()
      .source(SOURCE)
      .serviceCodes(SERVICE_CODES)
      .jurisdiction("SF.SUNSET")
      .defaultCitizen(DESK)
      .build();
  private final MutableClock clock = new MutableClock(Instant.parse("2010-04-14T14:37:38Z"));
  private final InMemoryComplaintStore store = new InMemoryComplaintStore();
  private final Grievances grievances = Grievances.builder()
      .store(store)
      .clock(clock)
      .idScheme(ComplaintIdScheme.yearly("SF", ZoneOffset.UTC))
      .build();
  private final Open311Export export = Open311Export.builder()
      .source(SOURCE)
      .serviceCodes(category -> SERVICE_CODES.entrySet().stream().filter(e -> e.getValue().equals(category))
          .map(Map.Entry::getKey).findFirst().orElse(category))
      .serviceNames(category -> "Sidewalk and Curb Issues")
      .zone(ZoneOffset.ofHours(-8))
      .build();

  /** Registers an import at its requested time, as a portal feeding Nivaran would. */
  private Registration register(Open311Import.Imported imported) {
    imported.requestedAt().ifPresent(t -> clock.set(t.toInstant()));
    return grievances.submit(imported.request(), PORTAL);
  }

  @Test
  void the_specs_example_verbatim_is_refused_naming_service_code_for_its_leading_zero() {
    assertThatThrownBy(() -> importer.readAll(SPEC_GET_REQUESTS_EXAMPLE))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("service_code"))
        .hasMessageContaining("line 7");
  }

  @Test
  void the_specs_example_requests_round_trip_import_register_export() throws Exception {
    JsonNode spec = new com.fasterxml.jackson.databind.ObjectMapper()
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .readTree(SPEC_EXAMPLE_AS_JSON);
    List<Open311Import.Imported> imported = importer.readAll(SPEC_EXAMPLE_AS_JSON);
    assertThat(imported).extracting(i -> i.reference().id()).containsExactly("638344", "638349");

    List<Complaint> complaints = imported.stream().map(i -> register(i).complaint()).toList();
    JsonNode exported = export.serviceRequests(complaints);

    for (int i = 0; i < 2; i++) {
      JsonNode given = spec.get(i);
      JsonNode back = exported.get(i);
      assertThat(back.get("service_request_id").asText()).isEqualTo(given.get("service_request_id").asText());
      for (String field : List.of("service_code", "service_name", "requested_datetime", "address")) {
        assertThat(back.get(field).asText()).as(field).isEqualTo(given.get(field).asText());
      }
      for (String field : List.of("lat", "long")) {
        assertThat(back.get(field).decimalValue()).as(field).isEqualTo(given.get(field).decimalValue());
        assertThat(back.get(field).decimalValue().toPlainString()).as(field)
            .isEqualTo(given.get(field).decimalValue().toPlainString());
      }
      // the spec's requests have no description: the service's name stands in for it
      assertThat(back.get("description").asText()).isEqualTo("Sidewalk and Curb Issues");
    }
    assertThat(exported.get(1).get("status").asText()).isEqualTo(spec.get(1).get("status").asText());
    assertThat(complaints.get(0).attachments()).singleElement()
        .satisfies(a -> assertThat(a.reference()).isEqualTo("http://city.gov.s3.amazonaws.com/requests/media/638344.jpg"));
    assertThat(complaints.get(0).citizen()).isEqualTo(DESK);
    assertThat(complaints.get(0).references()).containsExactly(ExternalReference.of(SOURCE, "638344"));
  }

  @Test
  void importing_the_same_requests_again_returns_the_complaints_made_and_stores_nothing() {
    List<Complaint> first = importer.readAll(SPEC_EXAMPLE_AS_JSON).stream().map(i -> register(i).complaint()).toList();
    List<Registration> again = importer.readAll(SPEC_EXAMPLE_AS_JSON).stream().map(this::register).toList();
    assertThat(again).extracting(Registration::outcome).containsOnly(Registration.Outcome.REPLAYED);
    assertThat(again).extracting(r -> r.complaint().id()).containsExactlyElementsOf(first.stream().map(Complaint::id).toList());
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void a_devanagari_request_round_trips_byte_for_byte_with_its_coordinates_digit_for_digit() {
    String post = """
        {"service_code":"POTHOLE","lat":"21.25140","long":81.62960,
         "address_string":"गली 4, वार्ड 12, रायपुर",
         "description":"सड़क पर बड़ा गड्ढा है, दो दिन से पानी भरा है।\\nकृपया जल्द मरम्मत करें 🙏",
         "first_name":"सुनीता","last_name":"वर्मा","phone":"98765 43210","email":"sunita@example.in",
         "media_url":"https://media.example.in/raipur/गड्ढा.jpg","token":"tok-अ1",
         "requested_datetime":"2024-03-04T11:00:00+05:30"}
        """;
    Open311Import.Imported imported = importer.read(post);
    Complaint c = register(imported).complaint();
    ObjectNode back = export.serviceRequest(c);

    assertThat(imported.reference()).isEqualTo(ExternalReference.of(SOURCE, "tok-अ1"));
    assertThat(back.get("service_request_id").asText()).isEqualTo("tok-अ1");
    assertThat(back.get("description").asText().getBytes(StandardCharsets.UTF_8))
        .isEqualTo("सड़क पर बड़ा गड्ढा है, दो दिन से पानी भरा है।\nकृपया जल्द मरम्मत करें 🙏".getBytes(StandardCharsets.UTF_8));
    assertThat(back.get("address").asText()).isEqualTo("गली 4, वार्ड 12, रायपुर");
    assertThat(back.get("lat").decimalValue().toPlainString()).isEqualTo("21.25140");
    assertThat(back.get("long").decimalValue().toPlainString()).isEqualTo("81.62960");
    assertThat(back.get("service_code").asText()).isEqualTo("POTHOLE");
    assertThat(c.citizen().name()).isEqualTo("सुनीता वर्मा");
    assertThat(c.citizen().phone().e164()).isEqualTo("+919876543210");
    assertThat(c.categoryCode()).isEqualTo("ROADS.POTHOLE");
    assertThat(c.jurisdictionCode()).isEqualTo("SF.SUNSET");
    assertThat(c.attachments()).singleElement().satisfies(a -> assertThat(a.name()).isEqualTo("गड्ढा.jpg"));
    assertThat(imported.request().toString()).doesNotContain("43210").doesNotContain("सुनीता वर्मा");
  }

  @Test
  void a_request_without_coordinates_keeps_its_address_in_the_description() {
    Open311Import.Imported imported = importer.read(
        "{\"service_request_id\":\"A-1\",\"service_code\":\"POTHOLE\",\"address_string\":\"स्टेशन रोड\",\"description\":\"गड्ढा\"}");
    assertThat(imported.request().location()).isEmpty();
    assertThat(imported.request().description()).isEqualTo("गड्ढा\nAddress: स्टेशन रोड");
    assertThat(imported.requestedAt()).isEmpty();
  }

  @Test
  void bad_input_is_refused_naming_the_open311_field() {
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put("{\"service_request_id\":1,\"lat\":1,\"long\":2}", "service_code");
    cases.put("{\"service_request_id\":1,\"service_code\":\"NOPE\"}", "service_code");
    cases.put("{\"service_code\":\"006\"}", "service_request_id");
    cases.put("{\"service_request_id\":1,\"service_code\":\"006\",\"lat\":21.2}", "long");
    cases.put("{\"service_request_id\":1,\"service_code\":\"006\",\"long\":81.6}", "lat");
    cases.put("{\"service_request_id\":1,\"service_code\":\"006\",\"lat\":91.5,\"long\":81.6}", "lat");
    cases.put("{\"service_request_id\":1,\"service_code\":\"006\",\"lat\":true,\"long\":81.6}", "lat");
    cases.put("{\"service_request_id\":1,\"service_code\":\"006\",\"lat\":37.76,\"long\":200}", "long");
    cases.put("{\"service_request_id\":1,\"service_code\":\"006\",\"requested_datetime\":\"yesterday\"}", "requested_datetime");
    cases.put("{\"service_request_id\":1,\"service_code\":\"006\",\"description\":7}", "description");
    cases.put("{\"service_request_id\":1,\"service_code\":\"006\",\"phone\":\"98765-4321x\",\"first_name\":\"A\"}", "phone");
    cases.put("{\"service_request_id\":\"  \",\"service_code\":\"006\"}", "service_request_id");
    cases.put("{\"service_request_id\":1,\"service_code\":\"006\",\"description\":\"" + "क".repeat(4001) + "\"}", "description");
    cases.put("{\"service_request_id\":1,\"service_code\":", "service_code");
    cases.put("this is not JSON", "json");
    cases.put("[{\"service_request_id\":1,\"service_code\":\"006\"}]", "json");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      assertThatThrownBy(() -> importer.read(c.getKey())).as(c.getKey().substring(0, Math.min(80, c.getKey().length())))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(c.getValue()));
    }
  }

  @Test
  void an_element_of_an_array_is_named_by_its_index_and_a_number_never_reaches_the_message() {
    assertThatThrownBy(() -> importer.readAll("[{\"service_request_id\":1,\"service_code\":\"006\"},"
        + "{\"service_request_id\":2,\"service_code\":\"MISSING\"}]"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("[1].service_code"));
    Open311Import strict = Open311Import.builder().source(SOURCE).serviceCodes(SERVICE_CODES).jurisdiction("SF").build();
    assertThatThrownBy(() -> strict.read("{\"service_request_id\":1,\"service_code\":\"006\"}"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("phone"));
    assertThatThrownBy(() -> strict.read("{\"service_request_id\":1,\"service_code\":\"006\",\"phone\":\"9876543210\"}"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("first_name"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("9876543210"));
    assertThatThrownBy(() -> strict.read("{\"service_request_id\":1,\"service_code\":\"006\",\"phone\":\"98765 4321 0x\",\"first_name\":\"सुनीता\"}"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("98765").doesNotContain("सुनीता"));
  }

  @Test
  void an_import_without_its_settings_is_refused_naming_the_missing_one() {
    assertThatThrownBy(() -> Open311Import.builder().serviceCodes(SERVICE_CODES).jurisdiction("SF").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("source");
    assertThatThrownBy(() -> Open311Import.builder().source(SOURCE).jurisdiction("SF").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("serviceCodes");
    assertThatThrownBy(() -> Open311Import.builder().source(SOURCE).serviceCodes(SERVICE_CODES).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("jurisdiction");
    assertThatThrownBy(() -> Open311Import.builder().source("not a code"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reference.source"));
  }
}
