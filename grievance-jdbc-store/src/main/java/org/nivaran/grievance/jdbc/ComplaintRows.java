package org.nivaran.grievance.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import org.nivaran.grievance.complaint.Assignment;
import org.nivaran.grievance.complaint.Closure;
import org.nivaran.grievance.complaint.ClosureKind;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.Location;
import org.nivaran.grievance.json.NivaranJacksonModule;

/**
 * How a complaint maps to a row of {@code nivaran_complaint}: its JSON document, as
 * {@link NivaranJacksonModule} writes it, and the indexed columns the work lists, the escalator,
 * the caller's history, the nearby complaints and the reports filter on, read off the complaint.
 * The tenant and the id are the row's key, bound by the statements that write it.
 *
 * <p>Thread-safe (Jackson's mapper is, once configured).
 */
final class ComplaintRows {
  /** The indexed columns, in the order {@link #bindColumns} binds them. */
  static final String COLUMNS = "status, is_open, category_code, jurisdiction_code, citizen_phone, post_code, "
      + "department_code, level, due_at, registered_at, updated_at, flag_unrouted, flag_escalation_blocked, "
      + "flag_overdue_at_top, flag_transfer_limit, flag_first_response, flag_special_closure, fake_closed_at, "
      + "flag_possible_repeat, latitude, longitude";
  static final int COLUMN_COUNT = 21;

  private final ObjectMapper json = new ObjectMapper().registerModule(new NivaranJacksonModule());

  /**
   * Binds the indexed columns from parameter 1.
   *
   * @return the next parameter's index
   */
  static int bindColumns(PreparedStatement ps, Complaint s) throws SQLException {
    Optional<Assignment> a = s.assignment();
    int i = 1;
    ps.setString(i++, s.status().name());
    ps.setBoolean(i++, s.status().isOpen());
    ps.setString(i++, s.categoryCode());
    ps.setString(i++, s.jurisdictionCode());
    ps.setString(i++, s.citizen().phone().e164());
    ps.setString(i++, a.map(x -> x.post().code()).orElse(null));
    ps.setString(i++, a.map(Assignment::department).orElse(null));
    if (a.isPresent()) {
      ps.setInt(i++, a.get().level().rung());
    } else {
      ps.setNull(i++, Types.SMALLINT);
    }
    Jdbc.setInstant(ps, i++, s.dueAt().orElse(null));
    Jdbc.setInstant(ps, i++, s.registeredAt());
    Jdbc.setInstant(ps, i++, s.updatedAt());
    ps.setBoolean(i++, s.flags().contains(ComplaintFlag.UNROUTED));
    ps.setBoolean(i++, s.flags().contains(ComplaintFlag.ESCALATION_BLOCKED));
    ps.setBoolean(i++, s.flags().contains(ComplaintFlag.OVERDUE_AT_TOP));
    ps.setBoolean(i++, s.flags().contains(ComplaintFlag.TRANSFER_LIMIT_REACHED));
    ps.setBoolean(i++, s.flags().contains(ComplaintFlag.FIRST_RESPONSE_MISSED));
    ps.setBoolean(i++, s.flags().contains(ComplaintFlag.SPECIAL_CLOSURE_OVERDUE));
    Jdbc.setInstant(ps, i++, s.closure().filter(c -> c.kind() == ClosureKind.FAKE).map(Closure::at).orElse(null));
    ps.setBoolean(i++, s.flags().contains(ComplaintFlag.POSSIBLE_REPEAT));
    Optional<Location> place = s.location();
    if (place.isPresent()) { // the nearest doubles, as NearbyComplaints compares them; the digits stay in the state
      ps.setDouble(i++, place.get().latitude().doubleValue());
      ps.setDouble(i++, place.get().longitude().doubleValue());
    } else {
      ps.setNull(i++, Types.DOUBLE);
      ps.setNull(i++, Types.DOUBLE);
    }
    return i;
  }

  /** The boolean column that holds a flag; each has a partial index of the open complaints. */
  static String flagColumn(ComplaintFlag flag) {
    return switch (flag) {
      case UNROUTED -> "flag_unrouted";
      case ESCALATION_BLOCKED -> "flag_escalation_blocked";
      case OVERDUE_AT_TOP -> "flag_overdue_at_top";
      case TRANSFER_LIMIT_REACHED -> "flag_transfer_limit";
      case FIRST_RESPONSE_MISSED -> "flag_first_response";
      case SPECIAL_CLOSURE_OVERDUE -> "flag_special_closure";
      case POSSIBLE_REPEAT -> "flag_possible_repeat";
    };
  }

  /** A complaint or an event as its JSON text. */
  String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /** The complaint a {@code state} column holds. */
  Complaint complaint(String text) {
    return read(text, Complaint.class);
  }

  /** A stored JSON document as the type it was written from. */
  <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored " + type.getSimpleName() + " could not be read: " + e.getMessage(), e);
    }
  }
}
