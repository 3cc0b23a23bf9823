package org.nivaran.grievance.jdbc;

import org.nivaran.grievance.tenant.TenantId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.SampleDistrict;

/**
 * A connection that dies in the middle of a transaction (the database backend terminated, or the
 * connection dropped) leaves nothing half-written: the complaint row, its events and the outbox
 * are as before, and the store goes on working on a fresh connection.
 */
class ConnectionKillTest {
  static final Instant T0 = Instant.parse("2024-03-04T05:30:00Z");

  /**
   * Hands out the pool's connections, except that while {@code armed}, the first statement
   * inserting events has its connection killed just before it runs: PostgreSQL's backend is
   * terminated from another session, an H2 connection is closed under the transaction.
   */
  static final class KillingDataSource implements DataSource {
    final TestDatabase db;
    final AtomicBoolean armed = new AtomicBoolean();
    final AtomicBoolean killed = new AtomicBoolean();

    KillingDataSource(TestDatabase db) {
      this.db = db;
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection real = db.dataSource().getConnection();
      return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
          ((proxy, method, args) -> {
            Object result = invoke(real, method, args);
            if (method.getName().equals("prepareStatement") && String.valueOf(args[0]).startsWith("INSERT INTO nivaran_event")) {
              PreparedStatement ps = (PreparedStatement) result;
              return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class},
                  ((p2, m2, a2) -> {
                    if (m2.getName().equals("executeBatch") && armed.getAndSet(false)) {
                      kill(real);
                      killed.set(true);
                    }
                    return invoke(ps, m2, a2);
                  }));
            }
            return result;
          }));
    }

    private void kill(Connection victim) throws SQLException {
      if (db.kind() == TestDatabase.Kind.POSTGRESQL) {
        int pid;
        try (Statement s = victim.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
          rs.next();
          pid = rs.getInt(1);
        }
        try (Connection admin = java.sql.DriverManager.getConnection(TestDatabase.PG_URL, TestDatabase.PG_USER,
            TestDatabase.PG_PASSWORD); Statement s = admin.createStatement()) {
          s.execute("SELECT pg_terminate_backend(" + pid + ")");
        }
      } else {
        db.evict(victim); // the pool must not hand the dead connection out again, as it would not after a network error
        victim.unwrap(org.h2.jdbc.JdbcConnection.class).close();
      }
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
      try {
        return m.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }

  static long count(DataSource ds, String sql) throws SQLException {
    return TestDatabase.count(ds, sql);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aConnectionKilledMidTransactionLeavesNothingHalfWritten(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, 4)) {
      KillingDataSource ds = new KillingDataSource(db);
      JdbcComplaintStore store = db.store(ds);
      MutableClock clock = new MutableClock(T0);
      Grievances g = SampleDistrict.grievances(store, clock).idScheme(ComplaintIdScheme.yearly("RPR", SampleDistrict.IST))
          .build();
      Complaint c = g.register(SampleDistrict.request(2), SampleDistrict.AGENT);
      long events = count(ds, "SELECT COUNT(*) FROM nivaran_event");
      long outbox = count(ds, "SELECT COUNT(*) FROM nivaran_outbox");
      clock.advance(Duration.ofHours(2));
      Actor officer = SampleDistrict.officer(SampleDistrict.ENERGY_L1);

      // an append: the complaint row is updated, then the connection dies before the events go in
      ds.armed.set(true);
      assertThatThrownBy(() -> g.execute(c.id(), c.version(), new ComplaintCommand.Resolve("बदल दिया", java.util.List.of()), officer))
          .isInstanceOf(JdbcStoreException.class);
      assertThat(ds.killed.get()).isTrue();
      assertThat(store.find(TenantId.DEFAULT, c.id())).contains(c);
      assertThat(count(ds, "SELECT COUNT(*) FROM nivaran_event")).isEqualTo(events);
      assertThat(count(ds, "SELECT COUNT(*) FROM nivaran_outbox")).isEqualTo(outbox);
      assertThat(store.verifyLog(c.id()).intact()).isTrue();

      // a registration: the idempotency key and complaint row are written, then the connection dies
      ds.killed.set(false);
      ds.armed.set(true);
      var keyed = org.nivaran.grievance.complaint.RegisterComplaint.builder().from(SampleDistrict.request(3))
          .idempotencyKey("call-0042").build();
      assertThatThrownBy(() -> g.register(keyed, SampleDistrict.AGENT)).isInstanceOf(JdbcStoreException.class);
      assertThat(ds.killed.get()).isTrue();
      assertThat(count(ds, "SELECT COUNT(*) FROM nivaran_complaint")).isEqualTo(1);
      assertThat(count(ds, "SELECT COUNT(*) FROM nivaran_idempotency")).isZero();
      assertThat(count(ds, "SELECT COUNT(*) FROM nivaran_event")).isEqualTo(events);

      // and the store goes on: the same commands now succeed on fresh connections
      Complaint resolved = g.execute(c.id(), c.version(), new ComplaintCommand.Resolve("बदल दिया", java.util.List.of()), officer);
      assertThat(resolved.version()).isGreaterThan(c.version());
      Complaint again = g.register(keyed, SampleDistrict.AGENT);
      assertThat(g.register(keyed, SampleDistrict.AGENT)).isEqualTo(again);
      assertThat(store.verifyLog(c.id()).intact()).isTrue();
      assertThat(store.verifyLog(again.id()).intact()).isTrue();
    }
  }
}
