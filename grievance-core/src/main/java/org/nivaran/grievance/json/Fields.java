package org.nivaran.grievance.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.complaint.Level;

/**
 * One JSON object being read, with its path from the document root (e.g. {@code citizen} or
 * {@code attachments[2]}) so every failure can name the exact field. Fields not asked for are
 * ignored, which is how readers tolerate fields added by newer writers. Immutable; confined to one
 * deserialisation call.
 */
final class Fields {
  private static final Pattern LEVEL = Pattern.compile("L([0-9]{1,9})");

  private final JsonNode node;
  private final String path;

  private Fields(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /**
   * The object at {@code path}.
   *
   * @throws ReadFailure if {@code node} is not a JSON object
   */
  static Fields of(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw ReadFailure.wrongShape(path, "a JSON object", shape(node));
    }
    return new Fields(node, path);
  }

  /** The path of one of this object's fields. */
  String at(String field) {
    return join(path, field);
  }

  static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  // -- presence -------------------------------------------------------------------------------

  private JsonNode required(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw ReadFailure.missing(at(field));
    }
    return v;
  }

  private Optional<JsonNode> optional(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }

  // -- typed values ---------------------------------------------------------------------------

  String text(String field) {
    return text(required(field), at(field));
  }

  Optional<String> optionalText(String field) {
    return optional(field).map(v -> text(v, at(field)));
  }

  long longValue(String field) {
    JsonNode v = required(field);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw ReadFailure.wrongShape(at(field), "an integer", shape(v));
    }
    return v.longValue();
  }

  int intValue(String field) {
    return intValue(required(field), at(field));
  }

  Optional<Integer> optionalInt(String field) {
    return optional(field).map(v -> intValue(v, at(field)));
  }

  Instant instant(String field) {
    String s = text(field);
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw ReadFailure.badFormat(at(field), "an ISO-8601 instant such as '2024-03-04T05:30:00Z'", s);
    }
  }

  <E extends Enum<E>> E enumValue(String field, Class<E> type) {
    String s = text(field);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(s)) {
        return constant;
      }
    }
    String known = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    throw ReadFailure.badFormat(at(field), "one of " + known, s);
  }

  /** A level written as {@code L} and its rung, e.g. {@code L2}. */
  Level level(String field) {
    return level(text(field), at(field));
  }

  static Level level(String s, String path) {
    Matcher m = LEVEL.matcher(s);
    if (!m.matches()) {
      throw ReadFailure.badFormat(path, "'L' followed by the rung, e.g. 'L1'", s);
    }
    int rung = Integer.parseInt(m.group(1));
    return value(path, () -> Level.of(rung));
  }

  Fields object(String field) {
    return of(required(field), at(field));
  }

  Optional<Fields> optionalObject(String field) {
    return optional(field).map(v -> of(v, at(field)));
  }

  /** The objects of an array field; an absent or null field is an empty array. */
  List<Fields> objects(String field) {
    Optional<JsonNode> v = optional(field);
    if (v.isEmpty()) {
      return List.of();
    }
    if (!v.get().isArray()) {
      throw ReadFailure.wrongShape(at(field), "a JSON array", shape(v.get()));
    }
    List<Fields> out = new ArrayList<>();
    for (int i = 0; i < v.get().size(); i++) {
      out.add(of(v.get().get(i), at(field) + "[" + i + "]"));
    }
    return out;
  }

  // -- scalar helpers, also used for values read on their own ---------------------------------

  static String text(JsonNode v, String path) {
    if (!v.isTextual()) {
      throw ReadFailure.wrongShape(path, "a JSON string", shape(v));
    }
    return v.textValue();
  }

  static int intValue(JsonNode v, String path) {
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw ReadFailure.wrongShape(path, "an integer", shape(v));
    }
    return v.intValue();
  }

  /**
   * Makes a domain value whose failure concerns exactly the value at {@code path}.
   *
   * @throws ReadFailure of kind INVALID_VALUE naming {@code path} and carrying the domain's message
   */
  static <T> T value(String path, Supplier<T> make) {
    try {
      return make.get();
    } catch (InvalidInputException e) {
      throw ReadFailure.invalidValue(path, e);
    }
  }

  /**
   * Makes a domain object from this object's fields. A domain failure names a field of the object
   * (e.g. {@code citizen.name} or {@code department}); the reported path is this object's path and
   * the last segment of that field, e.g. {@code citizen} and {@code citizen.name} give
   * {@code citizen.name}, {@code from} and {@code department} give {@code from.department}.
   */
  <T> T build(Supplier<T> make) {
    try {
      return make.get();
    } catch (InvalidInputException e) {
      String field = e.field();
      throw ReadFailure.invalidValue(join(path, field.substring(field.lastIndexOf('.') + 1)), e);
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
