package org.nivaran.grievance.complaint;

/**
 * Great-circle distance on the Earth taken as a sphere of the mean radius
 * {@value #EARTH_RADIUS_METRES} m (the IUGG mean radius R1 of the WGS84 ellipsoid), by the haversine
 * formula. The sphere differs from the ellipsoid by at most about 0.5 % of a distance, a few metres
 * over a kilometre: ample for telling whether two complaints lie within a few hundred metres of
 * each other, and the same figure on every store, since nothing here needs a spatial extension.
 *
 * <p>The haversine form stays accurate for short distances (it does not subtract nearly equal
 * cosines) and for antipodal points it is clamped to half the circumference.
 *
 * <p>Stateless and thread-safe.
 */
public final class Distance {
  /** The mean Earth radius, in metres, that every distance here is measured on. */
  public static final double EARTH_RADIUS_METRES = 6_371_008.8;

  private Distance() {}

  /**
   * The great-circle distance between two points given in degrees.
   *
   * @param latitude1 the first point's latitude, -90 to 90
   * @param longitude1 the first point's longitude, -180 to 180
   * @param latitude2 the second point's latitude, -90 to 90
   * @param longitude2 the second point's longitude, -180 to 180
   * @return the distance in metres, from 0 to half the circumference
   * @throws IllegalArgumentException naming the coordinate that is not finite or out of range
   */
  public static double metres(double latitude1, double longitude1, double latitude2, double longitude2) {
    checkLatitude(latitude1, "latitude1");
    checkLongitude(longitude1, "longitude1");
    checkLatitude(latitude2, "latitude2");
    checkLongitude(longitude2, "longitude2");
    double phi1 = Math.toRadians(latitude1);
    double phi2 = Math.toRadians(latitude2);
    double sinHalfDeltaPhi = Math.sin((phi2 - phi1) / 2);
    double sinHalfDeltaLambda = Math.sin(Math.toRadians(longitude2 - longitude1) / 2);
    double h = sinHalfDeltaPhi * sinHalfDeltaPhi
        + Math.cos(phi1) * Math.cos(phi2) * sinHalfDeltaLambda * sinHalfDeltaLambda;
    h = Math.min(1, Math.max(0, h));
    return 2 * EARTH_RADIUS_METRES * Math.asin(Math.sqrt(h));
  }

  /**
   * The great-circle distance between two locations, their coordinates taken as {@code double}s.
   *
   * @param from one location
   * @param to the other
   * @return the distance in metres
   */
  public static double metres(Location from, Location to) {
    java.util.Objects.requireNonNull(from, "from");
    java.util.Objects.requireNonNull(to, "to");
    return metres(from.latitude().doubleValue(), from.longitude().doubleValue(),
        to.latitude().doubleValue(), to.longitude().doubleValue());
  }

  /**
   * Checks a latitude.
   *
   * @param latitude degrees
   * @param name the argument's name, for the message
   * @throws IllegalArgumentException naming it if it is not finite or outside -90 to 90
   */
  static void checkLatitude(double latitude, String name) {
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException(name + " must lie in -90 to 90 (was " + latitude + ")");
    }
  }

  /**
   * Checks a longitude.
   *
   * @param longitude degrees
   * @param name the argument's name, for the message
   * @throws IllegalArgumentException naming it if it is not finite or outside -180 to 180
   */
  static void checkLongitude(double longitude, String name) {
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException(name + " must lie in -180 to 180 (was " + longitude + ")");
    }
  }
}
