package org.nivaran.grievance.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On H2 on files, the write transactions of the store's classes run one at a time in the JVM,
 * whichever pool they come through; on H2 in memory and on PostgreSQL they overlap.
 */
class H2WriteLockTest {
  @TempDir
  Path dir;

  /**
   * Whether a transaction on {@code second} can start while one on {@code first} is open: the
   * first waits (at most 1 s) for the second to start.
   */
  private static boolean overlap(DataSource first, DataSource second) throws Exception {
    CountDownLatch inFirst = new CountDownLatch(1);
    CountDownLatch inSecond = new CountDownLatch(1);
    CompletableFuture<Boolean> a = CompletableFuture.supplyAsync(() -> new Jdbc(first).inTransaction("first", c -> {
      inFirst.countDown();
      try {
        return inSecond.await(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }));
    assertThat(inFirst.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> b = CompletableFuture.runAsync(() -> new Jdbc(second).inTransaction("second", c -> {
      inSecond.countDown();
      return null;
    }));
    boolean overlapped = a.get(10, TimeUnit.SECONDS);
    b.get(10, TimeUnit.SECONDS);
    return overlapped;
  }

  @Test
  void onH2OnFilesTransactionsRunOneAtATimeEvenThroughTwoPools() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("nivaran").toAbsolutePath() + ";WRITE_DELAY=0";
    try (HikariDataSource one = TestDatabase.pool(url); HikariDataSource other = TestDatabase.pool(url)) {
      assertThat(overlap(one, one)).isFalse();
      assertThat(overlap(one, other)).isFalse();
    }
  }

  @Test
  void onH2InMemoryTransactionsOverlap() throws Exception {
    try (HikariDataSource mem = TestDatabase.pool("jdbc:h2:mem:lock-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
      assertThat(overlap(mem, mem)).isTrue();
    }
  }

  @Test
  void onPostgresqlTransactionsOverlap() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, 2)) {
      assertThat(overlap(db.dataSource(), db.dataSource())).isTrue();
    }
  }
}
