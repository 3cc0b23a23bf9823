package org.nivaran.grievance.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.actor.Level;

/** Routing to the post of the category's department, falling back up the jurisdiction tree. */
class RouterTest {
  private final Directory raipur = Raipur.directory();
  private final Router router = raipur.router();

  @Test
  void a_ward_with_its_own_post_is_served_from_the_ward() {
    Route route = router.route("energy.supply", "RAIPUR-W12", Level.L1);

    assertThat(route.post().id()).isEqualTo(PostId.of("JE-W12"));
    assertThat(route.servedFrom().code()).isEqualTo("RAIPUR-W12");
    assertThat(route.category().code()).isEqualTo("energy.supply");
  }

  @Test
  void a_ward_without_a_post_falls_back_to_its_tehsil() {
    Route route = router.route("energy.supply", "RAIPUR-W34", Level.L1);

    assertThat(route.post().id()).isEqualTo(PostId.of("AE-CITY"));
    assertThat(route.servedFrom().code()).isEqualTo("RAIPUR-TEHSIL");
  }

  @Test
  void a_post_only_at_district_level_serves_every_place_below_it() {
    for (String place : List.of("RAIPUR-W12", "RAIPUR-W34", "ARANG-GP-SAMODA", "RAIPUR-TEHSIL", "RAIPUR")) {
      Route route = router.route("revenue.land-record", place, Level.L1);
      assertThat(route.post().id()).as(place).isEqualTo(PostId.of("TEHSILDAR"));
      assertThat(route.servedFrom().code()).as(place).isEqualTo("RAIPUR");
    }
  }

  @Test
  void the_entry_level_chooses_the_rung() {
    assertThat(router.route("energy.supply", "RAIPUR-W12", Level.L2).post().id()).isEqualTo(PostId.of("EE-CITY"));
    assertThat(router.route("energy.supply", "RAIPUR-W12", Level.L3).post().id()).isEqualTo(PostId.of("SE"));
  }

  @Test
  void no_post_anywhere_up_the_tree_is_a_no_route_exception_naming_what_was_tried() {
    assertThatThrownBy(() -> router.route("energy.supply", "ARANG-GP-SAMODA", Level.L1))
        .isInstanceOfSatisfying(NoRouteException.class, e -> {
          assertThat(e).isInstanceOf(GrievanceException.class);
          assertThat(e.categoryCode()).isEqualTo("energy.supply");
          assertThat(e.department()).isEqualTo("energy");
          assertThat(e.jurisdictionCode()).isEqualTo("ARANG-GP-SAMODA");
          assertThat(e.level()).isEqualTo(Level.L1);
          assertThat(e.tried()).containsExactly("ARANG-GP-SAMODA", "ARANG-TEHSIL", "RAIPUR", "CG");
          assertThat(e.getMessage())
              .isEqualTo("no post of department 'energy' at L1 for category 'energy.supply' in jurisdiction"
                  + " 'ARANG-GP-SAMODA' or above it (tried ARANG-GP-SAMODA, ARANG-TEHSIL, RAIPUR, CG)");
        });
    assertThatThrownBy(() -> router.route("energy.supply", "RAIPUR-W12", Level.of(5))).isInstanceOf(NoRouteException.class);
  }

  @Test
  void unknown_codes_are_invalid_input_naming_the_argument() {
    assertThatThrownBy(() -> router.route("energy.nope", "RAIPUR-W12", Level.L1))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("categoryCode");
          assertThat(e.reason()).contains("'energy.nope'");
        });
    assertThatThrownBy(() -> router.route("energy.supply", "BILASPUR", Level.L1))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("jurisdictionCode"));
    assertThatThrownBy(() -> router.route("energy.supply", "RAIPUR-W12", null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("entryLevel"));
  }

  @Test
  void a_transfer_keeps_the_route_on_the_post_with_the_new_holder() {
    PostId je = PostId.of("JE-W12");
    Officer successor = Raipur.officer("CSPDCL-6001", "प्रिया चंद्राकर", "98000 00107");
    Directory after = raipur.withPosts(raipur.posts().withHolder(je, Optional.of(successor)));

    Route route = after.router().route("energy.supply", "RAIPUR-W12", Level.L1);

    assertThat(route.post().id()).isEqualTo(je);
    assertThat(route.post().holder()).contains(successor);
    assertThat(raipur.router().route("energy.supply", "RAIPUR-W12", Level.L1).post().holder())
        .map(Officer::name).contains("राजेश कुमार साहू");
  }

  @Test
  void walk_in_gives_the_post_on_duty_that_day() {
    DutyRoster roster = DutyRoster.of(Map.of(LocalDate.of(2024, 5, 6), PostId.of("ADC-1"), LocalDate.of(2024, 5, 7), PostId.of("ADC-2")));
    Router withRoster = new Router(raipur.categories(), raipur.jurisdictions(), raipur.posts(), roster);

    assertThat(withRoster.walkIn(LocalDate.of(2024, 5, 7))).map(p -> p.id().code()).contains("ADC-2");
    assertThat(withRoster.walkIn(LocalDate.of(2024, 5, 8))).isEmpty();
    assertThat(router.walkIn(LocalDate.of(2024, 5, 7))).isEmpty();
  }

  @Test
  void a_roster_naming_an_unknown_post_is_refused() {
    DutyRoster roster = DutyRoster.of(Map.of(LocalDate.of(2024, 5, 6), PostId.of("ADC-9")));
    assertThatThrownBy(() -> new Router(raipur.categories(), raipur.jurisdictions(), raipur.posts(), roster))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("roster");
          assertThat(e.reason()).contains("2024-05-06").contains("'ADC-9'");
        });
  }

  @Test
  void a_directory_checks_its_registries_against_one_another() {
    assertThatThrownBy(() -> Directory.builder().build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("departments"));

    Departments energyOnly = Departments.of(List.of(new Department("energy", "Energy", "ऊर्जा")));
    assertThatThrownBy(() -> Directory.builder().departments(energyOnly).categories(raipur.categories()).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("categories");
          assertThat(e.reason()).contains("'revenue'");
        });
    assertThatThrownBy(() -> Directory.builder().departments(raipur.departments()).posts(raipur.posts()).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("posts");
          assertThat(e.reason()).contains("jurisdiction");
        });
  }

  @Test
  void an_empty_directory_has_empty_registries_and_with_methods_leave_the_original_unchanged() {
    Directory empty = Directory.builder().departments(Raipur.departments()).build();
    assertThat(empty.categories().size()).isZero();
    assertThat(empty.jurisdictions().size()).isZero();
    assertThat(empty.posts().size()).isZero();
    assertThat(empty.roster().asMap()).isEmpty();
    assertThat(empty.blocklist().all()).isEmpty();

    Blocklist one = Blocklist.empty().with(BlocklistTest.entry("9800000999", "2024-05-20T06:30:00Z", null));
    Directory blocked = raipur.withBlocklist(one);
    assertThat(blocked.blocklist()).isEqualTo(one);
    assertThat(raipur.blocklist().all()).isEmpty();
    assertThat(blocked.posts()).isSameAs(raipur.posts());
  }
}
