package org.nivaran.grievance.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.calendar.OpenInterval;
import org.nivaran.grievance.calendar.WeeklySchedule;
import org.nivaran.grievance.internal.Texts;

/**
 * Reads calendar definitions (docs/calendar-format.md) from a JSON tree. Strict: a field the format
 * does not define is refused, because a misspelt field silently ignored would change deadlines.
 * Every failure is an {@link InvalidInputException} whose field is the JSON path of the offending
 * value, e.g. {@code schedules[1].hours.MONDAY}; the document as a whole is {@code document}.
 * Stateless and thread-safe.
 */
final class CalendarReader {
  /** The field name of a failure about the whole document. */
  static final String DOCUMENT = "document";

  static final String ALL_DAY = "24x7";
  private static final List<String> CALENDAR_FIELDS =
      List.of("id", "zone", ALL_DAY, "hours", "closedSaturdays", "holidays", "overrides", "schedules");
  private static final List<String> SCHEDULE_FIELDS = List.of("from", ALL_DAY, "hours", "closedSaturdays");
  private static final List<String> HOLIDAY_FIELDS = List.of("date", "name");
  private static final List<String> OVERRIDE_FIELDS = List.of("date", "name", "hours");
  private static final List<String> REGISTRY_FIELDS = List.of("calendars");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

  private CalendarReader() {}

  // -- documents ------------------------------------------------------------------------------

  /** A calendar document: one calendar object. */
  static BusinessCalendar calendarDocument(JsonNode root) {
    if (root != null && root.isArray()) {
      throw new InvalidInputException(
          DOCUMENT, "must be a JSON object, one calendar (was an array; read a list of calendars as a registry)");
    }
    return calendar(root, "");
  }

  /** A registry document: an array of calendars, or an object whose only field is {@code calendars}. */
  static CalendarRegistry registryDocument(JsonNode root) {
    List<Obj> calendars;
    if (root != null && root.isArray()) {
      calendars = Obj.elements(root, "", "a calendar", CALENDAR_FIELDS);
    } else {
      if (root != null && root.isObject() && !root.has("calendars") && root.has("id")) {
        throw new InvalidInputException(
            DOCUMENT, "is one calendar, not a registry: give an array of calendars or {\"calendars\": [...]}");
      }
      Obj registry = Obj.of(root, "", "a calendar registry", REGISTRY_FIELDS);
      calendars = registry.requiredObjects("calendars", "a calendar", CALENDAR_FIELDS);
    }
    Map<String, String> pathOfId = new HashMap<>();
    CalendarRegistry.Builder b = CalendarRegistry.builder();
    for (Obj c : calendars) {
      BusinessCalendar calendar = calendar(c);
      String first = pathOfId.putIfAbsent(calendar.id(), c.path);
      if (first != null) {
        throw new InvalidInputException(
            c.at("id"), "repeats the id '" + calendar.id() + "' of " + first + " (ids must be unique)");
      }
      b.add(calendar);
    }
    return b.build();
  }

  // -- calendar -------------------------------------------------------------------------------

  static BusinessCalendar calendar(JsonNode node, String path) {
    return calendar(Obj.of(node, path, "a calendar", CALENDAR_FIELDS));
  }

  private static BusinessCalendar calendar(Obj o) {
    String id = o.text("id");
    ZoneId zone = zone(o);
    BusinessCalendar.Builder b = at(o.at("id"), () -> BusinessCalendar.builder(id, zone));
    b.schedule(schedule(o));

    LocalDate previous = null;
    for (Obj s : o.objects("schedules", "a schedule version", SCHEDULE_FIELDS)) {
      LocalDate from = s.date("from");
      if (previous != null && !from.isAfter(previous)) {
        throw new InvalidInputException(
            s.at("from"),
            "must be after the 'from' of the version before it (" + previous + "): list versions in order, each date once (was " + from + ")");
      }
      previous = from;
      WeeklySchedule schedule = schedule(s);
      b.scheduleFrom(from, schedule);
    }

    Map<LocalDate, String> holidayPaths = new HashMap<>();
    for (Obj h : o.objects("holidays", "a holiday", HOLIDAY_FIELDS)) {
      LocalDate date = h.date("date");
      String name = h.text("name");
      String first = holidayPaths.putIfAbsent(date, h.path);
      if (first != null) {
        throw new InvalidInputException(h.at("date"), "repeats the date " + date + " of " + first + " (one holiday per date)");
      }
      at(h.at("name"), () -> b.holiday(date, name));
    }

    Map<LocalDate, String> overridePaths = new HashMap<>();
    for (Obj v : o.objects("overrides", "an override", OVERRIDE_FIELDS)) {
      LocalDate date = v.date("date");
      v.optionalText("name").ifPresent(name -> at(v.at("name"), () -> Texts.singleLine(name, "name", 100)));
      List<OpenInterval> hours = intervals(v.required("hours"), v.at("hours"));
      String first = overridePaths.putIfAbsent(date, v.path);
      if (first != null) {
        throw new InvalidInputException(v.at("date"), "repeats the date " + date + " of " + first + " (one override per date)");
      }
      at(v.at("hours"), () -> b.override(date, hours.toArray(OpenInterval[]::new)));
    }
    return b.build();
  }

