package org.nivaran.grievance.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.complaint.Kind;

/** {@link Categories#search} finds categories the way agents and citizens type, and ranks them. */
class CategorySearchTest {
  private static final Departments DEPARTMENTS = CategoryRegistryTest.DEPARTMENTS;

  private static Category category(String code, String department, String nameEn, String nameHi, String... aliases) {
    return new Category(code, Optional.empty(), department, nameEn, nameHi, List.of(aliases), Kind.COMPLAINT, "cmh-7d");
  }

  /** A small helpline: electricity, street lights, hand pumps, land records. */
  private static final Categories HELPLINE = Categories.of(List.of(
      category("energy.supply-interrupted", "energy", "Electricity supply interrupted", "बिजली आपूर्ति बाधित",
          "bijli nahi aa rahi", "light gayi"),
      category("energy.excess-bill", "energy", "Excessive electricity bill", "अधिक बिजली बिल", "jyada bill"),
      category("energy.faulty-meter", "energy", "Faulty meter", "खराब मीटर", "meter kharab"),
      category("energy.street-light-feeder", "energy", "Street light feeder fault", "स्ट्रीट लाइट फीडर खराब"),
      category("phe.handpump", "phe", "Hand pump not working", "हैंडपंप खराब", "handpump", "chapakal"),
      category("revenue.mutation", "revenue", "Mutation pending", "नामांतरण लंबित", "namantaran", "dakhil kharij")),
      DEPARTMENTS);

  private static List<String> codes(List<CategoryMatch> matches) {
    return matches.stream().map(m -> m.category().code()).toList();
  }

  @Nested
  class Finds_in_any_script {
    @ParameterizedTest
    @ValueSource(strings = {"bijli", "bijlee", "Bijlī", "BIJLI", "बिजली", "bijali"})
    void the_electricity_categories_by_their_hindi_word(String query) {
      List<CategoryMatch> found = HELPLINE.search(query, 10);

      assertThat(codes(found)).containsExactlyInAnyOrder("energy.excess-bill", "energy.supply-interrupted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"street light", "streetlight", "Street-Light", "स्ट्रीट लाइट", "strit lait"})
    void the_street_light_category_however_street_light_is_written(String query) {
      assertThat(codes(HELPLINE.search(query, 1))).containsExactly("energy.street-light-feeder");
    }

    @ParameterizedTest
    @CsvSource({
        "meter kharab, energy.faulty-meter",
        "kharab meter, energy.faulty-meter",
        "मीटर, energy.faulty-meter",
        "hand pump, phe.handpump",
        "हैंडपंप, phe.handpump",
        "hendpump, phe.handpump",
        "chapaakal, phe.handpump",
        "namantaran, revenue.mutation",
        "नामान्तरण, revenue.mutation",
        "naamaantaran, revenue.mutation",
        "dakhil, revenue.mutation",
        "pendng, revenue.mutation",
    })
    void the_best_match_for_english_hindi_and_hinglish_queries(String query, String expected) {
      assertThat(HELPLINE.search(query, 3).get(0).category().code()).isEqualTo(expected);
    }

    @Test
    void reports_which_text_matched() {
      assertThat(HELPLINE.search("बिजली आपूर्ति", 1).get(0).matched()).isEqualTo("बिजली आपूर्ति बाधित");
      assertThat(HELPLINE.search("chapakal", 1).get(0).matched()).isEqualTo("chapakal");
      assertThat(HELPLINE.search("revenue.mutation", 1).get(0).matched()).isEqualTo("revenue.mutation");
    }

    @Test
    void finds_nothing_for_an_unrelated_query() {
      assertThat(HELPLINE.search("passport", 10)).isEmpty();
      assertThat(HELPLINE.search("?!", 10)).isEmpty();
    }
  }

  @Nested
  class Ranks {
    private final Categories meters = Categories.of(List.of(
        category("f.fuzzy", "energy", "Reading not taken", "मीटर रीडिंग नहीं ली"),
        category("e.substring", "energy", "Parameters of supply", "आपूर्ति के पैरामीटर"),
        category("d.word-prefix", "energy", "Faulty meter", "खराब"),
        category("c.prefix", "energy", "Meter burnt", "जला"),
        category("b.alias", "energy", "Electricity bill", "बिल", "METER"),
        category("meter", "energy", "Connections", "कनेक्शन")),
        DEPARTMENTS);

    @Test
    void code_then_whole_name_then_prefix_then_word_prefix_then_substring_then_sound() {
      List<CategoryMatch> found = meters.search("meter", 10);

      assertThat(codes(found)).containsExactly("meter", "b.alias", "c.prefix", "d.word-prefix", "e.substring", "f.fuzzy");
      assertThat(found.get(0).score()).isEqualTo(CategoryMatch.EXACT_CODE);
      assertThat(found.get(1).score()).isBetween(CategoryMatch.EXACT, CategoryMatch.EXACT_CODE - 1);
      assertThat(found.get(2).score()).isBetween(CategoryMatch.PREFIX, CategoryMatch.EXACT - 1);
      assertThat(found.get(3).score()).isBetween(CategoryMatch.WORD_PREFIX, CategoryMatch.PREFIX - 1);
      assertThat(found.get(4).score()).isBetween(CategoryMatch.SUBSTRING, CategoryMatch.WORD_PREFIX - 1);
      assertThat(found.get(5).score()).isBetween(1, CategoryMatch.FUZZY_MAX);
    }

    @Test
    void the_code_is_matched_whatever_its_case() {
      assertThat(meters.search("METER", 1).get(0).score()).isEqualTo(CategoryMatch.EXACT_CODE);
    }

    @Test
    void equal_scores_are_ordered_by_code() {
      Categories twins = Categories.of(List.of(
          category("z.two", "energy", "Power cut", "बिजली गुल", "bijli"),
          category("m.three", "phe", "Pump off", "पंप बंद", "bijli"),
          category("a.one", "revenue", "Office dark", "कार्यालय", "bijli")),
          DEPARTMENTS);

      List<CategoryMatch> found = twins.search("bijli", 3);

      assertThat(codes(found)).containsExactly("a.one", "m.three", "z.two");
      assertThat(found).extracting(CategoryMatch::score).containsOnly(found.get(0).score());
    }

    @Test
    void a_closer_prefix_scores_higher_within_its_band() {
      Categories two = Categories.of(List.of(
          category("a.long", "energy", "Meter reading wrong on the monthly bill", "x"),
          category("b.short", "energy", "Meter reading", "y")),
          DEPARTMENTS);

      assertThat(codes(two.search("meter read", 2))).containsExactly("b.short", "a.long");
    }

    @Test
    void the_limit_cuts_the_ranked_list() {
      assertThat(codes(meters.search("meter", 2))).containsExactly("meter", "b.alias");
      assertThat(meters.search("meter", 1)).hasSize(1);
    }
  }

  @Nested
  class Refuses {
    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void a_blank_query(String query) {
      assertThatThrownBy(() -> HELPLINE.search(query, 5))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("query"));
    }

    @Test
    void a_null_or_overlong_query() {
      assertThatThrownBy(() -> HELPLINE.search(null, 5))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("query"));
      assertThatThrownBy(() -> HELPLINE.search("a".repeat(Categories.MAX_QUERY_LENGTH + 1), 5))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("query"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void a_limit_below_one(int limit) {
      assertThatThrownBy(() -> HELPLINE.search("bijli", limit))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("limit");
            assertThat(e.reason()).isEqualTo("must be at least 1 (was " + limit + ")");
          });
    }
  }

