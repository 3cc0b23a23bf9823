package org.nivaran.grievance.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.tck.ComplaintStoreContract;

/** The store contract on H2. */
class H2ComplaintStoreContractTest extends ComplaintStoreContract {
  private static TestDatabase db;

  @BeforeAll
  static void open() {
    db = TestDatabase.create(TestDatabase.Kind.H2, 12);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Override
  protected ComplaintStore newStore() {
    return emptied(db);
  }

  /** Empties every table of the store and returns a store on it. */
  static JdbcComplaintStore emptied(TestDatabase db) {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      for (String table : new String[] {"nivaran_outbox", "nivaran_event", "nivaran_idempotency", "nivaran_reference",
          "nivaran_complaint", "nivaran_id_block"}) {
        s.executeUpdate("DELETE FROM " + table);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not empty the test database", e);
    }
    return db.store();
  }
}
