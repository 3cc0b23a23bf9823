package org.nivaran.grievance.directory;

import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Kind;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.internal.Csv;
import org.nivaran.grievance.internal.Texts;

/**
 * Reads the registries of a directory from CSV tables, one table per registry, as described in
 * {@code docs/registry-format.md} (section "CSV tables").
 *
 * <pre>{@code
 * Departments departments = CsvTables.departments(Path.of("departments.csv"));
 * Categories categories = CsvTables.categories(Path.of("categories.csv"), departments);
 * Jurisdictions jurisdictions = CsvTables.jurisdictions(Path.of("jurisdictions.csv"));
 * Posts posts = CsvTables.posts(Path.of("posts.csv"), departments, jurisdictions);
 * }</pre>
 *
 * <p>Each table is RFC 4180 CSV in UTF-8 (a byte-order mark is allowed) with a header row that
 * must name exactly the table's columns, in order (the last column of a categories table,
 * {@code defaultPriority}, may be left out: tables written before it existed read as {@code
 * NORMAL}). An empty cell is an absent value; surrounding
 * spaces in a cell are ignored. Lists inside a cell (aliases, duties) are separated by {@code |}.
 * Every problem, from malformed CSV to an unknown department, is an {@link InvalidRowException}
 * naming the source, the line number, the column and the reason, e.g. {@code categories.csv row
 * 17, field department: unknown department 'XYZ'}; a problem with the header names row 1.
 *
 * <p>Stateless and thread-safe.
 */
public final class CsvTables {
  /** The columns of a departments table, in order. */
  public static final List<String> DEPARTMENT_COLUMNS = List.of("code", "nameEn", "nameHi");
  /** The columns of a categories table, in order; the last, {@code defaultPriority}, may be left out. */
  public static final List<String> CATEGORY_COLUMNS =
      List.of(
          "code", "parent", "department", "nameEn", "nameHi", "aliases", "defaultKind", "slaPolicy", "defaultPriority");
  /** The columns of a jurisdictions table, in order. */
  public static final List<String> JURISDICTION_COLUMNS = List.of("code", "type", "parent", "nameEn", "nameHi");
  /** The columns of a posts table, in order. */
  public static final List<String> POST_COLUMNS =
      List.of(
          "id", "title", "department", "jurisdiction", "level", "reportsTo", "duties",
          "holderId", "holderName", "holderPhone", "holderWhatsapp", "holderLanguage");
  /** The columns of an additional charges table, in order. */
  public static final List<String> CHARGE_COLUMNS = List.of("post", "officerId", "from", "until", "givenBy", "reason");

  private static final Pattern ELEMENT = Pattern.compile("[A-Za-z]+\\[(\\d+)](?:\\.([A-Za-z]+).*)?");
  private static final Pattern LEVEL = Pattern.compile("[Ll]?(\\d{1,2})");
  private static final Map<String, String> CATEGORY_FIELDS = Map.of("escalationPolicyId", "slaPolicy");
  private static final Map<String, String> POST_FIELDS = Map.of("post", "id", "holder", "holderId");
  private static final Map<String, String> OFFICER_FIELDS =
      Map.of("id", "holderId", "name", "holderName", "phone", "holderPhone", "language", "holderLanguage");

  private CsvTables() {}

  /**
   * Reads a departments table: {@code code,nameEn,nameHi}.
   *
   * @param in the CSV text; read to the end, not closed
   * @param source the name to report problems under, e.g. {@code departments.csv}
   * @return the departments, in table order
   * @throws InvalidRowException on the first problem, naming its line and column
   * @throws UncheckedIOException if reading fails
   */
  public static Departments departments(Reader in, String source) {
    return departments(source, () -> Csv.read(Texts.required(in, "in")));
  }

  /**
   * Reads a departments table from a UTF-8 file; problems are reported under the file's name.
   *
   * @param file the file
   * @return the departments, in table order
   * @throws InvalidRowException on the first problem, naming its line and column
   * @throws UncheckedIOException if the file cannot be read
   */
  public static Departments departments(Path file) {
    return departments(nameOf(file), () -> Csv.read(file));
  }

