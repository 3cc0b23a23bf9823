package org.nivaran.grievance.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The schema layouts, and the rule that the tenant leads every key and index of version 2. */
class SchemaLayoutTest {
  private static final Pattern KEY_OR_INDEX =
      Pattern.compile("(PRIMARY KEY|UNIQUE|CREATE (?:UNIQUE )?INDEX \\w+ ON \\w+) \\(\\s*(\\w+)");

  @Test
  void the_tenant_leads_every_primary_key_and_index_that_version_2_and_the_partitioned_layout_create() {
    List<String> checked = new ArrayList<>();
    for (String[] file : new String[][] {{"postgresql", "V2__nivaran_tenants.sql"}, {"h2", "V2__nivaran_tenants.sql"},
        {"postgresql-partitioned", "V1__nivaran_store.sql"}}) {
      for (String statement : SchemaInstaller.statements(SchemaInstaller.schemaFile(file[0], file[1]))) {
        Matcher m = KEY_OR_INDEX.matcher(statement);
        while (m.find()) {
          checked.add(file[0] + ": " + m.group(0));
          assertThat(m.group(2)).as("%s in %s", m.group(0), file[0]).isEqualTo("tenant_id");
        }
      }
    }
    assertThat(checked).as("keys and indexes found").hasSizeGreaterThan(60);
  }

  @Test
  void both_databases_ship_version_2_with_the_same_statements_and_the_partitioned_layout_partitions_every_table() {
    assertThat(SchemaInstaller.statements(SchemaInstaller.schemaFile("h2", "V2__nivaran_tenants.sql")))
        .hasSameSizeAs(SchemaInstaller.statements(SchemaInstaller.schemaFile("postgresql", "V2__nivaran_tenants.sql")));
    String partitioned = SchemaInstaller.schemaFile("postgresql-partitioned", "V1__nivaran_store.sql");
    for (String table : List.of("nivaran_complaint", "nivaran_event", "nivaran_idempotency", "nivaran_outbox",
        "nivaran_id_block", "nivaran_reference")) {
      assertThat(partitioned).contains("CREATE TABLE " + table + " (", table + "_p7 PARTITION OF " + table);
    }
    assertThat(SchemaInstaller.statements(SchemaInstaller.schemaFile("postgresql-partitioned", "V2__nivaran_tenants.sql")))
        .as("nothing left to do but keep the version numbers in step").hasSize(1);
  }

  @Test
  void h2_refuses_the_partitioned_layout_by_name_and_installs_nothing() throws Exception {
    try (TestDatabase db = TestDatabase.blank(TestDatabase.Kind.H2, 2)) {
      assertThatThrownBy(() -> SchemaInstaller.install(db.dataSource(), SchemaLayout.PARTITIONED_BY_TENANT))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("PARTITIONED_BY_TENANT").hasMessageContaining("PostgreSQL").hasMessageContaining("PLAIN");
      assertThat(TestDatabase.count(db.dataSource(),
          "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")).isZero();
    }
  }

  @Test
  void a_database_keeps_the_layout_it_was_installed_with() {
    try (TestDatabase plain = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, 2)) {
      assertThatThrownBy(() -> SchemaInstaller.install(plain.dataSource(), SchemaLayout.PARTITIONED_BY_TENANT))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds the Nivaran schema in the layout PLAIN");
    }
    try (TestDatabase partitioned = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, 2, SchemaLayout.PARTITIONED_BY_TENANT)) {
      assertThat(SchemaInstaller.install(partitioned.dataSource(), SchemaLayout.PARTITIONED_BY_TENANT)).isEmpty();
      assertThatThrownBy(() -> SchemaInstaller.install(partitioned.dataSource()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("holds the Nivaran schema in the layout PARTITIONED_BY_TENANT");
    }
  }
}
