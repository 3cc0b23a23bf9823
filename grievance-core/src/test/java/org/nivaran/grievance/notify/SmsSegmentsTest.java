package org.nivaran.grievance.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The part count of an SMS, at every boundary of both encodings. */
class SmsSegmentsTest {
  private static final String KA = "क";
  private static final String EMOJI = "\uD83D\uDE00"; // 😀, two UTF-16 units

  @Test
  void an_empty_text_is_one_gsm_message() {
    assertThat(SmsSegments.encodingOf("")).isEqualTo(SmsEncoding.GSM_7);
    assertThat(SmsSegments.count("")).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0} septets -> {1} parts")
  @CsvSource({"1, 1", "160, 1", "161, 2", "306, 2", "307, 3", "459, 3", "460, 4"})
  void gsm_text_fits_160_septets_in_one_message_then_153_per_part(int septets, int parts) {
    assertThat(SmsSegments.count("a".repeat(septets))).isEqualTo(parts);
  }

  @Test
  void an_extension_character_costs_two_septets() {
    assertThat(SmsSegments.septets("a{")).isEqualTo(3);
    assertThat(SmsSegments.septets("{}[]~\\|^€\f")).isEqualTo(20);
    assertThat(SmsSegments.count("{".repeat(80))).isEqualTo(1); // 160 septets
    assertThat(SmsSegments.count("a".repeat(159) + "€")).isEqualTo(2); // 161 septets
  }

  @Test
  void an_escape_pair_straddling_the_part_boundary_moves_whole_to_the_next_part() {
    // 152 + 2 + 151 = 305 septets: part one holds 152, the pair and 151 make part two exactly 153.
    assertThat(SmsSegments.count("a".repeat(152) + "{" + "a".repeat(151))).isEqualTo(2);
    // 306 septets would fit two parts of 153, but the pair cannot be cut at septet 153.
    assertThat(SmsSegments.count("a".repeat(152) + "{" + "a".repeat(152))).isEqualTo(3);
    // Not straddling: the pair ends exactly at septet 153.
    assertThat(SmsSegments.count("a".repeat(151) + "{" + "a".repeat(153))).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0} units -> {1} parts")
  @CsvSource({"1, 1", "70, 1", "71, 2", "134, 2", "135, 3", "201, 3", "202, 4"})
  void ucs2_text_fits_70_units_in_one_message_then_67_per_part(int units, int parts) {
    assertThat(SmsSegments.encodingOf(KA.repeat(units))).isEqualTo(SmsEncoding.UCS_2);
    assertThat(SmsSegments.count(KA.repeat(units))).isEqualTo(parts);
  }

  @Test
  void an_emoji_counts_two_units_and_is_never_split() {
    assertThat(SmsSegments.count(EMOJI.repeat(35))).isEqualTo(1); // 70 units
    assertThat(SmsSegments.count(EMOJI.repeat(36))).isEqualTo(2); // 72 units
    // 66 + 2 + 65 = 133 units: the emoji opens part two, which ends at exactly 67.
    assertThat(SmsSegments.count(KA.repeat(66) + EMOJI + KA.repeat(65))).isEqualTo(2);
    // 134 units would fit two parts of 67, but the pair cannot be cut at unit 67.
    assertThat(SmsSegments.count(KA.repeat(66) + EMOJI + KA.repeat(66))).isEqualTo(3);
  }

  @Test
  void one_character_outside_the_gsm_alphabet_makes_the_whole_text_ucs2() {
    assertThat(SmsSegments.count("a".repeat(100))).isEqualTo(1);
    assertThat(SmsSegments.encodingOf("a".repeat(99) + KA)).isEqualTo(SmsEncoding.UCS_2);
    assertThat(SmsSegments.count("a".repeat(99) + KA)).isEqualTo(2);
    assertThat(SmsSegments.count("a".repeat(69) + "`")).isEqualTo(1); // backtick is not GSM: 70 units
  }

  @Test
  void devanagari_text_is_counted_in_utf16_units() {
    String hindi = "आपकी शिकायत RPR-2024-000123 दर्ज कर ली गई है।";
    assertThat(SmsSegments.encodingOf(hindi)).isEqualTo(SmsEncoding.UCS_2);
    assertThat(hindi.length()).isLessThanOrEqualTo(70);
    assertThat(SmsSegments.count(hindi)).isEqualTo(1);
    assertThat(SmsSegments.count(hindi + " " + hindi)).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"@£$¥èéùìòÇ\nØø\rÅå", "ΔΦΓΛΩΠΨΣΘΞ_ÆæßÉ", " !\"#¤%&'()*+,-./:;<=>?", "¡ÄÖÑ\u00DC\u00A7¿äöñüà", "{}[]~\\|^€\f"})
  void the_gsm_default_alphabet_and_its_extension_table_are_gsm7(String text) {
    assertThat(SmsSegments.encodingOf(text)).isEqualTo(SmsEncoding.GSM_7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ç", "`", "á", "₹", "क", "\u00A0", "\u001B", "\t"})
  void characters_outside_the_gsm_alphabet_are_ucs2(String text) {
    assertThat(SmsSegments.encodingOf(text)).isEqualTo(SmsEncoding.UCS_2);
  }

  @Test
  void the_alphabet_has_127_basic_characters_and_10_extension_characters() {
    int basic = 0;
    int extension = 0;
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      String s = String.valueOf(c);
      if (SmsSegments.encodingOf(s) == SmsEncoding.GSM_7) {
        if (SmsSegments.septets(s) == 1) {
          basic++;
        } else {
          extension++;
        }
      }
    }
    assertThat(basic).isEqualTo(127); // 128 codes less the escape
    assertThat(extension).isEqualTo(10);
  }

  @Test
  void septets_refuses_a_text_outside_the_gsm_alphabet() {
    assertThatThrownBy(() -> SmsSegments.septets(KA)).isInstanceOf(IllegalArgumentException.class);
  }
}
