package org.nivaran.grievance.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nivaran.grievance.jdbc.OutboxFixtures.T0;
import static org.nivaran.grievance.jdbc.OutboxFixtures.citizenMessage;
import static org.nivaran.grievance.jdbc.OutboxFixtures.databaseNow;
import static org.nivaran.grievance.jdbc.OutboxFixtures.insert;
import static org.nivaran.grievance.jdbc.OutboxFixtures.officerMessage;
import static org.nivaran.grievance.jdbc.OutboxFixtures.relay;
import static org.nivaran.grievance.jdbc.OutboxFixtures.rows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.jdbc.OutboxFixtures.Row;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationFailedException;
import org.nivaran.grievance.notify.Notifier;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.RecordingNotifier;

class OutboxAdministrationTest {
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void deadLettersAreListedIntactAndCanBeRedriven(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind, 4)) {
      MutableClock clock = new MutableClock(T0);
      Notification first = officerMessage(1);
      Notification fine = citizenMessage(2);
      Notification second = citizenMessage(3);
      insert(db.dataSource(), List.of(first, fine, second));
      Set<String> rejected = ConcurrentHashMap.newKeySet();
      rejected.addAll(Set.of(first.id(), second.id()));
      RecordingNotifier delivered = new RecordingNotifier();
      Notifier notifier = n -> {
        if (rejected.contains(n.id())) {
          throw new NotificationFailedException(n.id(), true, "DLT template not approved");
        }
        delivered.send(n);
      };
      OutboxRelay relay = relay(db.dataSource(), notifier, clock).batchSize(1).build();
      OutboxAdministration outbox = OutboxAdministration.create(db.dataSource());

      assertThat(relay.relayOnce()).isEqualTo(new RelayReport(1, 0, 0, 1, 0));
      clock.advance(Duration.ofMinutes(1));
      assertThat(relay.relayOnce()).isEqualTo(new RelayReport(1, 1, 0, 0, 0));
      clock.advance(Duration.ofMinutes(1));
      assertThat(relay.relayOnce()).isEqualTo(new RelayReport(1, 0, 0, 1, 0));
      assertThat(outbox.counts()).isEqualTo(new OutboxCounts(0, 1, 2));

      List<DeadLetter> dead = outbox.dead(10);
      assertThat(dead).extracting(DeadLetter::notification).containsExactly(first, second);
      assertThat(dead.get(0).notification().body()).isEqualTo(first.body());
      assertThat(dead.get(0).notification().recipient().post()).contains(PostId.of("EE-RAIPUR"));
      assertThat(dead).extracting(DeadLetter::deadAt).containsExactly(T0, T0.plus(Duration.ofMinutes(2)));
      assertThat(dead).extracting(DeadLetter::attempts).containsExactly(1, 1);
      assertThat(dead).extracting(DeadLetter::lastError).containsExactly(
          "permanent failure sending notification RPR-2024-000001#1:holder:EE-RAIPUR: DLT template not approved",
          "permanent failure sending notification RPR-2024-000003#1:citizen: DLT template not approved");
      assertThat(outbox.dead(1)).extracting(DeadLetter::notification).containsExactly(first);
      Map<String, Row> rows = rows(db.dataSource());
      assertThat(dead).extracting(DeadLetter::seq)
          .containsExactly(rows.get(first.id()).seq(), rows.get(second.id()).seq());

      // redrive one: pending again with fresh attempts, sent on the next relay once fixed
      rejected.clear();
      long firstSeq = dead.get(0).seq();
      Instant beforeRedrive = databaseNow(db.dataSource());
      assertThat(outbox.redrive(firstSeq)).isTrue();
      Instant afterRedrive = databaseNow(db.dataSource());
      assertThat(outbox.redrive(firstSeq)).as("no longer dead").isFalse();
      assertThat(outbox.redrive(rows.get(fine.id()).seq())).as("sent, not dead").isFalse();
      assertThat(outbox.redrive(987_654_321L)).as("no such row").isFalse();
      Row redriven = rows(db.dataSource()).get(first.id());
      assertThat(redriven.state()).isEqualTo("PENDING");
      assertThat(redriven.attempts()).isZero();
      assertThat(redriven.deadAt()).isNull();
      // due now on the database's clock
      assertThat(redriven.nextAttemptAt()).isBetween(beforeRedrive, afterRedrive);
      assertThat(redriven.lastError()).contains("DLT template not approved");
      assertThat(outbox.counts()).isEqualTo(new OutboxCounts(1, 1, 1));
      assertThat(relay.relayOnce()).isEqualTo(new RelayReport(1, 1, 0, 0, 0));
      assertThat(rows(db.dataSource()).get(first.id()).attempts()).isEqualTo(1);

      // redrive all
      assertThat(outbox.redriveAll()).isEqualTo(1);
      assertThat(outbox.redriveAll()).isZero();
      assertThat(outbox.dead(10)).isEmpty();
      assertThat(relay.drain()).isEqualTo(1);
      assertThat(delivered.sent()).containsExactly(fine, first, second);
      assertThat(outbox.counts()).isEqualTo(new OutboxCounts(0, 3, 0));

      // purge: sent rows before the instant go, later ones stay
      assertThat(outbox.purgeSent(T0.minusSeconds(1))).isZero();
      assertThat(outbox.purgeSent(clock.instant().plusSeconds(1))).isEqualTo(3);
      assertThat(outbox.counts()).isEqualTo(new OutboxCounts(0, 0, 0));
    }
  }

  @Test
  void refusesALimitBelowOneAndMissingArguments() {
    DataSource ds = new JdbcDataSource();
    OutboxAdministration outbox = OutboxAdministration.create(ds);
    assertThatThrownBy(() -> outbox.dead(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> outbox.purgeSent(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("sentBefore");
    assertThatThrownBy(() -> OutboxAdministration.create(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("dataSource");
  }
}
