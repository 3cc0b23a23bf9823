package org.nivaran.grievance.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.InvalidInputException;

/** A registry is built explicitly, refuses repeated ids and fails fast on an unknown one. */
class CalendarRegistryTest {
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  private static final BusinessCalendar OFFICE = BusinessCalendarTest.office();
  private static final BusinessCalendar HELPLINE = BusinessCalendar.twentyFourSeven("HELPLINE-181", IST);

  @Test
  void holds_calendars_by_id_in_ascending_order() {
    CalendarRegistry r = CalendarRegistry.builder().add(HELPLINE).add(OFFICE).build();

    assertThat(r.get("CG-OFFICE")).isSameAs(OFFICE);
    assertThat(r.get("HELPLINE-181")).isSameAs(HELPLINE);
    assertThat(r.find("CG-OFFICE")).containsSame(OFFICE);
    assertThat(r.find("CG-DISTRICT")).isEmpty();
    assertThat(r.contains("HELPLINE-181")).isTrue();
    assertThat(r.contains("helpline-181")).isFalse();
    assertThat(r.ids()).containsExactly("CG-OFFICE", "HELPLINE-181");
    assertThat(r.calendars()).containsExactly(OFFICE, HELPLINE);
    assertThat(r.size()).isEqualTo(2);
    assertThat(r).hasToString("CalendarRegistry[CG-OFFICE, HELPLINE-181]");
    assertThat(CalendarRegistry.of(List.of(OFFICE, HELPLINE)).ids()).isEqualTo(r.ids());
    assertThat(CalendarRegistry.of(HELPLINE, OFFICE).ids()).isEqualTo(r.ids());
  }

  @Test
  void an_unknown_id_fails_fast_naming_it_and_listing_the_known_ones() {
    CalendarRegistry r = CalendarRegistry.of(OFFICE, HELPLINE);

    UnknownCalendarException e = catchThrowableOfType(UnknownCalendarException.class, () -> r.get("CG-DISTRICT"));

    assertThat(e).isInstanceOf(GrievanceException.class);
    assertThat(e.calendarId()).isEqualTo("CG-DISTRICT");
    assertThat(e.knownIds()).containsExactly("CG-OFFICE", "HELPLINE-181");
    assertThat(e).hasMessage("unknown calendar 'CG-DISTRICT'; known: CG-OFFICE, HELPLINE-181");
  }

  @Test
  void an_id_that_differs_only_in_case_is_pointed_out() {
    assertThatThrownBy(() -> CalendarRegistry.of(OFFICE, HELPLINE).get("cg-office"))
        .isInstanceOf(UnknownCalendarException.class)
        .hasMessage("unknown calendar 'cg-office'; ids are case-sensitive, did you mean 'CG-OFFICE'? "
            + "known: CG-OFFICE, HELPLINE-181");
  }

  @Test
  void a_long_list_of_known_ids_is_cut_in_the_message_but_kept_whole_in_the_exception() {
    List<BusinessCalendar> many = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      many.add(BusinessCalendar.twentyFourSeven(String.format("D-%02d", i), IST));
    }
    UnknownCalendarException e =
        catchThrowableOfType(UnknownCalendarException.class, () -> CalendarRegistry.of(many).get("X"));

    assertThat(e.knownIds()).hasSize(25);
    assertThat(e.getMessage()).endsWith("D-18, D-19 and 5 more").doesNotContain("D-20");
  }

  @Test
  void an_empty_registry_says_so() {
    assertThat(CalendarRegistry.empty().ids()).isEmpty();
    assertThat(CalendarRegistry.of(List.of()).size()).isZero();
    assertThatThrownBy(() -> CalendarRegistry.empty().get("CG-OFFICE"))
        .isInstanceOf(UnknownCalendarException.class)
        .hasMessage("unknown calendar 'CG-OFFICE'; no calendars are registered");
  }

  @Test
  void repeated_ids_and_nulls_are_refused() {
    BusinessCalendar other = BusinessCalendar.twentyFourSeven("CG-OFFICE", IST);
    assertThatThrownBy(() -> CalendarRegistry.of(OFFICE, HELPLINE, other))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("calendars has two calendars with id 'CG-OFFICE' (ids must be unique)");
    assertThatThrownBy(() -> CalendarRegistry.builder().add(OFFICE).add(OFFICE).build())
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> CalendarRegistry.builder().add(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("calendars must not be null");
    assertThatThrownBy(() -> CalendarRegistry.of(OFFICE).get(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("calendarId must not be null");
  }

  @Test
  void is_immutable_and_independent_of_its_builder() {
    CalendarRegistry.Builder b = CalendarRegistry.builder().add(OFFICE);
    CalendarRegistry first = b.build();
    b.add(HELPLINE);

    assertThat(first.ids()).containsExactly("CG-OFFICE");
    assertThat(b.build().ids()).containsExactly("CG-OFFICE", "HELPLINE-181");
    assertThatThrownBy(() -> first.ids().add("X")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> first.calendars().add(HELPLINE)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void may_be_shared_between_threads() throws Exception {
    CalendarRegistry r = CalendarRegistry.of(OFFICE, HELPLINE);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      IntStream.range(0, 200).forEach(i -> results.add(pool.submit(
          () -> r.get(i % 2 == 0 ? "CG-OFFICE" : "HELPLINE-181").id().equals(i % 2 == 0 ? "CG-OFFICE" : "HELPLINE-181"))));
      for (Future<Boolean> f : results) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }
}