  private static Departments departments(String source, Supplier<Csv.Table> read) {
    Table t = Table.read(source, read, DEPARTMENT_COLUMNS);
    List<Department> list = new ArrayList<>();
    for (Cells row : t.rows()) {
      list.add(row.build(
          () -> new Department(row.required("code"), row.required("nameEn"), row.required("nameHi")), Map.of()));
    }
    return t.registry(() -> Departments.of(list), "code", Map.of());
  }

  /**
   * Reads a categories table: {@code code,parent,department,nameEn,nameHi,aliases,defaultKind,
   * slaPolicy,defaultPriority}. {@code parent} may be empty (a top-level category) and may name a
   * category on a later line; {@code aliases} is a {@code |}-separated list and may be empty; {@code
   * defaultKind} is {@code COMPLAINT}, {@code SUGGESTION} or {@code DEMAND} in any case; {@code
   * defaultPriority} is {@code URGENT}, {@code HIGH}, {@code NORMAL} or {@code LOW} in any case,
   * {@code NORMAL} when empty or when the column is left out.
   *
   * @param in the CSV text; read to the end, not closed
   * @param source the name to report problems under, e.g. {@code categories.csv}
   * @param departments the departments the categories belong to
   * @return the categories, in table order
   * @throws InvalidRowException on the first problem, naming its line and column
   * @throws UncheckedIOException if reading fails
   */
  public static Categories categories(Reader in, String source, Departments departments) {
    return categories(source, () -> Csv.read(Texts.required(in, "in")), departments);
  }

  /**
   * Reads a categories table from a UTF-8 file; problems are reported under the file's name.
   *
   * @param file the file
   * @param departments the departments the categories belong to
   * @return the categories, in table order
   * @throws InvalidRowException on the first problem, naming its line and column
   * @throws UncheckedIOException if the file cannot be read
   * @see #categories(Reader, String, Departments)
   */
  public static Categories categories(Path file, Departments departments) {
    return categories(nameOf(file), () -> Csv.read(file), departments);
  }

  private static Categories categories(String source, Supplier<Csv.Table> read, Departments departments) {
    Texts.required(departments, "departments");
    Table t = Table.read(source, read, CATEGORY_COLUMNS, true);
    List<Category> list = new ArrayList<>();
    for (Cells row : t.rows()) {
      list.add(row.build(
          () -> new Category(
              row.required("code"),
              row.optional("parent"),
              row.required("department"),
              row.required("nameEn"),
              row.required("nameHi"),
              row.list("aliases"),
              row.constant("defaultKind", Kind.class, row.required("defaultKind")),
              row.required("slaPolicy"),
              row.optional("defaultPriority").map(p -> row.constant("defaultPriority", Priority.class, p))
                  .orElse(Priority.NORMAL)),
          CATEGORY_FIELDS));
    }
    return t.registry(() -> Categories.of(list, departments), "code", CATEGORY_FIELDS);
  }

  /**
   * Reads a jurisdictions table: {@code code,type,parent,nameEn,nameHi}. {@code type} is a {@link
   * JurisdictionType} name in any case; {@code parent} is empty for the root and may name a
   * jurisdiction on a later line.
   *
   * @param in the CSV text; read to the end, not closed
   * @param source the name to report problems under, e.g. {@code jurisdictions.csv}
   * @return the jurisdictions, in table order
   * @throws InvalidRowException on the first problem, naming its line and column
   * @throws UncheckedIOException if reading fails
   */
  public static Jurisdictions jurisdictions(Reader in, String source) {
    return jurisdictions(source, () -> Csv.read(Texts.required(in, "in")));
  }

  /**
   * Reads a jurisdictions table from a UTF-8 file; problems are reported under the file's name.
   *
   * @param file the file
   * @return the jurisdictions, in table order
   * @throws InvalidRowException on the first problem, naming its line and column
   * @throws UncheckedIOException if the file cannot be read
   * @see #jurisdictions(Reader, String)
   */
  public static Jurisdictions jurisdictions(Path file) {
    return jurisdictions(nameOf(file), () -> Csv.read(file));
  }

