package org.nivaran.grievance.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.Location;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Registration;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.escalation.District;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.tenant.TenantId;

/**
 * Repeats found by distance: an open complaint of the same category within the category's radius
 * and window, whatever the caller's number, is linked at once or flagged for the agent.
 */
class DistanceRepeatPolicyTest {
  private static final Actor AGENT = Actor.agent("AGENT-7");
  private static final String WATER = "JAL.PIPE";
  private static final String ENERGY = "ENERGY.SUPPLY";
  private static final double LAT = 21.2514;
  private static final double LON = 81.6296;
  private static final Duration WEEK = Duration.ofDays(7);

  private final MutableClock clock = new MutableClock(ist(2024, 3, 19, 11, 0));
  private final InMemoryComplaintStore store = new InMemoryComplaintStore();

  private static final DuplicatePolicy POLICY = DuplicatePolicy.none()
      .byDistance(WATER, DistanceRule.link(100, WEEK))
      .byDistance(ENERGY, DistanceRule.confirm(250, Duration.ofDays(3)));

  private Grievances grievances() {
    return District.grievances(store, clock).duplicatePolicy(POLICY).build();
  }

  private static Instant ist(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(District.IST).toInstant();
  }

  /** A point this many metres north and east of the centre (along the meridian and the parallel). */
  private static Location at(double northMetres, double eastMetres) {
    double metresPerDegree = Math.PI / 180 * org.nivaran.grievance.complaint.Distance.EARTH_RADIUS_METRES;
    double lat = LAT + northMetres / metresPerDegree;
    double lon = LON + eastMetres / (metresPerDegree * Math.cos(Math.toRadians(LAT)));
    return Location.of(BigDecimal.valueOf(lat).setScale(9, RoundingMode.HALF_EVEN),
        BigDecimal.valueOf(lon).setScale(9, RoundingMode.HALF_EVEN));
  }

  private static RegisterComplaint request(String category, String phone, Optional<Location> where) {
    return Fixtures.requestBuilder()
        .categoryCode(category)
        .jurisdictionCode("WARD-12")
        .citizen(Complainant.of("रमेश साहू", phone, "hi"))
        .location(where)
        .build();
  }

  private static RegisterComplaint water(String phone, Location where) {
    return request(WATER, phone, Optional.of(where));
  }

  private static RegisterComplaint energy(String phone, Location where) {
    return request(ENERGY, phone, Optional.of(where));
  }

  private static Location centre() {
    return at(0, 0);
  }

  // ---------------------------------------------------------------------------------------------
  // Linked automatically

  @Test
  void a_registration_60_metres_from_an_open_complaint_of_the_category_is_linked_whatever_the_number() {
    Grievances g = grievances();
    Complaint first = g.register(water("9826011111", centre()), AGENT);
    clock.advance(Duration.ofHours(5));

    Registration second = g.submit(water("9826022222", at(60, 0)), AGENT);

    assertThat(second.outcome()).isEqualTo(Registration.Outcome.LINKED);
    assertThat(second.complaint().id()).isEqualTo(first.id());
    assertThat(g.history(first.id())).filteredOn(ComplaintEvent.DuplicateLinked.class::isInstance).singleElement()
        .isInstanceOfSatisfying(ComplaintEvent.DuplicateLinked.class, d -> {
          // the neighbour who called is kept on the link, and masked in its description
          assertThat(d.caller()).hasValueSatisfying(c -> assertThat(c.phone().e164()).isEqualTo("+919826022222"));
          assertThat(d.toString()).doesNotContain("9826022222");
        });
    assertThat(store.events(TenantId.DEFAULT, first.id()).get(0)).isInstanceOf(ComplaintEvent.ComplaintRegistered.class);
  }

  /** The same district without a duplicate policy, ids {@code SEED-...}: complaints that lie close but are not linked. */
  private Grievances seeding() {
    return District.grievances(store, clock).idScheme(ComplaintIdScheme.yearly("SEED", District.IST)).build();
  }

