package org.nivaran.grievance.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.nivaran.grievance.fixtures.ComplaintArbitraries;

/**
 * The due instant the stores index is always the earliest of the pending deadlines (the SLA's, the
 * first response's and a special-closure request's; see also {@code SpecialClosureDueProperties}).
 */
class FirstResponseProperties {

  @Provide
  Arbitrary<List<ComplaintEvent>> histories() {
    return ComplaintArbitraries.histories();
  }

  @Property(tries = 1000)
  void due_at_is_the_earlier_of_the_running_sla_deadline_and_the_pending_first_response_deadline(
      @ForAll("histories") List<ComplaintEvent> log) {
    Complaint c = Lifecycle.replay(log);

    Optional<Instant> expected = Stream.of(c.slaDueAt(), c.firstResponseDueAt(), c.specialClosureDueAt())
        .flatMap(Optional::stream).min(Instant::compareTo);
    assertThat(c.dueAt()).isEqualTo(expected);

    Optional<ComplaintEvent.FirstResponseDueSet> due = log.stream()
        .filter(ComplaintEvent.FirstResponseDueSet.class::isInstance).map(ComplaintEvent.FirstResponseDueSet.class::cast)
        .findFirst();
    assertThat(c.firstResponse().map(FirstResponse::dueAt)).isEqualTo(due.map(ComplaintEvent.FirstResponseDueSet::dueAt));
    if (due.isPresent()) {
      // the first contact recorded after the deadline was set is the one that counts
      Optional<Instant> firstContact = log.stream()
          .filter(e -> e.sequence() > due.get().sequence())
          .filter(ComplaintEvent.ContactRecorded.class::isInstance)
          .map(ComplaintEvent::occurredAt).findFirst();
      assertThat(c.firstResponse().get().firstContactAt()).isEqualTo(firstContact);
      boolean flagged = log.stream().anyMatch(e -> e.sequence() > due.get().sequence()
          && e instanceof ComplaintEvent.ComplaintFlagged f && f.flag() == ComplaintFlag.FIRST_RESPONSE_MISSED);
      assertThat(c.firstResponse().get().pending()).isEqualTo(firstContact.isEmpty() && !flagged);
    }
    // a flag never hides a pending first response, and the miss flag never hides the SLA
    if (c.firstResponse().filter(FirstResponse::pending).isPresent()
        && Stream.of(Status.ASSIGNED, Status.IN_PROGRESS, Status.RETURNED, Status.REOPENED).anyMatch(c.status()::equals)) {
      assertThat(c.firstResponseDueAt()).contains(c.firstResponse().get().dueAt());
    }
    Statistics.label("first response").collect(c.firstResponse().map(f -> f.pending() ? "pending" : "met or acted on")
        .orElse("none"));
    Statistics.label("first response decides dueAt")
        .collect(c.firstResponseDueAt().isPresent() && c.dueAt().equals(c.firstResponseDueAt()));
  }
}
