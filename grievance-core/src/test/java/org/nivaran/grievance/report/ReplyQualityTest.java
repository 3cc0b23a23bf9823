package org.nivaran.grievance.report;

import org.nivaran.grievance.tenant.TenantId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.escalation.District;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.junit.jupiter.api.Test;

/** Returns counted against the post whose reply was returned, per period. */
class ReplyQualityTest {
  private static final Actor AGENT = Actor.agent("AGENT-7");
  private static final Actor SUPERVISOR = Actor.supervisor("OFF-NODAL", District.NODAL);

  private final MutableClock clock = new MutableClock(ist(2024, 3, 19, 11, 0));
  private final InMemoryComplaintStore store = new InMemoryComplaintStore();
  private final Grievances g = District.grievances(store, clock).build();

  private static Instant ist(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(District.IST).toInstant();
  }

  private Complaint resolve(Complaint c, Actor officer) {
    clock.advance(Duration.ofHours(1));
    return g.execute(c.id(), new ComplaintCommand.Resolve("किया गया", List.of()), officer);
  }

  @Test
  void returns_and_acceptances_are_counted_per_post_and_department() {
    Actor ae = Actor.officer("OFF-AE-1", District.AE);
    Actor ee = Actor.officer("OFF-EE", District.EE);
    Complaint a = g.register(Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12").build(), AGENT);
    a = resolve(a, ae);
    a = g.execute(a.id(), new ComplaintCommand.ReturnReply("फ़ोटो नहीं"), AGENT);
    a = resolve(a, ae);
    a = g.execute(a.id(), new ComplaintCommand.AcceptReply(Optional.empty()), AGENT);
    Instant periodEnd = clock.advance(Duration.ofHours(1));
    // after the period: the complaint moves to the EE, whose reply is returned; not counted
    a = g.execute(a.id(), new ComplaintCommand.ReturnReply("अधूरा"), AGENT);
    a = g.execute(a.id(), new ComplaintCommand.Escalate(District.EE, "review"), SUPERVISOR);
    a = resolve(a, ee);

    Complaint b = g.register(Fixtures.requestBuilder().categoryCode("REVENUE.LAND").jurisdictionCode("RAIPUR-TEHSIL").build(), AGENT);
    b = resolve(b, Actor.officer("OFF-TEH", District.TEHSILDAR));

    GradingPeriod period = new GradingPeriod(ist(2024, 3, 19, 0, 0), periodEnd);
    List<PostReplies> quality = ReplyQuality.of(store.histories(TenantId.DEFAULT), period);
    // the tehsildar's reply was filed after the period too
    assertThat(quality).containsExactly(new PostReplies(District.AE, "ENERGY", 2, 1, 1));
    assertThat(quality.get(0).returnedRate()).contains(0.5);

    List<PostReplies> all = ReplyQuality.of(store.histories(TenantId.DEFAULT), new GradingPeriod(period.from(), clock.instant().plusSeconds(1)));
    assertThat(all).containsExactly(
        new PostReplies(District.AE, "ENERGY", 2, 1, 2),
        new PostReplies(District.EE, "ENERGY", 1, 0, 0),
        new PostReplies(District.TEHSILDAR, "REVENUE", 1, 0, 0));
  }
}
