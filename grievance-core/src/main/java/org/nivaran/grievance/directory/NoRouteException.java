package org.nivaran.grievance.directory;

import java.util.List;
import java.util.Objects;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.actor.Level;

/**
 * No post can take a complaint: the category's department has no post at the entry level in the
 * jurisdiction or any jurisdiction above it. The message names the category, the department, the
 * jurisdiction, the level and the jurisdictions tried, e.g. {@code no post of department 'energy'
 * at L1 for category 'energy.supply' in jurisdiction 'RAIPUR-W12' or above it (tried RAIPUR-W12,
 * RAIPUR-TEHSIL, RAIPUR, CG)}. Nothing was assigned; add the post, or route at another level.
 *
 * <p>Immutable and thread-safe.
 */
public final class NoRouteException extends GrievanceException {
  private static final long serialVersionUID = 1L;

  /** @serial the category code. */
  private final String categoryCode;
  /** @serial the department code. */
  private final String department;
  /** @serial the jurisdiction code asked for. */
  private final String jurisdictionCode;
  /** @serial the level's rung. */
  private final int rung;
  /** @serial the jurisdiction codes tried, in order. */
  private final String[] tried;

  /**
   * Creates the exception.
   *
   * @param categoryCode the category's code
   * @param department the code of the category's department
   * @param jurisdictionCode the jurisdiction asked for
   * @param level the entry level
   * @param tried the jurisdiction codes tried, the one asked for first
   */
  public NoRouteException(String categoryCode, String department, String jurisdictionCode, Level level, List<String> tried) {
    super("no post of department '" + department + "' at " + Objects.requireNonNull(level, "level") + " for category '"
        + categoryCode + "' in jurisdiction '" + jurisdictionCode + "' or above it (tried "
        + String.join(", ", Objects.requireNonNull(tried, "tried")) + ")");
    this.categoryCode = categoryCode;
    this.department = department;
    this.jurisdictionCode = jurisdictionCode;
    this.rung = level.rung();
    this.tried = tried.toArray(String[]::new);
  }

  /**
   * The category asked for.
   *
   * @return its code
   */
  public String categoryCode() {
    return categoryCode;
  }

  /**
   * The category's department, whose posts were looked for.
   *
   * @return its code
   */
  public String department() {
    return department;
  }

  /**
   * The jurisdiction asked for.
   *
   * @return its code
   */
  public String jurisdictionCode() {
    return jurisdictionCode;
  }

  /**
   * The entry level asked for.
   *
   * @return the level
   */
  public Level level() {
    return Level.of(rung);
  }

  /**
   * The jurisdictions tried, the one asked for first, its root last.
   *
   * @return an unmodifiable list of codes
   */
  public List<String> tried() {
    return List.of(tried);
  }
}