  private static ZoneId zone(Obj o) {
    String text = o.text("zone");
    if (!ZONES.contains(text)) {
      throw new InvalidInputException(
          o.at("zone"), "must be an IANA time-zone id such as 'Asia/Kolkata' (was '" + text + "')");
    }
    return ZoneId.of(text);
  }

  // -- weekly schedule ------------------------------------------------------------------------

  /** The weekly schedule held by a calendar object or a schedule version. */
  private static WeeklySchedule schedule(Obj o) {
    if (o.optionalBoolean(ALL_DAY).orElse(false)) {
      for (String field : List.of("hours", "closedSaturdays")) {
        if (o.has(field)) {
          throw new InvalidInputException(o.at(field), "must not be given with \"24x7\": true");
        }
      }
      return WeeklySchedule.twentyFourSeven();
    }
    if (!o.has("hours")) {
      throw new InvalidInputException(o.at("hours"), "is required (or \"24x7\": true)");
    }
    String hoursPath = o.at("hours");
    JsonNode hours = o.required("hours");
    if (!hours.isObject()) {
      throw new InvalidInputException(hoursPath, "must be a JSON object from weekday to intervals (was " + Fields.shape(hours) + ")");
    }
    WeeklySchedule.Builder b = WeeklySchedule.builder();
    for (Iterator<Map.Entry<String, JsonNode>> it = hours.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String dayPath = hoursPath + "." + e.getKey();
      DayOfWeek day = weekday(e.getKey(), dayPath);
      if (e.getValue().isNull()) {
        continue; // null means absent: closed
      }
      List<OpenInterval> intervals = intervals(e.getValue(), dayPath);
      at(dayPath, () -> b.hours(day, intervals.toArray(OpenInterval[]::new)));
    }
    Set<Integer> seen = new TreeSet<>();
    List<JsonNode> saturdays = o.optionalArray("closedSaturdays");
    for (int i = 0; i < saturdays.size(); i++) {
      String path = o.at("closedSaturdays") + "[" + i + "]";
      JsonNode n = saturdays.get(i);
      if (!n.isIntegralNumber() || !n.canConvertToInt()) {
        throw new InvalidInputException(path, "must be an integer, 1 to 5 (was " + Fields.shape(n) + ")");
      }
      int ordinal = n.intValue();
      if (!seen.add(ordinal)) {
        throw new InvalidInputException(path, "repeats the Saturday " + ordinal);
      }
      at(path, () -> b.closedSaturdays(ordinal));
    }
    return at(hoursPath, b::build);
  }

