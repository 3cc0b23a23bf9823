package org.nivaran.grievance.store;

import org.nivaran.grievance.complaint.Distance;

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

  /** The angular slack added to a circle's box, in radians (about 6 micrometres on the ground). */
  private static final double SLACK_RADIANS = 1e-12;
  /** The relative slack added to a circle's angular radius and to its longitude half-width's sine. */
  private static final double SLACK_RELATIVE = 1e-9;

  /**
   * The smallest box (up to a slack of micrometres, against rounding) that holds every point whose
   * great-circle distance ({@link Distance#metres(double, double, double, double)}, on the mean
   * Earth radius) from a centre is at most a radius.
   *
   * <p>The latitudes reach {@code radius / R} radians either side of the centre, cut at the poles.
   * A circle that reaches or crosses a pole spans every longitude ({@code west = -180},
   * {@code east = 180}). Otherwise the longitudes reach {@code asin(sin(radius / R) / cos(latitude))}
   * either side, the meridians the circle touches; an edge past 180 or -180 wraps round, and the box
   * then crosses the antimeridian ({@code west > east}). A circle whose edge touches the
   * antimeridian wraps too, so that longitude 180 and -180, the same meridian, are both inside.
   *
   * @param latitude the centre's latitude, -90 to 90
   * @param longitude the centre's longitude, -180 to 180
   * @param radiusMetres the radius, positive and finite
   * @return the box
   * @throws IllegalArgumentException naming the argument that is not finite or out of range
   */
  public static GeoBox around(double latitude, double longitude, double radiusMetres) {
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException("latitude must lie in -90 to 90 (was " + latitude + ")");
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("longitude must lie in -180 to 180 (was " + longitude + ")");
    }
    if (!(radiusMetres > 0 && radiusMetres < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("radiusMetres must be positive and finite (was " + radiusMetres + ")");
    }
    double delta = radiusMetres / Distance.EARTH_RADIUS_METRES * (1 + SLACK_RELATIVE) + SLACK_RADIANS;
    double phi = Math.toRadians(latitude);
    double southRadians = phi - delta;
    double northRadians = phi + delta;
    double south = Math.max(-90, Math.toDegrees(southRadians));
    double north = Math.min(90, Math.toDegrees(northRadians));
    if (delta >= Math.PI / 2 || northRadians >= Math.PI / 2 || southRadians <= -Math.PI / 2) {
      return new GeoBox(south, north, -180, 180);
    }
    double ratio = Math.sin(delta) / Math.cos(phi) * (1 + SLACK_RELATIVE);
    if (ratio >= 1) {
      return new GeoBox(south, north, -180, 180);
    }
    double halfWidth = Math.toDegrees(Math.asin(ratio) + SLACK_RADIANS);
    double west = longitude - halfWidth;
    double east = longitude + halfWidth;
    if (west <= -180) {
      west += 360;
    }
    if (east >= 180) {
      east -= 360;
    }
    return new GeoBox(south, north, Math.min(180, Math.max(-180, west)), Math.min(180, Math.max(-180, east)));
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
