package org.nivaran.grievance.jdbc;

import org.nivaran.grievance.tenant.TenantId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store is refused, naming the setting, on a database that can lose writes it has acknowledged,
 * unless it is built with {@code allowNonDurable}; a durable database is accepted.
 */
class DurabilityCheckTest {
  @TempDir
  Path dir;

  private static HikariDataSource installed(String url) {
    HikariDataSource ds = TestDatabase.pool(url);
    SchemaInstaller.install(ds);
    return ds;
  }

  private String h2File(String settings) {
    return "jdbc:h2:file:" + dir.resolve("nivaran").toAbsolutePath() + settings;
  }

  @Test
  void h2OnFilesWithTheDefaultWriteDelayIsRefusedNamingWriteDelay() {
    try (HikariDataSource ds = installed(h2File(""))) {
      assertThatThrownBy(() -> JdbcComplaintStore.create(ds))
          .isInstanceOfSatisfying(NonDurableDatabaseException.class, e -> {
            assertThat(e.setting()).isEqualTo("WRITE_DELAY");
            assertThat(e.value()).isEqualTo("500");
          })
          .hasMessageContaining("WRITE_DELAY is 500")
          .hasMessageContaining("use PostgreSQL")
          .hasMessageContaining("allowNonDurable");
      assertThatThrownBy(() -> JdbcComplaintStore.builder(ds).build()).isInstanceOf(NonDurableDatabaseException.class);
    }
  }

  @Test
  void h2OnFilesWithWriteDelayZeroIsRefusedToo_a_killed_process_can_leave_the_file_unreadable() {
    try (HikariDataSource ds = installed(h2File(";WRITE_DELAY=0"))) {
      assertThatThrownBy(() -> JdbcComplaintStore.create(ds))
          .isInstanceOfSatisfying(NonDurableDatabaseException.class, e -> assertThat(e.setting()).isEqualTo("DATABASE_PATH()"))
          .hasMessageContaining("on files")
          .hasMessageContaining("use PostgreSQL")
          .hasMessageNotContaining("WRITE_DELAY is");
      JdbcComplaintStore store = JdbcComplaintStore.builder(ds).allowNonDurable("a demo").build();
      assertThat(store.find(TenantId.DEFAULT, org.nivaran.grievance.complaint.ComplaintId.of("RPR-2024-000001"))).isEmpty();
    }
  }

