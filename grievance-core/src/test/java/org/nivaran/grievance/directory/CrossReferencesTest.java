package org.nivaran.grievance.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nivaran.grievance.directory.Raipur.place;
import static org.nivaran.grievance.directory.Raipur.post;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Kind;

/**
 * Every reference from one registry to another is checked when the registry or the
 * {@link Directory} is built: a dangling one is refused with an {@link InvalidInputException}
 * naming the field, and a message naming the bad reference. Nothing is silently skipped.
 */
class CrossReferencesTest {

  /** Asserts the refusal's type and field, and that its message names each of the references. */
  private static void refused(ThrowingCallable build, String field, String... named) {
    assertThatThrownBy(build)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          for (String reference : named) {
            assertThat(e.reason()).contains("'" + reference + "'");
            assertThat(e.getMessage()).contains("'" + reference + "'");
          }
        });
  }

  private static Category category(String code, String department) {
    return Category.of(code, department, "Name of " + code, "नाम " + code, List.of(), Kind.COMPLAINT, "cg-7d");
  }

  private static Posts posts(Post... posts) {
    return Posts.of(List.of(posts), Raipur.departments(), Raipur.jurisdictions());
  }

  @Nested
  class Categories_ {
    @Test
    void a_category_of_an_unknown_department_is_refused_naming_it() {
      refused(() -> Categories.of(List.of(category("energy.supply", "energy"), category("health.doctor", "health")),
              Raipur.departments()),
          "categories[1].department", "health");
    }

    @Test
    void a_category_under_an_unknown_parent_is_refused_naming_it() {
      refused(() -> Categories.of(List.of(category("energy.meter", "energy").withParent("energy.billing")),
              Raipur.departments()),
          "categories[0].parent", "energy.billing");
    }
  }

  @Nested
  class Jurisdictions_ {
    @Test
    void a_jurisdiction_under_an_unknown_parent_is_refused_naming_it() {
      refused(() -> Jurisdictions.of(List.of(
              place("CG", JurisdictionType.STATE, null), place("DURG", JurisdictionType.DISTRICT, "MP"))),
          "jurisdictions[1].parent", "MP");
    }
  }

  @Nested
  class Posts_ {
    @Test
    void a_post_of_an_unknown_department_is_refused_naming_it() {
      refused(() -> posts(post("CE", "energy", "RAIPUR", Level.L4, null), post("CMHO", "health", "RAIPUR", Level.L2, null)),
          "posts[1].department", "health");
    }

    @Test
    void a_post_in_an_unknown_jurisdiction_is_refused_naming_it() {
      refused(() -> posts(post("AE-BILASPUR", "energy", "BILASPUR", Level.L1, null)), "posts[0].jurisdiction", "BILASPUR");
    }

    @Test
    void a_post_reporting_to_an_unknown_post_is_refused_naming_it() {
      refused(() -> posts(post("EE", "energy", "RAIPUR", Level.L2, null), post("AE", "energy", "RAIPUR-TEHSIL", Level.L1, "XEN")),
          "posts[1].reportsTo", "XEN");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"STATE, CG", "TEHSIL, RAIPUR-TEHSIL", "WARD, RAIPUR-W12", "PANCHAYAT, ARANG-GP-SAMODA"})
    void a_nodal_officer_post_outside_a_district_is_refused_naming_its_jurisdiction(JurisdictionType type, String place) {
      refused(() -> posts(post("COLLECTOR", "revenue", "RAIPUR", Level.L4, null),
              post("NODAL", "revenue", place, Level.L3, "COLLECTOR", PostDuty.NODAL_OFFICER)),
          "posts[1].duties", "NODAL", place);
      assertThatThrownBy(() -> posts(post("NODAL", "revenue", place, Level.L3, null, PostDuty.NODAL_OFFICER)))
          .hasMessageContaining(type.name())
          .hasMessageContaining("must serve a DISTRICT");
    }

    @Test
    void a_nodal_officer_post_at_a_district_is_accepted_and_found_for_every_place_in_it() {
      Directory raipur = Raipur.directory();

      assertThat(raipur.posts().nodalOfficerFor("RAIPUR")).map(p -> p.id().code()).contains("NODAL");
      assertThat(raipur.nodalOfficerOf("ARANG-GP-SAMODA")).map(p -> p.id().code()).contains("NODAL");
    }
  }

  @Nested
  class Router_ {
    @Test
    void a_router_refuses_a_post_in_a_jurisdiction_it_does_not_hold_naming_it() {
      Jurisdictions wider = Raipur.jurisdictions();
      List<Jurisdiction> narrowList = new ArrayList<>(Raipur.jurisdictionList());
      narrowList.removeIf(j -> j.code().equals("RAIPUR-W12"));
      Jurisdictions narrow = Jurisdictions.of(narrowList);
      Posts posts = Posts.of(List.of(post("EE", "energy", "RAIPUR", Level.L2, null),
          post("JE-W12", "energy", "RAIPUR-W12", Level.L1, "EE")), Raipur.departments(), wider);

      refused(() -> new Router(Raipur.categories(), narrow, posts, DutyRoster.of(Map.of())),
          "posts[1].jurisdiction", "JE-W12", "RAIPUR-W12");
    }

    @Test
    void a_router_refuses_a_roster_day_given_to_an_unknown_post_naming_it() {
      DutyRoster roster = DutyRoster.of(Map.of(LocalDate.of(2024, 5, 6), PostId.of("ADC-1"), LocalDate.of(2024, 5, 7), PostId.of("ADC-9")));

      refused(() -> new Router(Raipur.categories(), Raipur.jurisdictions(), Raipur.posts(), roster), "roster", "ADC-9");
    }
  }

  @Nested
  class Directory_ {
    private Directory.Builder raipur() {
      Departments departments = Raipur.departments();
      Jurisdictions jurisdictions = Raipur.jurisdictions();
      return Directory.builder()
          .departments(departments)
          .jurisdictions(jurisdictions)
          .categories(Raipur.categories())
          .posts(Posts.of(Raipur.postList(), departments, jurisdictions));
    }

    @Test
    void a_directory_refuses_a_category_of_a_department_it_does_not_hold_naming_it() {
      Departments energyOnly = Departments.of(List.of(new Department("energy", "Energy", "ऊर्जा")));

      refused(() -> Directory.builder().departments(energyOnly).categories(Raipur.categories()).build(),
          "categories", "revenue.land-record", "revenue");
    }

    @Test
    void a_directory_refuses_a_post_of_a_department_it_does_not_hold_naming_it() {
      Departments energyOnly = Departments.of(List.of(new Department("energy", "Energy", "ऊर्जा")));

      refused(() -> Directory.builder().departments(energyOnly).jurisdictions(Raipur.jurisdictions()).posts(Raipur.posts()).build(),
          "posts", "COLLECTOR", "revenue");
    }

    @Test
    void a_directory_refuses_a_post_in_a_jurisdiction_it_does_not_hold_naming_it() {
      List<Jurisdiction> withoutWard = new ArrayList<>(Raipur.jurisdictionList());
      withoutWard.removeIf(j -> j.code().equals("RAIPUR-W12"));

      refused(() -> raipur().jurisdictions(Jurisdictions.of(withoutWard)).build(), "posts", "JE-W12", "RAIPUR-W12");
    }

    @Test
    void a_directory_refuses_a_nodal_officer_post_where_its_own_jurisdictions_have_no_district_naming_it() {
      // The posts were built over a tree in which RAIPUR is a district; in the directory's it is a state.
      Jurisdictions raipurAsState = Jurisdictions.of(List.of(place("RAIPUR", JurisdictionType.STATE, null)));
      Posts posts = Posts.of(List.of(post("REV-HEAD", "revenue", "RAIPUR", Level.L4, null),
          post("NODAL", "revenue", "RAIPUR", Level.L3, "REV-HEAD", PostDuty.NODAL_OFFICER)),
          Raipur.departments(), Raipur.jurisdictions());

      refused(() -> Directory.builder().departments(Raipur.departments()).jurisdictions(raipurAsState).posts(posts).build(),
          "posts[1].duties", "NODAL", "RAIPUR");
    }

    @Test
    void a_directory_refuses_a_roster_day_given_to_an_unknown_post_naming_it() {
      DutyRoster roster = DutyRoster.of(Map.of(LocalDate.of(2024, 5, 6), PostId.of("ADC-9")));

      refused(() -> raipur().roster(roster).build(), "roster", "ADC-9");
    }

    @Test
    void new_posts_that_drop_a_post_the_roster_names_are_refused_naming_it() {
      Directory withRoster = raipur().roster(DutyRoster.of(Map.of(LocalDate.of(2024, 5, 6), PostId.of("ADC-2")))).build();
      List<Post> withoutAdc2 = new ArrayList<>(Raipur.postList());
      withoutAdc2.removeIf(p -> p.id().code().equals("ADC-2"));

      refused(() -> withRoster.withPosts(Posts.of(withoutAdc2, Raipur.departments(), Raipur.jurisdictions())),
          "roster", "ADC-2");
    }

    @Test
    void a_directory_finds_the_nodal_officer_through_its_own_jurisdictions_not_those_its_posts_were_built_over() {
      Jurisdictions districtOnly = Jurisdictions.of(List.of(place("RAIPUR", JurisdictionType.DISTRICT, null)));
      Posts noPosts = Posts.of(List.of(), Raipur.departments(), districtOnly);
      Directory durgAndRaipur = Directory.builder()
          .departments(Raipur.departments())
          .jurisdictions(Jurisdictions.of(List.of(
              place("RAIPUR", JurisdictionType.DISTRICT, null), place("DURG", JurisdictionType.DISTRICT, null))))
          .posts(noPosts)
          .build();

      assertThat(durgAndRaipur.nodalOfficerOf("DURG")).isEmpty();
    }
  }

  @Nested
  class Csv_tables {
    private static final String POSTS_HEADER =
        "id,title,department,jurisdiction,level,reportsTo,duties,holderId,holderName,holderPhone,holderWhatsapp,holderLanguage\n";

    @Test
    void a_nodal_officer_row_outside_a_district_is_refused_naming_its_row_duties_and_jurisdiction() {
      String csv = POSTS_HEADER
          + "COLLECTOR,Collector,revenue,RAIPUR,L4,,,,,,,\n"
          + "TEHSILDAR,Tehsildar,revenue,RAIPUR-TEHSIL,L3,COLLECTOR,nodal_officer,,,,,\n";

      assertThatThrownBy(() -> CsvTables.posts(new StringReader(csv), "posts.csv", Raipur.departments(), Raipur.jurisdictions()))
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.field()).isEqualTo("duties");
            assertThat(e.getMessage()).startsWith("posts.csv row 3, field duties: ").contains("'RAIPUR-TEHSIL'", "TEHSIL");
            assertThat(e.getCause()).isInstanceOf(InvalidInputException.class);
          });
    }
  }
}