  private static DayOfWeek weekday(String name, String path) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().equals(name)) {
        return d;
      }
    }
    throw new InvalidInputException(
        path, "is not a weekday: use MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY or SUNDAY (was '" + name + "')");
  }

  /** A list of {@code "HH:MM-HH:MM"} strings; overlaps are for the schedule or override to find. */
  private static List<OpenInterval> intervals(JsonNode node, String path) {
    if (!node.isArray()) {
      throw new InvalidInputException(
          path, "must be a JSON array of \"HH:MM-HH:MM\" intervals, [] when closed (was " + Fields.shape(node) + ")");
    }
    List<OpenInterval> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String itemPath = path + "[" + i + "]";
      JsonNode item = node.get(i);
      if (!item.isTextual()) {
        throw new InvalidInputException(itemPath, "must be a string \"HH:MM-HH:MM\" (was " + Fields.shape(item) + ")");
      }
      out.add(at(itemPath, () -> OpenInterval.parse(item.textValue())));
    }
    return out;
  }

  /** Runs {@code make}; a domain refusal is reported at {@code path} with the domain's reason. */
  private static <T> T at(String path, Supplier<T> make) {
    try {
      return make.get();
    } catch (InvalidInputException e) {
      throw new InvalidInputException(path.isEmpty() ? DOCUMENT : path, e.reason());
    }
  }

  // -- a strict JSON object -------------------------------------------------------------------

  /** One JSON object of the format, with its path, checked against the fields it may have. */
  private static final class Obj {
    final JsonNode node;
    /** The object's path from the root; empty for the root itself. */
    final String path;

    private Obj(JsonNode node, String path) {
      this.node = node;
      this.path = path;
    }

    static Obj of(JsonNode node, String path, String what, List<String> allowed) {
      if (node == null || node.isMissingNode()) {
        throw new InvalidInputException(path.isEmpty() ? DOCUMENT : path, "is empty: expected " + what);
      }
      if (!node.isObject()) {
        throw new InvalidInputException(
            path.isEmpty() ? DOCUMENT : path, "must be a JSON object, " + what + " (was " + Fields.shape(node) + ")");
      }
      Obj o = new Obj(node, path);
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!allowed.contains(name)) {
          throw new InvalidInputException(
              o.at(name), "is not a field of " + what + "; allowed: " + String.join(", ", allowed));
        }
      }
      return o;
    }

    static List<Obj> elements(JsonNode array, String path, String what, List<String> allowed) {
      List<Obj> out = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        out.add(of(array.get(i), path + "[" + i + "]", what, allowed));
      }
      return out;
    }

    String at(String field) {
      return Fields.join(path, field);
    }

    boolean has(String field) {
      JsonNode v = node.get(field);
      return v != null && !v.isNull();
    }

    JsonNode required(String field) {
      if (!has(field)) {
        throw new InvalidInputException(at(field), "is required");
      }
      return node.get(field);
    }

    String text(String field) {
      JsonNode v = required(field);
      if (!v.isTextual()) {
        throw new InvalidInputException(at(field), "must be a JSON string (was " + Fields.shape(v) + ")");
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
        throw new InvalidInputException(at(field), "must be true or false (was " + Fields.shape(v) + ")");
      }
      return Optional.of(v.booleanValue());
    }

    LocalDate date(String field) {
      String s = text(field);
      LocalDate date;
      try {
        date = DATE.matcher(s).matches() ? LocalDate.parse(s) : null;
      } catch (DateTimeParseException e) {
        date = null;
      }
      if (date == null) {
        throw new InvalidInputException(at(field), "must be a date YYYY-MM-DD that exists, e.g. '2024-01-26' (was '" + s + "')");
      }
      if (date.getYear() < BusinessCalendar.MIN_YEAR || date.getYear() > BusinessCalendar.MAX_YEAR) {
        throw new InvalidInputException(
            at(field), "must fall within the years " + BusinessCalendar.MIN_YEAR + " to " + BusinessCalendar.MAX_YEAR + " (was '" + s + "')");
      }
      return date;
    }

    List<JsonNode> optionalArray(String field) {
      if (!has(field)) {
        return List.of();
      }
      JsonNode v = node.get(field);
      if (!v.isArray()) {
        throw new InvalidInputException(at(field), "must be a JSON array (was " + Fields.shape(v) + ")");
      }
      List<JsonNode> out = new ArrayList<>();
      v.forEach(out::add);
      return out;
    }

    /** The objects of an optional array field; absent or null is none. */
    List<Obj> objects(String field, String what, List<String> allowed) {
      return has(field) ? requiredObjects(field, what, allowed) : List.of();
    }

    List<Obj> requiredObjects(String field, String what, List<String> allowed) {
      JsonNode v = required(field);
      if (!v.isArray()) {
        throw new InvalidInputException(at(field), "must be a JSON array (was " + Fields.shape(v) + ")");
      }
      return elements(v, at(field), what, allowed);
    }
  }

  /** The fields each kind of object may have, in documentation order; for tests. */
  static Map<String, List<String>> fieldsByObject() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    out.put("calendar", CALENDAR_FIELDS);
    out.put("schedule version", SCHEDULE_FIELDS);
    out.put("holiday", HOLIDAY_FIELDS);
    out.put("override", OVERRIDE_FIELDS);
    out.put("registry", REGISTRY_FIELDS);
    return out;
  }
}
