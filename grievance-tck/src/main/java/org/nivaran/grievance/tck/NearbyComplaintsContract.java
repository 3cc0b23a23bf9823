package org.nivaran.grievance.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.Location;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.store.Append;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.CreateResult;
import org.nivaran.grievance.store.GeoBox;
import org.nivaran.grievance.store.NearbyComplaints;
import org.nivaran.grievance.store.NewComplaint;
import org.nivaran.grievance.tenant.TenantId;

/**
 * The contract of a store's optional {@link NearbyComplaints} capability, as JUnit 5 tests: extend
 * this class with the one factory method {@link #newStore()}. A store that does not implement the
 * capability skips every test (a JUnit assumption). {@link ComplaintStoreContract} runs it as its
 * nested group {@code Nearby}, so a store contract test runs it too.
 *
 * <p>What is checked of {@link NearbyComplaints#openWithin}: only the tenant's open complaints of
 * the category with a location inside the box, edges included; the earliest registration instant,
 * included; newest first (ties by id, descending) and the limit; a box across the antimeridian
 * (longitude 180 and -180 both inside it), a box at a pole spanning every longitude; a complaint
 * that closes leaves the answer; the complaints come back as {@link ComplaintStore#find} has them,
 * coordinates digit for digit.
 *
 * <p>Not thread-safe; JUnit creates one instance per test.
 */
public abstract class NearbyComplaintsContract {
  private static final Instant T0 = Instant.parse("2024-03-04T05:30:00Z");
  private static final Actor AGENT = Actor.agent("TCK-AGENT-17");
  private static final String POTHOLE = "TCK.ROADS.POTHOLE";
  private static final String STREETLIGHT = "TCK.ENERGY.STREETLIGHT";
  private static final TenantId RAIPUR = TenantId.DEFAULT;
  private static final TenantId DURG = TenantId.of("TCK-DURG");
  /** A box of about 2.2 km by 2 km around Raipur's Jaistambh Chowk. */
  private static final GeoBox RAIPUR_BOX = new GeoBox(21.24, 21.26, 81.62, 81.64);

  /** The store under test, fresh for each test. */
  private ComplaintStore store;
  /** The store as its capability; set when the store has it. */
  private NearbyComplaints nearby;

  /** For subclasses. */
  protected NearbyComplaintsContract() {}

  /**
   * The store under test: a new, empty store for each test, called once before every test.
   *
   * @return the store
   */
  protected abstract ComplaintStore newStore();

  /** Asks {@link #newStore()} for the store of this test; skips the test if it cannot find nearby complaints. */
  @BeforeEach
  public void createStore() {
    store = Objects.requireNonNull(newStore(), "newStore() returned null");
    Assumptions.assumeTrue(store instanceof NearbyComplaints, "the store does not implement NearbyComplaints");
    nearby = (NearbyComplaints) store;
  }

  /** Only open complaints of the category asked for, with a location inside the box, are found. */
  @Test
  public void finds_the_open_complaints_of_the_category_inside_the_box() {
    Complaint inside = create(RAIPUR, "N-1", POTHOLE, Optional.of(Location.of("21.2514", "81.6296")), T0);
    create(RAIPUR, "N-2", STREETLIGHT, Optional.of(Location.of("21.2514", "81.6296")), T0);
    create(RAIPUR, "N-3", POTHOLE, Optional.of(Location.of("21.2700", "81.6296")), T0);
    create(RAIPUR, "N-4", POTHOLE, Optional.of(Location.of("21.2514", "81.6500")), T0);
    create(RAIPUR, "N-5", POTHOLE, Optional.empty(), T0);

    assertThat(ids(nearby.openWithin(RAIPUR, POTHOLE, RAIPUR_BOX, T0, 10))).containsExactly(inside.id());
    assertThat(ids(nearby.openWithin(RAIPUR, "TCK.NO.SUCH", RAIPUR_BOX, T0, 10))).isEmpty();
  }

  /** A point on an edge or a corner of the box is inside it. */
  @Test
  public void the_edges_of_the_box_are_inside_it() {
    create(RAIPUR, "E-1", POTHOLE, Optional.of(Location.of("21.24", "81.63")), T0);
    create(RAIPUR, "E-2", POTHOLE, Optional.of(Location.of("21.26", "81.64")), T0);
    create(RAIPUR, "E-3", POTHOLE, Optional.of(Location.of("21.250", "81.620")), T0);
    create(RAIPUR, "E-4", POTHOLE, Optional.of(Location.of("21.2600001", "81.63")), T0);
    create(RAIPUR, "E-5", POTHOLE, Optional.of(Location.of("21.25", "81.6199999")), T0);

    assertThat(ids(nearby.openWithin(RAIPUR, POTHOLE, RAIPUR_BOX, T0, 10)))
        .containsExactlyInAnyOrder(ComplaintId.of("E-1"), ComplaintId.of("E-2"), ComplaintId.of("E-3"));
  }

