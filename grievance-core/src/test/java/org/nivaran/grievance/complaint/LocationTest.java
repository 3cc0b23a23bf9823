package org.nivaran.grievance.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nivaran.grievance.InvalidInputException;

/** A location's coordinates are checked and kept digit for digit; its texts are one line in any script. */
class LocationTest {
  private static final String ADDRESS = "मकान नं. 12, गली 4, वार्ड 12, रायपुर";
  private static final String LANDMARK = "हनुमान मंदिर के पास";

  private static InvalidInputException refused(Runnable make) {
    return catchThrowableOfType(InvalidInputException.class, make::run);
  }

  @ParameterizedTest
  @CsvSource({"90, 180", "-90, -180", "90.000000, -180.00", "0, 0", "-0.0, 0.0", "21.2514, 81.62960"})
  void coordinates_on_and_inside_the_ranges_are_accepted_with_their_digits(String lat, String lon) {
    Location l = Location.of(lat, lon);

    assertThat(l.latitude().toPlainString()).isEqualTo(new BigDecimal(lat).toPlainString());
    assertThat(l.longitude().toPlainString()).isEqualTo(new BigDecimal(lon).toPlainString());
  }

  @Test
  void precision_is_kept_exactly_trailing_zeros_included() {
    Location l = Location.of("21.25140000", "81.62960");

    assertThat(l.latitude()).isEqualTo(new BigDecimal("21.25140000"));
    assertThat(l.latitude().scale()).isEqualTo(8);
    assertThat(l.longitude().toPlainString()).isEqualTo("81.62960");
    assertThat(l).isNotEqualTo(Location.of("21.2514", "81.6296"));
  }

  @Test
  void a_double_is_taken_as_its_shortest_decimal_text() {
    Location l = Location.of(21.2514, 81.6296);

    assertThat(l.latitude().toPlainString()).isEqualTo("21.2514");
    assertThat(l.longitude().toPlainString()).isEqualTo("81.6296");
  }

  @Test
  void a_negative_scale_is_kept_as_the_plain_number() {
    Location l = Location.of(new BigDecimal("1E+1"), new BigDecimal("-1.2E+2"));

    assertThat(l.latitude()).isEqualTo(new BigDecimal("10"));
    assertThat(l.longitude()).isEqualTo(new BigDecimal("-120"));
  }

  @ParameterizedTest
  @CsvSource({
    "90.0000001, 0, location.latitude",
    "-90.0000001, 0, location.latitude",
    "91, 0, location.latitude",
    "0, 180.00000001, location.longitude",
    "0, -180.1, location.longitude",
    "0, 1E+3, location.longitude",
    "1E-16, 0, location.latitude"
  })
  void coordinates_outside_the_ranges_are_refused_naming_the_field(String lat, String lon, String field) {
    InvalidInputException e = refused(() -> Location.of(lat, lon));

    assertThat(e.field()).isEqualTo(field);
  }

  @Test
  void nan_and_infinity_are_refused_naming_the_field() {
    assertThat(refused(() -> Location.of(Double.NaN, 0)).field()).isEqualTo("location.latitude");
    assertThat(refused(() -> Location.of(0, Double.POSITIVE_INFINITY)).field()).isEqualTo("location.longitude");
    assertThat(refused(() -> Location.of("NaN", "0")).field()).isEqualTo("location.latitude");
    assertThat(refused(() -> Location.of("0", "east")).getMessage()).contains("location.longitude", "decimal number");
  }

  @Test
  void one_coordinate_without_the_other_is_refused_naming_the_missing_one() {
    assertThat(refused(() -> Location.of(new BigDecimal("21.25"), null)).field()).isEqualTo("location.longitude");
    assertThat(refused(() -> Location.of(null, new BigDecimal("81.62"))).field()).isEqualTo("location.latitude");
    assertThat(refused(() -> Location.of((String) null, "81.62")).field()).isEqualTo("location.latitude");
  }

