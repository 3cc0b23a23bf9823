package org.nivaran.grievance.jdbc;

import org.nivaran.grievance.tenant.TenantId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.notify.DeliveryChannel;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationKind;
import org.nivaran.grievance.notify.Notifier;
import org.nivaran.grievance.notify.Recipient;
import org.nivaran.grievance.notify.RecipientRole;
import org.nivaran.grievance.tck.MutableClock;

/** Outbox messages, rows and relays for the tests of {@link OutboxRelay} and {@link OutboxAdministration}. */
final class OutboxFixtures {
  static final Instant T0 = Instant.parse("2024-06-01T04:30:00Z");

  private OutboxFixtures() {}

  static OutboxRelay.Builder relay(DataSource ds, Notifier notifier, MutableClock clock) {
    return OutboxRelay.builder().dataSource(ds).notifier(notifier).clock(clock);
  }

  private static String complaint(int i) {
    return String.format("RPR-2024-%06d", i);
  }

  static Notification citizenMessage(int i) {
    Recipient citizen = new Recipient(RecipientRole.CITIZEN, new PhoneNumber("+919876543210"), Optional.empty(),
        "सुनीता देवी");
    return new Notification(complaint(i) + "#1:" + citizen.key(), ComplaintId.of(complaint(i)), 1,
        NotificationKind.REGISTERED, citizen, DeliveryChannel.SMS, Language.HINDI,
        "नमस्ते सुनीता जी, आपकी शिकायत " + complaint(i) + " दर्ज कर ली गई है।", T0);
  }

  /** A message in Tamil (tag {@code ta-IN}), so the outbox round-trips a language beyond the shipped two. */
  static Notification officerMessage(int i) {
    Recipient officer = new Recipient(RecipientRole.POST_HOLDER, new PhoneNumber("+919812345678"),
        Optional.of(PostId.of("EE-RAIPUR")), "कार्यपालन अभियंता रायपुर");
    return new Notification(complaint(i) + "#1:" + officer.key(), ComplaintId.of(complaint(i)), 1,
        NotificationKind.ASSIGNED, officer, DeliveryChannel.WHATSAPP, Language.of("ta-IN"),
        "புகார் " + complaint(i) + " உங்களுக்கு ஒதுக்கப்பட்டது. உரிய நேரத்தில் தீர்க்கவும்.", T0);
  }

  /** The same message about a complaint of another tenant (its id with the tenant in front). */
  static Notification inTenant(TenantId tenant, Notification n) {
    return new Notification(Notification.idIn(tenant, n.id()), n.complaintId(), n.eventSequence(), n.kind(),
        n.recipient(), n.channel(), n.language(), n.body(), n.createdAt(), n.quietHours(), tenant);
  }

  static void insert(DataSource ds, List<Notification> notifications) {
    insert(ds, TenantId.DEFAULT, notifications);
  }

  static void insert(DataSource ds, TenantId tenant, List<Notification> notifications) {
    new Jdbc(ds).inTransaction("inserting test outbox rows", c -> {
      OutboxRows.insert(c, tenant, notifications.stream().map(n -> n.tenant().equals(tenant) ? n : inTenant(tenant, n)).toList());
      return null;
    });
  }

  /** The database's clock: what {@code CURRENT_TIMESTAMP} says in a transaction of its own. */
  static Instant databaseNow(DataSource ds) {
    return new Jdbc(ds).read("reading the database's clock", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT CURRENT_TIMESTAMP"); ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getObject(1, OffsetDateTime.class).toInstant();
      }
    });
  }

  /**
   * Lets time pass on the database's clock, as far as the outbox can tell: moves the due time of
   * every pending row (leased or waiting for a retry) back by {@code d}. The relays decide what is
   * due on the database's clock, so a test cannot move a clock of theirs instead.
   */
  static void elapse(DataSource ds, Duration d) {
    new Jdbc(ds).inTransaction("letting time pass for the outbox", c -> {
      String earlier = Dialect.of(c) == Dialect.H2
          ? "DATEADD(MICROSECOND, ?, next_attempt_at)" : "next_attempt_at + ? * INTERVAL '1 microsecond'";
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE nivaran_outbox SET next_attempt_at = " + earlier + " WHERE state = 'PENDING'")) {
        ps.setLong(1, -TimeUnit.MICROSECONDS.convert(d));
        return ps.executeUpdate();
      }
    });
  }

  /** One outbox row's delivery columns. */
  record Row(long seq, String state, int attempts, Instant nextAttemptAt, String leaseToken, String lastError,
      Instant sentAt, Instant deadAt) {}

  /** Every outbox row, by message id. */
  static Map<String, Row> rows(DataSource ds) {
    return new Jdbc(ds).read("reading test outbox rows", c -> {
      Map<String, Row> out = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT seq, message_id, state, attempts, next_attempt_at, "
          + "lease_token, last_error, sent_at, dead_at FROM nivaran_outbox ORDER BY seq");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString("message_id"), new Row(rs.getLong("seq"), rs.getString("state"), rs.getInt("attempts"),
              Jdbc.getInstant(rs, "next_attempt_at"), rs.getString("lease_token"), rs.getString("last_error"),
              Jdbc.getInstant(rs, "sent_at"), Jdbc.getInstant(rs, "dead_at")));
        }
      }
      return out;
    });
  }
}
