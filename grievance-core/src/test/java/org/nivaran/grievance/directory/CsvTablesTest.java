package org.nivaran.grievance.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Kind;
import org.nivaran.grievance.actor.Level;

/** {@link CsvTables} reads the four registries from CSV and names the line of every problem. */
class CsvTablesTest {
  private static final String DEPARTMENTS_CSV = """
      code,nameEn,nameHi
      energy,Energy Department,ऊर्जा विभाग
      phe,Public Health Engineering Department,लोक स्वास्थ्य यांत्रिकी विभाग
      food,"Food, Civil Supplies and Consumer Protection Department","खाद्य, नागरिक आपूर्ति एवं उपभोक्ता संरक्षण विभाग"
      """;
  private static final String CATEGORIES_HEADER = "code,parent,department,nameEn,nameHi,aliases,defaultKind,slaPolicy\n";
  private static final String JURISDICTIONS_CSV = """
      code,type,parent,nameEn,nameHi
      cg,STATE,,Chhattisgarh,छत्तीसगढ़
      raipur,district,cg,Raipur,रायपुर
      abhanpur,BLOCK,raipur,Abhanpur,अभनपुर
      raipur-ward-12,WARD,raipur,Ward 12 Raipur,वार्ड 12 रायपुर
      """;
  private static final String POSTS_HEADER =
      "id,title,department,jurisdiction,level,reportsTo,duties,holderId,holderName,holderPhone,holderWhatsapp,holderLanguage\n";
  private static final String POSTS_CSV = POSTS_HEADER + """
      AE-ABHANPUR,Assistant Engineer Abhanpur,energy,abhanpur,1,EE-RAIPUR-CITY,,EMP-1004,Suresh Patel,09876543212,no,hi
      EE-RAIPUR-CITY,"Executive Engineer, Raipur City Division",energy,raipur,L2,SE-RAIPUR,NODAL_OFFICER,,,,,
      SE-RAIPUR,Superintending Engineer Raipur Circle,energy,raipur,L3,CE-RAIPUR,,EMP-1002,अनीता वर्मा,+91 98765 43211,true,hi
      CE-RAIPUR,Chief Engineer Raipur Region,energy,cg,L4,,head_of_department,EMP-1001,Ramesh Sahu,9876543210,YES,en
      """;

  private static Departments departments;
  private static Jurisdictions jurisdictions;
  private static Departments stateDepartments;
  private static Categories stateCategories;

  @BeforeAll
  static void readFixtures() {
    departments = CsvTables.departments(new StringReader(DEPARTMENTS_CSV), "departments.csv");
    jurisdictions = CsvTables.jurisdictions(new StringReader(JURISDICTIONS_CSV), "jurisdictions.csv");
    stateDepartments = CsvTables.departments(resource("departments-52.csv"));
    stateCategories = CsvTables.categories(resource("categories-400.csv"), stateDepartments);
  }

  private static Categories categories(String rows) {
    return CsvTables.categories(new StringReader(CATEGORIES_HEADER + rows), "categories.csv", departments);
  }

  private static Posts posts(String csv) {
    return CsvTables.posts(new StringReader(csv), "posts.csv", departments, jurisdictions);
  }

