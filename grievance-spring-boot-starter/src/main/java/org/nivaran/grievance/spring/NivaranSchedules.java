package org.nivaran.grievance.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.nivaran.grievance.escalation.Escalator;
import org.nivaran.grievance.jdbc.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the escalator's sweeps and the outbox relay's drains on their own two daemon threads, each
 * with a fixed delay after the previous run ends, from the context's start until it closes. A run
 * that fails (the database away, say) is logged and tried again at the next interval. Safe on any
 * number of nodes: the store claims due complaints and messages with {@code SKIP LOCKED} and a lease.
 *
 * <p>On {@link #stop()} no new run starts and a running one is waited for (up to 30 seconds), so
 * nothing sweeps or sends once the context has closed.
 *
 * <p>Thread-safe.
 */
public final class NivaranSchedules implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(NivaranSchedules.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final Escalator escalator;
  private final Duration escalatorInterval;
  private final OutboxRelay relay;
  private final Duration relayInterval;
  private ScheduledExecutorService executor;
  private final List<ScheduledFuture<?>> tasks = new ArrayList<>();

  /**
   * Schedules the escalator and the relay; either may be null to leave it off.
   *
   * @param escalator the escalator, or null
   * @param escalatorInterval the pause between sweeps, positive
   * @param relay the relay, or null
   * @param relayInterval the pause between drains, positive
   */
  public NivaranSchedules(Escalator escalator, Duration escalatorInterval, OutboxRelay relay, Duration relayInterval) {
    requirePositive("nivaran.escalator.interval", escalatorInterval);
    requirePositive("nivaran.relay.interval", relayInterval);
    this.escalator = escalator;
    this.escalatorInterval = escalatorInterval;
    this.relay = relay;
    this.relayInterval = relayInterval;
  }

  private static void requirePositive(String property, Duration d) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new NivaranConfigurationException(property, "must be positive (was " + d + ")");
    }
  }

  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    int n = INSTANCES.incrementAndGet();
    AtomicInteger thread = new AtomicInteger();
    executor = Executors.newScheduledThreadPool(2, r -> {
      Thread t = new Thread(r, "nivaran-" + n + "-" + thread.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    if (escalator != null) {
      tasks.add(schedule("escalator sweep", escalator::sweep, escalatorInterval));
    }
    if (relay != null) {
      tasks.add(schedule("outbox relay drain", relay::drain, relayInterval));
    }
  }

  private ScheduledFuture<?> schedule(String what, Runnable run, Duration interval) {
    long millis = Math.max(1, interval.toMillis());
    return executor.scheduleWithFixedDelay(() -> {
      try {
        run.run();
      } catch (RuntimeException e) {
        LOG.warn("{} failed; trying again in {}", what, interval, e);
      }
    }, 0, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (executor == null) {
      return;
    }
    tasks.forEach(t -> t.cancel(false));
    tasks.clear();
    executor.shutdown();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    executor = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }

  /** The escalator scheduled, or null; for tests. */
  Escalator escalator() {
    return escalator;
  }

  /**
   * Whether the escalator is scheduled.
   *
   * @return true if sweeps run
   */
  public boolean sweeps() {
    return escalator != null;
  }

  /**
   * Whether the relay is scheduled.
   *
   * @return true if drains run
   */
  public boolean relays() {
    return relay != null;
  }
}
