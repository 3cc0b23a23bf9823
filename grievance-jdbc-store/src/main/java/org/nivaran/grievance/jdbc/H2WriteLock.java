package org.nivaran.grievance.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One write transaction at a time, in this JVM, on each H2 database on files.
 *
 * <p>H2 2.x (its MVStore) is not atomic across a killed process when transactions overlap: a commit
 * writes every map's changes to the file, each map as it stands at that moment, so the rows
 * another transaction has written so far can reach the file without the undo log that would roll
 * them back. Killed then, H2 opens the file with part of that transaction in it (the H2 issue
 * "non-atomic nature of the store operation", h2database#2080). {@code ProcessKillTest}, with
 * three to six writing threads, found exactly that after kills: an idempotency key naming no
 * complaint, a complaint row and its key without its events, outbox rows of no event, and twice a
 * file H2 could no longer open. With the write transactions of the JVM taken one at a time, no
 * transaction is open when another's commit writes the file, and 140 kills with six writers found
 * nothing half-written (and the writers were faster: H2 commits contend when they overlap).
 *
 * <p>Every transaction of the JDBC store's classes ({@code Jdbc.inTransaction}) takes the lock of
 * its database, keyed by {@code DATABASE_PATH()}, before it takes a connection (so that a thread
 * waiting for the lock holds none). Reads do not take it. PostgreSQL and H2 in memory (nothing to
 * recover) have no lock. An H2 database that several JVMs write (H2's server mode) is not covered:
 * use PostgreSQL for that.
 */
final class H2WriteLock {
  /** The lock of each H2 database on files, by its path. */
  private static final Map<String, Lock> LOCKS = new ConcurrentHashMap<>();
  /** What databases with nothing to serialize get: a lock that never waits. */
  static final Lock NONE = new NoLock();

  private H2WriteLock() {}

  /**
   * The lock of the connection's database: for H2 on files, the one lock of its path in this JVM;
   * else {@link #NONE}.
   */
  static Lock of(Connection c) throws SQLException {
    if (Dialect.of(c) != Dialect.H2) {
      return NONE;
    }
    String path;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DATABASE_PATH()")) {
      path = rs.next() ? rs.getString(1) : null;
    }
    if (DurabilityCheck.inMemory(path)) {
      return NONE;
    }
    return LOCKS.computeIfAbsent(path, p -> new ReentrantLock(true));
  }

  /** A lock with nothing to exclude. */
  private static final class NoLock implements Lock {
    @Override
    public void lock() {}

    @Override
    public void lockInterruptibly() {}

    @Override
    public boolean tryLock() {
      return true;
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) {
      return true;
    }

    @Override
    public void unlock() {}

    @Override
    public Condition newCondition() {
      throw new UnsupportedOperationException("a lock with nothing to exclude has no conditions");
    }
  }
}