  @Test
  void writeDelaySetBySqlLastsOnlyUntilTheDatabaseIsOpenedAgain() throws SQLException {
    String url = h2File("");
    try (HikariDataSource ds = installed(url)) {
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        s.execute("SET WRITE_DELAY 0");
      }
      assertThatThrownBy(() -> JdbcComplaintStore.create(ds)) // WRITE_DELAY 0 in force while the database stays open
          .isInstanceOfSatisfying(NonDurableDatabaseException.class, e -> assertThat(e.setting()).isEqualTo("DATABASE_PATH()"));
    }
    // the pool closed its connections, so H2 closed the database; opened again, H2 takes the URL's
    // WRITE_DELAY, or its default of 500 ms, whatever was SET before
    try (HikariDataSource ds = TestDatabase.pool(url)) {
      assertThatThrownBy(() -> JdbcComplaintStore.create(ds))
          .isInstanceOfSatisfying(NonDurableDatabaseException.class, e -> assertThat(e.setting()).isEqualTo("WRITE_DELAY"));
    }
  }

  @Test
  void h2InMemoryIsRefused() {
    try (HikariDataSource ds = installed("jdbc:h2:mem:durability-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
      assertThatThrownBy(() -> JdbcComplaintStore.create(ds))
          .isInstanceOfSatisfying(NonDurableDatabaseException.class, e -> {
            assertThat(e.setting()).isEqualTo("DATABASE_PATH()");
            assertThat(e.value()).isEqualTo("NULL");
          })
          .hasMessageContaining("kept in memory")
          .hasMessageContaining("jdbc:h2:mem:");
    }
  }

  @Test
  void h2OnAnInMemoryFileSystemIsRefused() {
    try (HikariDataSource ds = installed("jdbc:h2:memFS:durability-" + UUID.randomUUID() + ";WRITE_DELAY=0")) {
      assertThatThrownBy(() -> JdbcComplaintStore.create(ds))
          .isInstanceOfSatisfying(NonDurableDatabaseException.class, e -> {
            assertThat(e.setting()).isEqualTo("DATABASE_PATH()");
            assertThat(e.value()).startsWith("memFS:");
          });
    }
  }

  @Test
  void aStoreBuiltWithAllowNonDurableIsAcceptedOnAnyOfThem() {
    try (HikariDataSource mem = installed("jdbc:h2:mem:durability-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        HikariDataSource file = installed(h2File(""))) {
      assertThat(JdbcComplaintStore.builder(mem).allowNonDurable("a unit test").build()).isNotNull();
      assertThat(JdbcComplaintStore.builder(file).allowNonDurable("a unit test").build()).isNotNull();
    }
  }

  @Test
  void allowNonDurableNeedsAReason() {
    try (HikariDataSource mem = TestDatabase.pool("jdbc:h2:mem:durability-" + UUID.randomUUID())) {
      JdbcComplaintStore.Builder builder = JdbcComplaintStore.builder(mem);
      assertThatThrownBy(() -> builder.allowNonDurable(null)).isInstanceOf(NullPointerException.class)
          .hasMessageContaining("reason");
      assertThatThrownBy(() -> builder.allowNonDurable("  ")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("reason");
    }
  }

  @Test
  void postgresqlWithItsDurableDefaultsIsAccepted() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, 2)) {
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
          java.sql.ResultSet rs = s.executeQuery("SELECT current_setting('fsync'), current_setting('synchronous_commit')")) {
        rs.next();
        assertThat(rs.getString(1)).as("the test server's fsync").isEqualTo("on");
        assertThat(rs.getString(2)).as("the test server's synchronous_commit").isNotEqualTo("off");
      }
      assertThat(JdbcComplaintStore.create(db.dataSource())).isNotNull();
    }
  }

  /** Only the test's own pool turns synchronous_commit off, for its own sessions; nothing else. */
  @Test
  void postgresqlWithSynchronousCommitOffForTheSessionIsRefused() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, 2)) {
      for (String value : new String[] {"local", "remote_write", "on"}) {
        try (HikariDataSource ds = sessionsWith(db, "SET synchronous_commit = " + value)) {
          assertThat(JdbcComplaintStore.create(ds)).as(value).isNotNull();
        }
      }
      try (HikariDataSource ds = sessionsWith(db, "SET synchronous_commit = off")) {
        assertThatThrownBy(() -> JdbcComplaintStore.create(ds))
            .isInstanceOfSatisfying(NonDurableDatabaseException.class, e -> {
              assertThat(e.setting()).isEqualTo("synchronous_commit");
              assertThat(e.value()).isEqualTo("off");
            })
            .hasMessageContaining("synchronous_commit is off");
        assertThat(JdbcComplaintStore.builder(ds).allowNonDurable("a unit test").build()).isNotNull();
      }
    }
  }

  private static HikariDataSource sessionsWith(TestDatabase db, String initSql) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.jdbcUrl());
    config.setUsername(TestDatabase.PG_USER);
    config.setPassword(TestDatabase.PG_PASSWORD);
    config.setMaximumPoolSize(1);
    config.setConnectionInitSql(initSql);
    return new HikariDataSource(config);
  }

  /** fsync is a server setting no test may change; the rule that reads it is checked alone. */
  @Test
  void postgresqlWithFsyncOffIsRefusedNamingFsync() {
    assertThat(DurabilityCheck.postgres("on", "on")).isEmpty();
    assertThat(DurabilityCheck.postgres("on", "local")).isEmpty();
    assertThat(DurabilityCheck.postgres("off", "on")).extracting(DurabilityCheck.Finding::setting).containsExactly("fsync");
    assertThat(DurabilityCheck.postgres("off", "off")).extracting(DurabilityCheck.Finding::setting)
        .containsExactly("fsync", "synchronous_commit");
    NonDurableDatabaseException e = DurabilityCheck.refusal(DurabilityCheck.postgres("off", "off"));
    assertThat(e.setting()).isEqualTo("fsync");
    assertThat(e.getMessage()).contains("fsync is off").contains("synchronous_commit is off");
  }

  @Test
  void theH2RulesReadThePathAndTheLargestWriteDelay() {
    assertThat(DurabilityCheck.h2("/var/lib/nivaran/db", "0")).extracting(DurabilityCheck.Finding::setting)
        .containsExactly("DATABASE_PATH()");
    assertThat(DurabilityCheck.h2("/var/lib/nivaran/db", "1")).extracting(DurabilityCheck.Finding::setting)
        .containsExactly("WRITE_DELAY", "DATABASE_PATH()");
    assertThat(DurabilityCheck.h2("/var/lib/nivaran/db", null)).extracting(DurabilityCheck.Finding::value)
        .containsExactly("unknown", "/var/lib/nivaran/db");
    assertThat(DurabilityCheck.h2(null, "0")).extracting(DurabilityCheck.Finding::setting)
        .containsExactly("DATABASE_PATH()");
    assertThat(DurabilityCheck.h2("nioMemLZF:/x", "0")).hasSize(1);
  }
}
