package org.nivaran.grievance.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nivaran.grievance.escalation.District.IST;
import static org.nivaran.grievance.escalation.EscalationEndToEndTest.ist;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.tenant.TenantId;

/** {@link Grievances#escalator(int, Duration)}: the sweep claims in batches of the size and lease given. */
class EscalatorSettingsTest {
  /** The flaky store of {@link BatchPartialFailureTest}, recording each claim's limit and lease. */
  static final class RecordingStore extends BatchPartialFailureTest.FlakyStore {
    final List<Integer> limits = Collections.synchronizedList(new ArrayList<>());
    final List<Duration> leases = Collections.synchronizedList(new ArrayList<>());

    @Override
    public List<Complaint> claimDue(TenantId tenant, Instant at, int limit, Duration lease) {
      limits.add(limit);
      leases.add(lease);
      return inner.claimDue(tenant, at, limit, lease);
    }
  }

  private final MutableClock clock = new MutableClock(ist(2024, 3, 19, 11, 0));
  private final RecordingStore store = new RecordingStore();
  private final Grievances g = Grievances.builder()
      .store(store).clock(clock).idScheme(ComplaintIdScheme.yearly("RPR", IST))
      .directory(District.directory()).calendars(District.CALENDARS).escalationPolicies(District.POLICIES)
      .build();

  private List<Complaint> threeDue() {
    List<Complaint> cs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      cs.add(g.register(Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12").build(),
          Actor.agent("AGENT-7")));
    }
    clock.set(ist(2024, 4, 1, 10, 0));
    return cs;
  }

  @Test
  void a_batch_size_of_two_claims_two_at_a_time_under_the_lease_given_and_still_escalates_all_three() {
    List<Complaint> cs = threeDue();

    Escalator escalator = g.escalator(2, Duration.ofMinutes(7));
    assertThat(escalator.batchSize()).isEqualTo(2);
    assertThat(escalator.claimLease()).isEqualTo(Duration.ofMinutes(7));
    EscalationReport report = escalator.sweep();

    assertThat(report.count(EscalationReport.Action.ESCALATED)).isEqualTo(3);
    for (Complaint c : cs) {
      assertThat(g.get(c.id()).level()).isNotEqualTo(c.level());
    }
    assertThat(store.limits.get(0)).isEqualTo(2);
    assertThat(store.limits).hasSizeGreaterThanOrEqualTo(2);
    assertThat(store.leases).isNotEmpty().allMatch(Duration.ofMinutes(7)::equals);
  }

  @Test
  void without_settings_the_sweep_claims_with_the_documented_defaults() {
    threeDue();

    g.escalator().sweep();

    assertThat(store.limits.get(0)).isEqualTo(Escalator.DEFAULT_BATCH_SIZE).isEqualTo(500);
    assertThat(store.leases.get(0)).isEqualTo(Escalator.DEFAULT_CLAIM_LEASE).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void a_batch_size_below_one_or_a_lease_not_positive_is_refused() {
    assertThatThrownBy(() -> g.escalator(0, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize must be at least 1 (was 0)");
    assertThatThrownBy(() -> g.escalator(10, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("claimLease must be positive (was PT0S)");
    assertThatThrownBy(() -> g.escalator(10, null))
        .isInstanceOf(NullPointerException.class).hasMessage("claimLease");
  }
}
