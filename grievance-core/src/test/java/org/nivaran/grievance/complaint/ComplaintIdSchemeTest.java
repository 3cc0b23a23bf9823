package org.nivaran.grievance.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/** The stock yearly id scheme. */
class ComplaintIdSchemeTest {
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  @Test
  void ids_count_from_one_per_prefix_padded_to_six_digits() {
    ComplaintIdScheme scheme = ComplaintIdScheme.yearly("RPR", IST);

    assertThat(scheme.next(Fixtures.request(), Fixtures.T0)).isEqualTo(ComplaintId.of("RPR-2024-000001"));
    assertThat(scheme.next(Fixtures.request(), Fixtures.T0)).isEqualTo(ComplaintId.of("RPR-2024-000002"));
  }

  @Test
  void the_year_is_the_calendar_year_in_the_schemes_zone() {
    ComplaintIdScheme scheme = ComplaintIdScheme.yearly("RPR", IST);
    Instant newYearsEveUtcNewYearInIndia = Instant.parse("2024-12-31T19:00:00Z"); // 00:30 IST on 1 January

    assertThat(scheme.next(Fixtures.request(), Fixtures.T0)).isEqualTo(ComplaintId.of("RPR-2024-000001"));
    assertThat(scheme.next(Fixtures.request(), newYearsEveUtcNewYearInIndia)).isEqualTo(ComplaintId.of("RPR-2025-000001"));
    assertThat(scheme.next(Fixtures.request(), Fixtures.T0)).isEqualTo(ComplaintId.of("RPR-2024-000002"));
  }

  @Test
  void a_prefix_may_be_chosen_per_request_and_counts_on_its_own() {
    ComplaintIdScheme scheme = ComplaintIdScheme.yearly(r -> r.jurisdictionCode().startsWith("CG") ? "CG" : "UP", IST);
    RegisterComplaint lucknow = Fixtures.requestBuilder().jurisdictionCode("UP.LUCKNOW").build();

    assertThat(scheme.next(Fixtures.request(), Fixtures.T0)).isEqualTo(ComplaintId.of("CG-2024-000001"));
    assertThat(scheme.next(lucknow, Fixtures.T0)).isEqualTo(ComplaintId.of("UP-2024-000001"));
    assertThat(scheme.next(Fixtures.request(), Fixtures.T0)).isEqualTo(ComplaintId.of("CG-2024-000002"));
  }

  /** Marathi, Bengali and Nepali default to their own digits; ids must stay ASCII all the same. */
  @ParameterizedTest
  @ValueSource(strings = {"mr-IN", "bn-IN", "ne-NP", "ar-EG", "hi-IN"})
  void ids_are_ascii_whatever_the_default_locale(String languageTag) {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag(languageTag));
      Grievances grievances = Fixtures.grievances(new InMemoryComplaintStore());

      assertThat(grievances.register(Fixtures.request(), Fixtures.AGENT).id()).isEqualTo(ComplaintId.of("RPR-2024-000001"));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void threads_drawing_ids_together_never_get_the_same_one() throws Exception {
    ComplaintIdScheme scheme = ComplaintIdScheme.yearly("RPR", IST);
    Set<ComplaintId> ids = ConcurrentHashMap.newKeySet();
    CyclicBarrier start = new CyclicBarrier(8);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread = new Thread(() -> {
        try {
          start.await(10, TimeUnit.SECONDS);
          for (int i = 0; i < 500; i++) {
            ids.add(scheme.next(Fixtures.request(), Fixtures.T0));
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    }

    assertThat(ids).hasSize(8 * 500).contains(ComplaintId.of("RPR-2024-000001"), ComplaintId.of("RPR-2024-004000"));
  }
}
