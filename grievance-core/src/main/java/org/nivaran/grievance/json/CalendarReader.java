package org.nivaran.grievance.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.calendar.OpenInterval;
import org.nivaran.grievance.calendar.WeeklySchedule;
import org.nivaran.grievance.internal.Texts;
import org.nivaran.grievance.json.Fields.Failures;
import org.nivaran.grievance.json.Fields.Schema;

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
  private static final Schema CALENDAR = Schema.of("a calendar", CALENDAR_FIELDS);
  private static final Schema SCHEDULE = Schema.of("a schedule version", SCHEDULE_FIELDS);
  private static final Schema HOLIDAY = Schema.of("a holiday", HOLIDAY_FIELDS);
  private static final Schema OVERRIDE = Schema.of("an override", OVERRIDE_FIELDS);
  private static final Schema REGISTRY = Schema.of("a calendar registry", REGISTRY_FIELDS);
  /** Every failure: the JSON path of the value, or {@code document} for the root, and the reason. */
  private static final Failures FAILURES =
      Failures.reasons((path, reason, cause) -> new InvalidInputException(path.isEmpty() ? DOCUMENT : path, reason));
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
    List<Fields> calendars;
    if (root != null && root.isArray()) {
      calendars = Fields.elements(root, "", FAILURES, CALENDAR);
    } else {
      if (root != null && root.isObject() && !root.has("calendars") && root.has("id")) {
        throw new InvalidInputException(
            DOCUMENT, "is one calendar, not a registry: give an array of calendars or {\"calendars\": [...]}");
      }
      calendars = object(root, "", "a calendar registry", REGISTRY).requiredObjects("calendars", CALENDAR);
    }
    Map<String, String> pathOfId = new HashMap<>();
    CalendarRegistry.Builder b = CalendarRegistry.builder();
    for (Fields c : calendars) {
      BusinessCalendar calendar = calendar(c);
      String first = pathOfId.putIfAbsent(calendar.id(), c.path());
      if (first != null) {
        throw c.fail("id", "repeats the id '" + calendar.id() + "' of " + first + " (ids must be unique)");
      }
      b.add(calendar);
    }
    return b.build();
  }

  /** The object at {@code path}, which is {@code what}; nothing at all is refused as empty. */
  private static Fields object(JsonNode node, String path, String what, Schema schema) {
    if (node == null || node.isMissingNode()) {
      throw FAILURES.refused(path, "is empty: expected " + what);
    }
    return Fields.of(node, path, FAILURES, schema);
  }

  // -- calendar -------------------------------------------------------------------------------

  static BusinessCalendar calendar(JsonNode node, String path) {
    return calendar(object(node, path, "a calendar", CALENDAR));
  }

  private static BusinessCalendar calendar(Fields o) {
    String id = o.text("id");
    ZoneId zone = zone(o);
    BusinessCalendar.Builder b = o.fieldValue("id", () -> BusinessCalendar.builder(id, zone));
    b.schedule(schedule(o));

    LocalDate previous = null;
    for (Fields s : o.objects("schedules", SCHEDULE)) {
      LocalDate from = date(s, "from");
      if (previous != null && !from.isAfter(previous)) {
        throw s.fail(
            "from",
            "must be after the 'from' of the version before it (" + previous + "): list versions in order, each date once (was " + from + ")");
      }
      previous = from;
      WeeklySchedule schedule = schedule(s);
      b.scheduleFrom(from, schedule);
    }

    Map<LocalDate, String> holidayPaths = new HashMap<>();
    for (Fields h : o.objects("holidays", HOLIDAY)) {
      LocalDate date = date(h, "date");
      String name = h.text("name");
      String first = holidayPaths.putIfAbsent(date, h.path());
      if (first != null) {
        throw h.fail("date", "repeats the date " + date + " of " + first + " (one holiday per date)");
      }
      h.fieldValue("name", () -> b.holiday(date, name));
    }

    Map<LocalDate, String> overridePaths = new HashMap<>();
    for (Fields v : o.objects("overrides", OVERRIDE)) {
      LocalDate date = date(v, "date");
      v.optionalText("name").ifPresent(name -> v.fieldValue("name", () -> Texts.singleLine(name, "name", 100)));
      List<OpenInterval> hours = intervals(v.required("hours"), v.at("hours"));
      String first = overridePaths.putIfAbsent(date, v.path());
      if (first != null) {
        throw v.fail("date", "repeats the date " + date + " of " + first + " (one override per date)");
      }
      v.fieldValue("hours", () -> b.override(date, hours.toArray(OpenInterval[]::new)));
    }
    return b.build();
  }

  private static ZoneId zone(Fields o) {
    String text = o.text("zone");
    if (!ZONES.contains(text)) {
      throw FAILURES.badFormat(o.at("zone"), "an IANA time-zone id such as 'Asia/Kolkata'", text);
    }
    return ZoneId.of(text);
  }

  /** A date of the calendar's range of years. */
  private static LocalDate date(Fields o, String field) {
    LocalDate date = o.date(field, "2024-01-26");
    if (date.getYear() < BusinessCalendar.MIN_YEAR || date.getYear() > BusinessCalendar.MAX_YEAR) {
      throw o.fail(
          field,
          "must fall within the years " + BusinessCalendar.MIN_YEAR + " to " + BusinessCalendar.MAX_YEAR + " (was '" + o.text(field) + "')");
    }
    return date;
  }

  // -- weekly schedule ------------------------------------------------------------------------

  /** The weekly schedule held by a calendar object or a schedule version. */
  private static WeeklySchedule schedule(Fields o) {
    if (o.optionalBoolean(ALL_DAY).orElse(false)) {
      for (String field : List.of("hours", "closedSaturdays")) {
        if (o.has(field)) {
          throw o.fail(field, "must not be given with \"24x7\": true");
        }
      }
      return WeeklySchedule.twentyFourSeven();
    }
    if (!o.has("hours")) {
      throw o.fail("hours", "is required (or \"24x7\": true)");
    }
    String hoursPath = o.at("hours");
    JsonNode hours = o.required("hours");
    if (!hours.isObject()) {
      throw FAILURES.wrongShape(hoursPath, "a JSON object from weekday to intervals", Fields.shape(hours));
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
        throw FAILURES.wrongShape(path, "an integer, 1 to 5", Fields.shape(n));
      }
      int ordinal = n.intValue();
      if (!seen.add(ordinal)) {
        throw FAILURES.refused(path, "repeats the Saturday " + ordinal);
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
    throw FAILURES.refused(
        path, "is not a weekday: use MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY or SUNDAY (was '" + name + "')");
  }

  /** A list of {@code "HH:MM-HH:MM"} strings; overlaps are for the schedule or override to find. */
  private static List<OpenInterval> intervals(JsonNode node, String path) {
    if (!node.isArray()) {
      throw FAILURES.wrongShape(path, "a JSON array of \"HH:MM-HH:MM\" intervals, [] when closed", Fields.shape(node));
    }
    List<OpenInterval> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String itemPath = path + "[" + i + "]";
      JsonNode item = node.get(i);
      if (!item.isTextual()) {
        throw FAILURES.wrongShape(itemPath, "a string \"HH:MM-HH:MM\"", Fields.shape(item));
      }
      out.add(at(itemPath, () -> OpenInterval.parse(item.textValue())));
    }
    return out;
  }

  /** Runs {@code make}; a domain refusal is reported at {@code path} with the domain's reason. */
  private static <T> T at(String path, Supplier<T> make) {
    return Fields.value(FAILURES, path, make);
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
