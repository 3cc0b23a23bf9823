package org.nivaran.grievance.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.tck.ComplaintStoreContract;

/**
 * The store contract on PostgreSQL with the tables hash-partitioned by tenant
 * ({@link SchemaLayout#PARTITIONED_BY_TENANT}), in a schema of its own. Skipped when PostgreSQL
 * is unreachable, and failed then with {@code CI=true}, as {@link PostgresComplaintStoreContractTest}.
 */
class PostgresPartitionedComplaintStoreContractTest extends ComplaintStoreContract {
  private static TestDatabase db;

  @BeforeAll
  static void open() {
    db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, 12, SchemaLayout.PARTITIONED_BY_TENANT);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Override
  protected ComplaintStore newStore() {
    return H2ComplaintStoreContractTest.emptied(db);
  }

  @Test
  void every_table_of_the_store_is_hash_partitioned_by_tenant_into_eight_partitions() throws Exception {
    List<String> partitioned = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT cls.relname, pt.partstrat, "
            + "(SELECT COUNT(*) FROM pg_inherits i WHERE i.inhparent = cls.oid), "
            + "(SELECT a.attname FROM pg_attribute a WHERE a.attrelid = cls.oid AND a.attnum = pt.partattrs[0]) "
            + "FROM pg_partitioned_table pt JOIN pg_class cls ON cls.oid = pt.partrelid "
            + "JOIN pg_namespace n ON n.oid = cls.relnamespace WHERE n.nspname = current_schema() ORDER BY cls.relname");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        partitioned.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getString(4));
      }
    }
    assertThat(partitioned).containsExactly(
        "nivaran_complaint h 8 tenant_id",
        "nivaran_event h 8 tenant_id",
        "nivaran_id_block h 8 tenant_id",
        "nivaran_idempotency h 8 tenant_id",
        "nivaran_outbox h 8 tenant_id",
        "nivaran_reference h 8 tenant_id");
  }
}
