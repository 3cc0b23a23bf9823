package org.nivaran.grievance.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Kind;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.directory.BlockEntry;
import org.nivaran.grievance.directory.Blocklist;
import org.nivaran.grievance.directory.Categories;
import org.nivaran.grievance.directory.Category;
import org.nivaran.grievance.directory.Department;
import org.nivaran.grievance.directory.Departments;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.directory.DutyRoster;
import org.nivaran.grievance.directory.InvalidRowException;
import org.nivaran.grievance.directory.Jurisdiction;
import org.nivaran.grievance.directory.JurisdictionType;
import org.nivaran.grievance.directory.Jurisdictions;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.directory.Officer;
import org.nivaran.grievance.directory.Post;
import org.nivaran.grievance.directory.PostDuty;
import org.nivaran.grievance.directory.Posts;

/**
 * Reads a directory document (docs/registry-format.md) from JSON. Strict: unknown and repeated
 * fields are refused. Every failure is an {@link InvalidRowException} naming the source and
 * section, the 1-based row and the field. Stateless and thread-safe.
 */
final class DirectoryReader {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build();

  static final String DOCUMENT = "document";
  private static final List<String> SECTIONS =
      List.of("departments", "jurisdictions", "categories", "posts", "roster", "blocklist");
  private static final List<String> DEPARTMENT_FIELDS = List.of("code", "nameEn", "nameHi");
  private static final List<String> JURISDICTION_FIELDS = List.of("code", "type", "parent", "nameEn", "nameHi");
  private static final List<String> CATEGORY_FIELDS =
      List.of("code", "parent", "department", "nameEn", "nameHi", "aliases", "defaultKind", "slaPolicy");
  private static final List<String> POST_FIELDS =
      List.of("id", "title", "department", "jurisdiction", "level", "reportsTo", "duties", "holder");
  private static final List<String> HOLDER_FIELDS = List.of("id", "name", "phone", "whatsapp", "language");
  private static final List<String> ROSTER_FIELDS = List.of("date", "post");
  private static final List<String> BLOCK_FIELDS = List.of("phone", "reason", "blockedBy", "blockedAt", "expiresAt");

