package org.nivaran.grievance.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntToLongFunction;

/**
 * How {@link StoreLoadHarness} runs work on threads and times it, and its row-count checks.
 * Stateless; each call uses its own pool.
 */
final class Threads {
  private Threads() {}


  /** The wall time of a parallel run and what each thread returned. */
  record Timed(long nanos, long[] results, CpuTime cpu) {}

  /**
   * Runs {@code work(t)} for {@code t = 0 .. threads - 1}, each on its own thread, all started
   * together; the time is from the start to the last one's end.
   */
  static Timed onThreads(int threads, IntToLongFunction work) {
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "harness-" + r.hashCode());
      t.setDaemon(true);
      return t;
    });
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Long>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int index = t;
        futures.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return work.applyAsLong(index);
        }));
      }
      ready.await();
      CpuTime cpu = CpuTime.now();
      long start = System.nanoTime();
      go.countDown();
      long[] results = new long[threads];
      for (int t = 0; t < threads; t++) {
        results[t] = futures.get(t).get();
      }
      return new Timed(System.nanoTime() - start, results, CpuTime.now().since(cpu));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Runs {@code task(i)} for {@code i = 0 .. n - 1} on {@code threads} threads taking the next
   * index as they go; the first failure stops them all and is thrown.
   *
   * @return the wall time and how many each thread did
   */
  static Timed forEachIndex(int threads, int n, IntConsumer task) {
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean failed = new AtomicBoolean();
    return onThreads(threads, t -> {
      long done = 0;
      for (int i = next.getAndIncrement(); i < n && !failed.get(); i = next.getAndIncrement()) {
        try {
          task.accept(i);
        } catch (RuntimeException | Error e) {
          failed.set(true);
          throw e;
        }
        done++;
      }
      return done;
    });
  }

  static void expect(BenchDatabase db, String sql, long expected, String what) {
    long actual = db.count(sql);
    if (actual != expected) {
      throw new IllegalStateException(what + ": expected " + expected + ", found " + actual + " (" + sql + ")");
    }
  }
}
