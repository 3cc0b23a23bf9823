package org.nivaran.grievance.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nivaran.grievance.jdbc.TenantFixtures.KANPUR;
import static org.nivaran.grievance.jdbc.TenantFixtures.LUCKNOW;
import static org.nivaran.grievance.jdbc.TenantFixtures.T0;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.Location;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.GeoBox;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.tck.SampleDistrict;
import org.nivaran.grievance.tenant.TenantId;

/**
 * {@link JdbcComplaintStore#openWithin}: the open complaints of a tenant and category in a box,
 * across the antimeridian too, checked against the in-memory store (the reference behaviour) on
 * random points, many near the antimeridian and the poles.
 */
class JdbcNearbyComplaintsTest {

  private static RegisterComplaint at(int n, Location place) {
    return RegisterComplaint.builder().from(SampleDistrict.request(n)).location(place).build();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_box_across_the_antimeridian_holds_the_open_complaints_on_both_sides_of_it_newest_first(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      Complaint west = TenantFixtures.create(store, LUCKNOW, "C-W", T0, at(2, Location.of("-16.50", "179.95")), Optional.empty());
      Complaint east = TenantFixtures.create(store, LUCKNOW, "C-E", T0.plusSeconds(60),
          at(4, Location.of("-16.40", "-179.90")), Optional.empty());
      TenantFixtures.create(store, LUCKNOW, "C-GREENWICH", T0, at(6, Location.of("-16.45", "0.0")), Optional.empty());
      TenantFixtures.create(store, LUCKNOW, "C-WATER", T0, at(3, Location.of("-16.45", "179.99")), Optional.empty());
      TenantFixtures.create(store, LUCKNOW, "C-NOWHERE", T0, SampleDistrict.request(8), Optional.empty());
      TenantFixtures.create(store, KANPUR, "C-W", T0, at(2, Location.of("-16.50", "179.95")), Optional.empty());
      TenantFixtures.run(store, TenantFixtures.create(store, LUCKNOW, "C-SHUT", T0, at(10, Location.of("-16.45", "179.97")),
          Optional.empty()), new ComplaintCommand.Reject(RejectionReason.FAKE, "जाँच में पाया", Optional.empty()),
          SampleDistrict.AGENT);
      GeoBox fiji = new GeoBox(-17, -16, 179.5, -179.5);

      assertThat(store.openWithin(LUCKNOW, SampleDistrict.ENERGY, fiji, T0, 10)).containsExactly(east, west);
      assertThat(store.openWithin(LUCKNOW, SampleDistrict.ENERGY, fiji, T0, 1)).containsExactly(east);
      assertThat(store.openWithin(LUCKNOW, SampleDistrict.ENERGY, fiji, T0.plusSeconds(1), 10)).containsExactly(east);
      assertThat(store.openWithin(KANPUR, SampleDistrict.ENERGY, fiji, T0, 10)).extracting(Complaint::tenant)
          .containsExactly(KANPUR);
      assertThat(store.openWithin(TenantId.DEFAULT, SampleDistrict.ENERGY, fiji, T0, 10)).isEmpty();
      assertThat(store.openWithin(LUCKNOW, SampleDistrict.ENERGY, new GeoBox(-17, -16, -179.5, 179.5), T0, 10))
          .as("the same edges the other way round: the rest of the world").extracting(c -> c.id().value())
          .containsExactly("C-GREENWICH");
      assertThatThrownBy(() -> store.openWithin(LUCKNOW, SampleDistrict.ENERGY, fiji, T0, 0))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void random_boxes_find_what_the_in_memory_store_finds(TestDatabase.Kind kind) {
    SplittableRandom random = new SplittableRandom(17);
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      InMemoryComplaintStore reference = new InMemoryComplaintStore();
      for (int i = 0; i < 120; i++) {
        TenantId tenant = i % 3 == 0 ? KANPUR : LUCKNOW;
        Location place = Location.of(coordinate(random, 90, i % 4 == 1), coordinate(random, 180, i % 4 == 2));
        RegisterComplaint request = i % 7 == 0 ? SampleDistrict.request(i) : at(i, place);
        Instant when = T0.plus(Duration.ofMinutes(i));
        for (ComplaintStore s : List.of(store, reference)) {
          Complaint c = TenantFixtures.create(s, tenant, String.format("C-%03d", i), when, request, Optional.empty());
          if (i % 5 == 0) {
            TenantFixtures.run(s, c, new ComplaintCommand.Reject(RejectionReason.FAKE, "जाँच", Optional.empty()),
                SampleDistrict.AGENT);
          }
        }
      }
      int found = 0;
      int acrossFound = 0;
      for (int q = 0; q < 80; q++) {
        double south = -90 + random.nextDouble() * 180;
        double north = Math.min(90, south + random.nextDouble() * (q % 4 == 0 ? 180 : 40));
        double west = -180 + random.nextDouble() * 360;
        double east = -180 + random.nextDouble() * 360; // west > east crosses the antimeridian
        GeoBox box = q % 10 == 0 ? new GeoBox(south, 90, -180, 180) : new GeoBox(south, north, west, east);
        TenantId tenant = q % 2 == 0 ? LUCKNOW : KANPUR;
        String category = q % 3 == 0 ? SampleDistrict.WATER : SampleDistrict.ENERGY;
        Instant since = T0.plus(Duration.ofMinutes(random.nextInt(60)));
        int limit = 1 + random.nextInt(30);
        List<Complaint> within = store.openWithin(tenant, category, box, since, limit);
        found += within.isEmpty() ? 0 : 1;
        acrossFound += within.isEmpty() || !box.crossesAntimeridian() ? 0 : 1;
        assertThat(within).as("%s %s %s since %s limit %d", tenant,
                category, box, since, limit)
            .extracting(c -> c.id().value())
            .containsExactlyElementsOf(reference.openWithin(tenant, category, box, since, limit).stream()
                .map(c -> c.id().value()).toList());
      }
      assertThat(found).as("boxes that held complaints").isGreaterThan(20);
      assertThat(acrossFound).as("boxes across the antimeridian that held complaints").isGreaterThan(5);
    }
  }

  @org.junit.jupiter.api.Test
  void postgresql_answers_a_box_from_the_partial_index_by_tenant_category_and_latitude() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
        java.sql.Connection c = db.rawConnection()) {
      try (java.sql.Statement s = c.createStatement()) {
        s.execute("SET enable_seqscan = off"); // a small table would be scanned whole otherwise
      }
      for (boolean across : new boolean[] {false, true}) {
        StringBuilder plan = new StringBuilder();
        try (java.sql.PreparedStatement ps = c.prepareStatement(
            "EXPLAIN " + new StoreStatements(Dialect.POSTGRESQL).openWithin(across))) {
          ps.setString(1, "up-lucknow");
          ps.setString(2, SampleDistrict.ENERGY);
          ps.setDouble(3, -17);
          ps.setDouble(4, -16);
          ps.setDouble(5, 179.5);
          ps.setDouble(6, -179.5);
          ps.setObject(7, java.time.OffsetDateTime.parse("2024-01-01T00:00:00Z"));
          ps.setInt(8, 10);
          try (java.sql.ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              plan.append(rs.getString(1)).append('\n');
            }
          }
        }
        assertThat(plan.toString()).as("across the antimeridian: %s", across).contains("nivaran_complaint_nearby")
            .doesNotContain("Seq Scan");
      }
    }
  }

  /** A coordinate up to {@code max} in size with six decimals; near the edge (a pole, the antimeridian) if asked. */
  private static String coordinate(SplittableRandom random, int max, boolean nearEdge) {
    double v = nearEdge ? (max - random.nextDouble() * 2) * (random.nextBoolean() ? 1 : -1)
        : -max + random.nextDouble() * 2 * max;
    return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN).max(BigDecimal.valueOf(-max))
        .min(BigDecimal.valueOf(max)).toPlainString();
  }
}
