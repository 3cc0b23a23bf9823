package org.nivaran.grievance.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Search invariants over the 400 categories of the state tables and arbitrary queries. */
class CategorySearchProperties {
  private static final Categories CATEGORIES = load();

  private static Categories load() {
    Departments departments = CsvTables.departments(reader("departments-52.csv"), "departments-52.csv");
    return CsvTables.categories(reader("categories-400.csv"), "categories-400.csv", departments);
  }

  private static InputStreamReader reader(String name) {
    return new InputStreamReader(
        Objects.requireNonNull(CategorySearchProperties.class.getResourceAsStream("/routing/" + name), name),
        StandardCharsets.UTF_8);
  }

  @Provide
  Arbitrary<Category> categories() {
    return Arbitraries.of(CATEGORIES.all());
  }

  /** Latin letters, Devanagari letters and signs, digits, spaces and punctuation. */
  @Provide
  Arbitrary<String> queries() {
    Arbitrary<Character> latin = Arbitraries.chars().range('a', 'z');
    Arbitrary<Character> devanagari = Arbitraries.chars().range('\u0901', '\u094D');
    Arbitrary<Character> other = Arbitraries.of(' ', '-', '.', '1', 'É', 'ī', '\u093C', '\u0964');
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(5, latin), net.jqwik.api.Tuple.of(4, devanagari), net.jqwik.api.Tuple.of(1, other))
        .list().ofMinSize(1).ofMaxSize(20)
        .map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat))
        .filter(s -> !s.isBlank());
  }

  @Property(tries = 200)
  void a_category_is_found_first_by_its_code(@ForAll("categories") Category c) {
    CategoryMatch top = CATEGORIES.search(c.code(), 1).get(0);

    assertThat(top.category()).isEqualTo(c);
    assertThat(top.score()).isEqualTo(CategoryMatch.EXACT_CODE);
    assertThat(CATEGORIES.search(c.code().toUpperCase(Locale.ROOT), 1).get(0).category()).isEqualTo(c);
  }

  @Property(tries = 300)
  void a_category_is_found_as_a_whole_match_by_each_of_its_names_and_aliases(
      @ForAll("categories") Category c, @ForAll @IntRange(min = 0, max = 50) int pick) {
    List<String> texts = new java.util.ArrayList<>(List.of(c.nameEn(), c.nameHi()));
    texts.addAll(c.aliases());
    String text = texts.get(pick % texts.size());

    List<CategoryMatch> found = CATEGORIES.search(text, CATEGORIES.size());

    assertThat(found).anySatisfy(m -> {
      assertThat(m.category()).isEqualTo(c);
      assertThat(m.score()).isGreaterThanOrEqualTo(CategoryMatch.EXACT);
    });
  }

  @Property(tries = 300)
  void results_are_ranked_by_score_then_code_without_duplicates(
      @ForAll("queries") String query, @ForAll @IntRange(min = 1, max = 30) int limit) {
    List<CategoryMatch> found = CATEGORIES.search(query, limit);

    assertThat(found).hasSizeLessThanOrEqualTo(limit);
    assertThat(found).isSortedAccordingTo(
        Comparator.comparingInt(CategoryMatch::score).reversed().thenComparing(m -> m.category().code()));
    assertThat(found).extracting(m -> m.category().code()).doesNotHaveDuplicates();
    assertThat(found).allSatisfy(m -> assertThat(m.score()).isBetween(1, CategoryMatch.EXACT_CODE));
  }

  @Property(tries = 200)
  void a_smaller_limit_gives_a_prefix_of_a_larger_one(
      @ForAll("queries") String query, @ForAll @IntRange(min = 1, max = 10) int limit) {
    List<CategoryMatch> more = CATEGORIES.search(query, limit + 10);

    assertThat(CATEGORIES.search(query, limit)).isEqualTo(more.subList(0, Math.min(limit, more.size())));
  }

  @Property(tries = 200)
  void case_and_surrounding_spaces_do_not_change_the_results(@ForAll("queries") String query) {
    List<CategoryMatch> plain = CATEGORIES.search(query, 10);

    assertThat(CATEGORIES.search("  " + query.toUpperCase(Locale.ROOT) + " ", 10)).isEqualTo(plain);
  }

  @Property(tries = 300)
  void folding_is_idempotent_and_the_phonetic_form_of_devanagari_is_ascii(@ForAll("queries") String query) {
    String literal = Romanizer.literal(query);
    String phonetic = Romanizer.phonetic(literal);

    assertThat(Romanizer.literal(literal)).isEqualTo(literal);
    assertThat(Romanizer.phonetic(phonetic)).isEqualTo(phonetic);
    assertThat(phonetic.chars().filter(ch -> ch >= 0x900 && ch <= 0x97F)).isEmpty();
  }
}
