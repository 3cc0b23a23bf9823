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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Kind;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.directory.AdditionalCharge;
import org.nivaran.grievance.directory.BlockEntry;
import org.nivaran.grievance.directory.Blocklist;
import org.nivaran.grievance.directory.Categories;
import org.nivaran.grievance.directory.Category;
import org.nivaran.grievance.sla.Priority;
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
import org.nivaran.grievance.json.Fields.Failures;
import org.nivaran.grievance.json.Fields.Schema;

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
      List.of("departments", "jurisdictions", "categories", "posts", "additionalCharges", "roster", "blocklist");
  private static final List<String> DEPARTMENT_FIELDS = List.of("code", "nameEn", "nameHi");
  private static final List<String> JURISDICTION_FIELDS = List.of("code", "type", "parent", "nameEn", "nameHi");
  private static final List<String> CATEGORY_FIELDS =
      List.of("code", "parent", "department", "nameEn", "nameHi", "aliases", "defaultKind", "slaPolicy", "defaultPriority");
  private static final List<String> POST_FIELDS =
      List.of("id", "title", "department", "jurisdiction", "level", "reportsTo", "duties", "holder");
  private static final List<String> HOLDER_FIELDS = List.of("id", "name", "phone", "whatsapp", "language");
  private static final List<String> CHARGE_FIELDS = List.of("post", "officerId", "from", "until", "givenBy", "reason");
  private static final List<String> ROSTER_FIELDS = List.of("date", "post");
  private static final List<String> BLOCK_FIELDS = List.of("phone", "reason", "blockedBy", "blockedAt", "expiresAt");
  /** The document: an object whose fields are the sections. */
  private static final Schema DOCUMENT_SCHEMA = new Schema(
      "a JSON object with the sections " + String.join(", ", SECTIONS), "a section of a directory", SECTIONS);
  private static final Schema HOLDER = Schema.of("a holder", HOLDER_FIELDS);

  /** Jackson's "[Source: ...; line: 3, column: 5]", which names no useful source here. */
  private static final Pattern JACKSON_SOURCE = Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]");
  /** A registry's path of one element's field: {@code posts[3].reportsTo}. */
  private static final Pattern ELEMENT_FIELD = Pattern.compile("[A-Za-z]*\\[(\\d+)\\]\\.?(.*)");
  /** A JSON path below a section: {@code posts[3].holder.phone}. */
  private static final Pattern SECTION_PATH = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)\\]\\.?(.*))?");
  private static final Pattern LEVEL = Pattern.compile("L([0-9]{1,2})");

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
            source, 0, DOCUMENT, "holds more than one JSON value (the second starts at " + ParserPlaces.where(p.currentTokenLocation()) + ")");
      }
    } catch (JsonProcessingException e) {
      String reason = "is not valid JSON at " + ParserPlaces.where(e.getLocation()) + ": "
          + JACKSON_SOURCE.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2");
      String path = reason.contains("Unexpected end-of-input") ? "" : ParserPlaces.pathOf(p.getParsingContext());
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
    Fields document = Fields.of(root, "", failures(source, 0), DOCUMENT_SCHEMA);
    Section d = new Section(document, source, "departments", DEPARTMENT_FIELDS, true);
    Departments departments = d.registry(
        Departments::of, r -> new Department(r.text("code"), r.text("nameEn"), r.text("nameHi")), Function.identity());

    Section j = new Section(document, source, "jurisdictions", JURISDICTION_FIELDS, false);
    Jurisdictions jurisdictions = j.registry(Jurisdictions::of, DirectoryReader::jurisdiction, Function.identity());

    Section c = new Section(document, source, "categories", CATEGORY_FIELDS, false);
    Categories categories = c.registry(
        list -> Categories.of(list, departments),
        DirectoryReader::category,
        field -> field.equals("escalationPolicyId") ? "slaPolicy" : field);

    Section p = new Section(document, source, "posts", POST_FIELDS, false);
    Posts held = p.registry(list -> Posts.of(list, departments, jurisdictions), DirectoryReader::post, Function.identity());
    Section ac = new Section(document, source, "additionalCharges", CHARGE_FIELDS, false);
    Posts posts = ac.registry(held::withCharges, DirectoryReader::charge, Function.identity());

    DutyRoster roster = roster(new Section(document, source, "roster", ROSTER_FIELDS, false), posts);

    Section b = new Section(document, source, "blocklist", BLOCK_FIELDS, false);
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

  /**
   * Every failure in {@code row} of {@code source} (row 0: the document as a whole), naming the
   * field within the row, or {@code document} for the row itself.
   */
  private static Failures failures(String source, int row) {
    return Failures.reasons(
        (path, reason, cause) -> new InvalidRowException(source, row, path.isEmpty() ? DOCUMENT : path, reason, cause));
  }

  // -- rows -----------------------------------------------------------------------------------

  private static Jurisdiction jurisdiction(Fields r) {
    JurisdictionType type = r.enumValue("type", JurisdictionType.class);
    return new Jurisdiction(r.text("code"), type, r.optionalText("parent"), r.text("nameEn"), r.text("nameHi"));
  }

  /** A category; its escalation policy is the JSON field {@code slaPolicy}. */
  private static Category category(Fields r) {
    List<String> aliases = r.texts("aliases", (alias, path) -> alias);
    return new Category(
        r.text("code"),
        r.optionalText("parent"),
        r.text("department"),
        r.text("nameEn"),
        r.text("nameHi"),
        aliases,
        r.enumValue("defaultKind", Kind.class),
        r.text("slaPolicy"),
        r.has("defaultPriority") ? r.enumValue("defaultPriority", Priority.class) : Priority.NORMAL);
  }

  private static Post post(Fields r) {
    PostId id = r.fieldValue("id", () -> PostId.of(r.text("id")));
    Level level = level(r);
    Optional<PostId> reportsTo = r.optionalText("reportsTo").map(s -> r.fieldValue("reportsTo", () -> PostId.of(s)));
    Set<PostDuty> duties = EnumSet.noneOf(PostDuty.class);
    r.texts("duties", (name, path) -> {
      PostDuty duty = r.constant(name, path, PostDuty.class);
      if (!duties.add(duty)) {
        throw r.failAt(path, "repeats the duty " + duty);
      }
      return duty;
    });
    Optional<Officer> holder = r.optionalObject("holder", HOLDER).map(DirectoryReader::officer);
    return r.build(() -> new Post(id, r.text("title"), r.text("department"), r.text("jurisdiction"), level, reportsTo, duties, holder));
  }

  private static Level level(Fields r) {
    JsonNode v = r.required("level");
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return r.fieldValue("level", () -> Level.of(v.intValue()));
    }
    String s = r.text("level");
    Matcher m = LEVEL.matcher(s);
    if (!m.matches()) {
      throw r.fail("level", "must be 'L' followed by the rung, e.g. \"L1\", or the rung as a number, e.g. 1 (was '" + s + "')");
    }
    return r.fieldValue("level", () -> Level.of(Integer.parseInt(m.group(1))));
  }

  private static Officer officer(Fields r) {
    Language language = r.fieldValue("language", () -> Language.of(r.text("language")));
    PhoneNumber phone = r.fieldValue("phone", () -> PhoneNumber.parse(r.text("phone")));
    boolean whatsapp = r.optionalBoolean("whatsapp").orElse(false);
    return r.build(() -> new Officer(r.text("id"), r.text("name"), phone, whatsapp, language));
  }

  private static AdditionalCharge charge(Fields r) {
    PostId post = r.fieldValue("post", () -> PostId.of(r.text("post")));
    Instant from = instant(r, "from");
    Instant until = instant(r, "until");
    return new AdditionalCharge(post, r.text("officerId"), from, until, r.text("givenBy"), r.text("reason"));
  }

  private static BlockEntry blockEntry(Fields r) {
    PhoneNumber phone = r.fieldValue("phone", () -> PhoneNumber.parse(r.text("phone")));
    Instant blockedAt = instant(r, "blockedAt");
    Optional<Instant> expiresAt = r.has("expiresAt") ? Optional.of(instant(r, "expiresAt")) : Optional.empty();
    return new BlockEntry(phone, r.text("reason"), r.text("blockedBy"), blockedAt, expiresAt);
  }

  private static Instant instant(Fields r, String field) {
    return r.parsed(field, Instant::parse, "an ISO-8601 instant in UTC such as '2024-05-20T06:30:00Z'");
  }

  private static DutyRoster roster(Section s, Posts posts) {
    Map<LocalDate, PostId> byDate = new LinkedHashMap<>();
    Map<LocalDate, Integer> rowOf = new HashMap<>();
    List<Fields> rows = s.rows();
    for (int i = 0; i < rows.size(); i++) {
      Fields r = rows.get(i);
      LocalDate date = r.date("date", "2024-05-06");
      PostId post = r.fieldValue("post", () -> PostId.of(r.text("post")));
      Integer first = rowOf.putIfAbsent(date, i + 1);
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

  /** One top-level array of the document, each element a row read through {@link Fields}. */
  private static final class Section {
    final String source;
    final String name;
    final List<JsonNode> array;
    final Schema schema;

    Section(Fields document, String source, String name, List<String> allowed, boolean required) {
      this.source = source + "#" + name;
      this.name = name;
      this.schema = Schema.of("an element of " + name, allowed);
      if (required && !document.has(name)) {
        throw document.fail(name, "is required: a JSON array, [] for none");
      }
      this.array = document.optionalArray(name);
    }

    /** The rows, each checked against the section's fields; row {@code i + 1} is element {@code i}. */
    List<Fields> rows() {
      List<Fields> out = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        out.add(Fields.of(array.get(i), "", failures(source, i + 1), schema));
      }
      return out;
    }

    /**
     * Reads each row into an element, then the elements into a registry; a registry's refusal of
     * element {@code i} is reported at row {@code i + 1}, its field renamed by {@code rename}.
     */
    <E, R> R registry(Function<List<E>, R> of, Function<Fields, E> element, Function<String, String> rename) {
      List<E> elements = new ArrayList<>();
      for (Fields r : rows()) {
        elements.add(r.buildNaming(() -> element.apply(r), rename));
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

  /** The fields each kind of object may have, in documentation order; for tests. */
  static Map<String, List<String>> fieldsByObject() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    out.put("document", SECTIONS);
    out.put("departments", DEPARTMENT_FIELDS);
    out.put("jurisdictions", JURISDICTION_FIELDS);
    out.put("categories", CATEGORY_FIELDS);
    out.put("posts", POST_FIELDS);
    out.put("holder", HOLDER_FIELDS);
    out.put("additionalCharges", CHARGE_FIELDS);
    out.put("roster", ROSTER_FIELDS);
    out.put("blocklist", BLOCK_FIELDS);
    return out;
  }
}
