package org.nivaran.grievance.spring;

import java.nio.file.Path;

/**
 * Refuses to start: a {@code nivaran.*} property or a file it names is wrong. The message names the
 * property, the file, and what in it is wrong (for a bad row of a directory or calendars file: the
 * section, row, field and the bad reference, from core's {@code InvalidRowException}, kept as the
 * cause).
 *
 * <p>Immutable and thread-safe.
 */
public final class NivaranConfigurationException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** The property that names the file, or the property that is wrong. */
  private final String property;

  /**
   * A problem with a file a property names.
   *
   * @param property the property, e.g. {@code nivaran.directory-file}
   * @param file the file
   * @param problem what is wrong, naming the field and the bad reference
   * @param cause the reader's exception
   */
  public NivaranConfigurationException(String property, Path file, String problem, Throwable cause) {
    this(property, String.valueOf(file), problem, cause);
  }

  /**
   * A problem with a file or class-path resource a property names.
   *
   * @param property the property, e.g. {@code nivaran.directory-file}
   * @param location the property's value: a path, or {@code classpath:} and a resource name
   * @param problem what is wrong, naming the field and the bad reference
   * @param cause the reader's exception, or null
   */
  public NivaranConfigurationException(String property, String location, String problem, Throwable cause) {
    super(property + " = " + location + ": " + problem, cause);
    this.property = property;
  }

  /**
   * A problem with a property or a missing bean.
   *
   * @param property the property
   * @param problem what is wrong and how to fix it
   */
  public NivaranConfigurationException(String property, String problem) {
    super(property + ": " + problem);
    this.property = property;
  }

  /**
   * The property concerned.
   *
   * @return the property name, e.g. {@code nivaran.calendars-file}
   */
  public String property() {
    return property;
  }
}
