package org.nivaran.grievance.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Level;

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

  /** Where a parser stood, for a syntax error's message. */
  static String where(com.fasterxml.jackson.core.JsonLocation at) {
    return at == null ? "an unknown place" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  /** Where the parser stood, in the path notation of the errors, e.g. {@code posts[2].holder.phone}. */
  static String pathOf(com.fasterxml.jackson.core.JsonStreamContext context) {
    List<String> parts = new ArrayList<>();
    for (com.fasterxml.jackson.core.JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.add("[" + Math.max(0, c.getCurrentIndex()) + "]");
      } else if (c.getCurrentName() != null) {
        parts.add(c.getCurrentName());
      }
    }
    java.util.Collections.reverse(parts);
    StringBuilder path = new StringBuilder();
    for (String part : parts) {
      if (path.length() > 0 && !part.startsWith("[")) {
        path.append('.');
      }
      path.append(part);
    }
    return path.toString();
  }

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

  /** Whether the field is present and not null. */
  boolean has(String field) {
    return optional(field).isPresent();
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

  boolean booleanValue(String field) {
    JsonNode v = required(field);
    if (!v.isBoolean()) {
      throw ReadFailure.wrongShape(at(field), "a JSON boolean", shape(v));
    }
    return v.booleanValue();
  }

  Instant instant(String field) {
    return instant(text(field), at(field));
  }

  Optional<Instant> optionalInstant(String field) {
    return optionalText(field).map(s -> instant(s, at(field)));
  }

  private static Instant instant(String s, String path) {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw ReadFailure.badFormat(path, "an ISO-8601 instant such as '2024-03-04T05:30:00Z'", s);
    }
  }

  /** A duration written in ISO-8601, e.g. {@code PT56H}; any form {@link Duration#parse} takes. */
  Duration duration(String field) {
    String s = text(field);
    try {
      return Duration.parse(s);
    } catch (DateTimeParseException e) {
      throw ReadFailure.badFormat(at(field), "an ISO-8601 duration such as 'PT56H'", s);
    }
  }

  <E extends Enum<E>> E enumValue(String field, Class<E> type) {
    return enumValue(text(field), at(field), type);
  }

  static <E extends Enum<E>> E enumValue(String s, String path, Class<E> type) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(s)) {
        return constant;
      }
    }
    String known = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    throw ReadFailure.badFormat(path, "one of " + known, s);
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

  /**
   * The enum constants of an array field of strings, each at most once; an absent or null field
   * is an empty array.
   */
  <E extends Enum<E>> List<E> enumValues(String field, Class<E> type) {
    List<E> out = new ArrayList<>();
    List<JsonNode> elements = elements(field);
    for (int i = 0; i < elements.size(); i++) {
      String path = at(field) + "[" + i + "]";
      E constant = enumValue(text(elements.get(i), path), path, type);
      if (out.contains(constant)) {
        throw ReadFailure.invalidValue(
            path, new InvalidInputException(field, "must not list " + constant + " twice"));
      }
      out.add(constant);
    }
    return out;
  }

  private List<JsonNode> elements(String field) {
    Optional<JsonNode> v = optional(field);
    if (v.isEmpty()) {
      return List.of();
    }
    if (!v.get().isArray()) {
      throw ReadFailure.wrongShape(at(field), "a JSON array", shape(v.get()));
    }
    List<JsonNode> out = new ArrayList<>();
    v.get().forEach(out::add);
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
      throw ReadFailure.wrongShape(at(field), "a JSON object", shape(v.get()));
    }
    Map<String, Fields> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = v.get().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      out.put(member.getKey(), of(member.getValue(), join(at(field), member.getKey())));
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
  <T> T buildNaming(Supplier<T> make, UnaryOperator<String> jsonName) {
    try {
      return make.get();
    } catch (InvalidInputException e) {
      throw ReadFailure.invalidValue(join(path, jsonName.apply(e.field())), e);
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
