package org.nivaran.grievance.benchmarks;

import static org.nivaran.grievance.benchmarks.StoreLoadHarness.RELAY_BATCH;
import static org.nivaran.grievance.benchmarks.StoreLoadHarness.SWEEP_AT;
import static org.nivaran.grievance.benchmarks.Threads.onThreads;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import javax.sql.DataSource;
import org.nivaran.grievance.benchmarks.Threads.Timed;
import org.nivaran.grievance.jdbc.OutboxAdministration;
import org.nivaran.grievance.jdbc.OutboxCounts;
import org.nivaran.grievance.jdbc.OutboxRelay;

/** The outbox measurement of {@link StoreLoadHarness}: pending messages drained by relays. Stateless. */
final class OutboxRuns {
  private OutboxRuns() {}

  /**
   * Delivers every pending outbox row with {@code relays} relays draining in parallel, to a
   * notifier that does nothing; checks that all were sent and none is left or dead.
   */
  static Sample outbox(BenchDatabase db, int relays) {
    long pending = db.count("SELECT COUNT(*) FROM nivaran_outbox WHERE state = 'PENDING'");
    if (pending == 0) {
      throw new IllegalStateException("the registrations left no outbox rows");
    }
    // after every message the harness writes (registrations and escalations), so all are due
    Clock clock = Clock.fixed(SWEEP_AT.plus(Duration.ofHours(1)), ZoneOffset.UTC);
    OutboxRelay[] relay = new OutboxRelay[relays];
    for (int i = 0; i < relays; i++) {
      relay[i] = noOpRelay(db.dataSource(), clock);
    }
    Timed t = onThreads(relays, i -> relay[i].drain());
    long sent = Arrays.stream(t.results()).sum();
    OutboxCounts counts = OutboxAdministration.create(db.dataSource()).counts();
    if (sent != pending || counts.pending() != 0 || counts.dead() != 0 || counts.sent() != pending) {
      throw new IllegalStateException(relays + " relay(s) sent " + sent + " of " + pending + " pending messages; "
          + "the outbox now holds " + counts);
    }
    return new Sample(sent, t);
  }

  /** A relay of the harness: a notifier that sends nothing, batches of {@code RELAY_BATCH}, 5 attempts. */
  static OutboxRelay noOpRelay(DataSource dataSource, Clock clock) {
    return OutboxRelay.builder()
        .dataSource(dataSource)
        .notifier(n -> { })
        .clock(clock)
        .batchSize(RELAY_BATCH)
        .lease(Duration.ofMinutes(5))
        .maxAttempts(5)
        .build();
  }
}
