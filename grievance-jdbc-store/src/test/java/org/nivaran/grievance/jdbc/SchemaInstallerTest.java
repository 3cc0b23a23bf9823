package org.nivaran.grievance.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SchemaInstallerTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void installingAgainAppliesNothing(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) { // installs V1
      assertThat(SchemaInstaller.install(db.dataSource())).isEmpty();
    }
  }

  @Test
  void bothDatabasesShipTheSameTablesInFilesNamedForFlyway() {
    for (String database : new String[] {"postgresql", "h2"}) {
      String sql = SchemaInstaller.schemaFile(database, "V1__nivaran_store.sql");
      assertThat(sql).contains("CREATE TABLE nivaran_complaint", "CREATE TABLE nivaran_event", "CREATE TABLE nivaran_idempotency",
          "CREATE TABLE nivaran_outbox", "CREATE TABLE nivaran_id_block", "PRIMARY KEY (complaint_id, sequence)");
      assertThat(SchemaInstaller.statements(sql)).allSatisfy(s -> assertThat(s).doesNotEndWith(";").isNotBlank());
    }
    assertThat(SchemaInstaller.statements(SchemaInstaller.schemaFile("h2", "V1__nivaran_store.sql")))
        .hasSameSizeAs(SchemaInstaller.statements(SchemaInstaller.schemaFile("postgresql", "V1__nivaran_store.sql")));
  }

  @Test
  void aMissingFileOrAnUnterminatedStatementIsRefused() {
    assertThatThrownBy(() -> SchemaInstaller.schemaFile("h2", "V9__nothing.sql"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("db/nivaran/h2/V9__nothing.sql");
    assertThatThrownBy(() -> SchemaInstaller.statements("CREATE TABLE a (x INT);\nCREATE TABLE b (y INT)"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CREATE TABLE b");
  }
}
