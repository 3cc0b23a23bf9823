package org.nivaran.grievance.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.escalation.LadderPolicy;
import org.nivaran.grievance.internal.Texts;

/**
 * Reads {@link EscalationPolicies} (each a {@link LadderPolicy}) from JSON, in the format
 * documented in {@code docs/policy-format.md}: an array of policies, or an object
 * {@code {"policies": [...]}}, each with its id, calendar, ladder (entry and top rungs), what
 * happens past the top, and its budgets.
 *
 * <pre>{@code
 * CalendarRegistry calendars = CalendarJson.readRegistry(Path.of("config/calendars.json"));
 * EscalationPolicies policies = EscalationPolicyJson.read(Path.of("config/policies.json"), calendars);
 * Grievances g = Grievances.builder().calendars(calendars).escalationPolicies(policies)...build();
 * }</pre>
 *
 * <p>The reader is strict, like {@link CalendarJson} and {@link DirectoryJson}: a field the format
 * does not define is refused, and so is a field given twice in one object, because a misspelt
 * field silently ignored would silently move deadlines. So is a budget for a level outside the
 * policy's ladder, and a level given twice in one map ({@code "L1"} and {@code "L01"}).
 *
 * <p>Every problem with the content raises an {@link InvalidInputException} whose
 * {@link InvalidInputException#field() field} is the JSON path of the offending value, with dots
 * between object fields and {@code [i]} for array elements: {@code policies[0].calendar},
 * {@code policies[1].priorities.L2.URGENT.openTime} ({@code [1].top} when the document is an
 * array); a document that is not JSON at all, is empty or is of the wrong shape is named
 * {@code document}. Given the calendars, a policy counting on a calendar they do not have is
 * refused at its {@code calendar} field, naming the calendar and those known; without them that
 * reference is checked when {@link org.nivaran.grievance.GrievancesBuilder#build()} meets the
 * calendars, as are the policy ids the directory's categories name. Failures to read the file
 * itself are {@link UncheckedIOException}s whose message names the file and whose cause is the
 * {@link IOException}, as in {@link org.nivaran.grievance.directory.CsvTables}.
 *
 * <p>Files are decoded as UTF-8 (a byte-order mark is skipped).
 *
 * <p>Stateless and thread-safe.
 */
public final class EscalationPolicyJson {
  private EscalationPolicyJson() {}

  /**
   * Reads policies from JSON text; their calendars are checked when Grievances is built.
   *
   * @param json the policies
   * @return the policies, in document order
   * @throws InvalidInputException naming the JSON path of the first problem found
   */
  public static EscalationPolicies read(String json) {
    return CalendarJson.parseText(json, root -> EscalationPolicyReader.document(root, Optional.empty()));
  }

  /**
   * Reads policies from JSON text, each of whose calendars must be one of {@code calendars}.
   *
   * @param json the policies
   * @param calendars the calendars the policies may count on
   * @return the policies, in document order
   * @throws InvalidInputException naming the JSON path of the first problem found, e.g.
   *     {@code policies[2].calendar} for a calendar {@code calendars} do not have
   */
  public static EscalationPolicies read(String json, CalendarRegistry calendars) {
    Optional<CalendarRegistry> known = Optional.of(Texts.required(calendars, "calendars"));
    return CalendarJson.parseText(json, root -> EscalationPolicyReader.document(root, known));
  }

  /**
   * Reads policies from a UTF-8 file; their calendars are checked when Grievances is built.
   *
   * @param file the file
   * @return the policies, in document order
   * @throws InvalidInputException naming the JSON path of the first problem found
   * @throws UncheckedIOException naming the file if it cannot be read, caused by the
   *     {@link IOException}, e.g. {@link java.nio.file.NoSuchFileException}
   */
  public static EscalationPolicies read(Path file) {
    return CalendarJson.parseFile(file, root -> EscalationPolicyReader.document(root, Optional.empty()));
  }

  /**
   * Reads policies from a UTF-8 file, each of whose calendars must be one of {@code calendars}.
   *
   * @param file the file
   * @param calendars the calendars the policies may count on
   * @return the policies, in document order
   * @throws InvalidInputException naming the JSON path of the first problem found, e.g.
   *     {@code policies[2].calendar} for a calendar {@code calendars} do not have
   * @throws UncheckedIOException naming the file if it cannot be read, caused by the
   *     {@link IOException}, e.g. {@link java.nio.file.NoSuchFileException}
   */
  public static EscalationPolicies read(Path file, CalendarRegistry calendars) {
    Optional<CalendarRegistry> known = Optional.of(Texts.required(calendars, "calendars"));
    return CalendarJson.parseFile(file, root -> EscalationPolicyReader.document(root, known));
  }
}
