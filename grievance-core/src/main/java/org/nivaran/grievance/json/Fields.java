package org.nivaran.grievance.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Level;

/**
 * One JSON object being read, with its path from the document root (e.g. {@code citizen} or
 * {@code attachments[2]}) so every failure can name the exact field. This is the one object reader
 * of the package: the complaint and event readers ({@link Readers}), the calendar reader and the
 * directory reader all read through it.
 *
 * <p>Two things differ between those readers, and both are given when an object is opened:
 *
 * <ul>
 *   <li>the {@link Schema}: an {@link Schema#OPEN open} object ignores fields not asked for, which
 *       is how the complaint readers tolerate fields added by newer writers; a strict one refuses
 *       every field it does not list, which is how the calendar and directory readers keep a
 *       misspelt field from being silently ignored;
 *   <li>the {@link Failures}: each reader throws its own exception type, so the problems are
 *       reported through a small factory ({@link ReadFailure#FAILURES} for the Jackson readers,
 *       {@link Failures#reasons} for readers whose exceptions carry a field and a reason).
 * </ul>
 *
 * <p>Objects read from this one (its fields and array elements) keep its failures; each is given
 * its own schema. Immutable; confined to one deserialisation call.
 */
final class Fields {
  private static final Pattern LEVEL = Pattern.compile("L([0-9]{1,9})");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private final JsonNode node;
  private final String path;
  private final Failures failures;

  /**
   * Makes the exception for each kind of problem a reader finds; a reader gives the one that
   * builds its own exception type. Implementations are stateless and thread-safe.
   */
  interface Failures {
    /** A required field is absent or null. */
    RuntimeException missing(String path);

    /** A value has the wrong JSON shape; {@code found} is its {@link #shape(JsonNode) shape}. */
    RuntimeException wrongShape(String path, String expected, String found);

    /** A string does not parse as what it must be. */
    RuntimeException badFormat(String path, String expected, String value);

    /** The domain refused the value at {@code path}. */
    RuntimeException invalidValue(String path, InvalidInputException cause);

    /** The reader itself refused the value at {@code path}, e.g. an unknown field. */
    RuntimeException refused(String path, String reason);

    /**
     * Failures worded as a reason about a path, e.g. {@code is required} or
     * {@code must be a JSON string (was the number 5)}; a domain refusal gives the domain's reason
     * and is passed on as the cause, others have none.
     *
     * @param make makes the exception from the path, the reason and the cause (or null)
     * @return the failures
     */
    static Failures reasons(Reasons make) {
      return new Failures() {
        @Override
        public RuntimeException missing(String path) {
          return make.at(path, "is required", null);
        }

        @Override
        public RuntimeException wrongShape(String path, String expected, String found) {
          return make.at(path, "must be " + expected + " (was " + found + ")", null);
        }

        @Override
        public RuntimeException badFormat(String path, String expected, String value) {
          return make.at(path, "must be " + expected + " (was '" + value + "')", null);
        }

        @Override
        public RuntimeException invalidValue(String path, InvalidInputException cause) {
          return make.at(path, cause.reason(), cause);
        }

        @Override
        public RuntimeException refused(String path, String reason) {
          return make.at(path, reason, null);
        }
      };
    }
  }

  /**
   * Makes a reader's exception from a path, a reason and the domain refusal behind it, if any.
   * Implementations are stateless and thread-safe.
   */
  @FunctionalInterface
  interface Reasons {
    /** The exception for {@code path}; {@code cause} is null unless the domain refused the value. */
    RuntimeException at(String path, String reason, InvalidInputException cause);
  }

  /**
   * The kind of an object: the fields it may have, how a value that is not an object is described
   * and how a field it does not have is refused. Immutable.
   *
   * @param expected what a value that is not an object must be, e.g. {@code a JSON object, a holder}
   * @param unknown what a field it does not have is not, e.g. {@code a field of a holder}
   * @param allowed the fields it may have, in documentation order; null for any
   */
  record Schema(String expected, String unknown, List<String> allowed) {
    /** Any fields; those not asked for are ignored. */
    static final Schema OPEN = new Schema("a JSON object", null, null);

    /**
     * A strict object: {@code what} names it in messages, e.g. {@code a holder}.
     *
     * @param what the object, e.g. {@code a holder}
     * @param allowed the fields it may have
     * @return the schema
     */
    static Schema of(String what, List<String> allowed) {
      return new Schema("a JSON object, " + what, "a field of " + what, List.copyOf(allowed));
    }
  }