  @Test
  void the_nearest_open_complaint_wins_then_the_newest() {
    Grievances g = grievances();
    Grievances seed = seeding();
    Complaint far = seed.register(water("9826011111", at(80, 0)), AGENT);
    Complaint near = seed.register(water("9826011112", at(0, 30)), AGENT);
    clock.advance(Duration.ofMinutes(1));
    Complaint alsoNearButNewer = seed.register(water("9826011113", at(0, -30)), AGENT);
    clock.advance(Duration.ofMinutes(1));

    Registration r = g.submit(water("9826022222", centre()), AGENT);

    assertThat(r.complaint().id()).isEqualTo(alsoNearButNewer.id()).isNotIn(far.id(), near.id());
    clock.advance(Duration.ofMinutes(1));
    Registration nearer = g.submit(water("9826033333", at(70, 0)), AGENT);
    assertThat(nearer.complaint().id()).isEqualTo(far.id());
  }

  @Test
  void a_registration_just_beyond_the_radius_makes_a_new_complaint() {
    Grievances g = grievances();
    Complaint first = g.register(water("9826011111", centre()), AGENT);

    Location inside = at(99.5, 0);
    Location outside = at(-100.5, 0);
    assertThat(centre().metresTo(inside)).isLessThan(100);
    assertThat(centre().metresTo(outside)).isGreaterThan(100);

    assertThat(g.submit(water("9826022222", outside), AGENT).outcome()).isEqualTo(Registration.Outcome.CREATED);
    Registration linked = g.submit(water("9826033333", inside), AGENT);
    assertThat(linked.outcome()).isEqualTo(Registration.Outcome.LINKED);
    assertThat(linked.complaint().id()).isEqualTo(first.id());
  }

  @Test
  void the_window_includes_its_first_instant_and_nothing_before() {
    Grievances g = grievances();
    Complaint first = g.register(water("9826011111", centre()), AGENT);

    clock.advance(WEEK);
    Registration atTheEdge = g.submit(water("9826022222", at(10, 0)), AGENT);
    assertThat(atTheEdge.outcome()).isEqualTo(Registration.Outcome.LINKED);
    assertThat(atTheEdge.complaint().id()).isEqualTo(first.id());

    clock.advance(Duration.ofSeconds(1));
    Registration past = g.submit(water("9826033333", at(10, 0)), AGENT);
    assertThat(past.outcome()).isEqualTo(Registration.Outcome.CREATED);
  }

  @Test
  void an_open_complaint_of_another_category_at_the_same_spot_is_ignored() {
    Grievances g = grievances();
    g.register(energy("9826011111", centre()), AGENT);

    assertThat(g.submit(water("9826022222", centre()), AGENT).outcome()).isEqualTo(Registration.Outcome.CREATED);
  }

  @Test
  void a_closed_complaint_at_the_same_spot_is_ignored() {
    Grievances g = grievances();
    Complaint first = g.register(water("9826011111", centre()), AGENT);
    g.execute(first.id(), new ComplaintCommand.Reject(RejectionReason.OUT_OF_SCOPE, "निजी पाइपलाइन", Optional.empty()), AGENT);

    assertThat(g.submit(water("9826022222", centre()), AGENT).outcome()).isEqualTo(Registration.Outcome.CREATED);
  }

  @Test
  void a_registration_without_a_location_is_not_matched_by_distance() {
    Grievances g = grievances();
    g.register(water("9826011111", centre()), AGENT);

    Registration r = g.submit(request(WATER, "9826022222", Optional.empty()), AGENT);
    assertThat(r.outcome()).isEqualTo(Registration.Outcome.CREATED);
    assertThat(r.complaint().flags()).doesNotContain(ComplaintFlag.POSSIBLE_REPEAT);
  }

