package org.nivaran.grievance.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.nivaran.grievance.InvalidInputException;

/**
 * Why a JSON document could not be read, raised deep inside the readers and turned into the
 * matching Jackson exception by {@link TreeDeserializer}, where the parser is at hand. Unchecked so
 * the readers stay plain code. Immutable; never escapes this package.
 */
final class ReadFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The kinds of failure, each mapped to one Jackson exception type. */
  enum Problem {
    /** A required field is absent or null: {@link MismatchedInputException}. */
    MISSING,
    /** A value has the wrong JSON shape (string for number, ...): {@link MismatchedInputException}. */
    WRONG_SHAPE,
    /** A string does not parse (instant, level, enum constant): {@link InvalidFormatException}. */
    BAD_FORMAT,
    /** An unknown {@code type} or {@code role} discriminator: {@link InvalidTypeIdException}. */
    UNKNOWN_TYPE,
    /** The domain refused the value: {@link ValueInstantiationException} caused by it. */
    INVALID_VALUE
  }

  /**
   * The failures of the Jackson readers, for {@link Fields}. A field the reader itself refuses is
   * reported as an invalid value, with that reason.
   */
  static final Fields.Failures FAILURES =
      new Fields.Failures() {
        @Override
        public RuntimeException missing(String path) {
          return ReadFailure.missing(path);
        }

        @Override
        public RuntimeException wrongShape(String path, String expected, String found) {
          return ReadFailure.wrongShape(path, expected, found);
        }

        @Override
        public RuntimeException badFormat(String path, String expected, String value) {
          return ReadFailure.badFormat(path, expected, value);
        }

        @Override
        public RuntimeException invalidValue(String path, InvalidInputException cause) {
          return ReadFailure.invalidValue(path, cause);
        }

        @Override
        public RuntimeException refused(String path, String reason) {
          return ReadFailure.invalidValue(path, new InvalidInputException(path, reason));
        }
      };

  private final Problem problem;
  private final String value;
  private final Class<?> discriminatedBase;

  private ReadFailure(Problem problem, String message, String value, Class<?> discriminatedBase, Throwable cause) {
    super(message, cause, false, false);
    this.problem = problem;
    this.value = value;
    this.discriminatedBase = discriminatedBase;
  }

  static ReadFailure missing(String path) {
    return new ReadFailure(Problem.MISSING, "missing required field '" + path + "'", null, null, null);
  }

  static ReadFailure wrongShape(String path, String expected, String found) {
    String message = where(path) + " must be " + expected + " (was " + found + ")";
    return new ReadFailure(Problem.WRONG_SHAPE, message, null, null, null);
  }

  static ReadFailure badFormat(String path, String expected, String value) {
    String message = where(path) + " must be " + expected + " (was '" + value + "')";
    return new ReadFailure(Problem.BAD_FORMAT, message, value, null, null);
  }

  static ReadFailure unknownType(String path, String what, String typeId, Class<?> base, String known) {
    String message = "unknown " + what + " '" + typeId + "' in " + where(path) + "; known: " + known;
    return new ReadFailure(Problem.UNKNOWN_TYPE, message, typeId, base, null);
  }

  static ReadFailure notOfSubtype(String path, String typeId, Class<?> asked) {
    String message = where(path) + " is '" + typeId + "', which is not a " + asked.getSimpleName();
    return new ReadFailure(Problem.UNKNOWN_TYPE, message, typeId, asked, null);
  }

  static ReadFailure invalidValue(String path, InvalidInputException cause) {
    String message =
        (path.isEmpty() ? "invalid value: " : "invalid value in field '" + path + "': ") + cause.getMessage();
    return new ReadFailure(Problem.INVALID_VALUE, message, null, null, cause);
  }

  private static String where(String path) {
    return path.isEmpty() ? "the value" : "field '" + path + "'";
  }

  /**
   * The Jackson exception for this failure.
   *
   * @param p the parser, for the location
   * @param ctxt the context, for type construction
   * @param target the type being read
   * @param targetName how the message names it, e.g. {@code Complaint}
   * @return the exception to throw
   */
  JsonMappingException toJackson(JsonParser p, DeserializationContext ctxt, Class<?> target, String targetName) {
    String message = "Cannot read " + targetName + ": " + getMessage();
    return switch (problem) {
      case MISSING, WRONG_SHAPE -> MismatchedInputException.from(p, target, message);
      case BAD_FORMAT -> InvalidFormatException.from(p, message, value, target);
      case UNKNOWN_TYPE -> InvalidTypeIdException.from(p, message, ctxt.constructType(discriminatedBase), value);
      case INVALID_VALUE -> ValueInstantiationException.from(p, message, ctxt.constructType(target), getCause());
    };
  }
}
