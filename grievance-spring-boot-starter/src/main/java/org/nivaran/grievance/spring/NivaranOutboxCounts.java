package org.nivaran.grievance.spring;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.nivaran.grievance.jdbc.OutboxAdministration;
import org.nivaran.grievance.jdbc.OutboxCounts;

/**
 * The outbox counts of the application's tenant ({@link OutboxAdministration#counts()}, a scan of
 * its outbox rows), kept for {@code nivaran.observability.outbox-counts-refresh} so that the
 * {@code nivaran.outbox.*} gauges and the health indicator read the database at most once per
 * interval, however often they are scraped. A failed read is not kept: the next call reads again.
 *
 * <p>Thread-safe: one read at a time; callers meanwhile wait for it.
 */
public final class NivaranOutboxCounts {
  private final OutboxAdministration outbox;
  private final long refreshNanos;
  private final LongSupplier nanoTime;
  private OutboxCounts last;
  private long readAt;

  /**
   * Counts kept for an interval, timed on {@link System#nanoTime()}.
   *
   * @param outbox the tenant's outbox
   * @param refresh how long a count is kept; zero reads every time
   */
  public NivaranOutboxCounts(OutboxAdministration outbox, Duration refresh) {
    this(outbox, refresh, System::nanoTime);
  }

  NivaranOutboxCounts(OutboxAdministration outbox, Duration refresh, LongSupplier nanoTime) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    if (refresh == null || refresh.isNegative()) {
      throw new NivaranConfigurationException("nivaran.observability.outbox-counts-refresh",
          "must not be negative (was " + refresh + ")");
    }
    this.refreshNanos = refresh.toNanos();
    this.nanoTime = nanoTime;
  }

  /**
   * The counts, read again if the last read is older than the interval.
   *
   * @return pending, sent and dead messages of the tenant
   * @throws org.nivaran.grievance.jdbc.JdbcStoreException if they must be read and the database fails
   */
  public synchronized OutboxCounts counts() {
    long now = nanoTime.getAsLong();
    if (last == null || now - readAt >= refreshNanos) {
      last = outbox.counts();
      readAt = now;
    }
    return last;
  }
}
