package org.nivaran.grievance.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.tck.SampleDistrict;

class JdbcIdSchemeTest {
  static final Instant MARCH_2024 = Instant.parse("2024-03-04T05:30:00Z");

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void nodesAndRestartsNeverIssueAnIdTwice(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, 10)) {
      JdbcIdScheme first = JdbcIdScheme.yearly(db.dataSource(), "RPR", SampleDistrict.IST, 10);
      assertThat(first.next(SampleDistrict.request(1), MARCH_2024)).isEqualTo(ComplaintId.of("RPR-2024-000001"));

      Set<ComplaintId> seen = new HashSet<>();
      seen.add(ComplaintId.of("RPR-2024-000001"));
      List<JdbcIdScheme> nodes = new ArrayList<>(List.of(first));
      for (int i = 0; i < 3; i++) {
        nodes.add(JdbcIdScheme.yearly(db.dataSource(), "RPR", SampleDistrict.IST, 10)); // other nodes, or restarts
      }
      List<List<ComplaintId>> issued = JdbcConcurrencyTest.runAll(8, () -> {
        List<ComplaintId> mine = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          mine.add(nodes.get(i % nodes.size()).next(SampleDistrict.request(i), MARCH_2024));
        }
        return mine;
      });
      for (List<ComplaintId> ids : issued) {
        for (ComplaintId id : ids) {
          assertThat(seen.add(id)).as("issued twice: %s", id).isTrue();
        }
      }
      assertThat(seen).hasSize(801);
      assertThat(seen).allSatisfy(id -> assertThat(id.value()).matches("RPR-2024-\\d{6}"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void eachPrefixAndYearHasItsOwnSequence(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcIdScheme scheme = JdbcIdScheme.yearly(db.dataSource(),
          r -> r.categoryCode().startsWith("JAL") ? "JAL" : "RPR", SampleDistrict.IST, 5);
      assertThat(scheme.next(SampleDistrict.request(0), MARCH_2024).value()).isEqualTo("RPR-2024-000001");
      assertThat(scheme.next(SampleDistrict.request(1), MARCH_2024).value()).isEqualTo("JAL-2024-000001");
      // 31 Dec 2024 19:00 UTC is already 1 Jan 2025 in India
      assertThat(scheme.next(SampleDistrict.request(0), Instant.parse("2024-12-31T19:00:00Z")).value())
          .isEqualTo("RPR-2025-000001");
      assertThat(scheme.next(SampleDistrict.request(0), MARCH_2024).value()).isEqualTo("RPR-2024-000002");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void badSettingsAreRefused(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      assertThatThrownBy(() -> JdbcIdScheme.yearly(db.dataSource(), "RPR", SampleDistrict.IST, 0))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blockSize");
      assertThatThrownBy(() -> JdbcIdScheme.yearly(db.dataSource(), "R P R", SampleDistrict.IST, 10))
          .isInstanceOf(InvalidInputException.class);
      JdbcIdScheme tooLong = JdbcIdScheme.yearly(db.dataSource(), r -> "X".repeat(33), SampleDistrict.IST, 10);
      assertThatThrownBy(() -> tooLong.next(SampleDistrict.request(0), MARCH_2024))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("prefix");
    }
  }

  @org.junit.jupiter.api.Test
  void idsAreAsciiWhateverTheDefaultLocale() {
    java.util.Locale saved = java.util.Locale.getDefault();
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("mr-IN")); // Marathi formats digits in Devanagari
      JdbcIdScheme scheme = JdbcIdScheme.yearly(db.dataSource(), "RPR", SampleDistrict.IST, 10);
      assertThat(scheme.next(SampleDistrict.request(0), MARCH_2024).value()).isEqualTo("RPR-2024-000001");
    } finally {
      java.util.Locale.setDefault(saved);
    }
  }
}