  private Fields(JsonNode node, String path, Failures failures) {
    this.node = node;
    this.path = path;
    this.failures = failures;
  }

  /**
   * The open object at {@code path}, whose problems are {@link ReadFailure}s.
   *
   * @throws ReadFailure if {@code node} is not a JSON object
   */
  static Fields of(JsonNode node, String path) {
    return of(node, path, ReadFailure.FAILURES, Schema.OPEN);
  }

  /**
   * The object at {@code path}, checked against {@code schema}, whose problems are made by
   * {@code failures}.
   *
   * @throws RuntimeException from {@code failures} if {@code node} is not a JSON object or has a
   *     field the schema does not allow
   */
  static Fields of(JsonNode node, String path, Failures failures, Schema schema) {
    if (node == null || !node.isObject()) {
      throw failures.wrongShape(path, schema.expected(), shape(node));
    }
    if (schema.allowed() != null) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!schema.allowed().contains(name)) {
          throw failures.refused(
              join(path, name), "is not " + schema.unknown() + "; allowed: " + String.join(", ", schema.allowed()));
        }
      }
    }
    return new Fields(node, path, failures);
  }

  /** This object's path from the document root; empty for the root itself. */
  String path() {
    return path;
  }

  /** The path of one of this object's fields. */
  String at(String field) {
    return join(path, field);
  }

  static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /** The reader's failure for {@code field} of this object, in the reader's own words. */
  RuntimeException fail(String field, String reason) {
    return failAt(at(field), reason);
  }

  /** The reader's failure for the value at {@code path}, e.g. an element {@link #texts} handed on. */
  RuntimeException failAt(String path, String reason) {
    return failures.refused(path, reason);
  }

  // -- presence -------------------------------------------------------------------------------

  /** The value of a required field, of any shape; absent or null is refused. */
  JsonNode required(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw failures.missing(at(field));
    }
    return v;
  }

  private Optional<JsonNode> optional(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }

  /** Whether the field is present and not null. */
  boolean has(String field) {
    return optional(field).isPresent();
  }

  // -- typed values ---------------------------------------------------------------------------

  String text(String field) {
    return text(failures, required(field), at(field));
  }

  Optional<String> optionalText(String field) {
    return optional(field).map(v -> text(failures, v, at(field)));
  }

  long longValue(String field) {
    JsonNode v = required(field);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw failures.wrongShape(at(field), "an integer", shape(v));
    }
    return v.longValue();
  }

  int intValue(String field) {
    return intValue(required(field), at(field));
  }

  /** A required JSON number, with the digits it was written with (see {@link TreeDeserializer}). */
  java.math.BigDecimal decimal(String field) {
    JsonNode v = required(field);
    if (!v.isNumber()) {
      throw failures.wrongShape(at(field), "a JSON number", shape(v));
    }
    return v.decimalValue();
  }

  Optional<Integer> optionalInt(String field) {
    return optional(field).map(v -> intValue(v, at(field)));
  }

  private int intValue(JsonNode v, String path) {
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw failures.wrongShape(path, "an integer", shape(v));
    }
    return v.intValue();
  }

  /** A required boolean. */
  boolean booleanValue(String field) {
    return bool(required(field), at(field), "a JSON boolean");
  }

  /** A required field whose only allowed value is {@code true}. */
  void requireTrue(String field) {
    JsonNode v = required(field);
    if (!v.isBoolean() || !v.booleanValue()) {
      throw failures.wrongShape(at(field), "true", shape(v));
    }
  }

  /** An optional boolean; absent or null is empty. */
  Optional<Boolean> optionalBoolean(String field) {
    return optional(field).map(v -> bool(v, at(field), "true or false"));
  }

  private boolean bool(JsonNode v, String path, String expected) {
    if (!v.isBoolean()) {
      throw failures.wrongShape(path, expected, shape(v));
    }
    return v.booleanValue();
  }

  /**
   * A string field parsed by {@code parse}, which refuses the text by returning null or throwing
   * {@link DateTimeParseException}; a refusal says the field must be {@code expected}.
   */
  <T> T parsed(String field, Function<String, T> parse, String expected) {
    String s = text(field);
    T value;
    try {
      value = parse.apply(s);
    } catch (DateTimeParseException e) {
      value = null;
    }
    if (value == null) {
      throw failures.badFormat(at(field), expected, s);
    }
    return value;
  }

  Instant instant(String field) {
    return parsed(field, Instant::parse, "an ISO-8601 instant such as '2024-03-04T05:30:00Z'");
  }

  Optional<Instant> optionalInstant(String field) {
    return has(field) ? Optional.of(instant(field)) : Optional.empty();
  }

  /** A duration written in ISO-8601, e.g. {@code PT56H}; any form {@link Duration#parse} takes. */
  Duration duration(String field) {
    return parsed(field, Duration::parse, "an ISO-8601 duration such as 'PT56H'");
  }

  /** A date written {@code YYYY-MM-DD} that exists; a refusal quotes {@code example}. */
  LocalDate date(String field, String example) {
    return parsed(
        field,
        s -> DATE.matcher(s).matches() ? LocalDate.parse(s) : null,
        "a date YYYY-MM-DD that exists, e.g. '" + example + "'");
  }

  <E extends Enum<E>> E enumValue(String field, Class<E> type) {
    return constant(text(field), at(field), type);
  }

  /** The constant of {@code type} named {@code s}, exactly; {@code path} is where {@code s} stood. */
  <E extends Enum<E>> E constant(String s, String path, Class<E> type) {
    return enumValue(failures, s, path, type);
  }

  private static <E extends Enum<E>> E enumValue(Failures failures, String s, String path, Class<E> type) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(s)) {
        return constant;
      }
    }
    String known = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    throw failures.badFormat(path, "one of " + known, s);
  }

  /** A level written as {@code L} and its rung, e.g. {@code L2}. */
  Level level(String field) {
    return level(failures, text(field), at(field));
  }

  /** A level read on its own, e.g. a map key; a problem is a {@link ReadFailure}. */
  static Level level(String s, String path) {
    return level(ReadFailure.FAILURES, s, path);
  }

  static Level level(Failures failures, String s, String path) {
    Matcher m = LEVEL.matcher(s);
    if (!m.matches()) {
      throw failures.badFormat(path, "'L' followed by the rung, e.g. 'L1'", s);
    }
    int rung = Integer.parseInt(m.group(1));
    return value(failures, path, () -> Level.of(rung));
  }

  // -- objects and arrays ---------------------------------------------------------------------

  Fields object(String field) {
    return of(required(field), at(field), failures, Schema.OPEN);
  }

  Optional<Fields> optionalObject(String field) {
    return optionalObject(field, Schema.OPEN);
  }

  /** An optional object field checked against {@code schema}; absent or null is empty. */
  Optional<Fields> optionalObject(String field, Schema schema) {
    return optional(field).map(v -> of(v, at(field), failures, schema));
  }

  /** The objects of an array field; an absent or null field is an empty array. */
  List<Fields> objects(String field) {
    return objects(field, Schema.OPEN);
  }

  /** The objects of an array field, each checked against {@code schema}; absent or null is none. */
  List<Fields> objects(String field, Schema schema) {
    return has(field) ? requiredObjects(field, schema) : List.of();
  }

  /** The objects of a required array field, each checked against {@code schema}. */
  List<Fields> requiredObjects(String field, Schema schema) {
    JsonNode v = required(field);
    if (!v.isArray()) {
      throw failures.wrongShape(at(field), "a JSON array", shape(v));
    }
    return elements(v, at(field), failures, schema);
  }

  /**
   * The objects of {@code array}, which stands at {@code path}, each checked against
   * {@code schema}; element {@code i} is at {@code path[i]}.
   */
  static List<Fields> elements(JsonNode array, String path, Failures failures, Schema schema) {
    List<Fields> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      out.add(of(array.get(i), path + "[" + i + "]", failures, schema));
    }
    return out;
  }

  /** The elements of an array field, of any shape; an absent or null field is an empty array. */
  List<JsonNode> optionalArray(String field) {
    Optional<JsonNode> v = optional(field);
    if (v.isEmpty()) {
      return List.of();
    }
    if (!v.get().isArray()) {
      throw failures.wrongShape(at(field), "a JSON array", shape(v.get()));
    }
    List<JsonNode> out = new ArrayList<>();
    v.get().forEach(out::add);
    return out;
  }

  /**
   * The strings of an array field, element by element: each is checked to be a string, then
   * handed to {@code read} with its path ({@code field[i]}) before the next is looked at. An absent
   * or null field is an empty array.
   */
  <T> List<T> texts(String field, BiFunction<String, String, T> read) {
    List<T> out = new ArrayList<>();
    List<JsonNode> elements = optionalArray(field);
    for (int i = 0; i < elements.size(); i++) {
      String path = at(field) + "[" + i + "]";
      out.add(read.apply(text(failures, elements.get(i), path), path));
    }
    return out;
  }

  /**
   * The enum constants of an array field of strings, each at most once; an absent or null field
   * is an empty array.
   */
  <E extends Enum<E>> List<E> enumValues(String field, Class<E> type) {
    List<E> out = new ArrayList<>();
    texts(field, (s, path) -> {
      E constant = constant(s, path, type);
      if (out.contains(constant)) {
        throw failures.invalidValue(path, new InvalidInputException(field, "must not list " + constant + " twice"));
      }
      out.add(constant);
      return constant;
    });
    return out;
  }

  /**
   * The members of an object field whose keys are data rather than field names (a map), in
   * document order, each value an object; an absent or null field is an empty map. The path of a
   * member is the field's path, a dot and the key, e.g. {@code policy.levels.L0}.
   */
  Map<String, Fields> members(String field) {
    Optional<JsonNode> v = optional(field);
    if (v.isEmpty()) {
      return Map.of();
    }
    if (!v.get().isObject()) {
      throw failures.wrongShape(at(field), "a JSON object", shape(v.get()));
    }
    Map<String, Fields> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> member : v.get().properties()) {
      out.put(member.getKey(), of(member.getValue(), join(at(field), member.getKey()), failures, Schema.OPEN));
    }
    return out;
  }

  /**
   * This object's own members, by key, in document order; the path of each is this object's path,
   * a dot and the key, e.g. {@code policy.priorities.L1.URGENT}.
   */
  Map<String, Fields> members() {
    Map<String, Fields> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      out.put(member.getKey(), of(member.getValue(), join(path, member.getKey()), failures, Schema.OPEN));
    }
    return out;
  }

  // -- scalar helpers, also used for values read on their own ---------------------------------

  /** A string value at {@code path}, outside any object; a problem is a {@link ReadFailure}. */
  static String text(JsonNode v, String path) {
    return text(ReadFailure.FAILURES, v, path);
  }

  private static String text(Failures failures, JsonNode v, String path) {
    if (!v.isTextual()) {
      throw failures.wrongShape(path, "a JSON string", shape(v));
    }
    return v.textValue();
  }

  /**
   * Makes a domain value whose failure concerns exactly the value at {@code path}.
   *
   * @throws ReadFailure of kind INVALID_VALUE naming {@code path} and carrying the domain's message
   */
  static <T> T value(String path, Supplier<T> make) {
    return value(ReadFailure.FAILURES, path, make);
  }

  /** Makes a domain value whose refusal concerns exactly the value at {@code path}. */
  static <T> T value(Failures failures, String path, Supplier<T> make) {
    try {
      return make.get();
    } catch (InvalidInputException e) {
      throw failures.invalidValue(path, e);
    }
  }

  /** Makes a domain value whose refusal concerns exactly {@code field} of this object. */
  <T> T fieldValue(String field, Supplier<T> make) {
    return value(failures, at(field), make);
  }

  /**
   * Makes a domain object from this object's fields. A domain failure names a field of the object
   * (e.g. {@code citizen.name} or {@code department}); the reported path is this object's path and
   * the last segment of that field, e.g. {@code citizen} and {@code citizen.name} give
   * {@code citizen.name}, {@code from} and {@code department} give {@code from.department}.
   */
  <T> T build(Supplier<T> make) {
    return buildNaming(make, field -> field.substring(field.lastIndexOf('.') + 1));
  }

  /**
   * Makes a domain object whose invariant checks name its attributes by their path within it,
   * e.g. {@code returnCount} or {@code sla.level} for a complaint; the reported path is this
   * object's path joined with that whole name.
   */
  <T> T buildWhole(Supplier<T> make) {
    return buildNaming(make, UnaryOperator.identity());
  }

  /**
   * Makes a domain object whose failures name a field the JSON spells differently; {@code jsonName}
   * turns the domain's field name into the JSON field's name, joined to this object's path.
   */
  <T> T buildNaming(Supplier<T> make, Function<String, String> jsonName) {
    try {
      return make.get();
    } catch (InvalidInputException e) {
      throw failures.invalidValue(join(path, jsonName.apply(e.field())), e);
    }
  }

  static String shape(JsonNode v) {
    if (v == null || v.isMissingNode()) {
      return "nothing";
    }
    return switch (v.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "the number " + v.asText();
      case BOOLEAN -> "the boolean " + v.asText();
      case NULL -> "null";
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case BINARY -> "binary data";
      case MISSING -> "nothing";
    };
  }
}