  private static Jurisdictions jurisdictions(String source, Supplier<Csv.Table> read) {
    Table t = Table.read(source, read, JURISDICTION_COLUMNS);
    List<Jurisdiction> list = new ArrayList<>();
    for (Cells row : t.rows()) {
      list.add(row.build(
          () -> new Jurisdiction(
              row.required("code"),
              row.constant("type", JurisdictionType.class, row.required("type")),
              row.optional("parent"),
              row.required("nameEn"),
              row.required("nameHi")),
          Map.of()));
    }
    return t.registry(() -> Jurisdictions.of(list), "code", Map.of());
  }

  /**
   * Reads a posts table: {@code id,title,department,jurisdiction,level,reportsTo,duties,holderId,
   * holderName,holderPhone,holderWhatsapp,holderLanguage}. {@code level} is {@code L1} or {@code
   * 1} (any rung 0 to 99); {@code reportsTo} may be empty and may name a post on a later line;
   * {@code duties} is a {@code |}-separated list of {@link PostDuty} names in any case, possibly
   * empty. A vacant post leaves all six holder columns empty; a held post needs {@code holderId},
   * {@code holderName}, {@code holderPhone} and {@code holderLanguage} ({@code hi} or {@code en});
   * {@code holderWhatsapp} is {@code true}/{@code yes} or {@code false}/{@code no}, false if
   * empty.
   *
   * @param in the CSV text; read to the end, not closed
   * @param source the name to report problems under, e.g. {@code posts.csv}
   * @param departments the departments the posts belong to
   * @param jurisdictions the jurisdictions the posts serve
   * @return the posts, in table order
   * @throws InvalidRowException on the first problem, naming its line and column
   * @throws UncheckedIOException if reading fails
   */
  public static Posts posts(Reader in, String source, Departments departments, Jurisdictions jurisdictions) {
    return posts(source, () -> Csv.read(Texts.required(in, "in")), departments, jurisdictions);
  }

  /**
   * Reads a posts table from a UTF-8 file; problems are reported under the file's name.
   *
   * @param file the file
   * @param departments the departments the posts belong to
   * @param jurisdictions the jurisdictions the posts serve
   * @return the posts, in table order
   * @throws InvalidRowException on the first problem, naming its line and column
   * @throws UncheckedIOException if the file cannot be read
   * @see #posts(Reader, String, Departments, Jurisdictions)
   */
  public static Posts posts(Path file, Departments departments, Jurisdictions jurisdictions) {
    return posts(nameOf(file), () -> Csv.read(file), departments, jurisdictions);
  }

  private static Posts posts(
      String source, Supplier<Csv.Table> read, Departments departments, Jurisdictions jurisdictions) {
    Texts.required(departments, "departments");
    Texts.required(jurisdictions, "jurisdictions");
    Table t = Table.read(source, read, POST_COLUMNS);
    List<Post> list = new ArrayList<>();
    for (Cells row : t.rows()) {
      Optional<Officer> holder = holder(row);
      list.add(row.build(
          () -> new Post(
              PostId.of(row.required("id")),
              row.required("title"),
              row.required("department"),
              row.required("jurisdiction"),
              level(row),
              row.optional("reportsTo").map(PostId::of),
              duties(row),
              holder),
          POST_FIELDS));
    }
    return t.registry(() -> Posts.of(list, departments, jurisdictions), "id", POST_FIELDS);
  }

  /**
   * Reads an additional charges table onto posts already read: {@code post,officerId,from,until,
   * givenBy,reason}, {@code from} and {@code until} ISO-8601 instants such as {@code
   * 2024-05-31T18:30:00Z}. Refused as {@link Posts#withCharges} refuses (a post with a holder, an
   * officer who holds no post, ...), naming the row and column.
   *
   * @param in the CSV text; read to the end, not closed
   * @param source the name to report problems under, e.g. {@code additional-charges.csv}
   * @param posts the posts, with their holders
   * @return the posts with these charges
   * @throws InvalidRowException on the first problem, naming its line and column
   * @throws UncheckedIOException if reading fails
   */
  public static Posts additionalCharges(Reader in, String source, Posts posts) {
    Texts.required(posts, "posts");
    Table t = Table.read(source, () -> Csv.read(Texts.required(in, "in")), CHARGE_COLUMNS);
    List<AdditionalCharge> list = new ArrayList<>();
    for (Cells row : t.rows()) {
      list.add(row.build(() -> new AdditionalCharge(PostId.of(row.required("post")), row.required("officerId"),
          instant(row, "from"), instant(row, "until"), row.required("givenBy"), row.required("reason")), Map.of()));
    }
    return t.registry(() -> posts.withCharges(list), "post", Map.of());
  }