  @Test
  void devanagari_address_and_landmark_are_kept_stripped_and_nfc() {
    Location l = Location.of("21.2514", "81.6296").withAddressLine("  " + ADDRESS + " ").withLandmark(LANDMARK);

    assertThat(l.addressLine()).contains(ADDRESS);
    assertThat(l.landmark()).contains(LANDMARK);
    assertThat(Location.of("0", "0").withLandmark("\u095Bमीन").landmark())
        .contains(Normalizer.normalize("\u095Bमीन", Normalizer.Form.NFC));
  }

  @Test
  void texts_must_be_one_line_and_not_too_long() {
    Location at = Location.of("21.2514", "81.6296");

    assertThat(refused(() -> at.withAddressLine("गली 4\nरायपुर")).field()).isEqualTo("location.addressLine");
    assertThat(refused(() -> at.withAddressLine(" ")).field()).isEqualTo("location.addressLine");
    assertThat(refused(() -> at.withAddressLine("क".repeat(Location.MAX_ADDRESS_LINE_LENGTH + 1))).field())
        .isEqualTo("location.addressLine");
    assertThat(at.withAddressLine("क".repeat(Location.MAX_ADDRESS_LINE_LENGTH)).addressLine()).isPresent();
    assertThat(refused(() -> at.withLandmark("क".repeat(Location.MAX_LANDMARK_LENGTH + 1))).field())
        .isEqualTo("location.landmark");
    assertThat(refused(() -> new Location(BigDecimal.ONE, BigDecimal.ONE, null, Optional.empty())).field())
        .isEqualTo("location.addressLine");
  }

  @Test
  void to_string_shows_neither_the_address_nor_the_landmark_nor_the_exact_point() {
    Location l = Location.of("21.2514321", "81.62960").withAddressLine(ADDRESS).withLandmark(LANDMARK);

    assertThat(l.toString())
        .contains("latitude=21.25", "longitude=81.62", "redacted")
        .doesNotContain(ADDRESS, LANDMARK, "मंदिर", "रायपुर", "21.2514", "81.6296");
  }

  @Test
  void a_registration_carries_its_location_to_the_event_and_the_complaint_and_logs_it_masked() {
    Location at = Location.of("21.2514", "81.62960").withAddressLine(ADDRESS).withLandmark(LANDMARK);
    RegisterComplaint unlocated = RegisterComplaint.builder()
        .channel(Channel.PHONE_CALL)
        .citizen(Complainant.of("रमेश कुमार", "9876543210", "hi"))
        .categoryCode("ENERGY.SUPPLY.OUTAGE")
        .jurisdictionCode("CG.RAIPUR.WARD-12")
        .description("खंभे की बत्ती नहीं जलती")
        .build();
    RegisterComplaint located = RegisterComplaint.builder().from(unlocated).location(at).build();

    ComplaintEvent.ComplaintRegistered registered = Lifecycle.register(
        ComplaintId.of("RPR-2024-000001"), located, org.nivaran.grievance.actor.Actor.agent("AGENT-1"),
        java.time.Instant.parse("2024-03-04T05:30:00Z"));
    Complaint complaint = Lifecycle.start(registered);

    assertThat(unlocated.location()).isEmpty();
    assertThat(registered.location()).contains(at);
    assertThat(complaint.location()).contains(at);
    assertThat(Lifecycle.replay(java.util.List.of(registered))).isEqualTo(complaint);
    assertThat(located.fingerprint()).isNotEqualTo(unlocated.fingerprint());
    assertThat(RegisterComplaint.builder().from(unlocated).location(Optional.empty()).build().fingerprint())
        .isEqualTo(unlocated.fingerprint());
    for (String logged : java.util.List.of(located.toString(), registered.toString(), complaint.toString())) {
      assertThat(logged).contains("location=Location[latitude=21.25").doesNotContain(ADDRESS, LANDMARK, "81.6296");
    }
  }
}
