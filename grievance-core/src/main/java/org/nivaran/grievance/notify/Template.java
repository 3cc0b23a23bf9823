package org.nivaran.grievance.notify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.internal.Texts;
import org.nivaran.grievance.directory.Language;

/**
 * The text of one {@link NotificationKind} in one {@link Language}, with placeholders such as
 * {@code {complaintId}} that {@link #render} fills in.
 *
 * <pre>{@code
 * Template t = new Template(NotificationKind.REGISTERED, Language.ENGLISH,
 *     "Complaint {complaintId} registered.");
 * t.render(Map.of("complaintId", "RPR-2024-000001")); // "Complaint RPR-2024-000001 registered."
 * }</pre>
 *
 * <p>The known placeholders are {@link #PLACEHOLDERS}. A brace that does not open or close one of
 * them is refused when the template is created, so a typo never reaches a citizen's phone.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what the template is for
 * @param language the language of its text
 * @param text the text: NFC-normalised and stripped, 1 to {@value #MAX_TEXT_LENGTH} code points,
 *     line breaks allowed
 */
public record Template(NotificationKind kind, Language language, String text) {
  /** The most code points in a template's text. */
  public static final int MAX_TEXT_LENGTH = 1000;

  /** Every placeholder a template may use, in the order the documentation lists them. */
  public static final List<String> PLACEHOLDERS =
      List.of(
          "complaintId", "category", "post", "postTitle", "level", "deadline", "reason", "count", "ids",
          "citizenName");

  /**
   * Validates the template.
   *
   * @param kind what the template is for
   * @param language the language of its text
   * @param text the text with placeholders
   * @throws InvalidInputException (field {@code template}) for an unknown placeholder or a stray
   *     brace, naming it; (field {@code kind} or {@code language}) if null
   */
  public Template {
    Texts.required(kind, "kind");
    Texts.required(language, "language");
    text = Texts.multiLine(text, "template", MAX_TEXT_LENGTH);
    parse(text);
  }

  /**
   * The placeholders the text uses, in order of first use.
   *
   * @return the placeholder names, without braces
   */
  public Set<String> placeholders() {
    Set<String> names = new LinkedHashSet<>();
    for (Object part : parse(text)) {
      if (part instanceof Placeholder p) {
        names.add(p.name());
      }
    }
    return Collections.unmodifiableSet(names);
  }

  /**
   * Fills in the placeholders. Values are inserted as they are, in one pass: a value that itself
   * contains {@code {complaintId}} is not expanded again. Values the text does not use are ignored.
   *
   * @param values the value of each placeholder, by name without braces
   * @return the text
   * @throws InvalidInputException (field {@code values}) naming the first placeholder the text
   *     uses that has no value
   */
  public String render(Map<String, String> values) {
    Texts.required(values, "values");
    StringBuilder out = new StringBuilder(text.length() + 64);
    for (Object part : parse(text)) {
      if (part instanceof Placeholder p) {
        String value = values.get(p.name());
        if (value == null) {
          throw new InvalidInputException(
              "values", "has no value for placeholder {" + p.name() + "} of the " + kind + " " + language + " template");
        }
        out.append(value);
      } else {
        out.append((String) part);
      }
    }
    return out.toString();
  }

  /** A placeholder in a parsed text. */
  private record Placeholder(String name) {}

  /** The text as literal strings and placeholders, in order; refuses unknown or stray braces. */
  private static List<Object> parse(String text) {
    List<Object> parts = new ArrayList<>();
    int literalStart = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '}') {
        throw new InvalidInputException("template", "has a '}' without '{' at index " + i);
      }
      if (c != '{') {
        continue;
      }
      int close = text.indexOf('}', i + 1);
      if (close < 0) {
        throw new InvalidInputException("template", "has a '{' without '}' at index " + i);
      }
      String name = text.substring(i + 1, close);
      if (!PLACEHOLDERS.contains(name)) {
        throw new InvalidInputException(
            "template", "has an unknown placeholder {" + name + "}; known are {" + String.join("} {", PLACEHOLDERS) + "}");
      }
      if (i > literalStart) {
        parts.add(text.substring(literalStart, i));
      }
      parts.add(new Placeholder(name));
      i = close;
      literalStart = close + 1;
    }
    if (literalStart < text.length()) {
      parts.add(text.substring(literalStart));
    }
    return parts;
  }
}
