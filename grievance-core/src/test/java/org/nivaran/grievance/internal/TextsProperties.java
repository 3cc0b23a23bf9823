package org.nivaran.grievance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.fixtures.ComplaintArbitraries;

/** Normalisation is NFC, stripped, within the limit, and stable. */
class TextsProperties {

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> padding = Arbitraries.of("", " ", "\n", "\t ", "\u3000");
    return Combinators.combine(padding, ComplaintArbitraries.text(300), padding)
        .as((before, text, after) -> before + text + after);
  }

  @Property(tries = 500)
  void a_normalised_text_is_nfc_stripped_within_the_limit_and_normalises_to_itself(@ForAll("texts") String raw) {
    String once = Texts.multiLine(raw, "description", 300);

    assertThat(Normalizer.isNormalized(once, Normalizer.Form.NFC)).isTrue();
    assertThat(once).isEqualTo(once.strip()).isNotBlank();
    assertThat(once.codePointCount(0, once.length())).isLessThanOrEqualTo(300);
    assertThat(Texts.multiLine(once, "description", 300)).isEqualTo(once);
    assertThat(once).isEqualTo(Normalizer.normalize(raw.strip(), Normalizer.Form.NFC));
  }

  @Property(tries = 300)
  void a_control_character_anywhere_is_refused(
      @ForAll("texts") String raw,
      @ForAll("controls") char control,
      @ForAll("permille") int where) {
    int at = where * raw.length() / 1000;
    if (at > 0 && Character.isHighSurrogate(raw.charAt(at - 1))) {
      at--; // keep surrogate pairs whole
    }
    String withControl = raw.substring(0, at) + control + raw.substring(at);

    assertThatThrownBy(() -> Texts.multiLine(withControl, "reason", 1000))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));
  }

  @Provide
  Arbitrary<Character> controls() {
    Arbitrary<Character> c0 =
        Arbitraries.chars().range('\u0000', '\u001F').filter(c -> c != '\n' && c != '\r' && c != '\t');
    Arbitrary<Character> delAndC1 = Arbitraries.chars().range('\u007F', '\u009F');
    return Arbitraries.oneOf(c0, delAndC1);
  }

  @Provide
  Arbitrary<Integer> permille() {
    return Arbitraries.integers().between(0, 999);
  }
}
