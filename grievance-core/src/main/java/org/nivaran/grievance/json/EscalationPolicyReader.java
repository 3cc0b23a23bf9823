package org.nivaran.grievance.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.escalation.LadderPolicy;
import org.nivaran.grievance.escalation.PastTop;
import org.nivaran.grievance.json.Fields.Failures;
import org.nivaran.grievance.json.Fields.Schema;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.sla.SlaBudget;

/**
 * Reads escalation policies (docs/policy-format.md) from a JSON tree. Strict: a field the format
 * does not define is refused, because a misspelt field silently ignored would silently change
 * deadlines. Every failure is an {@link InvalidInputException} whose field is the JSON path of the
 * offending value, e.g. {@code policies[1].priorities.L2.URGENT.openTime}; the document as a whole
 * is {@code document}. Stateless and thread-safe.
 */
final class EscalationPolicyReader {
  static final String DOCUMENT = "document";

  private static final List<String> DOCUMENT_FIELDS = List.of("policies");
  private static final List<String> POLICY_FIELDS =
      List.of("id", "calendar", "entry", "top", "pastTop", "levels", "priorities", "otherwise");
  private static final List<String> BUDGET_FIELDS = List.of("openTime", "workingDays", "lastWorkingDayOfWeek");
  private static final Schema REGISTRY = Schema.of("a list of escalation policies", DOCUMENT_FIELDS);
  private static final Schema POLICY = Schema.of("an escalation policy", POLICY_FIELDS);
  private static final Schema BUDGET = Schema.of("an SLA budget", BUDGET_FIELDS);
  private static final Failures FAILURES =
      Failures.reasons((path, reason, cause) -> new InvalidInputException(path.isEmpty() ? DOCUMENT : path, reason));

  private EscalationPolicyReader() {}

  /**
   * A document: an array of policies, or an object whose only field is {@code policies}. With
   * {@code calendars}, each policy's calendar must be one of them.
   */
  static EscalationPolicies document(JsonNode root, Optional<CalendarRegistry> calendars) {
    List<Fields> policies;
    if (root != null && root.isArray()) {
      policies = Fields.elements(root, "", FAILURES, POLICY);
    } else {
      if (root != null && root.isObject() && !root.has("policies") && root.has("id")) {
        throw new InvalidInputException(
            DOCUMENT, "is one policy, not a list: give an array of policies or {\"policies\": [...]}");
      }
      if (root == null || root.isMissingNode()) {
        throw new InvalidInputException(DOCUMENT, "is empty: expected a list of escalation policies");
      }
      policies = Fields.of(root, "", FAILURES, REGISTRY).requiredObjects("policies", POLICY);
    }
    Map<String, String> pathOfId = new HashMap<>();
    List<LadderPolicy> out = new ArrayList<>();
    for (Fields p : policies) {
      LadderPolicy policy = policy(p, calendars);
      String first = pathOfId.putIfAbsent(policy.id(), p.path());
      if (first != null) {
        throw p.fail("id", "repeats the id '" + policy.id() + "' of " + first + " (ids must be unique)");
      }
      out.add(policy);
    }
    return EscalationPolicies.of(out);
  }

