package org.nivaran.grievance.store;

/**
 * A latitude/longitude box for {@link NearbyComplaints}: every point with a latitude from
 * {@code south} to {@code north} and a longitude from {@code west} eastwards to {@code east}, both
 * ends included. When {@code west > east} the box crosses the antimeridian (longitude 180), and
 * holds the longitudes from {@code west} to 180 and from -180 to {@code east}. A box that reaches
 * a pole spans every longitude ({@code west = -180}, {@code east = 180}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param south the least latitude, -90 to 90
 * @param north the greatest latitude, {@code south} to 90
 * @param west the western edge's longitude, -180 to 180
 * @param east the eastern edge's longitude, -180 to 180
 */
public record GeoBox(double south, double north, double west, double east) {
  /**
   * Checks the edges.
   *
   * @param south the least latitude
   * @param north the greatest latitude
   * @param west the western edge
   * @param east the eastern edge
   * @throws IllegalArgumentException if an edge is out of range or {@code south > north}
   */
  public GeoBox {
    if (!(south >= -90 && north <= 90 && south <= north)) {
      throw new IllegalArgumentException("latitudes must satisfy -90 <= south <= north <= 90 (was " + south + ", " + north + ")");
    }
    if (!(west >= -180 && west <= 180 && east >= -180 && east <= 180)) {
      throw new IllegalArgumentException("longitudes must lie in -180 to 180 (was " + west + ", " + east + ")");
    }
  }

  /**
   * Whether the box crosses the antimeridian.
   *
   * @return {@code west > east}
   */
  public boolean crossesAntimeridian() {
    return west > east;
  }

  /**
   * Whether a point lies in the box.
   *
   * @param latitude the point's latitude
   * @param longitude the point's longitude
   * @return whether it lies within, edges included
   */
  public boolean contains(double latitude, double longitude) {
    if (latitude < south || latitude > north) {
      return false;
    }
    return crossesAntimeridian() ? longitude >= west || longitude <= east : longitude >= west && longitude <= east;
  }
}
