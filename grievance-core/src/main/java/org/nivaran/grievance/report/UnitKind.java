package org.nivaran.grievance.report;

/**
 * What a graded unit is: a department, or a district.
 *
 * <p>Immutable and thread-safe.
 */
public enum UnitKind {
  /** A department, by the department code of its complaints' posts. */
  DEPARTMENT,
  /** A district, by the code {@code districtOf} gives for its complaints' jurisdictions. */
  DISTRICT
}