  private static Path resource(String name) {
    try {
      return Path.of(Objects.requireNonNull(CsvTablesTest.class.getResource("/routing/" + name), name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Nested
  class The_state_tables {
    private final Departments all = stateDepartments;
    private final Categories categories = stateCategories;

    @Test
    void load_52_departments_and_400_categories() {
      assertThat(all.size()).isEqualTo(52);
      assertThat(categories.size()).isEqualTo(400);
      assertThat(all.get("energy").nameHi()).isEqualTo("ऊर्जा विभाग");
      assertThat(all.get("food").nameEn()).isEqualTo("Food, Civil Supplies and Consumer Protection Department");
      assertThat(categories.get("energy.faulty-meter").parent()).contains("energy.meter");
      assertThat(categories.get("energy.faulty-meter").aliases()).contains("meter kharab");
      assertThat(categories.ofDepartment("energy")).hasSizeGreaterThan(20);
    }

    @ParameterizedTest
    @CsvSource({
        "बिजली आपूर्ति बाधित, energy.supply-interrupted",
        "Electricity supply interrupted, energy.supply-interrupted",
        "bijli nahi aa rahi, energy.supply-interrupted",
        "खराब मीटर, energy.faulty-meter",
        "faulty meter, energy.faulty-meter",
        "meter kharab, energy.faulty-meter",
        "हैंडपंप खराब, phe.handpump-not-working",
        "hand pump not working, phe.handpump-not-working",
        "राशन नहीं मिला, food.ration-not-received",
        "rashan, food.ration-not-received",
        "स्ट्रीट लाइट बंद, urban.street-light-not-working",
        "नामांतरण, revenue.mutation-pending",
        "namantaran, revenue.mutation-pending",
        "ladli behna, wcd.ladli-behna",
        "लाड़ली बहना, wcd.ladli-behna",
    })
    void find_the_expected_category_first(String query, String expected) {
      assertThat(categories.search(query, 5).get(0).category().code()).isEqualTo(expected);
    }

    @Test
    void find_electricity_categories_for_bijli_in_every_spelling() {
      for (String query : List.of("bijli", "bijlee", "बिजली")) {
        List<CategoryMatch> found = categories.search(query, 10);
        assertThat(found).as(query).hasSize(10);
        assertThat(found).as(query).allSatisfy(m -> assertThat(m.category().department()).isEqualTo("energy"));
      }
    }

    @Test
    void find_street_lights_in_english_and_hindi() {
      for (String query : List.of("street light", "streetlight", "स्ट्रीट लाइट")) {
        assertThat(categories.search(query, 3))
            .as(query)
            .extracting(m -> m.category().code())
            .contains("urban.street-lights", "urban.street-light-not-working");
      }
    }
  }

  @Nested
  class Departments_table {
    @Test
    void keeps_order_names_and_quoted_commas() {
      assertThat(departments.all()).extracting(Department::code).containsExactly("energy", "phe", "food");
      assertThat(departments.get("food").nameHi()).isEqualTo("खाद्य, नागरिक आपूर्ति एवं उपभोक्ता संरक्षण विभाग");
    }

    @Test
    void a_bad_code_names_its_line_and_column() {
      assertThatThrownBy(() -> CsvTables.departments(
              new StringReader("code,nameEn,nameHi\nenergy,Energy,ऊर्जा\nlok seva,Public Service,लोक सेवा\n"), "d.csv"))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.source()).isEqualTo("d.csv");
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.field()).isEqualTo("code");
          });
    }

    @Test
    void an_empty_name_is_refused() {
      assertThatThrownBy(() -> CsvTables.departments(new StringReader("code,nameEn,nameHi\nenergy,,ऊर्जा\n"), "d.csv"))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.field()).isEqualTo("nameEn");
            assertThat(e).hasMessage("d.csv row 2, field nameEn: must not be empty");
          });
    }

    @Test
    void a_repeated_code_names_both_rows() {
      assertThatThrownBy(() -> CsvTables.departments(
              new StringReader("code,nameEn,nameHi\nenergy,Energy,ऊर्जा\nphe,PHE,लोक\nenergy,Power,बिजली\n"), "d.csv"))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.row()).isEqualTo(4);
            assertThat(e.field()).isEqualTo("code");
            assertThat(e.reason()).contains("'energy'").contains("row 2");
          });
    }
  }

  @Nested
  class Headers {
    @Test
    void a_missing_column_is_named() {
      assertThatThrownBy(() -> CsvTables.departments(new StringReader("code,nameEn\nenergy,Energy\n"), "d.csv"))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.row()).isEqualTo(1);
            assertThat(e.field()).isEqualTo("nameHi");
            assertThat(e.reason()).startsWith("is missing from the header");
          });
    }

    @Test
    void an_extra_column_is_named() {
      assertThatThrownBy(() -> CsvTables.departments(
              new StringReader("code,nameEn,nameHi,nameUr\nenergy,Energy,ऊर्जा,x\n"), "d.csv"))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.row()).isEqualTo(1);
            assertThat(e.field()).isEqualTo("nameUr");
            assertThat(e.reason()).startsWith("is not a column of this table");
          });
    }

    @Test
    void columns_out_of_order_a_repeated_column_and_a_different_case_are_refused() {
      assertThatThrownBy(() -> CsvTables.departments(new StringReader("code,nameHi,nameEn\n"), "d.csv"))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> assertThat(e.field()).isEqualTo("nameHi"));
      assertThatThrownBy(() -> CsvTables.departments(new StringReader("code,nameEn,nameHi,code\n"), "d.csv"))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.field()).isEqualTo("code");
            assertThat(e.reason()).startsWith("appears twice");
          });
      assertThatThrownBy(() -> CsvTables.departments(new StringReader("Code,nameEn,nameHi\n"), "d.csv"))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> assertThat(e.field()).isEqualTo("Code"));
    }

    @Test
    void an_empty_file_has_no_header() {
      assertThatThrownBy(() -> CsvTables.jurisdictions(new StringReader(""), "j.csv"))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.row()).isEqualTo(1);
            assertThat(e.reason()).contains("header");
          });
    }

    @Test
    void a_header_only_table_is_an_empty_registry() {
      assertThat(categories("").size()).isZero();
    }
  }

  @Nested
  class Categories_table {
    @Test
    void reads_parents_aliases_kinds_and_policies() {
      Categories c = categories("""
          energy.meter-fast,energy.meter,energy,Meter running fast,मीटर तेज चल रहा,meter fast | meter tez,Complaint,cmh-7d
          energy.meter,,energy,Meters,मीटर,,complaint,cmh-7d
          phe.new-handpump,,phe,New hand pump needed,नए हैंडपंप की मांग,naya handpump,DEMAND,igrs-15d
          """);

      Category fast = c.get("energy.meter-fast");
      assertThat(fast.parent()).contains("energy.meter");
      assertThat(fast.aliases()).containsExactly("meter fast", "meter tez");
      assertThat(fast.defaultKind()).isEqualTo(Kind.COMPLAINT);
      assertThat(c.get("energy.meter").aliases()).isEmpty();
      assertThat(c.get("phe.new-handpump").defaultKind()).isEqualTo(Kind.DEMAND);
      assertThat(c.get("phe.new-handpump").escalationPolicyId()).isEqualTo("igrs-15d");
    }

    @Test
    void an_unknown_department_names_the_row() {
      assertThatThrownBy(() -> categories("a,,energy,A,अ,,COMPLAINT,p\nb,,XYZ,B,ब,,COMPLAINT,p\n"))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.field()).isEqualTo("department");
            assertThat(e).hasMessage("categories.csv row 3, field department: unknown department 'XYZ'");
          });
    }

    @Test
    void an_unknown_parent_names_the_row() {
      assertThatThrownBy(() -> categories("a,,energy,A,अ,,COMPLAINT,p\nb,,energy,B,ब,,COMPLAINT,p\nc,bb,energy,C,स,,COMPLAINT,p\n"))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.row()).isEqualTo(4);
            assertThat(e.field()).isEqualTo("parent");
            assertThat(e.reason()).isEqualTo("unknown parent 'bb'");
          });
    }

    @Test
    void a_cycle_names_the_row_of_its_first_member() {
      assertThatThrownBy(() -> categories("root,,energy,R,र,,COMPLAINT,p\na,b,energy,A,अ,,COMPLAINT,p\nb,a,energy,B,ब,,COMPLAINT,p\n"))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.field()).isEqualTo("parent");
            assertThat(e.reason()).contains("a -> b -> a");
          });
    }

    @Test
    void a_repeated_code_names_the_later_row() {
      assertThatThrownBy(() -> categories("a,,energy,A,अ,,COMPLAINT,p\nb,,energy,B,ब,,COMPLAINT,p\na,,phe,A2,अ2,,COMPLAINT,p\n"))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.row()).isEqualTo(4);
            assertThat(e.field()).isEqualTo("code");
          });
    }

    @Test
    void a_bad_kind_an_empty_alias_and_a_missing_policy_name_their_columns() {
      assertThatThrownBy(() -> categories("a,,energy,A,अ,,GRIEVANCE,p\n"))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.field()).isEqualTo("defaultKind");
            assertThat(e.reason()).isEqualTo("must be one of COMPLAINT, SUGGESTION, DEMAND (was 'GRIEVANCE')");
          });
      assertThatThrownBy(() -> categories("a,,energy,A,अ,bijli||light,COMPLAINT,p\n"))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.field()).isEqualTo("aliases");
            assertThat(e.reason()).contains("item 2");
          });
      assertThatThrownBy(() -> categories("a,,energy,A,अ,bijli|Bijli|bijli,COMPLAINT,p\n"))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> assertThat(e.field()).isEqualTo("aliases"));
      assertThatThrownBy(() -> categories("a,,energy,A,अ,,COMPLAINT,\n"))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.field()).isEqualTo("slaPolicy");
          });
      assertThatThrownBy(() -> categories("a,,energy,A,अ,,,p\n"))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.field()).isEqualTo("defaultKind");
            assertThat(e.reason()).isEqualTo("must not be empty");
          });
    }

    @Test
    void malformed_csv_names_the_line_and_column() {
      assertThatThrownBy(() -> categories("a,,energy,A,अ,,COMPLAINT,p\nb,,energy,B\n"))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.field()).isEqualTo("nameHi");
            assertThat(e.reason()).isEqualTo("has 4 fields, but the header has 8");
          });
      assertThatThrownBy(() -> categories("a,,energy,\"A\nmore,अ,,COMPLAINT,p\n"))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.field()).isEqualTo("nameEn");
          });
    }

    @Test
    void a_line_break_inside_a_name_is_refused_by_the_name_rules() {
      assertThatThrownBy(() -> categories("a,,energy,\"Two\nlines\",अ,,COMPLAINT,p\nb,,energy,B,ब,,COMPLAINT,p\n"))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.field()).isEqualTo("nameEn");
          });
    }
  }

  @Nested
  class Jurisdictions_table {
    @Test
    void reads_types_in_any_case_and_parents() {
      assertThat(jurisdictions.size()).isEqualTo(4);
      assertThat(jurisdictions.get("raipur").type()).isEqualTo(JurisdictionType.DISTRICT);
      assertThat(jurisdictions.get("abhanpur").parent()).contains("raipur");
      assertThat(jurisdictions.get("cg").parent()).isEmpty();
    }

    @Test
    void an_unknown_type_or_parent_and_a_child_not_deeper_name_the_row() {
      String header = "code,type,parent,nameEn,nameHi\n";
      assertThatThrownBy(() -> CsvTables.jurisdictions(new StringReader(header + "cg,STATE,,C,छ\nr,CITY,cg,R,र\n"), "j.csv"))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.field()).isEqualTo("type");
          });
      assertThatThrownBy(() -> CsvTables.jurisdictions(new StringReader(header + "cg,STATE,,C,छ\nr,DISTRICT,mp,R,र\n"), "j.csv"))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.field()).isEqualTo("parent");
          });
      assertThatThrownBy(() -> CsvTables.jurisdictions(
              new StringReader(header + "cg,STATE,,C,छ\nb,BLOCK,cg,B,ब\nr,DISTRICT,b,R,र\n"), "j.csv"))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.row()).isEqualTo(4);
            assertThat(e.field()).isEqualTo("parent");
          });
    }
  }

  @Nested
  class Posts_table {
    @Test
    void reads_levels_duties_and_holders() {
      Posts posts = posts(POSTS_CSV);

      assertThat(posts.size()).isEqualTo(4);
      Post ae = posts.get(PostId.of("AE-ABHANPUR"));
      assertThat(ae.level()).isEqualTo(Level.L1);
      assertThat(ae.reportsTo()).contains(PostId.of("EE-RAIPUR-CITY"));
      assertThat(ae.holder()).hasValueSatisfying(o -> {
        assertThat(o.id()).isEqualTo("EMP-1004");
        assertThat(o.phone()).isEqualTo(PhoneNumber.parse("+919876543212"));
        assertThat(o.whatsappOptIn()).isFalse();
        assertThat(o.language()).isEqualTo(Language.HINDI);
      });
      Post ee = posts.get(PostId.of("EE-RAIPUR-CITY"));
      assertThat(ee.title()).isEqualTo("Executive Engineer, Raipur City Division");
      assertThat(ee.isVacant()).isTrue();
      assertThat(ee.duties()).containsExactly(PostDuty.NODAL_OFFICER);
      assertThat(posts.get(PostId.of("SE-RAIPUR")).holder().orElseThrow().name()).isEqualTo("अनीता वर्मा");
      Post ce = posts.get(PostId.of("CE-RAIPUR"));
      assertThat(ce.duties()).containsExactly(PostDuty.HEAD_OF_DEPARTMENT);
      assertThat(ce.holder().orElseThrow().whatsappOptIn()).isTrue();
      assertThat(ce.holder().orElseThrow().language()).isEqualTo(Language.ENGLISH);
      assertThat(posts.chainAbove(PostId.of("AE-ABHANPUR"))).extracting(p -> p.id().code())
          .containsExactly("EE-RAIPUR-CITY", "SE-RAIPUR", "CE-RAIPUR");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "AE,Assistant Engineer,energy,abhanpur,first,,,,,,,; level",
        "AE,Assistant Engineer,energy,abhanpur,L1,,CLERK,,,,,; duties",
        "AE,Assistant Engineer,police,abhanpur,L1,,,,,,,; department",
        "AE,Assistant Engineer,energy,nowhere,L1,,,,,,,; jurisdiction",
        "AE,Assistant Engineer,energy,abhanpur,L1,XEN,,,,,,; reportsTo",
        "AE,Assistant Engineer,energy,abhanpur,L1,,,,Suresh Patel,,,; holderName",
        "AE,Assistant Engineer,energy,abhanpur,L1,,,E1,,9876543210,,; holderName",
        "AE,Assistant Engineer,energy,abhanpur,L1,,,E1,Suresh,12345,,; holderPhone",
        "AE,Assistant Engineer,energy,abhanpur,L1,,,E1,Suresh,9876543210,maybe,; holderWhatsapp",
        "AE,Assistant Engineer,energy,abhanpur,L1,,,E1,Suresh,9876543210,no,urdu; holderLanguage",
        "AE,Assistant Engineer,energy,abhanpur,L1,,,E1,Suresh,9876543210,yes,; holderLanguage",
        "AE,Assistant Engineer,energy,abhanpur,L1,,,E 1,Suresh,9876543210,no,hi; holderId",
        "A E,Assistant Engineer,energy,abhanpur,L1,,,,,,,; id",
        "AE,,energy,abhanpur,L1,,,,,,,; title",
    })
    void a_bad_value_names_its_row_and_column(String row, String column) {
      String csv = POSTS_HEADER + "XEN,Executive Engineer,energy,raipur,L2,,,,,,,\n" + row + "\n";
      if (column.equals("reportsTo")) {
        csv = POSTS_HEADER + "XEN,Executive Engineer,energy,raipur,L3,,,,,,,\n" + row + "\n"; // two levels up
      }
      String table = csv;
      assertThatThrownBy(() -> posts(table))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.source()).isEqualTo("posts.csv");
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.field()).isEqualTo(column);
          });
    }

    @Test
    void a_repeated_id_names_the_later_row() {
      String csv = POSTS_HEADER + "XEN,Executive Engineer,energy,raipur,L2,,,,,,,\nXEN,Other,energy,raipur,L2,,,,,,,\n";

      assertThatThrownBy(() -> posts(csv))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.field()).isEqualTo("id");
          });
    }
  }

  @Nested
  class Utf8_files {
    @TempDir Path dir;

    @Test
    void are_read_as_utf_8_with_a_byte_order_mark_and_crlf_and_named_by_file_name() throws Exception {
      Path file = dir.resolve("depts.csv");
      Files.writeString(file, "\uFEFFcode,nameEn,nameHi\r\nrevenue,Revenue,राजस्व विभाग\r\n", StandardCharsets.UTF_8);

      assertThat(CsvTables.departments(file).get("revenue").nameHi()).isEqualTo("राजस्व विभाग");

      Files.writeString(file, "code,nameEn,nameHi\r\nrevenue,,राजस्व\r\n", StandardCharsets.UTF_8);
      assertThatThrownBy(() -> CsvTables.departments(file))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.source()).isEqualTo("depts.csv");
            assertThat(e.row()).isEqualTo(2);
          });
    }

    @Test
    void bytes_that_are_not_utf_8_are_refused_at_their_line() throws Exception {
      Path file = dir.resolve("latin1.csv");
      Files.write(file, "code,nameEn,nameHi\nenergy,Energy,\u00C9nergie\n".getBytes(StandardCharsets.ISO_8859_1));

      assertThatThrownBy(() -> CsvTables.departments(file))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.reason()).contains("UTF-8");
          });
    }

    @Test
    void the_sample_tables_in_the_docs_load() {
      Path docs = Path.of("..", "docs", "samples");
      Departments sample = CsvTables.departments(docs.resolve("departments.csv"));
      Categories categories = CsvTables.categories(docs.resolve("categories.csv"), sample);

      assertThat(sample.size()).isPositive();
      assertThat(categories.search("bijli", 1)).isNotEmpty();
    }
  }
}
