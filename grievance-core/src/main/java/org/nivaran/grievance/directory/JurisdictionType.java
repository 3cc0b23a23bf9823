package org.nivaran.grievance.directory;

/**
 * The rung of a jurisdiction in the administrative tree: state › district › block or tehsil ›
 * village panchayat or urban ward.
 *
 * <p>Immutable and thread-safe.
 */
public enum JurisdictionType {
  /** A state, the root: depth 0. */
  STATE(0),
  /** A district: depth 1. */
  DISTRICT(1),
  /** A development block: depth 2. */
  BLOCK(2),
  /** A tehsil (revenue sub-division): depth 2. */
  TEHSIL(2),
  /** A village panchayat: depth 3. */
  PANCHAYAT(3),
  /** An urban ward: depth 3. */
  WARD(3);

  private final int depth;

  JurisdictionType(int depth) {
    this.depth = depth;
  }

  /**
   * How far below the state this type stands; a child is always deeper than its parent.
   *
   * @return 0 for a state, 1 for a district, 2 for a block or tehsil, 3 for a panchayat or ward
   */
  public int depth() {
    return depth;
  }
}