  /** A complaint that is rejected, or otherwise leaves the open states, is no longer found. */
  @Test
  public void a_complaint_that_closes_is_no_longer_found() {
    Complaint c = create(RAIPUR, "C-1", POTHOLE, Optional.of(Location.of("21.2514", "81.6296")), T0);
    create(RAIPUR, "C-2", POTHOLE, Optional.of(Location.of("21.2515", "81.6297")), T0);
    assertThat(nearby.openWithin(RAIPUR, POTHOLE, RAIPUR_BOX, T0, 10)).hasSize(2);

    List<ComplaintEvent> rejected = Lifecycle.decide(c,
        new ComplaintCommand.Reject(RejectionReason.OUT_OF_SCOPE, "निजी सड़क", Optional.empty()), AGENT, T0.plusSeconds(60));
    Complaint after = c;
    for (ComplaintEvent e : rejected) {
      after = Lifecycle.evolve(after, e);
    }
    store.append(Append.of(after, rejected, c.version()));

    assertThat(ids(nearby.openWithin(RAIPUR, POTHOLE, RAIPUR_BOX, T0, 10))).containsExactly(ComplaintId.of("C-2"));
  }

  /** Complaints registered at the earliest instant asked for are found; those a second before are not. */
  @Test
  public void the_earliest_registration_instant_is_included() {
    create(RAIPUR, "S-1", POTHOLE, Optional.of(Location.of("21.2514", "81.6296")), T0.minusSeconds(1));
    create(RAIPUR, "S-2", POTHOLE, Optional.of(Location.of("21.2514", "81.6296")), T0);
    create(RAIPUR, "S-3", POTHOLE, Optional.of(Location.of("21.2514", "81.6296")), T0.plusSeconds(3600));

    assertThat(ids(nearby.openWithin(RAIPUR, POTHOLE, RAIPUR_BOX, T0, 10)))
        .containsExactly(ComplaintId.of("S-3"), ComplaintId.of("S-2"));
  }

  /** Newest registration first, ties by id descending; the limit keeps the newest. */
  @Test
  public void newest_first_ties_by_id_descending_and_the_limit_keeps_the_newest() {
    create(RAIPUR, "L-1", POTHOLE, Optional.of(Location.of("21.2501", "81.6301")), T0);
    create(RAIPUR, "L-3", POTHOLE, Optional.of(Location.of("21.2502", "81.6302")), T0.plusSeconds(60));
    create(RAIPUR, "L-2", POTHOLE, Optional.of(Location.of("21.2503", "81.6303")), T0.plusSeconds(60));
    create(RAIPUR, "L-4", POTHOLE, Optional.of(Location.of("21.2504", "81.6304")), T0.plusSeconds(120));

    assertThat(ids(nearby.openWithin(RAIPUR, POTHOLE, RAIPUR_BOX, T0, 10))).containsExactly(
        ComplaintId.of("L-4"), ComplaintId.of("L-3"), ComplaintId.of("L-2"), ComplaintId.of("L-1"));
    assertThat(ids(nearby.openWithin(RAIPUR, POTHOLE, RAIPUR_BOX, T0, 2)))
        .containsExactly(ComplaintId.of("L-4"), ComplaintId.of("L-3"));
    assertThat(ids(nearby.openWithin(RAIPUR, POTHOLE, RAIPUR_BOX, T0, 1))).containsExactly(ComplaintId.of("L-4"));
  }

