package org.nivaran.grievance.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.complaint.Kind;

/** {@link Categories#of} checks codes, departments and the parent tree, naming the element. */
class CategoryRegistryTest {
  static final Departments DEPARTMENTS = Departments.of(List.of(
      new Department("energy", "Energy Department", "ऊर्जा विभाग"),
      new Department("phe", "Public Health Engineering Department", "लोक स्वास्थ्य यांत्रिकी विभाग"),
      new Department("revenue", "Revenue Department", "राजस्व विभाग")));

  static Category category(String code, String department) {
    return Category.of(code, department, "Name of " + code, "नाम " + code, List.of(), Kind.COMPLAINT, "cmh-7d");
  }

  @Test
  void keeps_the_input_order_and_finds_by_code() {
    Category meter = category("energy.meter", "energy");
    Category faulty = category("energy.faulty-meter", "energy").withParent("energy.meter");
    Category handpump = category("phe.handpump", "phe");
    Categories categories = Categories.of(List.of(faulty, handpump, meter), DEPARTMENTS);

    assertThat(categories.all()).containsExactly(faulty, handpump, meter);
    assertThat(categories.size()).isEqualTo(3);
    assertThat(categories.find("phe.handpump")).contains(handpump);
    assertThat(categories.find("phe.nothing")).isEmpty();
    assertThat(categories.get("energy.meter")).isEqualTo(meter);
    assertThat(categories.contains("energy.faulty-meter")).isTrue();
    assertThat(categories.contains("ENERGY.METER")).isFalse();
  }

  @Test
  void get_of_an_unknown_code_names_the_category_field() {
    Categories categories = Categories.of(List.of(category("a", "energy")), DEPARTMENTS);

    assertThatThrownBy(() -> categories.get("b"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("category");
          assertThat(e.reason()).isEqualTo("unknown code 'b'");
        });
  }

  @Test
  void of_department_lists_a_departments_categories_in_order_and_refuses_an_unknown_department() {
    Categories categories = Categories.of(
        List.of(category("e1", "energy"), category("p1", "phe"), category("e2", "energy")), DEPARTMENTS);

    assertThat(categories.ofDepartment("energy")).extracting(Category::code).containsExactly("e1", "e2");
    assertThat(categories.ofDepartment("revenue")).isEmpty();
    assertThatThrownBy(() -> categories.ofDepartment("police"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("department"));
  }

  @Test
  void refuses_a_repeated_code() {
    assertThatThrownBy(() -> Categories.of(
            List.of(category("a", "energy"), category("b", "energy"), category("a", "phe")), DEPARTMENTS))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("categories[2].code");
          assertThat(e.reason()).contains("'a'");
        });
  }

  @Test
  void refuses_an_unknown_department() {
    assertThatThrownBy(() -> Categories.of(List.of(category("a", "energy"), category("b", "XYZ")), DEPARTMENTS))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("categories[1].department");
          assertThat(e.reason()).isEqualTo("unknown department 'XYZ'");
        });
  }

  @Test
  void accepts_a_parent_listed_after_its_child_and_refuses_an_unknown_parent() {
    Categories ok = Categories.of(
        List.of(category("child", "energy").withParent("root"), category("root", "energy")), DEPARTMENTS);
    assertThat(ok.get("child").parent()).contains("root");

    assertThatThrownBy(() -> Categories.of(
            List.of(category("root", "energy"), category("child", "energy").withParent("roots")), DEPARTMENTS))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("categories[1].parent");
          assertThat(e.reason()).isEqualTo("unknown parent 'roots'");
        });
  }

  @Test
  void refuses_a_cycle_of_parents_at_its_first_member() {
    List<Category> cyclic = List.of(
        category("leaf", "energy").withParent("b"),
        category("a", "energy").withParent("c"),
        category("b", "energy").withParent("a"),
        category("c", "energy").withParent("b"));

    assertThatThrownBy(() -> Categories.of(cyclic, DEPARTMENTS))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("categories[1].parent");
          assertThat(e.reason()).isEqualTo("forms a cycle of parents: a -> c -> b -> a");
        });
  }

  @Test
  void refuses_null_input_naming_it() {
    assertThatThrownBy(() -> Categories.of(null, DEPARTMENTS))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("categories"));
    assertThatThrownBy(() -> Categories.of(List.of(), null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("departments"));
    assertThatThrownBy(() -> Categories.of(java.util.Arrays.asList(category("a", "energy"), null), DEPARTMENTS))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("categories[1]"));
  }

  @Test
  void an_empty_registry_finds_nothing() {
    Categories none = Categories.of(List.of(), DEPARTMENTS);

    assertThat(none.size()).isZero();
    assertThat(none.search("bijli", 10)).isEmpty();
  }
}