  @Test
  void an_earlier_complaint_without_a_location_is_not_matched_by_distance() {
    Grievances g = grievances();
    g.register(request(WATER, "9826011111", Optional.empty()), AGENT);

    assertThat(g.submit(water("9826022222", centre()), AGENT).outcome()).isEqualTo(Registration.Outcome.CREATED);
  }

  @Test
  void a_category_without_a_rule_is_not_matched_by_distance() {
    Grievances g = grievances();
    g.register(request("REVENUE.LAND", "9826011111", Optional.of(centre())), AGENT);

    assertThat(g.submit(request("REVENUE.LAND", "9826022222", Optional.of(centre())), AGENT).outcome())
        .isEqualTo(Registration.Outcome.CREATED);
  }

  @Test
  void a_retry_with_the_same_key_is_linked_once() {
    Grievances g = grievances();
    Complaint first = g.register(water("9826011111", centre()), AGENT);
    RegisterComplaint repeat = RegisterComplaint.builder().from(water("9826022222", at(20, 20)))
        .idempotencyKey("RPR:call-0042").build();

    Registration once = g.submit(repeat, AGENT);
    Registration twice = g.submit(repeat, AGENT);

    assertThat(once.outcome()).isEqualTo(Registration.Outcome.LINKED);
    assertThat(twice.outcome()).isEqualTo(Registration.Outcome.LINKED);
    assertThat(twice.complaint().id()).isEqualTo(first.id());
    assertThat(g.history(first.id())).filteredOn(ComplaintEvent.DuplicateLinked.class::isInstance).hasSize(1);
  }

  @Test
  void a_retry_of_a_registration_that_made_a_complaint_replays_it_rather_than_linking_to_it() {
    Grievances g = grievances();
    RegisterComplaint request = RegisterComplaint.builder().from(water("9826011111", centre()))
        .idempotencyKey("RPR:call-0043").build();

    Registration created = g.submit(request, AGENT);
    Registration again = g.submit(request, AGENT);

    assertThat(created.outcome()).isEqualTo(Registration.Outcome.CREATED);
    assertThat(again.outcome()).isEqualTo(Registration.Outcome.REPLAYED);
    assertThat(g.history(created.complaint().id())).noneMatch(ComplaintEvent.DuplicateLinked.class::isInstance);
  }

  @Test
  void another_tenants_complaint_at_the_same_spot_is_ignored() {
    Grievances durg = District.grievances(store, clock).tenant(TenantId.of("CG-DURG")).duplicatePolicy(POLICY).build();
    durg.register(water("9826011111", centre()), AGENT);

    assertThat(grievances().submit(water("9826022222", centre()), AGENT).outcome()).isEqualTo(Registration.Outcome.CREATED);
  }

  // ---------------------------------------------------------------------------------------------
  // Flagged for the agent's confirmation

