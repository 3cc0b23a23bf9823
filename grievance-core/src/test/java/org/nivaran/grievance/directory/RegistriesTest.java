package org.nivaran.grievance.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nivaran.grievance.directory.Raipur.place;
import static org.nivaran.grievance.directory.Raipur.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.actor.Level;

/** The rules of the department, jurisdiction and post registries. */
class RegistriesTest {

  private static void refused(Runnable r, String field, String reasonPart) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.reason()).contains(reasonPart);
        });
  }

  @Nested
  class Departments_ {
    @Test
    void keeps_the_order_given_and_finds_by_code() {
      Departments d = Raipur.departments();
      assertThat(d.all()).extracting(Department::code).containsExactly("energy", "revenue");
      assertThat(d.size()).isEqualTo(2);
      assertThat(d.contains("energy")).isTrue();
      assertThat(d.find("municipal")).isEmpty();
      assertThat(d.get("revenue").nameHi()).isEqualTo("राजस्व विभाग");
    }

    @Test
    void an_unknown_code_is_refused_by_get() {
      refused(() -> Raipur.departments().get("XYZ"), "department", "unknown code 'XYZ'");
    }

    @Test
    void a_repeated_code_is_refused_naming_the_element() {
      refused(() -> Departments.of(List.of(
              new Department("energy", "Energy", "ऊर्जा"),
              new Department("revenue", "Revenue", "राजस्व"),
              new Department("energy", "Power", "बिजली"))),
          "departments[2].code", "repeats the code 'energy'");
    }

    @Test
    void each_field_is_validated() {
      refused(() -> new Department("en ergy", "Energy", "ऊर्जा"), "code", "ASCII");
      refused(() -> new Department("energy", " ", "ऊर्जा"), "nameEn", "blank");
      refused(() -> new Department("energy", "Energy", null), "nameHi", "null");
    }
  }

  @Nested
  class Jurisdictions_ {
    @Test
    void path_to_root_starts_with_the_jurisdiction_itself_and_ends_at_the_root() {
      assertThat(Raipur.jurisdictions().pathToRoot("RAIPUR-W12"))
          .extracting(Jurisdiction::code)
          .containsExactly("RAIPUR-W12", "RAIPUR-TEHSIL", "RAIPUR", "CG");
      assertThat(Raipur.jurisdictions().pathToRoot("CG")).extracting(Jurisdiction::code).containsExactly("CG");
    }

    @Test
    void district_of_is_itself_for_a_district_the_nearest_district_below_it_and_none_above() {
      Jurisdictions j = Raipur.jurisdictions();
      assertThat(j.districtOf("ARANG-GP-SAMODA")).map(Jurisdiction::code).contains("RAIPUR");
      assertThat(j.districtOf("RAIPUR-TEHSIL")).map(Jurisdiction::code).contains("RAIPUR");
      assertThat(j.districtOf("RAIPUR")).map(Jurisdiction::code).contains("RAIPUR");
      assertThat(j.districtOf("CG")).isEmpty();
    }

    @Test
    void children_are_the_direct_children_in_the_order_given() {
      Jurisdictions j = Raipur.jurisdictions();
      assertThat(j.children("RAIPUR")).extracting(Jurisdiction::code).containsExactly("RAIPUR-TEHSIL", "ARANG-TEHSIL");
      assertThat(j.children("RAIPUR-W12")).isEmpty();
      refused(() -> j.children("NOPE"), "jurisdiction", "unknown code 'NOPE'");
    }

    @Test
    void a_child_may_come_before_its_parent() {
      Jurisdictions j = Jurisdictions.of(List.of(
          place("RAIPUR-W12", JurisdictionType.WARD, "RAIPUR"), place("RAIPUR", JurisdictionType.DISTRICT, null)));
      assertThat(j.pathToRoot("RAIPUR-W12")).extracting(Jurisdiction::code).containsExactly("RAIPUR-W12", "RAIPUR");
    }

    @Test
    void an_unknown_code_is_refused() {
      refused(() -> Raipur.jurisdictions().get("NOPE"), "jurisdiction", "unknown code 'NOPE'");
      refused(() -> Raipur.jurisdictions().pathToRoot("NOPE"), "jurisdiction", "unknown code 'NOPE'");
      refused(() -> Raipur.jurisdictions().districtOf("NOPE"), "jurisdiction", "unknown code 'NOPE'");
    }

    @Test
    void a_repeated_code_is_refused() {
      List<Jurisdiction> list = new ArrayList<>(Raipur.jurisdictionList());
      list.add(place("RAIPUR", JurisdictionType.DISTRICT, "CG"));
      refused(() -> Jurisdictions.of(list), "jurisdictions[7].code", "repeats the code 'RAIPUR'");
    }

    @Test
    void an_unknown_parent_is_refused() {
      refused(() -> Jurisdictions.of(List.of(place("CG", JurisdictionType.STATE, null), place("RAIPUR", JurisdictionType.DISTRICT, "MP"))),
          "jurisdictions[1].parent", "unknown jurisdiction 'MP'");
    }

    @Test
    void a_child_not_deeper_than_its_parent_is_refused() {
      refused(() -> Jurisdictions.of(List.of(
              place("RAIPUR", JurisdictionType.DISTRICT, null),
              place("RAIPUR-TEHSIL", JurisdictionType.TEHSIL, "RAIPUR"),
              place("DHARSIWA", JurisdictionType.BLOCK, "RAIPUR-TEHSIL"))),
          "jurisdictions[2].parent", "'RAIPUR-TEHSIL' is a TEHSIL, which cannot be above the BLOCK 'DHARSIWA'");
    }

    @Test
    void a_cycle_is_refused() {
      refused(() -> Jurisdictions.of(List.of(
              place("A", JurisdictionType.DISTRICT, "B"), place("B", JurisdictionType.DISTRICT, "A"))),
          "jurisdictions[0].parent", "cannot be above");
      refused(() -> place("A", JurisdictionType.DISTRICT, "A"), "parent", "must not be the jurisdiction itself");
    }

    @Test
    void depths_follow_the_administrative_tree() {
      assertThat(JurisdictionType.STATE.depth()).isZero();
      assertThat(JurisdictionType.DISTRICT.depth()).isEqualTo(1);
      assertThat(JurisdictionType.BLOCK.depth()).isEqualTo(JurisdictionType.TEHSIL.depth()).isEqualTo(2);
      assertThat(JurisdictionType.WARD.depth()).isEqualTo(JurisdictionType.PANCHAYAT.depth()).isEqualTo(3);
    }
  }

  @Nested
  class Posts_ {
    @Test
    void chain_above_climbs_the_ladder_to_the_top() {
      Posts posts = Raipur.posts();
      assertThat(posts.chainAbove(PostId.of("JE-W12"))).extracting(p -> p.id().code()).containsExactly("EE-CITY", "SE", "CE");
      assertThat(posts.chainAbove(PostId.of("CE"))).isEmpty();
      assertThat(posts.supervisorOf(PostId.of("SE"))).map(p -> p.id().code()).contains("CE");
      assertThat(posts.supervisorOf(PostId.of("CE"))).isEmpty();
    }

    @Test
    void nodal_officer_and_head_of_department_are_found_by_their_duty() {
      Posts posts = Raipur.posts();
      assertThat(posts.nodalOfficerFor("RAIPUR")).map(p -> p.id().code()).contains("NODAL");
      assertThat(posts.nodalOfficerFor("RAIPUR-TEHSIL")).isEmpty();
      assertThat(posts.headOf("energy")).map(p -> p.id().code()).contains("CE");
      assertThat(posts.headOf("revenue")).map(p -> p.id().code()).contains("COLLECTOR");
      refused(() -> posts.headOf("XYZ"), "department", "unknown code 'XYZ'");
      refused(() -> posts.nodalOfficerFor("XYZ"), "jurisdiction", "unknown code 'XYZ'");
    }

    @Test
    void at_gives_the_first_post_of_a_department_level_and_place_only_there() {
      Posts posts = Raipur.posts();
      assertThat(posts.at("revenue", "RAIPUR", Level.L3)).map(p -> p.id().code()).contains("ADC-1");
      assertThat(posts.at("energy", "RAIPUR-W34", Level.L1)).isEmpty();
      assertThat(posts.at("energy", "RAIPUR-TEHSIL", Level.L1)).map(p -> p.id().code()).contains("AE-CITY");
    }

    @Test
    void with_holder_gives_a_new_registry_and_leaves_the_original_unchanged() {
      Posts before = Raipur.posts();
      PostId je = PostId.of("JE-W12");
      Officer successor = Raipur.officer("CSPDCL-6001", "प्रिया चंद्राकर", "98000 00107");

      Posts after = before.withHolder(je, Optional.of(successor));

      assertThat(after.get(je).holder()).contains(successor);
      assertThat(after.get(je).id()).isEqualTo(je);
      assertThat(after.get(je).reportsTo()).isEqualTo(before.get(je).reportsTo());
      assertThat(after.all()).extracting(Post::id).containsExactlyElementsOf(before.all().stream().map(Post::id).toList());
      assertThat(before.get(je).holder()).map(Officer::name).contains("राजेश कुमार साहू");
      assertThat(after.withHolder(je, Optional.empty()).get(je).isVacant()).isTrue();
      assertThat(after.get(je).isVacant()).isFalse();
      refused(() -> before.withHolder(PostId.of("NOPE"), Optional.empty()), "post", "unknown post 'NOPE'");
    }

    @Test
    void a_post_with_holder_keeps_everything_else() {
      Post vacant = post("AE-CITY", "energy", "RAIPUR-TEHSIL", Level.L1, "EE-CITY");
      Post held = vacant.withHolder(Optional.of(Raipur.officer("X-1", "Deepak Sharma", "9800000104")));
      assertThat(vacant.isVacant()).isTrue();
      assertThat(held).usingRecursiveComparison().ignoringFields("holder").isEqualTo(vacant);
    }

    @Test
    void a_repeated_id_is_refused() {
      List<Post> list = new ArrayList<>(Raipur.postList());
      list.add(post("SE", "energy", "RAIPUR", Level.L3, "CE"));
      refused(() -> Posts.of(list, Raipur.departments(), Raipur.jurisdictions()), "posts[11].id", "repeats the id 'SE'");
    }

    @Test
    void an_unknown_department_or_jurisdiction_is_refused() {
      refused(() -> Posts.of(List.of(post("X", "health", "RAIPUR", Level.L1, null)), Raipur.departments(), Raipur.jurisdictions()),
          "posts[0].department", "unknown department 'health'");
      refused(() -> Posts.of(List.of(post("X", "energy", "BILASPUR", Level.L1, null)), Raipur.departments(), Raipur.jurisdictions()),
          "posts[0].jurisdiction", "unknown jurisdiction 'BILASPUR'");
    }

    @Test
    void reports_to_must_exist_and_be_exactly_one_level_up() {
      refused(() -> Posts.of(List.of(post("JE", "energy", "RAIPUR", Level.L1, "EE")), Raipur.departments(), Raipur.jurisdictions()),
          "posts[0].reportsTo", "unknown post 'EE'");
      refused(() -> Posts.of(List.of(post("SE", "energy", "RAIPUR", Level.L3, null), post("JE", "energy", "RAIPUR", Level.L1, "SE")),
              Raipur.departments(), Raipur.jurisdictions()),
          "posts[1].reportsTo", "must report to a post exactly one level up, at L2");
      refused(() -> Posts.of(List.of(post("A", "energy", "RAIPUR", Level.L2, "B"), post("B", "energy", "RAIPUR", Level.L2, "A")),
              Raipur.departments(), Raipur.jurisdictions()),
          "posts[0].reportsTo", "exactly one level up");
      refused(() -> post("A", "energy", "RAIPUR", Level.L2, "A"), "reportsTo", "must not be the post itself");
    }

    @Test
    void a_department_has_one_head_and_a_jurisdiction_one_nodal_officer() {
      List<Post> heads = List.of(
          post("CE", "energy", "RAIPUR", Level.L4, null, PostDuty.HEAD_OF_DEPARTMENT),
          post("MD", "energy", "CG", Level.of(5), null, PostDuty.HEAD_OF_DEPARTMENT));
      refused(() -> Posts.of(heads, Raipur.departments(), Raipur.jurisdictions()), "posts[1].duties", "second HEAD_OF_DEPARTMENT of department 'energy'");
      List<Post> nodal = List.of(
          post("N1", "revenue", "RAIPUR", Level.L3, null, PostDuty.NODAL_OFFICER),
          post("N2", "energy", "RAIPUR", Level.L3, null, PostDuty.NODAL_OFFICER));
      refused(() -> Posts.of(nodal, Raipur.departments(), Raipur.jurisdictions()), "posts[1].duties", "second NODAL_OFFICER of jurisdiction 'RAIPUR'");
    }

    @Test
    void duties_are_an_unmodifiable_copy() {
      Set<PostDuty> duties = new java.util.HashSet<>(Set.of(PostDuty.NODAL_OFFICER));
      Post p = new Post(PostId.of("N"), "Nodal", "revenue", "RAIPUR", Level.L3, Optional.empty(), duties, Optional.empty());
      duties.add(PostDuty.HEAD_OF_DEPARTMENT);
      assertThat(p.duties()).containsExactly(PostDuty.NODAL_OFFICER);
      assertThatThrownBy(() -> p.duties().add(PostDuty.HEAD_OF_DEPARTMENT)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void an_officer_is_validated_field_by_field() {
      PhoneNumber phone = PhoneNumber.parse("9800000101");
      refused(() -> new Officer("", "राजेश", phone, true, Language.HINDI), "id", "blank");
      refused(() -> new Officer("E-1", "राजेश\u202E", phone, true, Language.HINDI), "name", "bidirectional");
      refused(() -> new Officer("E-1", "राजेश", null, true, Language.HINDI), "phone", "null");
      refused(() -> new Officer("E-1", "राजेश", phone, true, null), "language", "null");
      assertThat(Language.HINDI.tag()).isEqualTo("hi");
      assertThat(Language.ENGLISH.tag()).isEqualTo("en");
    }
  }
}
