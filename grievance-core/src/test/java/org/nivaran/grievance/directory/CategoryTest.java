package org.nivaran.grievance.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.complaint.Kind;

/** A category validates and normalises its fields, naming the field it refuses. */
class CategoryTest {

  private static Category faultyMeter(List<String> aliases) {
    return new Category(
        "energy.faulty-meter", Optional.of("energy.meter"), "energy", "Faulty meter", "खराब मीटर", aliases,
        Kind.COMPLAINT, "cmh-7d");
  }

  @Test
  void keeps_its_fields_and_strips_and_nfc_normalises_names_and_aliases() {
    String decomposedHi = Normalizer.normalize("सड़क पर गड्ढे", Normalizer.Form.NFD);
    Category c = new Category(
        "urban.pothole", Optional.empty(), "urban", "  Potholes on city road ", decomposedHi,
        List.of(" gaddha ", "sadak"), Kind.COMPLAINT, "cmh-7d");

    assertThat(c.nameEn()).isEqualTo("Potholes on city road");
    assertThat(c.nameHi()).isEqualTo(Normalizer.normalize(decomposedHi, Normalizer.Form.NFC));
    assertThat(c.aliases()).containsExactly("gaddha", "sadak");
    assertThat(c.parent()).isEmpty();
  }

  @Test
  void copies_the_aliases_so_later_changes_to_the_input_do_not_show() {
    List<String> aliases = new ArrayList<>(List.of("meter kharab"));
    Category c = faultyMeter(aliases);
    aliases.add("meter fast");

    assertThat(c.aliases()).containsExactly("meter kharab");
    assertThatThrownBy(() -> c.aliases().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void of_makes_a_top_level_category_and_with_parent_puts_it_under_one() {
    Category top = Category.of("phe.handpumps", "phe", "Hand pumps", "हैंडपंप", List.of(), Kind.COMPLAINT, "cmh-7d");
    Category child = top.withParent("phe.water");

    assertThat(top.parent()).isEmpty();
    assertThat(child.parent()).contains("phe.water");
    assertThat(child.code()).isEqualTo(top.code());
  }

  @Test
  void refuses_a_malformed_code_naming_the_field() {
    assertThatThrownBy(() -> Category.of("bijli supply", "energy", "x", "y", List.of(), Kind.COMPLAINT, "p"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("code"));
    assertThatThrownBy(() -> Category.of("a", "ऊर्जा", "x", "y", List.of(), Kind.COMPLAINT, "p"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("department"));
    assertThatThrownBy(() -> Category.of("a", "energy", "x", "y", List.of(), Kind.COMPLAINT, ""))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("escalationPolicyId"));
  }

  @Test
  void refuses_itself_as_parent() {
    Category c = Category.of("a", "energy", "x", "y", List.of(), Kind.COMPLAINT, "p");

    assertThatThrownBy(() -> c.withParent("a"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("parent"));
  }

  @Test
  void refuses_blank_names_and_a_missing_kind() {
    assertThatThrownBy(() -> Category.of("a", "energy", " ", "y", List.of(), Kind.COMPLAINT, "p"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("nameEn"));
    assertThatThrownBy(() -> Category.of("a", "energy", "x", "\t", List.of(), Kind.COMPLAINT, "p"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("nameHi"));
    assertThatThrownBy(() -> Category.of("a", "energy", "x", "y", List.of(), null, "p"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("defaultKind"));
  }

  @Test
  void refuses_a_blank_or_repeated_alias_naming_its_index() {
    assertThatThrownBy(() -> faultyMeter(List.of("meter", "")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("aliases[1]"));
    assertThatThrownBy(() -> faultyMeter(List.of("meter", "bill", " meter")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("aliases[2]");
          assertThat(e.reason()).contains("'meter'");
        });
  }

  @Test
  void refuses_too_many_aliases() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i <= Category.MAX_ALIASES; i++) {
      many.add("alias " + i);
    }

    assertThatThrownBy(() -> faultyMeter(many))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("aliases"));
    assertThat(faultyMeter(many.subList(0, Category.MAX_ALIASES)).aliases()).hasSize(Category.MAX_ALIASES);
    assertThatThrownBy(() -> faultyMeter(Collections.singletonList(null)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("aliases[0]"));
  }
}
