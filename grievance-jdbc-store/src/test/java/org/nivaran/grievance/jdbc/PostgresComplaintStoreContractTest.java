package org.nivaran.grievance.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.tck.ComplaintStoreContract;

/** The store contract on PostgreSQL. */
class PostgresComplaintStoreContractTest extends ComplaintStoreContract {
  private static TestDatabase db;

  @BeforeAll
  static void open() {
    db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, 12);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Override
  protected ComplaintStore newStore() {
    return H2ComplaintStoreContractTest.emptied(db);
  }
}