  /** Jackson's "[Source: ...; line: 3, column: 5]", which names no useful source here. */
  private static final Pattern JACKSON_SOURCE = Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]");
  /** A registry's path of one element's field: {@code posts[3].reportsTo}. */
  private static final Pattern ELEMENT_FIELD = Pattern.compile("[A-Za-z]*\\[(\\d+)\\]\\.?(.*)");
  /** A JSON path below a section: {@code posts[3].holder.phone}. */
  private static final Pattern SECTION_PATH = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)\\]\\.?(.*))?");
  private static final Pattern LEVEL = Pattern.compile("L([0-9]{1,2})");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private DirectoryReader() {}

  // -- parsing --------------------------------------------------------------------------------

  static Directory read(JsonParser p, String source) throws IOException {
    JsonNode root;
    try (p) {
      root = MAPPER.readTree(p);
      if (root == null || root.isMissingNode()) {
        throw new InvalidRowException(source, 0, DOCUMENT, "is empty: expected a JSON object");
      }
      if (p.nextToken() != null) {
        throw new InvalidRowException(
            source, 0, DOCUMENT, "holds more than one JSON value (the second starts at " + Fields.where(p.currentTokenLocation()) + ")");
      }
    } catch (JsonProcessingException e) {
      String reason = "is not valid JSON at " + Fields.where(e.getLocation()) + ": "
          + JACKSON_SOURCE.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2");
      String path = reason.contains("Unexpected end-of-input") ? "" : Fields.pathOf(p.getParsingContext());
      Matcher m = SECTION_PATH.matcher(path);
      if (m.matches() && SECTIONS.contains(m.group(1)) && m.group(2) != null) {
        String field = m.group(3).isEmpty() ? DOCUMENT : m.group(3);
        throw new InvalidRowException(source + "#" + m.group(1), Integer.parseInt(m.group(2)) + 1, field, reason, e);
      }
      throw new InvalidRowException(source, 0, path.isEmpty() ? DOCUMENT : path, reason, e);
    }
    return directory(root, source);
  }


  // -- the document ---------------------------------------------------------------------------

  private static Directory directory(JsonNode root, String source) {
    if (!root.isObject()) {
      throw new InvalidRowException(
          source, 0, DOCUMENT, "must be a JSON object with the sections " + String.join(", ", SECTIONS) + " (was " + Fields.shape(root) + ")");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!SECTIONS.contains(name)) {
        throw new InvalidRowException(source, 0, name, "is not a section of a directory; allowed: " + String.join(", ", SECTIONS));
      }
    }
    Section d = new Section(root, source, "departments", DEPARTMENT_FIELDS, true);
    Departments departments = d.registry(
        Departments::of, r -> new Department(r.text("code"), r.text("nameEn"), r.text("nameHi")), Function.identity());

    Section j = new Section(root, source, "jurisdictions", JURISDICTION_FIELDS, false);
    Jurisdictions jurisdictions = j.registry(Jurisdictions::of, DirectoryReader::jurisdiction, Function.identity());

    Section c = new Section(root, source, "categories", CATEGORY_FIELDS, false);
    Categories categories = c.registry(
        list -> Categories.of(list, departments),
        DirectoryReader::category,
        field -> field.equals("escalationPolicyId") ? "slaPolicy" : field);

    Section p = new Section(root, source, "posts", POST_FIELDS, false);
    Posts posts = p.registry(list -> Posts.of(list, departments, jurisdictions), DirectoryReader::post, Function.identity());

    DutyRoster roster = roster(new Section(root, source, "roster", ROSTER_FIELDS, false), posts);

    Section b = new Section(root, source, "blocklist", BLOCK_FIELDS, false);
    Blocklist blocklist = b.registry(Blocklist::of, DirectoryReader::blockEntry, Function.identity());

    try {
      return Directory.builder()
          .departments(departments)
          .jurisdictions(jurisdictions)
          .categories(categories)
          .posts(posts)
          .roster(roster)
          .blocklist(blocklist)
          .build();
    } catch (InvalidInputException e) {
      throw new InvalidRowException(source, 0, e.field(), e.reason(), e);
    }
  }

  // -- rows -----------------------------------------------------------------------------------

  private static Jurisdiction jurisdiction(Row r) {
    JurisdictionType type = r.enumValue("type", JurisdictionType.class);
    return new Jurisdiction(r.text("code"), type, r.optionalText("parent"), r.text("nameEn"), r.text("nameHi"));
  }

  private static Category category(Row r) {
    List<String> aliases = new ArrayList<>();
    List<JsonNode> items = r.optionalArray("aliases");
    for (int i = 0; i < items.size(); i++) {
      aliases.add(r.text(items.get(i), "aliases[" + i + "]"));
    }
    return new Category(
        r.text("code"),
        r.optionalText("parent"),
        r.text("department"),
        r.text("nameEn"),
        r.text("nameHi"),
        aliases,
        r.enumValue("defaultKind", Kind.class),
        r.text("slaPolicy"));
  }

  private static Post post(Row r) {
    PostId id = r.value("id", () -> PostId.of(r.text("id")));
    Level level = level(r);
    Optional<PostId> reportsTo = r.optionalText("reportsTo").map(s -> r.value("reportsTo", () -> PostId.of(s)));
    Set<PostDuty> duties = EnumSet.noneOf(PostDuty.class);
    List<JsonNode> items = r.optionalArray("duties");
    for (int i = 0; i < items.size(); i++) {
      String at = "duties[" + i + "]";
      PostDuty duty = r.enumValue(r.text(items.get(i), at), at, PostDuty.class);
      if (!duties.add(duty)) {
        throw r.fail(at, "repeats the duty " + duty);
      }
    }
    Optional<Officer> holder = r.optionalObject("holder", HOLDER_FIELDS).map(DirectoryReader::officer);
    return r.build(() -> new Post(id, r.text("title"), r.text("department"), r.text("jurisdiction"), level, reportsTo, duties, holder));
  }

  private static Level level(Row r) {
    JsonNode v = r.required("level");
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return r.value("level", () -> Level.of(v.intValue()));
    }
    String s = r.text("level");
    Matcher m = LEVEL.matcher(s);
    if (!m.matches()) {
      throw r.fail("level", "must be 'L' followed by the rung, e.g. \"L1\", or the rung as a number, e.g. 1 (was '" + s + "')");
    }
    return r.value("level", () -> Level.of(Integer.parseInt(m.group(1))));
  }

  private static Officer officer(Row r) {
    String tag = r.text("language");
    Language language = null;
    for (Language l : Language.values()) {
      if (l.tag().equals(tag)) {
        language = l;
      }
    }
    if (language == null) {
      throw r.fail("language", "must be \"en\" or \"hi\" (was '" + tag + "')");
    }
    PhoneNumber phone = r.value("phone", () -> PhoneNumber.parse(r.text("phone")));
    boolean whatsapp = r.optionalBoolean("whatsapp").orElse(false);
    Language chosen = language;
    return r.build(() -> new Officer(r.text("id"), r.text("name"), phone, whatsapp, chosen));
  }

  private static BlockEntry blockEntry(Row r) {
    PhoneNumber phone = r.value("phone", () -> PhoneNumber.parse(r.text("phone")));
    Instant blockedAt = r.instant("blockedAt");
    Optional<Instant> expiresAt = r.has("expiresAt") ? Optional.of(r.instant("expiresAt")) : Optional.empty();
    return new BlockEntry(phone, r.text("reason"), r.text("blockedBy"), blockedAt, expiresAt);
  }

  private static DutyRoster roster(Section s, Posts posts) {
    Map<LocalDate, PostId> byDate = new LinkedHashMap<>();
    Map<LocalDate, Integer> rowOf = new HashMap<>();
    for (Row r : s.rows()) {
      LocalDate date = r.date("date");
      PostId post = r.value("post", () -> PostId.of(r.text("post")));
      Integer first = rowOf.putIfAbsent(date, r.row);
      if (first != null) {
        throw r.fail("date", "repeats the date " + date + " of row " + first + " (one post per day)");
      }
      if (posts.find(post).isEmpty()) {
        throw r.fail("post", "unknown post '" + post + "'");
      }
      byDate.put(date, post);
    }
    return DutyRoster.of(byDate);
  }

  // -- a section and its rows -----------------------------------------------------------------

  /** One top-level array of the document. */
  private static final class Section {
    final String source;
    final String name;
    final JsonNode array;
    final List<String> allowed;

    Section(JsonNode root, String source, String name, List<String> allowed, boolean required) {
      this.source = source + "#" + name;
      this.name = name;
      this.allowed = allowed;
      JsonNode v = root.get(name);
      if (v == null || v.isNull()) {
        if (required) {
          throw new InvalidRowException(source, 0, name, "is required: a JSON array, [] for none");
        }
        v = MAPPER.createArrayNode();
      }
      if (!v.isArray()) {
        throw new InvalidRowException(source, 0, name, "must be a JSON array (was " + Fields.shape(v) + ")");
      }
      this.array = v;
    }

    List<Row> rows() {
      List<Row> out = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        out.add(Row.of(array.get(i), source, i + 1, "", allowed, "an element of " + name));
      }
      return out;
    }

    /**
     * Reads each row into an element, then the elements into a registry; a registry's refusal of
     * element {@code i} is reported at row {@code i + 1}, its field renamed by {@code rename}.
     */
    <E, R> R registry(Function<List<E>, R> of, Function<Row, E> element, Function<String, String> rename) {
      List<E> elements = new ArrayList<>();
      for (Row r : rows()) {
        elements.add(r.build(() -> element.apply(r), rename));
      }
      try {
        return of.apply(elements);
      } catch (InvalidInputException e) {
        Matcher m = ELEMENT_FIELD.matcher(e.field());
        if (m.matches()) {
          String field = m.group(2).isEmpty() ? DOCUMENT : rename.apply(m.group(2));
          throw new InvalidRowException(source, Integer.parseInt(m.group(1)) + 1, field, e.reason(), e);
        }
        throw new InvalidRowException(source, 0, name, e.getMessage(), e);
      }
    }
  }

  /** One object of a row, checked against the fields it may have; {@code prefix} places it in its row. */
  private static final class Row {
    final JsonNode node;
    final String source;
    final int row;
    final String prefix;

    private Row(JsonNode node, String source, int row, String prefix) {
      this.node = node;
      this.source = source;
      this.row = row;
      this.prefix = prefix;
    }

    static Row of(JsonNode node, String source, int row, String path, List<String> allowed, String what) {
      if (!node.isObject()) {
        throw new InvalidRowException(
            source, row, path.isEmpty() ? DOCUMENT : path, "must be a JSON object, " + what + " (was " + Fields.shape(node) + ")");
      }
      String prefix = path.isEmpty() ? "" : path + ".";
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!allowed.contains(name)) {
          throw new InvalidRowException(
              source, row, prefix + name, "is not a field of " + what + "; allowed: " + String.join(", ", allowed));
        }
      }
      return new Row(node, source, row, prefix);
    }

    InvalidRowException fail(String field, String reason) {
      return new InvalidRowException(source, row, prefix + field, reason);
    }

    /** Makes a domain value whose refusal concerns exactly {@code field}. */
    <T> T value(String field, Supplier<T> make) {
      try {
        return make.get();
      } catch (InvalidInputException e) {
        throw new InvalidRowException(source, row, prefix + field, e.reason(), e);
      }
    }

    /** Makes a domain object whose refusal names one of this object's fields. */
    <T> T build(Supplier<T> make) {
      return build(make, Function.identity());
    }

    <T> T build(Supplier<T> make, Function<String, String> rename) {
      try {
        return make.get();
      } catch (InvalidInputException e) {
        throw new InvalidRowException(source, row, prefix + rename.apply(e.field()), e.reason(), e);
      }
    }

    boolean has(String field) {
      JsonNode v = node.get(field);
      return v != null && !v.isNull();
    }

    JsonNode required(String field) {
      if (!has(field)) {
        throw fail(field, "is required");
      }
      return node.get(field);
    }

    String text(String field) {
      return text(required(field), field);
    }

    String text(JsonNode v, String field) {
      if (!v.isTextual()) {
        throw fail(field, "must be a JSON string (was " + Fields.shape(v) + ")");
      }
      return v.textValue();
    }

    Optional<String> optionalText(String field) {
      return has(field) ? Optional.of(text(field)) : Optional.empty();
    }

    Optional<Boolean> optionalBoolean(String field) {
      if (!has(field)) {
        return Optional.empty();
      }
      JsonNode v = node.get(field);
      if (!v.isBoolean()) {
        throw fail(field, "must be true or false (was " + Fields.shape(v) + ")");
      }
      return Optional.of(v.booleanValue());
    }

    List<JsonNode> optionalArray(String field) {
      if (!has(field)) {
        return List.of();
      }
      JsonNode v = node.get(field);
      if (!v.isArray()) {
        throw fail(field, "must be a JSON array (was " + Fields.shape(v) + ")");
      }
      List<JsonNode> out = new ArrayList<>();
      v.forEach(out::add);
      return out;
    }

    Optional<Row> optionalObject(String field, List<String> allowed) {
      return has(field) ? Optional.of(of(node.get(field), source, row, prefix + field, allowed, "a " + field)) : Optional.empty();
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) {
      return enumValue(text(field), field, type);
    }

    <E extends Enum<E>> E enumValue(String s, String field, Class<E> type) {
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(s)) {
          return constant;
        }
      }
      List<String> known = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        known.add(constant.name());
      }
      throw fail(field, "must be one of " + String.join(", ", known) + " (was '" + s + "')");
    }

    Instant instant(String field) {
      String s = text(field);
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        throw fail(field, "must be an ISO-8601 instant in UTC such as '2024-05-20T06:30:00Z' (was '" + s + "')");
      }
    }

    LocalDate date(String field) {
      String s = text(field);
      try {
        if (DATE.matcher(s).matches()) {
          return LocalDate.parse(s);
        }
      } catch (DateTimeParseException e) {
        // refused below
      }
      throw fail(field, "must be a date YYYY-MM-DD that exists, e.g. '2024-05-06' (was '" + s + "')");
    }
  }

  /** The fields each kind of object may have, in documentation order; for tests. */
  static Map<String, List<String>> fieldsByObject() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    out.put("document", SECTIONS);
    out.put("departments", DEPARTMENT_FIELDS);
    out.put("jurisdictions", JURISDICTION_FIELDS);
    out.put("categories", CATEGORY_FIELDS);
    out.put("posts", POST_FIELDS);
    out.put("holder", HOLDER_FIELDS);
    out.put("roster", ROSTER_FIELDS);
    out.put("blocklist", BLOCK_FIELDS);
    return out;
  }
}