  private static Instant instant(Cells row, String column) {
    try {
      return Instant.parse(row.required(column));
    } catch (DateTimeParseException e) {
      throw row.error(column, "must be an ISO-8601 instant such as 2024-05-31T18:30:00Z (was '" + row.value(column) + "')");
    }
  }

  private static Level level(Cells row) {
    String raw = row.required("level");
    Matcher m = LEVEL.matcher(raw);
    if (!m.matches()) {
      throw row.error("level", "must be a level such as L1 or 1 (was '" + raw + "')");
    }
    return Level.of(Integer.parseInt(m.group(1)));
  }

  private static Set<PostDuty> duties(Cells row) {
    Set<PostDuty> duties = EnumSet.noneOf(PostDuty.class);
    for (String d : row.list("duties")) {
      duties.add(row.constant("duties", PostDuty.class, d));
    }
    return duties;
  }

  private static Optional<Officer> holder(Cells row) {
    Optional<String> id = row.optional("holderId");
    if (id.isEmpty()) {
      for (String column : List.of("holderName", "holderPhone", "holderWhatsapp", "holderLanguage")) {
        if (row.optional(column).isPresent()) {
          throw row.error(column, "is given, but holderId is empty (a vacant post leaves all holder columns empty)");
        }
      }
      return Optional.empty();
    }
    return Optional.of(row.build(
        () -> new Officer(
            id.get(),
            row.required("holderName"),
            PhoneNumber.parse(row.required("holderPhone"), "holderPhone"),
            row.optional("holderWhatsapp").map(w -> yesNo(row, w)).orElse(false),
            language(row, row.required("holderLanguage"))),
        OFFICER_FIELDS));
  }

