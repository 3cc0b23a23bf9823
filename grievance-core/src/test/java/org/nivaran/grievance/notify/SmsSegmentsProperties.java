package org.nivaran.grievance.notify;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Part counts grow with the text and follow the formula where no pair straddles a boundary. */
class SmsSegmentsProperties {

  @Provide
  Arbitrary<String> pieces() {
    return Arbitraries.of("a", "Z", "5", " ", "é", "{", "€", "\\", "क", "ि", "।", "\uD83D\uDE00", "ç", "\n");
  }

  @Provide
  Arbitrary<String> texts() {
    return pieces().list().ofMaxSize(400).map(list -> String.join("", list));
  }

  @Property(tries = 1000)
  void appending_never_lowers_the_count(@ForAll("texts") String text, @ForAll("pieces") String piece) {
    assertThat(SmsSegments.count(text + piece)).isGreaterThanOrEqualTo(SmsSegments.count(text));
  }

  @Property(tries = 300)
  void a_gsm_text_of_n_septets_costs_one_part_up_to_160_else_n_over_153_rounded_up(
      @ForAll @IntRange(min = 0, max = 2000) int n, @ForAll("gsmBasic") char c) {
    int expected = n <= 160 ? 1 : (n + 152) / 153;
    String text = String.valueOf(c).repeat(n);

    assertThat(SmsSegments.septets(text)).isEqualTo(n);
    assertThat(SmsSegments.count(text)).isEqualTo(expected);
  }

  @Property(tries = 300)
  void a_bmp_ucs2_text_of_n_units_costs_one_part_up_to_70_else_n_over_67_rounded_up(
      @ForAll @IntRange(min = 1, max = 1000) int n) {
    int expected = n <= 70 ? 1 : (n + 66) / 67;

    assertThat(SmsSegments.count("क".repeat(n))).isEqualTo(expected);
  }

  @Provide
  Arbitrary<Character> gsmBasic() {
    return Arbitraries.of('a', 'Z', '0', ' ', '@', 'Δ', 'é', 'Ñ', '?', '\n');
  }
}
