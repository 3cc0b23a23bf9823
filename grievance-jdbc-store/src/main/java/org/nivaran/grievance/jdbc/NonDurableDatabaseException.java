package org.nivaran.grievance.jdbc;

import java.util.Objects;
import org.nivaran.grievance.GrievanceException;

/**
 * The database behind a {@link JdbcComplaintStore} can lose writes the store has already
 * acknowledged, so the store refuses it when it is built: H2 (in memory, or on files, which a
 * killed process can leave unreadable), PostgreSQL with {@code fsync} or {@code synchronous_commit}
 * off.
 * The message names the setting, its value, and how to fix it; {@link #setting()} and
 * {@link #value()} hold the first of them.
 *
 * <p>Where losing acknowledged writes is acceptable (tests, demos on a throw-away database), build
 * the store with {@link JdbcComplaintStore.Builder#allowNonDurable(String)}.
 *
 * <p>Instances are immutable once thrown and may be shared between threads.
 */
public final class NonDurableDatabaseException extends GrievanceException {
  private static final long serialVersionUID = 1L;

  /** The setting, as the database names it. */
  private final String setting;
  /** Its value, as the database reported it. */
  private final String value;

  /**
   * Creates the exception.
   *
   * @param setting the setting that makes the database lose writes, as the database names it:
   *     {@code WRITE_DELAY}, {@code DATABASE_PATH()} (H2 in memory), {@code fsync},
   *     {@code synchronous_commit}
   * @param value its value
   * @param message what was found and how to fix it, naming the setting
   */
  public NonDurableDatabaseException(String setting, String value, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.setting = Objects.requireNonNull(setting, "setting");
    this.value = Objects.requireNonNull(value, "value");
  }

  /**
   * The setting that makes the database lose acknowledged writes (the first, if there are more).
   *
   * @return e.g. {@code WRITE_DELAY}
   */
  public String setting() {
    return setting;
  }

  /**
   * The setting's value, as the database reported it.
   *
   * @return e.g. {@code 500}
   */
  public String value() {
    return value;
  }
}
