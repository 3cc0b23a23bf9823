package org.nivaran.grievance.jdbc;

import java.sql.SQLException;
import java.util.Objects;
import org.nivaran.grievance.GrievanceException;

/**
 * A database call of the JDBC store failed (connection lost, statement refused, timeout). The
 * transaction it was part of was rolled back, so nothing of it was stored. The cause is the
 * driver's {@link SQLException}, with its SQL state.
 *
 * <p>Instances are immutable once thrown and may be shared between threads.
 */
public final class JdbcStoreException extends GrievanceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param operation what the store was doing, e.g. {@code "append to RPR-2024-000001"}
   * @param cause the driver's exception
   */
  public JdbcStoreException(String operation, SQLException cause) {
    super(operation + " failed: " + Objects.requireNonNull(cause, "cause").getMessage() + " (SQL state "
        + cause.getSQLState() + ")", cause);
  }

  /**
   * The SQL state of the driver's exception, e.g. {@code 08006} for a lost connection.
   *
   * @return the state, or null if the driver gave none
   */
  public String sqlState() {
    return ((SQLException) getCause()).getSQLState();
  }
}
