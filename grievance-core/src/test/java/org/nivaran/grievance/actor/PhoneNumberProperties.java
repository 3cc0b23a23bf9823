package org.nivaran.grievance.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.nivaran.grievance.InvalidInputException;

/**
 * Any way of writing an Indian number gives the same E.164 number; written any way, it is masked
 * out of a text, and a refused one is never repeated in the error.
 */
class PhoneNumberProperties {
  private static final String DEVANAGARI_DIGITS = "०१२३४५६७८९";

  @Provide
  Arbitrary<String> indianNumbers() {
    return Combinators.combine(
            Arbitraries.of('2', '3', '4', '5', '6', '7', '8', '9'),
            Arbitraries.strings().numeric().ofLength(9))
        .as((first, rest) -> first + rest);
  }

  /** The number written with a prefix, separators between digits, perhaps in Devanagari digits. */
  private static String written(String tenDigits, String prefix, List<String> separators, boolean devanagari) {
    StringBuilder out = new StringBuilder(prefix);
    for (int i = 0; i < tenDigits.length(); i++) {
      char d = tenDigits.charAt(i);
      out.append(devanagari ? DEVANAGARI_DIGITS.charAt(d - '0') : d);
      out.append(separators.get(i));
    }
    return out.toString();
  }

  @Property(tries = 500)
  void every_way_of_writing_an_indian_number_gives_the_same_e164(
      @ForAll("indianNumbers") String tenDigits,
      @ForAll("prefixes") String prefix,
      @ForAll("separators") List<String> separators,
      @ForAll boolean devanagari) {
    String raw = written(tenDigits, prefix, separators, devanagari);

    assertThat(PhoneNumber.parse(raw).e164()).as(raw).isEqualTo("+91" + tenDigits);
  }

  @Property(tries = 200)
  void an_indian_number_starting_with_0_or_1_after_91_is_refused(
      @ForAll("badIndianNumbers") String tenDigits, @ForAll("separators") List<String> separators) {
    String raw = written(tenDigits, "+91 ", separators, false);

    assertThatThrownBy(() -> PhoneNumber.parse(raw, "citizen.phone"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("citizen.phone"));
  }

  @Property(tries = 200)
  void a_letter_anywhere_is_refused(
      @ForAll("indianNumbers") String tenDigits,
      @ForAll("letters") char letter,
      @ForAll("positions") int position) {
    String raw = tenDigits.substring(0, position) + letter + tenDigits.substring(position);

    assertThatThrownBy(() -> PhoneNumber.parse(raw)).isInstanceOf(InvalidInputException.class);
  }

  @Property(tries = 300)
  void a_number_however_written_is_masked_out_of_a_text_and_its_mask_hides_the_middle(
      @ForAll("indianNumbers") String tenDigits,
      @ForAll("prefixes") String prefix,
      @ForAll("separators") List<String> separators,
      @ForAll boolean devanagari) {
    PhoneNumber phone = PhoneNumber.parse("+91" + tenDigits);
    String text = "मेरा नंबर " + written(tenDigits, prefix, separators, devanagari).strip() + " है";

    String scrubbed = Masking.scrub(text, phone, null);

    assertThat(digitsOf(scrubbed)).as(scrubbed).doesNotContain(tenDigits);
    assertThat(scrubbed).contains(phone.masked());
    assertThat(phone.masked()).isEqualTo("+91******" + tenDigits.substring(6));
  }

  @Property(tries = 300)
  void a_refused_number_is_never_repeated_in_the_error(
      @ForAll("indianNumbers") String tenDigits, @ForAll("letters") char letter, @ForAll("positions") int position) {
    String raw = tenDigits.substring(0, position) + letter + tenDigits.substring(position);

    assertThatThrownBy(() -> PhoneNumber.parse(raw))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(digitsOf(e.getMessage()))
            .as(e.getMessage())
            .doesNotContain(tenDigits.substring(0, 5))
            .doesNotContain(tenDigits.substring(5)));
  }

  /** The digits of a text, any script's as ASCII, everything else dropped. */
  private static String digitsOf(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().map(cp -> Character.digit(cp, 10)).filter(d -> d >= 0).forEach(d -> out.append(d));
    return out.toString();
  }

  @Provide
  Arbitrary<String> badIndianNumbers() {
    return Combinators.combine(Arbitraries.of('0', '1'), Arbitraries.strings().numeric().ofLength(9))
        .as((first, rest) -> first + rest);
  }

  @Provide
  Arbitrary<String> prefixes() {
    return Arbitraries.of("", "+91", "+91 ", "+91-", "91", "91 ", "0", "0 ", "0091 ", " ", "+९१ ");
  }

  @Provide
  Arbitrary<List<String>> separators() {
    return Arbitraries.of("", "", "", " ", "-", ".").list().ofSize(10);
  }

  @Provide
  Arbitrary<Character> letters() {
    return Arbitraries.chars().alpha();
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 10);
  }
}