  @Nested
  class Romanising {
    @ParameterizedTest
    @CsvSource({
        "बिजली आपूर्ति बाधित, bijli apurti badhit",
        "खराब मीटर, kharab mitar",
        "राशन नहीं मिला, rashan nahin mila",
        "स्ट्रीट लाइट, strit lait",
        "सड़क, sadak",
        "क़ानून, kanun",
        "समझना, samajhna",
        "मित्र, mitra",
        "पंप, pamp",
        "छात्रवृत्ति, chatravriti",
        "न, na",
    })
    void devanagari_becomes_folded_hinglish(String hindi, String latin) {
      assertThat(Romanizer.phonetic(Romanizer.literal(hindi))).isEqualTo(latin);
    }

    /** A fold whose output feeds another rule ("ee" then "gh") is folded to the end in one call. */
    @ParameterizedTest
    @CsvSource({"eeघ, aia", "eegh, ai", "phee, fi"})
    void folding_a_folded_word_changes_nothing(String word, String folded) {
      String once = Romanizer.phonetic(Romanizer.literal(word));
      assertThat(once).isEqualTo(folded);
      assertThat(Romanizer.phonetic(once)).isEqualTo(once);
    }

    @ParameterizedTest
    @CsvSource({
        "bijlee, bijli",
        "bijlii, bijli",
        "paani, pani",
        "phool, ful",
        "pooja, puja",
        "wazan, vajan",
        "street, strit",
        "light, lait",
        "ration, rashan",
        "chhatri, chatri",
        "patta, pata",
    })
    void spelling_variants_fold_together(String word, String folded) {
      assertThat(Romanizer.fold(word)).isEqualTo(folded);
    }

    @Test
    void the_literal_form_drops_case_accents_punctuation_and_joiners() {
      assertThat(Romanizer.literal("  Bijlī—Supply (Ūrja)! ")).isEqualTo("bijli supply urja");
      assertThat(Romanizer.literal("क्\u200Dष")).isEqualTo("क्ष");
    }

    @Test
    void the_skeleton_keeps_the_consonants() {
      assertThat(Romanizer.skeleton("mitar")).isEqualTo(Romanizer.skeleton("meter")).isEqualTo("mtr");
    }
  }
}
