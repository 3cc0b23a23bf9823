package org.nivaran.grievance.complaint;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Masking;
import org.nivaran.grievance.internal.Texts;

/**
 * Where a complaint is: a WGS84 point, with an optional address line and landmark in any script.
 *
 * <p>The coordinates are kept as {@link BigDecimal}s, exactly as given: {@code 81.62960} stays
 * {@code 81.62960} (five decimal places, trailing zero included) through the JSON form and every
 * store, which a {@code double} would not promise. Two locations are equal only when their
 * coordinates have the same digits, so {@code 81.6296} and {@code 81.62960} differ; compare with
 * {@link BigDecimal#compareTo} for the same point. A latitude lies in -90 to 90 and a longitude in
 * -180 to 180, both ends included, with at most {@value #MAX_DECIMAL_PLACES} decimal places (far
 * below a millimetre); a negative scale such as {@code 1E+1} is kept as the plain {@code 10}.
 *
 * <p>An address is personal data: {@link #toString()} shows the coordinates to two decimal places
 * only (about a kilometre) and the address line and landmark by their length (see
 * {@link Masking#redact}), so a location may be logged without placing the citizen's door.
 *
 * <p>Immutable and thread-safe.
 *
 * @param latitude degrees north of the equator, -90 to 90
 * @param longitude degrees east of Greenwich, -180 to 180
 * @param addressLine the street address, one line of 1 to {@value #MAX_ADDRESS_LINE_LENGTH}
 *     characters, if known
 * @param landmark a landmark near it (e.g. "near the Hanuman temple"), one line of 1 to
 *     {@value #MAX_LANDMARK_LENGTH} characters, if known
 */
public record Location(
    BigDecimal latitude, BigDecimal longitude, Optional<String> addressLine, Optional<String> landmark) {
  /** The most code points in an address line. */
  public static final int MAX_ADDRESS_LINE_LENGTH = 300;
  /** The most code points in a landmark. */
  public static final int MAX_LANDMARK_LENGTH = 200;
  /** The most decimal places a coordinate may carry. */
  public static final int MAX_DECIMAL_PLACES = 15;

  private static final BigDecimal MAX_LATITUDE = BigDecimal.valueOf(90);
  private static final BigDecimal MAX_LONGITUDE = BigDecimal.valueOf(180);

  /**
   * Validates the coordinates and normalises the texts (stripped, NFC).
   *
   * @param latitude degrees north of the equator, -90 to 90
   * @param longitude degrees east of Greenwich, -180 to 180
   * @param addressLine the street address, if known
   * @param landmark a landmark near it, if known
   * @throws InvalidInputException naming {@code location.latitude}, {@code location.longitude},
   *     {@code location.addressLine} or {@code location.landmark}
   */
  public Location {
    latitude = coordinate(latitude, "location.latitude", MAX_LATITUDE);
    longitude = coordinate(longitude, "location.longitude", MAX_LONGITUDE);
    addressLine = Texts.required(addressLine, "location.addressLine")
        .map(a -> Texts.singleLine(a, "location.addressLine", MAX_ADDRESS_LINE_LENGTH));
    landmark = Texts.required(landmark, "location.landmark")
        .map(l -> Texts.singleLine(l, "location.landmark", MAX_LANDMARK_LENGTH));
  }

  /**
   * A point with no address line or landmark.
   *
   * @param latitude degrees north, -90 to 90
   * @param longitude degrees east, -180 to 180
   * @return the location
   * @throws InvalidInputException naming the bad coordinate
   */
  public static Location of(BigDecimal latitude, BigDecimal longitude) {
    return new Location(latitude, longitude, Optional.empty(), Optional.empty());
  }

  /**
   * A point from its decimal text, e.g. {@code of("21.2514", "81.62960")}, keeping every digit.
   *
   * @param latitude degrees north, -90 to 90, as a decimal number
   * @param longitude degrees east, -180 to 180, as a decimal number
   * @return the location
   * @throws InvalidInputException naming the coordinate that is missing, not a number or out of range
   */
  public static Location of(String latitude, String longitude) {
    return of(parse(latitude, "location.latitude"), parse(longitude, "location.longitude"));
  }

  /**
   * A point from {@code double}s, each taken as its shortest decimal text ({@link
   * BigDecimal#valueOf(double)}), so {@code 21.2514} is {@code 21.2514}; give text or {@link
   * BigDecimal}s to keep trailing zeros.
   *
   * @param latitude degrees north, -90 to 90
   * @param longitude degrees east, -180 to 180
   * @return the location
   * @throws InvalidInputException naming the coordinate that is NaN, infinite or out of range
   */
  public static Location of(double latitude, double longitude) {
    return of(fromDouble(latitude, "location.latitude"), fromDouble(longitude, "location.longitude"));
  }

  /**
   * This location with an address line.
   *
   * @param addressLine the street address, one line
   * @return the new location
   * @throws InvalidInputException naming {@code location.addressLine}
   */
  public Location withAddressLine(String addressLine) {
    return new Location(latitude, longitude,
        Optional.of(Texts.required(addressLine, "location.addressLine")), landmark);
  }

  /**
   * This location with a landmark.
   *
   * @param landmark a landmark near it, one line
   * @return the new location
   * @throws InvalidInputException naming {@code location.landmark}
   */
  public Location withLandmark(String landmark) {
    return new Location(latitude, longitude, addressLine,
        Optional.of(Texts.required(landmark, "location.landmark")));
  }

  /**
   * The great-circle distance to another location, in metres, on the mean Earth radius (see
   * {@link Distance}).
   *
   * @param other the other location
   * @return the distance in metres
   */
  public double metresTo(Location other) {
    return Distance.metres(this, other);
  }

  /**
   * The location for logs: coordinates to two decimal places (rounded toward zero), texts by length.
   *
   * @return the masked description
   */
  @Override
  public String toString() {
    return "Location[latitude=" + coarse(latitude) + ", longitude=" + coarse(longitude)
        + addressLine.map(a -> ", addressLine=" + Masking.redact(a)).orElse("")
        + landmark.map(l -> ", landmark=" + Masking.redact(l)).orElse("") + "]";
  }

  private static String coarse(BigDecimal value) {
    return value.scale() <= 2 ? value.toPlainString() : value.setScale(2, RoundingMode.DOWN).toPlainString() + "...";
  }

  private static BigDecimal coordinate(BigDecimal value, String field, BigDecimal bound) {
    Texts.required(value, field);
    if (value.compareTo(bound) > 0 || value.compareTo(bound.negate()) < 0) {
      throw new InvalidInputException(
          field, "must be between -" + bound + " and " + bound + " degrees (was " + value.toPlainString() + ")");
    }
    if (value.scale() > MAX_DECIMAL_PLACES) {
      throw new InvalidInputException(
          field, "must have at most " + MAX_DECIMAL_PLACES + " decimal places (had " + value.scale() + ")");
    }
    return value.scale() < 0 ? value.setScale(0) : value;
  }

  private static BigDecimal parse(String text, String field) {
    Texts.required(text, field);
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
      throw new InvalidInputException(field, "must be a decimal number (was '" + shown + "')");
    }
  }

  private static BigDecimal fromDouble(double value, String field) {
    if (!Double.isFinite(value)) {
      throw new InvalidInputException(field, "must be a finite number (was " + value + ")");
    }
    return BigDecimal.valueOf(value);
  }
}