  @Test
  void under_confirm_the_new_complaint_is_made_and_flagged_naming_the_candidates_nearest_first() {
    Grievances g = grievances();
    Grievances seed = seeding();
    Complaint far = seed.register(energy("9826011111", at(200, 0)), AGENT);
    Complaint near = seed.register(energy("9826011112", at(0, 40)), AGENT);
    seed.register(energy("9826011113", at(400, 0)), AGENT);
    clock.advance(Duration.ofHours(1));

    Registration r = g.submit(energy("9826022222", centre()), AGENT);

    assertThat(r.outcome()).isEqualTo(Registration.Outcome.CREATED);
    assertThat(r.complaint().flags()).contains(ComplaintFlag.POSSIBLE_REPEAT);
    ComplaintEvent.ComplaintFlagged flagged = g.history(r.complaint().id()).stream()
        .filter(ComplaintEvent.ComplaintFlagged.class::isInstance).map(ComplaintEvent.ComplaintFlagged.class::cast)
        .filter(f -> f.flag() == ComplaintFlag.POSSIBLE_REPEAT).findFirst().orElseThrow();
    assertThat(flagged.detail()).isEqualTo(
        DuplicatePolicy.POSSIBLE_REPEAT_PREFIX + near.id() + " (40 m), " + far.id() + " (200 m)");
    assertThat(flagged.actor()).isEqualTo(Actor.system("nearby-repeats"));
    assertThat(DuplicatePolicy.candidatesIn(flagged.detail())).containsExactly(near.id(), far.id());
    assertThat(DuplicatePolicy.candidatesIn("ENERGY विभाग में L3 का कोई पद नहीं")).isEmpty();
    // the agents' list of possible repeats, from the store's work lists
    assertThat(org.nivaran.grievance.store.Page.collect(
            p -> store.flagged(TenantId.DEFAULT, ComplaintFlag.POSSIBLE_REPEAT, p), 10))
        .extracting(Complaint::id).contains(r.complaint().id());
    g.execute(r.complaint().id(), new ComplaintCommand.ClearFlag(ComplaintFlag.POSSIBLE_REPEAT, "अलग खंभा"), AGENT);
    assertThat(org.nivaran.grievance.store.Page.collect(
            p -> store.flagged(TenantId.DEFAULT, ComplaintFlag.POSSIBLE_REPEAT, p), 10))
        .extracting(Complaint::id).doesNotContain(r.complaint().id());
    assertThat(g.history(near.id())).noneMatch(ComplaintEvent.DuplicateLinked.class::isInstance);
  }

  @Test
  void a_flagged_possible_repeat_and_its_flag_event_round_trip_through_json() throws Exception {
    Grievances g = grievances();
    Complaint original = g.register(energy("9826011111", centre()), AGENT);
    Complaint flagged = g.submit(energy("9826022222", at(12, 0)), AGENT).complaint();
    com.fasterxml.jackson.databind.ObjectMapper mapper = org.nivaran.grievance.json.NivaranJson.objectMapper();

    assertThat(mapper.readValue(mapper.writeValueAsString(flagged), Complaint.class)).isEqualTo(flagged);
    ComplaintEvent event = g.history(flagged.id()).stream()
        .filter(ComplaintEvent.ComplaintFlagged.class::isInstance).findFirst().orElseThrow();
    String json = mapper.writeValueAsString(event);
    assertThat(json).contains("\"flag\":\"POSSIBLE_REPEAT\"")
        .contains("\"detail\":\"possible repeat of: " + original.id() + " (12 m)\"")
        .contains("\"component\":\"nearby-repeats\"")
        .doesNotContain("attention");
    assertThat(mapper.readValue(json, ComplaintEvent.class)).isEqualTo(event);
  }

  @Test
  void under_confirm_nothing_is_flagged_when_no_open_complaint_lies_within_the_radius() {
    Grievances g = grievances();
    g.register(energy("9826011111", at(300, 0)), AGENT);

    Registration r = g.submit(energy("9826022222", centre()), AGENT);
    assertThat(r.complaint().flags()).doesNotContain(ComplaintFlag.POSSIBLE_REPEAT);
  }

  @Test
  void under_confirm_the_window_edge_holds_as_under_link() {
    Grievances g = grievances();
    g.register(energy("9826011111", centre()), AGENT);
    clock.advance(Duration.ofDays(3).plusSeconds(1));

    assertThat(g.submit(energy("9826022222", centre()), AGENT).complaint().flags()).doesNotContain(ComplaintFlag.POSSIBLE_REPEAT);
  }

  @Test
  void the_agent_confirms_a_possible_repeat_by_rejecting_it_as_a_duplicate_of_the_candidate() {
    Grievances g = grievances();
    Complaint original = g.register(energy("9826011111", centre()), AGENT);
    Complaint flagged = g.submit(energy("9826022222", at(10, 0)), AGENT).complaint();

    Complaint confirmed = g.execute(flagged.id(),
        new ComplaintCommand.Reject(RejectionReason.DUPLICATE, "वही ट्रांसफ़ॉर्मर", Optional.of(original.id())), AGENT);

    assertThat(confirmed.status()).isEqualTo(Status.REJECTED);
    assertThat(confirmed.closure().orElseThrow().duplicateOf()).contains(original.id());
    assertThat(confirmed.flags()).doesNotContain(ComplaintFlag.POSSIBLE_REPEAT);
  }

