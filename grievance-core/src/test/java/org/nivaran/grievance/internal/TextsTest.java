package org.nivaran.grievance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nivaran.grievance.InvalidInputException;

/** Text normalisation and refusal, field by field. */
class TextsTest {

  private static void refused(Runnable call, String field) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void decomposed_text_comes_back_composed() {
    String decomposed = "Jose\u0301 \u0928\u093C"; // e + combining acute; NA + nukta
    String composed = Texts.singleLine(decomposed, "name", 100);

    assertThat(composed).isEqualTo("Jos\u00E9 \u0929");
    assertThat(Normalizer.isNormalized(composed, Normalizer.Form.NFC)).isTrue();
  }

  @Test
  void surrounding_white_space_is_stripped_inside_kept() {
    assertThat(Texts.singleLine("   सुनीता  वर्मा \u3000", "name", 100)).isEqualTo("सुनीता  वर्मा");
    assertThat(Texts.multiLine("\n\t पहली पंक्ति\n\tदूसरी \n\n", "description", 100)).isEqualTo("पहली पंक्ति\n\tदूसरी");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r", "\t"})
  void line_breaks_and_tabs_are_allowed_inside_multi_line_text_only(String c) {
    assertThat(Texts.multiLine("a" + c + "b", "description", 100)).isEqualTo("a" + c + "b");
    refused(() -> Texts.singleLine("a" + c + "b", "citizen.name", 100), "citizen.name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u202A", "\u202E", "\u2066", "\u2069", "\uFEFF"})
  void bidirectional_controls_and_byte_order_marks_are_refused(String c) {
    refused(() -> Texts.multiLine("ab" + c + "cd", "description", 100), "description");
    refused(() -> Texts.singleLine(c + "Sunita", "citizen.name", 100), "citizen.name");
  }

  @Test
  void joiners_and_direction_marks_that_indic_and_urdu_text_need_are_kept() {
    String text = "क्\u200Dष \u200C \u200E \u200F";
    assertThat(Texts.multiLine(text, "description", 100)).isEqualTo(text);
  }

  @Test
  void a_trailing_line_break_in_a_one_line_field_is_stripped_not_refused() {
    assertThat(Texts.singleLine("Sunita\n", "citizen.name", 100)).isEqualTo("Sunita");
  }

  @Test
  void an_opaque_token_is_never_rewritten() {
    assertThat(Texts.opaque("call-0017", "idempotencyKey", 128)).isEqualTo("call-0017");
    refused(() -> Texts.opaque(" call-0017", "idempotencyKey", 128), "idempotencyKey");
    refused(() -> Texts.opaque("e\u0301", "idempotencyKey", 128), "idempotencyKey");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u2028", "\u2029"})
  void line_and_paragraph_separators_are_allowed_in_multi_line_text_only(String c) {
    assertThat(Texts.multiLine("a" + c + "b", "description", 100)).isEqualTo("a" + c + "b");
    refused(() -> Texts.singleLine("a" + c + "b", "citizen.name", 100), "citizen.name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0000", "\u0007", "\u0008", "\u000B", "\u000C", "\u001B", "\u001F", "\u007F", "\u0085", "\u009F"})
  void control_characters_are_refused_in_every_text(String c) {
    refused(() -> Texts.multiLine("ab" + c + "cd", "description", 100), "description");
    refused(() -> Texts.singleLine("ab" + c + "cd", "citizen.name", 100), "citizen.name");
  }

  @Test
  void an_unpaired_surrogate_is_refused() {
    refused(() -> Texts.multiLine("ab\uD83D", "reason", 100), "reason"); // high surrogate at the end
    refused(() -> Texts.multiLine("\uDE00ab", "reason", 100), "reason"); // low surrogate alone
    refused(() -> Texts.multiLine("a\uD83Db", "reason", 100), "reason"); // high surrogate then a letter
    refused(() -> Texts.multiLine("\uD83D\uD83D\uDE00", "reason", 100), "reason"); // two highs, one low
  }

  @Test
  void paired_surrogates_count_as_one_code_point() {
    String hundredEmoji = "😀".repeat(100);

    assertThat(Texts.singleLine(hundredEmoji, "citizen.name", 100)).isEqualTo(hundredEmoji);
    refused(() -> Texts.singleLine(hundredEmoji + "😀", "citizen.name", 100), "citizen.name");
  }

  @Test
  void the_limit_counts_code_points_after_normalisation() {
    String decomposed = "e\u0301".repeat(10); // 20 chars, 10 code points once composed

    assertThat(Texts.singleLine(decomposed, "reason", 10)).isEqualTo("\u00E9".repeat(10));
    refused(() -> Texts.singleLine(decomposed + "e", "reason", 10), "reason");
  }

  @Test
  void the_limit_does_not_count_stripped_white_space() {
    assertThat(Texts.singleLine("  abc  ", "reason", 3)).isEqualTo("abc");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "   ", "\n\t ", "\u3000"})
  void blank_text_is_refused(String blank) {
    refused(() -> Texts.multiLine(blank, "remark", 100), "remark");
  }

  @Test
  void null_text_is_refused() {
    refused(() -> Texts.multiLine(null, "note", 100), "note");
    refused(() -> Texts.code(null, "categoryCode"), "categoryCode");
    refused(() -> Texts.required(null, "post"), "post");
  }

  @Test
  void codes_are_ascii_letters_digits_dots_underscores_and_hyphens_up_to_64() {
    assertThat(Texts.code("CG.RAIPUR.WARD-12_b", "jurisdictionCode")).isEqualTo("CG.RAIPUR.WARD-12_b");
    assertThat(Texts.code("A".repeat(64), "department")).hasSize(64);

    refused(() -> Texts.code("A".repeat(65), "department"), "department");
    refused(() -> Texts.code("", "categoryCode"), "categoryCode");
    refused(() -> Texts.code("-ENERGY", "categoryCode"), "categoryCode");
    refused(() -> Texts.code("ENERGY SUPPLY", "categoryCode"), "categoryCode");
    refused(() -> Texts.code(" ENERGY", "categoryCode"), "categoryCode");
    refused(() -> Texts.code("ऊर्जा", "categoryCode"), "categoryCode");
    refused(() -> Texts.code("ENERGY\n", "categoryCode"), "categoryCode");
  }

  @Test
  void the_reason_shows_control_characters_escaped() {
    assertThatThrownBy(() -> Texts.code("A\u0007B", "categoryCode"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.reason()).contains("\\u0007").doesNotContain("\u0007"));
  }
}
