package org.nivaran.grievance.tck.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.DeadlineRounding;

/** The example of grievance-tck/README.md, compiled and run: keep the two in step. */
class ReadmeExampleTest {

  /** Your SLA rule: a reply is due after 24 office hours, at an instant the office is open. */
  static Instant replyDue(BusinessCalendar office, Instant registered) {
    return office.plus(registered, Duration.ofHours(24), DeadlineRounding.NEXT_OPENING);
  }

  @Property(tries = 300)
  void a_reply_is_due_after_24_office_hours_while_the_office_is_open(
      @ForAll("calendars") BusinessCalendar office, @ForAll("instants") Instant registered) {
    Instant due = replyDue(office, registered);

    assertThat(office.isOpen(due)).isTrue();
    assertThat(office.between(registered, due)).isEqualTo(Duration.ofHours(24));
  }

  @Property(tries = 100)
  void the_rule_agrees_with_the_slow_reference(
      @ForAll("calendars") BusinessCalendar office, @ForAll("instants") Instant registered) {
    ReferenceCalendar reference = ReferenceCalendar.of(office, Duration.ofDays(120));

    assertThat(replyDue(office, registered))
        .isEqualTo(reference.nextOpen(reference.plus(registered, Duration.ofHours(24))));
  }

  @Provide
  Arbitrary<BusinessCalendar> calendars() {
    return CalendarArbitraries.calendars(); // DST zones, lunch breaks, 24:00 ends, holidays
  }

  @Provide
  Arbitrary<Instant> instants() {
    return CalendarArbitraries.minuteInstants(); // whole minutes, as the reference takes them
  }
}
