package org.nivaran.grievance.directory;

import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import org.nivaran.grievance.InvalidInputException;

/**
 * A language people are written to in (notifications, reminders), named by a BCP 47 tag such as
 * {@code en}, {@code hi} or {@code mr}. Nivaran ships texts in {@link #ENGLISH} and {@link #HINDI};
 * any other language can be named with {@link #of(String)} and given texts from a file (see
 * {@code notify.Templates}).
 *
 * <pre>{@code
 * Language marathi = Language.of("mr");
 * Language.of("hi") == Language.HINDI; // true: the shipped languages are single instances
 * }</pre>
 *
 * <p>Two languages are equal when their canonical tags are. Immutable and thread-safe.
 */
public final class Language {
  /** The most characters in a tag (the length of the JDBC outbox's {@code language} column). */
  public static final int MAX_TAG_LENGTH = 16;

  /** English, tag {@code en}. */
  public static final Language ENGLISH = new Language("en", "ENGLISH");

  /** Hindi, tag {@code hi}. */
  public static final Language HINDI = new Language("hi", "HINDI");

  private static final List<Language> SHIPPED = List.of(ENGLISH, HINDI);

  private final String tag;
  private final String name;

  private Language(String tag, String name) {
    this.tag = tag;
    this.name = name;
  }

  /**
   * The language of a BCP 47 tag, in canonical form ({@code "MR"} and {@code "mr"} are the same;
   * {@code "mr-IN"} is a language of its own). {@code en} and {@code hi} give {@link #ENGLISH} and
   * {@link #HINDI}.
   *
   * @param tag a well-formed BCP 47 tag starting with a 2- or 3-letter language code, at most
   *     {@value #MAX_TAG_LENGTH} characters
   * @return the language
   * @throws InvalidInputException (field {@code language}) if the tag is missing, malformed, has no
   *     language subtag or is too long
   */
  public static Language of(String tag) {
    if (tag == null || tag.isBlank()) {
      throw new InvalidInputException("language", "must be a BCP 47 tag such as \"en\" or \"hi\" (was '" + tag + "')");
    }
    Locale locale;
    try {
      locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
    } catch (IllformedLocaleException e) {
      throw new InvalidInputException("language", "must be a well-formed BCP 47 tag (was '" + tag + "')");
    }
    String canonical = locale.toLanguageTag();
    if (locale.getLanguage().length() < 2 || locale.getLanguage().length() > 3 || "und".equals(canonical)) {
      throw new InvalidInputException("language", "must start with a 2- or 3-letter ISO 639 language code (was '" + tag + "')");
    }
    if (canonical.length() > MAX_TAG_LENGTH) {
      throw new InvalidInputException("language", "must be at most " + MAX_TAG_LENGTH + " characters (was '" + tag + "')");
    }
    for (Language l : SHIPPED) {
      if (l.tag.equals(canonical)) {
        return l;
      }
    }
    return new Language(canonical, canonical);
  }

  /**
   * The language of a locale, by its BCP 47 tag; see {@link #of(String)}.
   *
   * @param locale the locale, e.g. a citizen's language
   * @return the language
   * @throws InvalidInputException (field {@code language}) if the locale has no language
   */
  public static Language of(Locale locale) {
    if (locale == null) {
      throw new InvalidInputException("language", "is required");
    }
    return of(locale.toLanguageTag());
  }

  /**
   * The languages Nivaran ships texts in.
   *
   * @return {@link #ENGLISH} and {@link #HINDI}
   */
  public static Language[] values() {
    return SHIPPED.toArray(new Language[0]);
  }

  /**
   * The canonical BCP 47 language tag.
   *
   * @return e.g. {@code en}, {@code hi}, {@code mr}
   */
  public String tag() {
    return tag;
  }

  /**
   * The language only, without region or script: {@code mr} for {@code mr-IN}.
   *
   * @return the language of this language's tag
   */
  public Language base() {
    String base = Locale.forLanguageTag(tag).getLanguage();
    return base.equals(tag) ? this : of(base);
  }

  /**
   * A name: {@code ENGLISH} or {@code HINDI} for the shipped languages, else the tag.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Language l && tag.equals(l.tag);
  }

  @Override
  public int hashCode() {
    return tag.hashCode();
  }

  /** The same as {@link #name()}. */
  @Override
  public String toString() {
    return name;
  }
}
