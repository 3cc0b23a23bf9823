package org.nivaran.grievance.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nivaran.grievance.jdbc.OutboxFixtures.citizenMessage;
import static org.nivaran.grievance.jdbc.OutboxFixtures.databaseNow;
import static org.nivaran.grievance.jdbc.OutboxFixtures.insert;
import static org.nivaran.grievance.jdbc.OutboxFixtures.officerMessage;
import static org.nivaran.grievance.jdbc.OutboxFixtures.rows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.jdbc.OutboxFixtures.Row;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationPolicy;
import org.nivaran.grievance.notify.QuietHours;
import org.nivaran.grievance.notify.QuietWindow;
import org.nivaran.grievance.notify.RecipientRole;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.SampleDistrict;

/**
 * Quiet hours in the outbox: a message due in its quiet hours on the database's clock is held,
 * not claimed, until they end, its attempts not counted, whether it is a first attempt or a retry;
 * a message outside them, or with none, goes at once; the window survives the row.
 */
class OutboxQuietHoursTest {
  /** A window on UTC's wall clock that holds {@code now}: from an hour before until two after. */
  private static QuietWindow around(Instant now) {
    LocalTime t = now.atZone(ZoneOffset.UTC).toLocalTime().truncatedTo(ChronoUnit.SECONDS);
    return new QuietWindow(t.minusHours(1), t.plusHours(2), ZoneId.of("UTC"));
  }

  private static Notification withWindow(Notification n, QuietWindow w) {
    return new Notification(n.id(), n.complaintId(), n.eventSequence(), n.kind(), n.recipient(), n.channel(),
        n.language(), n.body(), n.createdAt(), Optional.of(w));
  }

  private static OutboxRelay relay(DataSource ds, List<Notification> sent) {
    return OutboxRelay.builder().dataSource(ds).notifier(sent::add).build();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_message_due_in_its_quiet_hours_waits_until_they_end_without_an_attempt(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      QuietWindow night = around(databaseNow(db.dataSource()));
      Notification toCitizen = withWindow(citizenMessage(1), night);
      Notification toOfficer = officerMessage(2);
      insert(db.dataSource(), List.of(toCitizen, toOfficer));
      List<Notification> sent = new CopyOnWriteArrayList<>();

      RelayReport report = relay(db.dataSource(), sent).relayOnce();

      assertThat(report.held()).isEqualTo(1);
      assertThat(report.claimed()).isEqualTo(1);
      assertThat(report.sent()).isEqualTo(1);
      assertThat(sent).extracting(Notification::id).containsExactly(toOfficer.id());
      Row held = rows(db.dataSource()).get(toCitizen.id());
      assertThat(held.state()).isEqualTo("PENDING");
      assertThat(held.attempts()).isZero();
      assertThat(held.leaseToken()).isNull();
      Instant end = night.nextAllowed(databaseNow(db.dataSource()));
      assertThat(held.nextAttemptAt()).isBetween(end.minusSeconds(30), end.plusSeconds(30));
      assertThat(relay(db.dataSource(), sent).drain()).as("nothing more is due before morning").isZero();
      assertThat(sent).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_retry_that_falls_in_the_night_waits_too_and_keeps_its_attempt_count(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Notification retry = withWindow(citizenMessage(1), around(databaseNow(db.dataSource())));
      insert(db.dataSource(), List.of(retry));
      new Jdbc(db.dataSource()).inTransaction("making the row a retry", c -> {
        try (var ps = c.prepareStatement("UPDATE nivaran_outbox SET attempts = 3, last_error = 'gateway busy'")) {
          return ps.executeUpdate();
        }
      });
      List<Notification> sent = new CopyOnWriteArrayList<>();

      RelayReport report = relay(db.dataSource(), sent).relayOnce();

      assertThat(report.held()).isEqualTo(1);
      assertThat(sent).isEmpty();
      Row row = rows(db.dataSource()).get(retry.id());
      assertThat(row.attempts()).isEqualTo(3);
      assertThat(row.lastError()).isEqualTo("gateway busy");
      assertThat(row.nextAttemptAt()).isAfter(databaseNow(db.dataSource()).plus(Duration.ofMinutes(100)));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_message_outside_its_quiet_hours_goes_at_once_with_its_window_read_back_exactly(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      // a window in a zone with daylight saving, to the second, two hours after now on its wall clock
      ZoneId newYork = ZoneId.of("America/New_York");
      LocalTime t = databaseNow(db.dataSource()).atZone(newYork).toLocalTime().withNano(0);
      QuietWindow window = new QuietWindow(t.plusHours(2).withSecond(15), t.plusHours(3).withSecond(59), newYork);
      Notification message = withWindow(citizenMessage(1), window);
      insert(db.dataSource(), List.of(message));
      List<Notification> sent = new CopyOnWriteArrayList<>();

      RelayReport report = relay(db.dataSource(), sent).relayOnce();

      assertThat(report.held()).isZero();
      assertThat(report.sent()).isEqualTo(1);
      assertThat(sent).containsExactly(message);
      assertThat(sent.get(0).quietHours()).contains(window);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void grievances_with_quiet_hours_stores_the_citizens_window_and_none_for_officers(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      QuietHours night = QuietHours.between(LocalTime.of(21, 0), LocalTime.of(8, 0)).build();
      Grievances grievances = SampleDistrict.grievances(db.store(), new MutableClock(Instant.parse("2024-03-12T05:00:00Z")))
          .notificationPolicy(NotificationPolicy.builder().quietHours(night).build())
          .build();

      grievances.register(SampleDistrict.request(0), SampleDistrict.AGENT);

      List<Notification> sent = new CopyOnWriteArrayList<>();
      // the night, shortened to the second half a day away, so that the messages are due now
      int second = (databaseNow(db.dataSource()).atZone(NotificationPolicy.DEFAULT_ZONE).toLocalTime().toSecondOfDay()
          + 43_200) % 86_399;
      new Jdbc(db.dataSource()).inTransaction("making every message due in daytime", c -> {
        try (var ps = c.prepareStatement("UPDATE nivaran_outbox SET quiet_from = ?, quiet_until = ? "
            + "WHERE quiet_zone IS NOT NULL")) {
          ps.setInt(1, second);
          ps.setInt(2, second + 1);
          return ps.executeUpdate();
        }
      });
      relay(db.dataSource(), sent).drain();
      assertThat(sent).isNotEmpty();
      assertThat(sent).allSatisfy(n -> {
        if (n.recipient().role() == RecipientRole.CITIZEN) {
          assertThat(n.quietHours()).contains(new QuietWindow(LocalTime.ofSecondOfDay(second),
              LocalTime.ofSecondOfDay(second + 1), NotificationPolicy.DEFAULT_ZONE));
        } else {
          assertThat(n.quietHours()).isEmpty();
        }
      });
      assertThat(sent).anySatisfy(n -> assertThat(n.recipient().role()).isEqualTo(RecipientRole.CITIZEN));
    }
  }
}