  /** A limit below 1 is refused. */
  @Test
  public void a_limit_below_one_is_refused() {
    assertThatThrownBy(() -> nearby.openWithin(RAIPUR, POTHOLE, RAIPUR_BOX, T0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * A box whose west edge lies east of its east edge crosses the antimeridian: it holds the
   * longitudes from the west edge to 180 and from -180 to the east edge, and nothing between.
   */
  @Test
  public void a_box_across_the_antimeridian_holds_both_sides_and_not_the_middle() {
    create(RAIPUR, "A-1", POTHOLE, Optional.of(Location.of("-17.71", "179.95")), T0);
    create(RAIPUR, "A-2", POTHOLE, Optional.of(Location.of("-17.72", "-179.95")), T0);
    create(RAIPUR, "A-3", POTHOLE, Optional.of(Location.of("-17.73", "180")), T0);
    create(RAIPUR, "A-4", POTHOLE, Optional.of(Location.of("-17.74", "-180")), T0);
    create(RAIPUR, "A-5", POTHOLE, Optional.of(Location.of("-17.75", "0")), T0);
    create(RAIPUR, "A-6", POTHOLE, Optional.of(Location.of("-17.76", "179.8")), T0);
    create(RAIPUR, "A-7", POTHOLE, Optional.of(Location.of("-17.77", "-179.8")), T0);
    GeoBox fiji = new GeoBox(-18, -17.5, 179.9, -179.9);

    assertThat(ids(nearby.openWithin(RAIPUR, POTHOLE, fiji, T0, 10))).containsExactlyInAnyOrder(
        ComplaintId.of("A-1"), ComplaintId.of("A-2"), ComplaintId.of("A-3"), ComplaintId.of("A-4"));
    assertThat(ids(nearby.openWithin(RAIPUR, POTHOLE, GeoBox.around(-17.73, 180, 10_000), T0, 10)))
        .containsExactlyInAnyOrder(
            ComplaintId.of("A-1"), ComplaintId.of("A-2"), ComplaintId.of("A-3"), ComplaintId.of("A-4"));
  }

  /** A box that reaches a pole spans every longitude. */
  @Test
  public void a_box_at_a_pole_holds_every_longitude_near_it() {
    create(RAIPUR, "P-1", POTHOLE, Optional.of(Location.of("89.95", "0")), T0);
    create(RAIPUR, "P-2", POTHOLE, Optional.of(Location.of("89.96", "180")), T0);
    create(RAIPUR, "P-3", POTHOLE, Optional.of(Location.of("89.97", "-180")), T0);
    create(RAIPUR, "P-4", POTHOLE, Optional.of(Location.of("90", "45")), T0);
    create(RAIPUR, "P-5", POTHOLE, Optional.of(Location.of("-89.95", "0")), T0);
    create(RAIPUR, "P-6", POTHOLE, Optional.of(Location.of("89.8", "-90")), T0);

    GeoBox top = GeoBox.around(89.99, 123, 10_000);
    assertThat(top.west()).isEqualTo(-180);
    assertThat(top.east()).isEqualTo(180);
    assertThat(ids(nearby.openWithin(RAIPUR, POTHOLE, top, T0, 10))).containsExactlyInAnyOrder(
        ComplaintId.of("P-1"), ComplaintId.of("P-2"), ComplaintId.of("P-3"), ComplaintId.of("P-4"));
    assertThat(ids(nearby.openWithin(RAIPUR, POTHOLE, GeoBox.around(-90, 0, 10_000), T0, 10)))
        .containsExactly(ComplaintId.of("P-5"));
  }

  /** One tenant never sees another's complaints, even at the same spot with the same id. */
  @Test
  public void another_tenants_complaints_are_not_found() {
    create(RAIPUR, "T-1", POTHOLE, Optional.of(Location.of("21.2514", "81.6296")), T0);
    create(DURG, "T-1", POTHOLE, Optional.of(Location.of("21.2514", "81.6296")), T0);
    create(DURG, "T-2", POTHOLE, Optional.of(Location.of("21.2515", "81.6296")), T0);

    List<Complaint> raipur = nearby.openWithin(RAIPUR, POTHOLE, RAIPUR_BOX, T0, 10);
    List<Complaint> durg = nearby.openWithin(DURG, POTHOLE, RAIPUR_BOX, T0, 10);

    assertThat(raipur).extracting(Complaint::tenant).containsOnly(RAIPUR);
    assertThat(ids(raipur)).containsExactly(ComplaintId.of("T-1"));
    assertThat(durg).extracting(Complaint::tenant).containsOnly(DURG);
    assertThat(ids(durg)).containsExactlyInAnyOrder(ComplaintId.of("T-1"), ComplaintId.of("T-2"));
    assertThat(nearby.openWithin(TenantId.of("TCK-BILASPUR"), POTHOLE, RAIPUR_BOX, T0, 10)).isEmpty();
  }

  /** The complaints come back as {@code find} has them: every coordinate digit kept. */
  @Test
  public void the_complaints_come_back_as_stored_with_every_digit_of_their_coordinates() {
    Location precise = Location.of("21.251400000", "81.629612345678901");
    Complaint c = create(RAIPUR, "D-1", POTHOLE, Optional.of(precise), T0);

    List<Complaint> found = nearby.openWithin(RAIPUR, POTHOLE, RAIPUR_BOX, T0, 10);

    assertThat(found).containsExactly(store.find(RAIPUR, c.id()).orElseThrow());
    assertThat(found.get(0).location().orElseThrow().latitude().toPlainString()).isEqualTo("21.251400000");
    assertThat(found.get(0).location().orElseThrow().longitude().toPlainString()).isEqualTo("81.629612345678901");
  }

  // ---------------------------------------------------------------------------------------------

  private Complaint create(TenantId tenant, String id, String category, Optional<Location> location, Instant at) {
    RegisterComplaint request = RegisterComplaint.builder()
        .channel(Channel.PHONE_CALL)
        .citizen(Complainant.builder().name("सुनीता वर्मा").phone("+919876543210").languageTag("hi").build())
        .categoryCode(category)
        .jurisdictionCode("CG.RAIPUR.WARD-12")
        .description("सड़क में गड्ढा " + id)
        .location(location)
        .build();
    ComplaintRegistered r = Lifecycle.register(tenant, ComplaintId.of(id), request, AGENT, at, Priority.NORMAL);
    Complaint c = Lifecycle.start(r);
    CreateResult result = store.create(new NewComplaint(c, List.of(r), Optional.empty(), request.fingerprint()));
    assertThat(result).as("create %s", id).isInstanceOf(CreateResult.Created.class);
    return c;
  }

  private static List<ComplaintId> ids(List<Complaint> complaints) {
    List<ComplaintId> ids = new ArrayList<>();
    for (Complaint c : complaints) {
      ids.add(c.id());
    }
    return ids;
  }
}
