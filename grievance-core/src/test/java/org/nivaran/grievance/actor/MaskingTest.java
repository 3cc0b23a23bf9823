package org.nivaran.grievance.actor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The masking rules (issue 15): numbers keep their country code and last four digits, names become initials. */
class MaskingTest {
  private static final PhoneNumber SUNITA = new PhoneNumber("+919876543210");

  @ParameterizedTest(name = "{0} is shown as {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "+919876543210    | +91******3210", // India: 2-digit code, 10 national digits
        "+917712345678    | +91******5678", // an Indian landline
        "+12025550143     | +1******0143", // NANP: 1-digit code
        "+79161234567     | +7******4567", // Russia: 1-digit code
        "+442079460958    | +44******0958", // UK
        "+8613912345678   | +86*******5678", // China
        "+97141234567     | +971****4567", // UAE: 3-digit code
        "+9779812345678   | +977******5678", // Nepal: 3-digit code
        "+12345678        | +1***5678", // the shortest E.164: 8 digits
        "+97112345        | +971*2345", // the shortest with a 3-digit code: one digit hidden
        "+442079460958123 | +44*********8123", // the longest: 15 digits
      })
  void a_number_keeps_its_country_code_and_last_four_digits(String e164, String masked) {
    PhoneNumber phone = new PhoneNumber(e164);

    assertThat(Masking.phone(phone)).isEqualTo(masked);
    assertThat(phone.masked()).isEqualTo(masked);
    assertThat(phone).hasToString(masked);
    assertThat(phone.e164()).isEqualTo(e164);
  }

  @Test
  void what_is_not_e164_is_shown_by_its_shape_only() {
    assertThat(Masking.e164("98765")).isEqualTo("(5 characters)");
    assertThat(Masking.e164("+91 98765 43210")).isEqualTo("(15 characters, 12 digits)");
    assertThat(Masking.e164(null)).isEqualTo("(null)");
  }

  @ParameterizedTest(name = "{0} is shown as {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "सुनीता वर्मा         | सु. व.", // a vowel sign stays with its consonant
        "Sunita Verma        | S. V.",
        "रमेश                 | र.", // one word
        "Ramesh              | R.",
        "राजेश कुमार साहू       | रा. कु. सा.",
        "प्रिया शर्मा           | प्रि. श.", // a conjunct (प्र) is one letter in writing, not the half letter प्
        "क्षितिज               | क्षि.",
        "श्री राम              | श्री. रा.",
        "'  Ramesh   Kumar  ' | R. K.", // spaces anywhere
        "K. R. Narayanan     | K. R. N.", // initials already
        "(Dr.) Sunita        | D. S.", // punctuation before a word's first letter
        "முருகன் செல்வம்        | மு. செ.", // Tamil
        "সুনীতা বর্মা          | সু. ব.", // Bengali
        "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ          | ਗੁ. ਸਿੰ.", // Gurmukhi
        "محمد علی            | م. ع.", // Urdu
        "王小明              | 王.", // no spaces: one word
        "anna van der Berg   | a. v. d. B.", // case is kept
      })
  void a_name_becomes_the_first_letter_of_each_word_with_a_dot(String name, String initials) {
    assertThat(Masking.name(name)).isEqualTo(initials);
  }

  @Test
  void marks_joiners_and_surrogates_stay_whole_and_words_without_letters_are_left_out() {
    assertThat(Masking.name("E\u0301mile Zola")).isEqualTo("E\u0301. Z."); // decomposed: the accent stays
    assertThat(Masking.name("क्\u200Dषमा")).isEqualTo("क्\u200Dष."); // virama, ZWJ, consonant: one cluster
    assertThat(Masking.name("😀 Sunita")).isEqualTo("S.");
    assertThat(Masking.name("𝐒unita")).isEqualTo("𝐒."); // a letter outside the BMP
    assertThat(Masking.name("— - ...")).isEmpty();
    assertThat(Masking.name("")).isEmpty();
    assertThat(Masking.name("   ")).isEmpty();
  }

  @Test
  void every_rule_is_null_safe() {
    assertThat(Masking.phone(null)).isEqualTo("null");
    assertThat(Masking.name(null)).isEqualTo("null");
    assertThat(Masking.shape(null)).isEqualTo("null");
    assertThat(Masking.redact(null)).isEqualTo("null");
    assertThat(Masking.scrub(null, SUNITA, "सुनीता वर्मा")).isNull();
    assertThat(Masking.scrub("सुनीता 9876543210", null, null)).isEqualTo("सुनीता 9876543210");
  }

  @Test
  void refused_input_shows_its_length_and_how_many_digits_it_has() {
    assertThat(Masking.shape("12345")).isEqualTo("5 characters");
    assertThat(Masking.shape("98765abcde")).isEqualTo("10 characters, 5 digits");
    assertThat(Masking.shape("९८७६५४३२१०")).isEqualTo("10 characters");
    assertThat(Masking.shape("a")).isEqualTo("1 character, 0 digits");
    assertThat(Masking.shape("7")).isEqualTo("1 character");
    assertThat(Masking.shape("")).isEqualTo("0 characters");
  }

  @Test
  void a_personal_text_shows_its_length_only() {
    assertThat(Masking.redact("वार्ड 12, रायपुर")).isEqualTo("[redacted: 16 characters]");
    assertThat(Masking.redact("x")).isEqualTo("[redacted: 1 character]");
  }

  @Test
  void scrub_masks_the_number_however_it_is_written() {
    String text = "call 98765 43210, +91-98765-43210, 919876543210, 0091 (98765) 43210, ०९८७६५४३२१० or 9876543210.";

    assertThat(Masking.scrub(text, SUNITA, null))
        .isEqualTo("call +91******3210, +91******3210, +91******3210, +91******3210, +91******3210 or +91******3210.");
  }

  @Test
  void scrub_leaves_other_numbers_ids_and_dates_alone() {
    String text = "RPR-2024-000001 on 2024-03-04 11:00, other caller 9123456780, last four 3210";

    assertThat(Masking.scrub(text, SUNITA, "सुनीता वर्मा")).isEqualTo(text);
  }

  @Test
  void scrub_masks_the_name_and_each_of_its_words_standing_as_words() {
    assertThat(Masking.scrub("सुनीता वर्मा जी, आपकी शिकायत", SUNITA, "सुनीता वर्मा")).isEqualTo("सु. व. जी, आपकी शिकायत");
    assertThat(Masking.scrub("Dear SUNITA, Mrs. Verma called", SUNITA, "Sunita Verma"))
        .isEqualTo("Dear S., Mrs. V. called");
    assertThat(Masking.scrub("Sunitaben and Vermaji", SUNITA, "Sunita Verma")).isEqualTo("Sunitaben and Vermaji");
    assertThat(Masking.scrub("K block, Ramesh", SUNITA, "K. Ramesh")).isEqualTo("K block, R.");
  }
}
