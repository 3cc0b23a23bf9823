package org.nivaran.grievance.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.notify.DeliveryChannel;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.QuietWindow;
import org.nivaran.grievance.notify.NotificationKind;
import org.nivaran.grievance.notify.Recipient;
import org.nivaran.grievance.notify.RecipientRole;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.tenant.TenantId;

/** Writes notifications to {@code nivaran_outbox} and reads them back; shared by the store and the relay. */
final class OutboxRows {
  private OutboxRows() {}

  static final String INSERT = "INSERT INTO nivaran_outbox (message_id, complaint_id, event_sequence, kind, "
      + "recipient_role, recipient_phone, recipient_post, recipient_name, channel, language, body, created_at, "
      + "quiet_from, quiet_until, quiet_zone, tenant_id, state, attempts, next_attempt_at) "
      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, CURRENT_TIMESTAMP)";

  /** The columns {@link #read} needs, for a SELECT list. */
  static final String COLUMNS = "seq, message_id, complaint_id, event_sequence, kind, recipient_role, recipient_phone, "
      + "recipient_post, recipient_name, channel, language, body, created_at, quiet_from, quiet_until, quiet_zone, tenant_id";

  /**
   * Inserts the notifications as pending on the caller's transaction, due at once on the
   * database's clock ({@code CURRENT_TIMESTAMP}): not at their {@code createdAt}, which is the
   * enqueuing node's clock and would keep a message from a node whose clock runs ahead waiting
   * for every relay (see {@link OutboxRelay}, "Clocks"). {@code created_at} keeps the
   * notification's own instant. A message with {@linkplain Notification#quietHours() quiet hours}
   * keeps them in three columns; the relay holds it while they last (see {@link OutboxClaimer}).
   * Each row is of the tenant given (the tenant of the complaint whose change causes them), and
   * only that tenant's relay delivers it.
   *
   * @throws IllegalArgumentException if a notification names another tenant
   */
  static void insert(Connection c, TenantId tenant, List<Notification> notifications) throws SQLException {
    if (notifications.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (Notification n : notifications) {
        if (!n.tenant().equals(tenant)) {
          throw new IllegalArgumentException("notification " + n.id() + " is of tenant " + n.tenant()
              + ", not of " + tenant + " whose outbox is being written");
        }
        bind(ps, n);
        ps.setString(16, tenant.value());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Binds a notification's columns, parameters 1 to 15 of {@link #INSERT}. */
  static void bind(PreparedStatement ps, Notification n) throws SQLException {
    ps.setString(1, n.id());
    ps.setString(2, n.complaintId().value());
    ps.setLong(3, n.eventSequence());
    ps.setString(4, n.kind().name());
    ps.setString(5, n.recipient().role().name());
    ps.setString(6, n.recipient().phone().e164());
    ps.setString(7, n.recipient().post().map(PostId::code).orElse(null));
    ps.setString(8, n.recipient().name());
    ps.setString(9, n.channel().name());
    ps.setString(10, n.language().tag());
    ps.setString(11, n.body());
    Jdbc.setInstant(ps, 12, n.createdAt());
    Optional<QuietWindow> quiet = n.quietHours();
    if (quiet.isPresent()) {
      ps.setInt(13, quiet.get().from().toSecondOfDay());
      ps.setInt(14, quiet.get().until().toSecondOfDay());
      ps.setString(15, quiet.get().zone().getId());
    } else {
      ps.setNull(13, Types.INTEGER);
      ps.setNull(14, Types.INTEGER);
      ps.setNull(15, Types.VARCHAR);
    }
  }

  /** The notification of the current row of a result set selected with {@link #COLUMNS}. */
  static Notification read(ResultSet rs) throws SQLException {
    Optional<PostId> post = Optional.ofNullable(rs.getString("recipient_post")).map(PostId::new);
    Recipient recipient = new Recipient(RecipientRole.valueOf(rs.getString("recipient_role")),
        new PhoneNumber(rs.getString("recipient_phone")), post, rs.getString("recipient_name"));
    Instant created = Jdbc.getInstant(rs, "created_at");
    Optional<QuietWindow> quiet = Optional.empty();
    String zone = rs.getString("quiet_zone");
    if (zone != null) {
      quiet = Optional.of(new QuietWindow(LocalTime.ofSecondOfDay(rs.getInt("quiet_from")),
          LocalTime.ofSecondOfDay(rs.getInt("quiet_until")), ZoneId.of(zone)));
    }
    return new Notification(rs.getString("message_id"), ComplaintId.of(rs.getString("complaint_id")),
        rs.getLong("event_sequence"), NotificationKind.valueOf(rs.getString("kind")), recipient,
        DeliveryChannel.valueOf(rs.getString("channel")), Language.of(rs.getString("language")),
        rs.getString("body"), created, quiet, new TenantId(rs.getString("tenant_id")));
  }
}
