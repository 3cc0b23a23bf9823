package org.nivaran.grievance.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.escalation.District;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.policy.VerificationPolicy;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/** The verification policy's own changes, run through {@link Grievances}, tell each post once. */
class DissatisfiedThroughGrievancesTest {
  private static final Actor AGENT = Actor.agent("AGENT-7");
  private static final String REASON = "बिजली अभी भी नहीं";

  private final MutableClock clock =
      new MutableClock(LocalDateTime.of(2024, 3, 19, 11, 0).atZone(District.IST).toInstant());
  private final List<Notification> sent = new ArrayList<>();

  private List<Notification> toldOnDissatisfaction(VerificationPolicy verification) {
    Grievances g = District.grievances(new InMemoryComplaintStore(), clock)
        .notifier(sent::add)
        .verificationPolicy(verification)
        .build();
    Complaint c = g.register(Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12").build(), AGENT);
    clock.advance(Duration.ofHours(2));
    g.execute(c.id(), new ComplaintCommand.Resolve("ट्रांसफ़ॉर्मर बदला गया", List.of()), Actor.officer("OFF-AE-1", District.AE));
    sent.clear();
    g.execute(c.id(), new ComplaintCommand.ReportDissatisfied(Optional.of(1), REASON), AGENT);
    return List.copyOf(sent);
  }

  @Test
  void same_level_tells_the_ae_who_replied() {
    assertThat(toldOnDissatisfaction(VerificationPolicy.builder().reopenAtSameLevel().build()))
        .extracting(Notification::kind, n -> n.recipient().key())
        .containsExactly(tuple(NotificationKind.CITIZEN_DISSATISFIED, "holder:" + District.AE.code()));
  }

  @Test
  void next_level_tells_the_ee_once_with_the_citizens_reason() {
    List<Notification> told = toldOnDissatisfaction(VerificationPolicy.builder().reopenAtNextLevel().build());

    assertThat(told)
        .extracting(Notification::kind, n -> n.recipient().key())
        .containsExactly(tuple(NotificationKind.CITIZEN_DISSATISFIED, "holder:" + District.EE.code()));
    assertThat(told.get(0).body()).contains(REASON);
  }

  @Test
  void an_appeal_tells_the_appellate_post_once_with_the_citizens_reason() {
    List<Notification> told = toldOnDissatisfaction(VerificationPolicy.builder().appealTo(District.SE).build());

    assertThat(told)
        .extracting(Notification::kind, n -> n.recipient().key())
        .containsExactly(tuple(NotificationKind.CITIZEN_DISSATISFIED, "holder:" + District.SE.code()));
    assertThat(told.get(0).body()).contains(REASON);
  }
}
