package org.nivaran.grievance.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.complaint.Complainant;

/** Phone numbers as agents and chat bots receive them, normalised to E.164. */
class PhoneNumberTest {

  @ParameterizedTest(name = "''{0}'' is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "9876543210           | +919876543210",
        "+919876543210        | +919876543210",
        "919876543210         | +919876543210",
        "09876543210          | +919876543210",
        "098765 43210         | +919876543210",
        "+91 98765-43210      | +919876543210",
        "98765.43210          | +919876543210",
        "'  9876543210  '     | +919876543210",
        "(0771) 234-5678      | +917712345678",
        "0771-2345678         | +917712345678",
        "९८७६५४३२१०           | +919876543210",
        "+९१ ९८७६५ ४३२१०      | +919876543210",
        "6000000000           | +916000000000",
        "+44 20 7946 0958     | +442079460958",
        "0044 20 7946 0958    | +442079460958",
        "+1 (202) 555-0143    | +12025550143",
        "00971 4 123 4567     | +97141234567",
      })
  void accepted_forms_normalise_to_e164(String raw, String e164) {
    assertThat(PhoneNumber.parse(raw).e164()).isEqualTo(e164);
    assertThat(PhoneNumber.parse(raw)).isEqualTo(new PhoneNumber(e164));
    // toString() is masked (issue 15): the country code and the last four digits
    assertThat(PhoneNumber.parse(raw)).hasToString(Masking.phone(new PhoneNumber(e164))).doesNotHaveToString(e164);
  }

  @Test
  void digits_of_other_scripts_are_read_as_digits() {
    // Bengali and Gujarati digits, as typed on regional keyboards
    assertThat(PhoneNumber.parse("৯৮৭৬৫৪৩২১০").e164()).isEqualTo("+919876543210");
    assertThat(PhoneNumber.parse("૯૮૭૬૫૪૩૨૧૦").e164()).isEqualTo("+919876543210");
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(
      strings = {
        "98765abcde", // letters
        "9876S43210", // a letter among digits
        "+91 98765 43210 ext 5", // an extension
        "98765/43210", // an unexpected separator
        "+91+9876543210", // a second plus
        "", // nothing
        "   ", // blank
        "98765", // too short
        "987654321", // 9 digits
        "98765432101", // 11 digits without a trunk 0
        "+91 98765 4321", // 9 digits after +91
        "+91 98765 432100", // 11 digits after +91
        "+910123456789", // Indian, starting with 0 after +91
        "+911234567890", // Indian, starting with 1 after +91
        "911234567890", // 91 then a 1
        "0123456789", // 10 digits starting with 0
        "1234567890", // 10 digits starting with 1
        "+1234567", // fewer than 8 digits after +
        "+4420794609581234", // more than 15 digits after +
        "+0441234567", // a country code cannot start with 0
      })
  void malformed_numbers_are_refused_naming_the_field(String raw) {
    assertThatThrownBy(() -> PhoneNumber.parse(raw))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("phone"));
    assertThatThrownBy(() -> PhoneNumber.parse(raw, "citizen.phone"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("citizen.phone"));
  }

  @Test
  void null_is_refused_naming_the_field() {
    assertThatThrownBy(() -> PhoneNumber.parse(null, "actor.phone"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("actor.phone"));
  }

  @Test
  void a_malformed_number_given_to_the_citizen_builder_names_citizen_phone() {
    assertThatThrownBy(() -> Complainant.builder().name("रमेश").phone("98765abcde"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("citizen.phone"));
    assertThatThrownBy(() -> Complainant.of("रमेश", "+910123456789", "hi"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("citizen.phone");
          // the number is masked in the message (issue 15)
          assertThat(e.reason()).contains("+91******6789").doesNotContain("0123456789");
        });
  }

  @Test
  void a_citizen_without_a_phone_is_refused_naming_citizen_phone() {
    assertThatThrownBy(() -> Complainant.builder().name("रमेश").build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("citizen.phone"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"919876543210", "+91987654321", "+9109876543210", "+1234567", "+0441234567", "+44 2079460958"})
  void the_constructor_accepts_only_normalised_e164(String notE164) {
    assertThatThrownBy(() -> new PhoneNumber(notE164))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("phone"));
  }

  @Test
  void numbers_typed_differently_are_equal() {
    assertThat(PhoneNumber.parse("098765 43210"))
        .isEqualTo(PhoneNumber.parse("+91 98765 43210"))
        .isEqualTo(PhoneNumber.parse("९८७६५४३२१०"))
        .isNotEqualTo(PhoneNumber.parse("9123456780"));
  }
}
