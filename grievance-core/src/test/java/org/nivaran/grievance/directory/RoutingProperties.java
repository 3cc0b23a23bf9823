package org.nivaran.grievance.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Kind;
import org.nivaran.grievance.actor.Level;

/** Routing falls back to the nearest post up the tree; rosters share working days out in turn. */
class RoutingProperties {
  private static final JurisdictionType[] BY_DEPTH = {
    JurisdictionType.STATE, JurisdictionType.DISTRICT, JurisdictionType.TEHSIL, JurisdictionType.WARD
  };

  /**
   * A random tree under one state: node {@code i > 0} hangs below an earlier node that is not a
   * ward, chosen by {@code picks[i]}; {@code hasPost[i]} says whether it has an energy L1 post.
   */
  @Property(tries = 300)
  void a_route_is_served_from_the_nearest_place_up_the_tree_with_a_post(
      @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 10_000) Integer> picks,
      @ForAll @Size(30) List<Boolean> hasPost) {
    List<Jurisdiction> places = new ArrayList<>();
    places.add(Raipur.place("J0", JurisdictionType.STATE, null));
    for (int i = 1; i < picks.size(); i++) {
      List<Jurisdiction> parents = places.stream().filter(j -> j.type().depth() < 3).toList();
      Jurisdiction parent = parents.get(picks.get(i) % parents.size());
      places.add(Raipur.place("J" + i, BY_DEPTH[parent.type().depth() + 1], parent.code()));
    }
    Jurisdictions jurisdictions = Jurisdictions.of(places);
    List<Post> postList = IntStream.range(0, places.size())
        .filter(hasPost::get)
        .mapToObj(i -> Raipur.post("JE-" + i, "energy", "J" + i, Level.L1, null))
        .toList();
    Departments departments = Raipur.departments();
    Categories categories = Categories.of(List.of(Category.of(
        "energy.supply", "energy", "Supply", "आपूर्ति", List.of(), Kind.COMPLAINT, "cg-7d")), departments);
    Router router = new Router(categories, jurisdictions, Posts.of(postList, departments, jurisdictions), DutyRoster.of(Map.of()));
    Set<String> withPost = postList.stream().map(Post::jurisdiction).collect(Collectors.toSet());

    for (Jurisdiction place : places) {
      List<Jurisdiction> path = jurisdictions.pathToRoot(place.code());
      assertThat(path.get(0)).isEqualTo(place);
      assertThat(path.get(path.size() - 1).code()).isEqualTo("J0");
      for (int k = 1; k < path.size(); k++) {
        assertThat(path.get(k - 1).parent()).contains(path.get(k).code());
        assertThat(path.get(k).type().depth()).isLessThan(path.get(k - 1).type().depth());
      }
      Optional<Jurisdiction> nearest = path.stream().filter(j -> withPost.contains(j.code())).findFirst();
      if (nearest.isPresent()) {
        Route route = router.route("energy.supply", place.code(), Level.L1);
        assertThat(route.servedFrom()).isEqualTo(nearest.get());
        assertThat(route.post().jurisdiction()).isEqualTo(nearest.get().code());
      } else {
        NoRouteException e = catchThrowableOfType(NoRouteException.class, () -> router.route("energy.supply", place.code(), Level.L1));
        assertThat(e.tried()).containsExactlyElementsOf(path.stream().map(Jurisdiction::code).toList());
      }
    }
  }

  @Property(tries = 200)
  void a_rotating_roster_covers_exactly_the_working_days_and_takes_the_posts_in_turn(
      @ForAll @IntRange(min = 1, max = 5) int postCount,
      @ForAll @IntRange(min = 0, max = 365) int startOffset,
      @ForAll @IntRange(min = 0, max = 120) int length) {
    List<PostId> posts = IntStream.rangeClosed(1, postCount).mapToObj(i -> PostId.of("ADC-" + i)).toList();
    LocalDate from = LocalDate.of(2024, 1, 1).plusDays(startOffset);
    LocalDate to = from.plusDays(length);
    var calendar = DutyRosterTest.collectorate();

    DutyRoster roster = DutyRoster.rotating(posts, calendar, from, to);

    List<LocalDate> workingDays = from.datesUntil(to.plusDays(1)).filter(d -> !calendar.hoursOn(d).isEmpty()).toList();
    assertThat(roster.asMap().keySet()).containsExactlyElementsOf(workingDays);
    for (int k = 0; k < workingDays.size(); k++) {
      assertThat(roster.onDuty(workingDays.get(k))).contains(posts.get(k % postCount));
    }
    Map<PostId, Long> turns = roster.asMap().values().stream().collect(Collectors.groupingBy(p -> p, Collectors.counting()));
    if (workingDays.size() >= postCount) {
      assertThat(turns.keySet()).containsExactlyInAnyOrderElementsOf(posts);
      assertThat(turns.values().stream().mapToLong(Long::longValue).max().orElseThrow()
              - turns.values().stream().mapToLong(Long::longValue).min().orElseThrow())
          .isLessThanOrEqualTo(1);
    }
  }
}