  @Test
  void the_agent_clears_a_possible_repeat_that_is_none_and_the_complaint_goes_on() {
    Grievances g = grievances();
    g.register(energy("9826011111", centre()), AGENT);
    Complaint flagged = g.submit(energy("9826022222", at(10, 0)), AGENT).complaint();

    Complaint cleared = g.execute(flagged.id(),
        new ComplaintCommand.ClearFlag(ComplaintFlag.POSSIBLE_REPEAT, "दूसरी गली का खंभा है"), AGENT);

    assertThat(cleared.flags()).doesNotContain(ComplaintFlag.POSSIBLE_REPEAT);
    assertThat(cleared.status()).isEqualTo(flagged.status());
    assertThat(cleared.post()).isEqualTo(flagged.post());
    assertThat(g.history(flagged.id()).get(g.history(flagged.id()).size() - 1))
        .isInstanceOfSatisfying(ComplaintEvent.FlagCleared.class, e -> {
          assertThat(e.flag()).isEqualTo(ComplaintFlag.POSSIBLE_REPEAT);
          assertThat(e.note()).isEqualTo("दूसरी गली का खंभा है");
          assertThat(e.actor()).isEqualTo(AGENT);
        });
    // cleared once; a second clearing has nothing to clear
    assertThatThrownBy(() -> g.execute(flagged.id(),
            new ComplaintCommand.ClearFlag(ComplaintFlag.POSSIBLE_REPEAT, "फिर से"), AGENT))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("flag"));
    assertThat(g.get(flagged.id())).isEqualTo(cleared);
  }

  @Test
  void only_a_flag_asking_a_persons_judgement_is_cleared_by_hand_and_not_by_an_officer() {
    assertThat(ComplaintFlag.POSSIBLE_REPEAT.isClearedByHand()).isTrue();
    for (ComplaintFlag f : ComplaintFlag.values()) {
      if (f != ComplaintFlag.POSSIBLE_REPEAT) {
        assertThat(f.isClearedByHand()).as("%s", f).isFalse();
        assertThatThrownBy(() -> new ComplaintCommand.ClearFlag(f, "stuck no more"))
            .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("flag"));
      }
    }
    Grievances g = grievances();
    g.register(energy("9826011111", centre()), AGENT);
    Complaint flagged = g.submit(energy("9826022222", at(10, 0)), AGENT).complaint();
    Actor officer = Actor.officer("OFF-AE-1", District.AE);
    assertThatThrownBy(() -> g.execute(flagged.id(),
            new ComplaintCommand.ClearFlag(ComplaintFlag.POSSIBLE_REPEAT, "मेरा काम नहीं"), officer))
        .isInstanceOf(org.nivaran.grievance.complaint.ActorNotPermittedException.class);
    assertThat(g.get(flagged.id()).flags()).contains(ComplaintFlag.POSSIBLE_REPEAT);
  }

  @Test
  void a_log_that_clears_a_flag_never_set_is_corrupt() {
    Grievances g = grievances();
    Complaint c = g.register(energy("9826011111", centre()), AGENT);
    List<ComplaintEvent> log = new java.util.ArrayList<>(g.history(c.id()));
    log.add(new ComplaintEvent.FlagCleared(c.id(), c.version() + 1, clock.instant(), AGENT, ComplaintFlag.POSSIBLE_REPEAT, "x"));

    assertThatThrownBy(() -> org.nivaran.grievance.complaint.Lifecycle.replay(log))
        .isInstanceOf(org.nivaran.grievance.GrievanceException.class)
        .hasMessageContaining("clears POSSIBLE_REPEAT, which is not set");
  }

  @Test
  void a_link_rule_flags_instead_when_the_registering_actor_may_not_link_a_repeat() {
    // officers register from their post but may not record a repeat on another complaint
    Grievances g = grievances();
    Complaint first = g.register(water("9826011111", centre()), AGENT);
    Actor officer = Actor.officer("OFF-J1", District.JAL_1);

    Registration r = g.submit(water("9826022222", at(5, 0)), officer);

    assertThat(r.outcome()).isEqualTo(Registration.Outcome.CREATED);
    assertThat(r.complaint().flags()).contains(ComplaintFlag.POSSIBLE_REPEAT);
    assertThat(g.history(r.complaint().id())).anySatisfy(e -> assertThat(e)
        .isInstanceOfSatisfying(ComplaintEvent.ComplaintFlagged.class, f -> assertThat(f.detail()).contains(first.id().toString())));
  }

  @Test
  void a_citizens_own_registration_is_never_linked_to_another_persons_complaint_but_flagged() {
    Grievances g = grievances();
    Complaint someoneElses = g.register(water("9826011111", centre()), AGENT);
    RegisterComplaint own = water("9826022222", at(5, 0));
    Actor citizen = Actor.citizen(own.citizen().phone());

    Registration r = g.submit(own, citizen);

    assertThat(r.outcome()).isEqualTo(Registration.Outcome.CREATED);
    assertThat(r.complaint().id()).isNotEqualTo(someoneElses.id());
    assertThat(r.complaint().citizen().phone()).isEqualTo(own.citizen().phone());
    assertThat(r.complaint().flags()).contains(ComplaintFlag.POSSIBLE_REPEAT);
    assertThat(g.history(someoneElses.id())).noneMatch(ComplaintEvent.DuplicateLinked.class::isInstance);
  }

  // ---------------------------------------------------------------------------------------------
  // The rules themselves

  @Test
  void a_rule_with_a_radius_or_window_out_of_range_is_refused_naming_the_field() {
    assertThatThrownBy(() -> DistanceRule.link(0, WEEK))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("radiusMetres"));
    assertThatThrownBy(() -> DistanceRule.link(Double.NaN, WEEK))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("radiusMetres"));
    assertThatThrownBy(() -> DistanceRule.confirm(DistanceRule.MAX_RADIUS_METRES + 1, WEEK))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("radiusMetres"));
    assertThatThrownBy(() -> DistanceRule.link(50, Duration.ZERO))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("window"));
    assertThat(DistanceRule.link(DistanceRule.MAX_RADIUS_METRES, WEEK).radiusMetres()).isEqualTo(100_000);
  }

  @Test
  void a_category_given_two_rules_or_a_blank_code_is_refused() {
    assertThatThrownBy(() -> POLICY.byDistance(WATER, DistanceRule.confirm(10, WEEK)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("categoryCode");
          assertThat(e.getMessage()).contains(WATER);
        });
    assertThatThrownBy(() -> POLICY.byDistance(" ", DistanceRule.confirm(10, WEEK)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("categoryCode"));
  }

  @Test
  void the_policy_lists_its_rules_by_category_and_keeps_the_number_window() {
    DuplicatePolicy both = DuplicatePolicy.linkWithin(WEEK).byDistance(WATER, DistanceRule.link(100, WEEK));
    assertThat(both.window()).contains(WEEK);
    assertThat(both.distanceRule(WATER)).contains(DistanceRule.link(100, WEEK));
    assertThat(both.distanceRule(ENERGY)).isEmpty();
    assertThat(POLICY.distanceRules()).containsOnlyKeys(ENERGY, WATER);
    assertThat(POLICY.window()).isEmpty();
    assertThat(POLICY.toString()).contains(WATER).contains("LINK").contains(ENERGY).contains("CONFIRM");
  }

  @Test
  void a_rule_matches_open_located_complaints_of_its_category_within_radius_and_window_only() {
    DistanceRule rule = DistanceRule.link(100, WEEK);
    Instant now = clock.instant();
    Complaint open = Grievances.builder().store(new InMemoryComplaintStore()).clock(clock).build()
        .register(water("9826011111", at(50, 0)), AGENT);
    assertThat(rule.metresIfRepeat(WATER, centre(), now, open)).hasValueCloseTo(50.0, org.assertj.core.api.Assertions.within(0.01));
    assertThat(rule.metresIfRepeat(ENERGY, centre(), now, open)).isEmpty();
    assertThat(rule.metresIfRepeat(WATER, at(200, 0), now, open)).isEmpty();
    assertThat(rule.metresIfRepeat(WATER, centre(), now.plus(WEEK).plusMillis(1), open)).isEmpty();
    assertThat(rule.since(now)).isEqualTo(now.minus(WEEK));
    assertThat(rule.box(centre()).contains(LAT, LON)).isTrue();
    assertThat(List.of(rule.box(centre()).crossesAntimeridian())).containsExactly(false);
  }

  // ---------------------------------------------------------------------------------------------
  // Refused at build

  @Test
  void a_distance_rule_for_a_store_that_cannot_find_nearby_complaints_is_refused_at_build() {
    assertThatThrownBy(() -> Grievances.builder().store(new PlainStore(store)).duplicatePolicy(POLICY).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("NearbyComplaints")
        .hasMessageContaining(WATER);
    // by number only, the same store is fine for this policy's part that needs nothing more
    assertThat(Grievances.builder().store(new PlainStore(store)).duplicatePolicy(DuplicatePolicy.none()).build()).isNotNull();
  }

  @Test
  void a_distance_rule_for_a_category_the_directory_does_not_have_is_refused_naming_it() {
    DuplicatePolicy typo = POLICY.byDistance("JAL.PIPES", DistanceRule.link(50, WEEK));
    assertThatThrownBy(() -> District.grievances(store, clock).duplicatePolicy(typo).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("duplicatePolicy.categoryCode");
          assertThat(e.getMessage()).contains("'JAL.PIPES'");
        });
  }

  @Test
  void without_a_directory_any_category_code_may_have_a_rule() {
    Grievances g = Grievances.builder().store(store).clock(clock)
        .duplicatePolicy(DuplicatePolicy.none().byDistance("ANY.CODE", DistanceRule.link(50, WEEK))).build();
    Complaint first = g.register(request("ANY.CODE", "9826011111", Optional.of(centre())), AGENT);
    assertThat(g.submit(request("ANY.CODE", "9826022222", Optional.of(at(3, 4))), AGENT).complaint().id())
        .isEqualTo(first.id());
  }

  /** A store with none of the optional capabilities. */
  private record PlainStore(InMemoryComplaintStore d) implements org.nivaran.grievance.store.ComplaintStore {
    @Override
    public org.nivaran.grievance.store.CreateResult create(org.nivaran.grievance.store.NewComplaint r) {
      return d.create(r);
    }

    @Override
    public void append(org.nivaran.grievance.store.Append change) {
      d.append(change);
    }

    @Override
    public Optional<Complaint> find(TenantId tenant, org.nivaran.grievance.complaint.ComplaintId id) {
      return d.find(tenant, id);
    }

    @Override
    public List<ComplaintEvent> events(TenantId tenant, org.nivaran.grievance.complaint.ComplaintId id) {
      return d.events(tenant, id);
    }

    @Override
    public Optional<Complaint> findByIdempotencyKey(TenantId tenant, String key, String fingerprint) {
      return d.findByIdempotencyKey(tenant, key, fingerprint);
    }

    @Override
    public Optional<Complaint> findByReference(TenantId tenant, org.nivaran.grievance.complaint.ExternalReference reference) {
      return d.findByReference(tenant, reference);
    }
  }
}