  private static boolean yesNo(Cells row, String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true":
      case "yes":
        return true;
      case "false":
      case "no":
        return false;
      default:
        throw row.error("holderWhatsapp", "must be true, false, yes or no (was '" + value + "')");
    }
  }

  private static Language language(Cells row, String value) {
    for (Language l : Language.values()) {
      if (l.name().equalsIgnoreCase(value)) {
        return l;
      }
    }
    try {
      return Language.of(value);
    } catch (InvalidInputException e) {
      throw row.error("holderLanguage", "must be a BCP 47 tag such as hi or en (was '" + value + "')");
    }
  }

  private static String nameOf(Path file) {
    Texts.required(file, "file");
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }

  /** A read table whose header has been checked. */
  private record Table(String source, List<String> columns, List<Cells> rows) {
    static Table read(String source, Supplier<Csv.Table> reader, List<String> columns) {
      return read(source, reader, columns, false);
    }

    /** A table whose last column may be left out of the header when {@code lastOptional}. */
    static Table read(String source, Supplier<Csv.Table> reader, List<String> all, boolean lastOptional) {
      Texts.required(source, "source");
      List<String> columns = all;
      Csv.Table csv;
      try {
        csv = reader.get();
      } catch (Csv.MalformedCsvException e) {
        String field = e.column() >= 0 && e.column() < columns.size() ? columns.get(e.column()) : "row";
        throw new InvalidRowException(source, e.line(), field, e.reason(), e);
      }
      if (lastOptional && !csv.header().fields().contains(all.get(all.size() - 1))) {
        columns = all.subList(0, all.size() - 1);
      }
      checkHeader(source, csv.header(), columns);
      List<Cells> rows = new ArrayList<>(csv.rows().size());
      for (Csv.Row r : csv.rows()) {
        rows.add(new Cells(source, columns, r));
      }
      return new Table(source, columns, rows);
    }

    /**
     * Builds the registry, first refusing a repeated key with both lines named, then turning the
     * registry's refusal of element {@code i} into a refusal of the i-th row.
     */
    <T> T registry(Supplier<T> build, String keyColumn, Map<String, String> renames) {
      Map<String, Integer> firstLine = new HashMap<>();
      for (Cells row : rows) {
        String key = row.value(keyColumn);
        Integer first = firstLine.putIfAbsent(key, row.line());
        if (first != null) {
          throw row.error(keyColumn, "repeats the " + keyColumn + " '" + key + "' of row " + first + " (must be unique)");
        }
      }
      try {
        return build.get();
      } catch (InvalidInputException e) {
        Matcher m = ELEMENT.matcher(e.field());
        if (m.matches() && Integer.parseInt(m.group(1)) < rows.size()) {
          Cells row = rows.get(Integer.parseInt(m.group(1)));
          String field = m.group(2) == null ? keyColumn : column(m.group(2), columns, renames);
          throw new InvalidRowException(source, row.line(), field, e.reason(), e);
        }
        throw new InvalidRowException(source, 0, e.field(), e.reason(), e);
      }
    }
  }

  private static void checkHeader(String source, Csv.Row header, List<String> columns) {
    List<String> names = header.fields();
    for (int i = 0; i < names.size(); i++) {
      if (names.subList(0, i).contains(names.get(i))) {
        throw new InvalidRowException(source, header.line(), names.get(i), "appears twice in the header" + expected(columns));
      }
    }
    for (String name : names) {
      if (!columns.contains(name)) {
        throw new InvalidRowException(source, header.line(), name, "is not a column of this table" + expected(columns));
      }
    }
    for (String column : columns) {
      if (!names.contains(column)) {
        throw new InvalidRowException(source, header.line(), column, "is missing from the header" + expected(columns));
      }
    }
    for (int i = 0; i < columns.size(); i++) {
      if (!columns.get(i).equals(names.get(i))) {
        throw new InvalidRowException(
            source, header.line(), names.get(i), "must not be column " + (i + 1) + expected(columns));
      }
    }
  }

  private static String expected(List<String> columns) {
    return " (the header must be exactly: " + String.join(",", columns) + ")";
  }

  private static String column(String field, List<String> columns, Map<String, String> renames) {
    String name = field;
    int bracket = name.indexOf('[');
    if (bracket >= 0) {
      name = name.substring(0, bracket);
    }
    int dot = name.indexOf('.');
    if (dot >= 0) {
      name = name.substring(0, dot);
    }
    name = renames.getOrDefault(name, name);
    return columns.contains(name) ? name : field;
  }

  /** The cells of one row, by column name. */
  private record Cells(String source, List<String> columns, Csv.Row row) {
    int line() {
      return row.line();
    }

    /** The cell's value without surrounding spaces; empty if absent. */
    String value(String column) {
      return row.get(index(column)).strip();
    }

    private int index(String column) {
      int i = columns.indexOf(column);
      if (i < 0) {
        throw new IllegalArgumentException("no column " + column);
      }
      return i;
    }

    String required(String column) {
      String v = value(column);
      if (v.isEmpty()) {
        throw error(column, "must not be empty");
      }
      return v;
    }

    Optional<String> optional(String column) {
      if (!columns.contains(column)) { // an optional column left out of the header
        return Optional.empty();
      }
      String v = value(column);
      return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    List<String> list(String column) {
      String v = value(column);
      if (v.isEmpty()) {
        return List.of();
      }
      String[] parts = v.split("\\|", -1);
      List<String> out = new ArrayList<>(parts.length);
      for (int i = 0; i < parts.length; i++) {
        String part = parts[i].strip();
        if (part.isEmpty()) {
          throw error(column, "item " + (i + 1) + " of the '|'-separated list is empty");
        }
        out.add(part);
      }
      return out;
    }

    <E extends Enum<E>> E constant(String column, Class<E> type, String value) {
      for (E e : type.getEnumConstants()) {
        if (e.name().equalsIgnoreCase(value)) {
          return e;
        }
      }
      throw error(
          column,
          "must be one of " + Arrays.toString(type.getEnumConstants()).replaceAll("[\\[\\]]", "") + " (was '" + value + "')");
    }

    InvalidRowException error(String column, String reason) {
      return new InvalidRowException(source, row.line(), column, reason);
    }

    /** Builds a value from the row, turning a refusal of one of its fields into a refusal of the row. */
    <T> T build(Supplier<T> build, Map<String, String> renames) {
      try {
        return build.get();
      } catch (InvalidInputException e) {
        throw new InvalidRowException(source, row.line(), column(e.field(), columns, renames), e.reason(), e);
      }
    }
  }
}
