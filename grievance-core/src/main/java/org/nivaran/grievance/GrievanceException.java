package org.nivaran.grievance;

/**
 * The root of every exception Nivaran throws. Unchecked: callers catch the subclasses they can act
 * on ({@link InvalidInputException}, {@code StaleVersionException}, ...) and let the rest propagate.
 *
 * <p>Instances are immutable once thrown and may be shared between threads.
 */
public class GrievanceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, for a human reader
   */
  public GrievanceException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, for a human reader
   * @param cause the underlying failure
   */
  public GrievanceException(String message, Throwable cause) {
    super(message, cause);
  }
}