  private static LadderPolicy policy(Fields p, Optional<CalendarRegistry> calendars) {
    String id = p.text("id");
    String calendar = p.text("calendar");
    LadderPolicy.Builder b = p.buildNaming(() -> LadderPolicy.builder(id, calendar),
        field -> field.equals("calendarId") ? "calendar" : field);
    if (calendars.isPresent() && !calendars.get().contains(calendar)) {
      throw p.fail("calendar", "names the calendar '" + calendar + "', which the calendars do not have ("
          + (calendars.get().ids().isEmpty() ? "none are given"
              : "known: " + String.join(", ", new TreeSet<>(calendars.get().ids()))) + ")");
    }
    Level entry = p.has("entry") ? Fields.level(FAILURES, p.text("entry"), p.at("entry")) : Level.L1;
    Level top = p.has("top") ? Fields.level(FAILURES, p.text("top"), p.at("top")) : Level.L4;
    if (entry.compareTo(top) > 0) {
      throw p.fail("top", "must not be below the entry level " + entry + " (was " + top + ")");
    }
    b.entry(entry).top(top);
    if (p.has("pastTop")) {
      b.pastTop(p.enumValue("pastTop", PastTop.class));
    }
    Map<Level, String> keys = new HashMap<>();
    for (Member m : members(p, "levels")) {
      b.budget(rung(keys, m, entry, top, "levels"), budget(m.node(), m.path()));
    }
    Map<Level, String> priorityKeys = new HashMap<>();
    for (Member m : members(p, "priorities")) {
      Level level = rung(priorityKeys, m, entry, top, "priorities");
      if (!m.node().isObject()) {
        throw FAILURES.wrongShape(m.path(), "a JSON object keyed by priority, e.g. {\"URGENT\": {...}}",
            Fields.shape(m.node()));
      }
      for (Map.Entry<String, JsonNode> e : m.node().properties()) {
        String path = m.path() + "." + e.getKey();
        Priority priority = p.constant(e.getKey(), path, Priority.class);
        b.budget(level, priority, budget(e.getValue(), path));
      }
    }
    if (!p.has("otherwise")) {
      throw p.fail("otherwise", "is required: the budget at every rung not in 'levels'");
    }
    b.otherwise(budget(p.required("otherwise"), p.at("otherwise")));
    return p.build(b::build);
  }

  /** One member of an object keyed by data: its key, its path and its value. */
  private record Member(String key, String path, JsonNode node) {}

  /** The members of an object field keyed by level; absent or null is none. */
  private static List<Member> members(Fields p, String field) {
    List<Member> out = new ArrayList<>();
    if (!p.has(field)) {
      return out;
    }
    JsonNode node = p.required(field);
    if (!node.isObject()) {
      throw FAILURES.wrongShape(p.at(field), "a JSON object keyed by level, e.g. {\"L1\": {...}}", Fields.shape(node));
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      out.add(new Member(e.getKey(), p.at(field) + "." + e.getKey(), e.getValue()));
    }
    return out;
  }

  /** The rung a member of {@code section} is keyed by: a level of the ladder, each given once. */
  private static Level rung(Map<Level, String> keys, Member m, Level entry, Level top, String section) {
    Level level = Fields.level(FAILURES, m.key(), m.path());
    if (level.compareTo(entry) < 0 || level.compareTo(top) > 0) {
      throw FAILURES.refused(m.path(), "names the level " + level + ", outside the ladder's rungs " + entry + " to " + top);
    }
    String earlier = keys.putIfAbsent(level, m.key());
    if (earlier != null) {
      throw FAILURES.refused(m.path(), "gives the level " + level + " a second time in " + section + " (as '" + earlier
          + "' and '" + m.key() + "')");
    }
    return level;
  }

  /** A budget: exactly one of {@code openTime}, {@code workingDays}, {@code lastWorkingDayOfWeek: true}. */
  private static SlaBudget budget(JsonNode node, String path) {
    Fields f = Fields.of(node, path, FAILURES, BUDGET);
    int kinds = 0;
    for (String field : BUDGET_FIELDS) {
      kinds += f.has(field) ? 1 : 0;
    }
    if (kinds != 1) {
      throw FAILURES.wrongShape(f.path(), "an object with exactly one of 'openTime', 'workingDays' and "
          + "'lastWorkingDayOfWeek'", kinds == 0 ? "an object with none of them" : "an object with " + kinds + " of them");
    }
    if (f.has("lastWorkingDayOfWeek")) {
      f.requireTrue("lastWorkingDayOfWeek");
      return SlaBudget.lastWorkingDayOfWeek();
    }
    if (f.has("openTime")) {
      Duration d = f.duration("openTime");
      return f.fieldValue("openTime", () -> SlaBudget.openTime(d));
    }
    int days = f.intValue("workingDays");
    return f.fieldValue("workingDays", () -> SlaBudget.workingDays(days));
  }

  /** The fields each kind of object may have, in documentation order; for tests. */
  static Map<String, List<String>> fieldsByObject() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    out.put("document", DOCUMENT_FIELDS);
    out.put("policy", POLICY_FIELDS);
    out.put("budget", BUDGET_FIELDS);
    return out;
  }
}
