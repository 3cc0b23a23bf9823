package org.nivaran.grievance.notify;

import static org.nivaran.grievance.directory.Language.ENGLISH;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.internal.Texts;
import org.nivaran.grievance.directory.Language;

/**
 * The texts of every {@link NotificationKind}, in English and, where given, other languages.
 *
 * <pre>{@code
 * Templates templates = Templates.defaults()
 *     .with(new Template(NotificationKind.REGISTERED, Language.ENGLISH,
 *         "Jan Samasya Nivaran: complaint {complaintId} registered."));
 * String text = templates.render(NotificationKind.REGISTERED, Language.HINDI, values);
 * }</pre>
 *
 * <p>Every set of templates has an English text for every kind; a kind without a text in the
 * language asked for is rendered in its language subtag's text ({@code mr} for {@code mr-IN}) if
 * there is one, else in English. {@link #defaults()} has English and Hindi (Devanagari) texts for
 * every kind, read from the shipped files {@code en.properties} and {@code hi.properties};
 * {@link #load(Path)} adds languages from files; docs/notifications.md lists the texts and the file
 * format.
 *
 * <p>Immutable and thread-safe.
 */
public final class Templates {
  private static final List<String> SHIPPED = List.of("en", "hi");
  private static final Templates DEFAULTS = defaultTemplates();

  private final Map<NotificationKind, Map<Language, Template>> table;

  /** English and every language some kind has a template in, computed once: the table never changes. */
  private final Set<Language> languages;

  private Templates(Map<NotificationKind, Map<Language, Template>> table) {
    this.table = table;
    Set<Language> all = new LinkedHashSet<>();
    all.add(ENGLISH);
    table.values().forEach(byLanguage -> all.addAll(byLanguage.keySet()));
    this.languages = Collections.unmodifiableSet(all);
  }

  /**
   * The shipped English and Hindi texts, read from the files {@code en.properties} and
   * {@code hi.properties} in grievance-core (package {@code org.nivaran.grievance.notify.templates}).
   *
   * @return the default templates
   */
  public static Templates defaults() {
    return DEFAULTS;
  }

  /**
   * The {@link #defaults()} with the templates files of a directory added: every
   * {@code <tag>.properties} file in it (UTF-8, see {@link Builder#addFile(Path)}), in order of
   * name. A file for a shipped language replaces the shipped texts of the kinds it gives.
   *
   * <pre>{@code
   * Templates templates = Templates.load(Path.of("/etc/nivaran/templates")); // holds mr.properties
   * templates.render(NotificationKind.REGISTERED, Language.of("mr"), values);
   * }</pre>
   *
   * @param directory the directory
   * @return the templates
   * @throws TemplateFileException naming the file, line and key of the first fault
   * @throws UncheckedIOException if the directory or a file cannot be read
   */
  public static Templates load(Path directory) {
    Texts.required(directory, "directory");
    Builder b = builder().from(DEFAULTS);
    Map<String, Path> files = new TreeMap<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*" + TemplateFiles.SUFFIX)) {
      for (Path file : entries) {
        if (Files.isRegularFile(file)) {
          files.put(file.getFileName().toString(), file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list templates directory " + directory, e);
    }
    files.values().forEach(b::addFile);
    return b.build();
  }

  /**
   * A builder with no templates; add an English one for every kind before {@link Builder#build()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * These templates with one added, or replacing the one of the same kind and language.
   *
   * @param template the template
   * @return the new templates
   */
  public Templates with(Template template) {
    return builder().from(this).add(template).build();
  }

  /**
   * The template of a kind in exactly this language.
   *
   * @param kind the kind
   * @param language the language
   * @return the template, or empty if there is none in that language
   */
  public Optional<Template> find(NotificationKind kind, Language language) {
    Texts.required(kind, "kind");
    Texts.required(language, "language");
    return Optional.ofNullable(table.get(kind).get(language));
  }

  /**
   * The template to use for a kind and language: the one in that language, else the English one.
   *
   * @param kind the kind
   * @param language the language wanted
   * @return the template
   */
  public Template templateFor(NotificationKind kind, Language language) {
    return find(kind, language)
        .or(() -> find(kind, language.base()))
        .orElseGet(() -> table.get(kind).get(ENGLISH));
  }

  /**
   * Every language that has at least one template, English first.
   *
   * @return the languages
   */
  public Set<Language> languages() {
    return languages;
  }

  /**
   * The language to write to someone who reads {@code locale} in: the language of its full tag if
   * it has templates, else that of its language subtag ({@code mr} for {@code mr-IN}) if it has
   * templates, else English.
   *
   * @param locale the reader's language, e.g. a citizen's
   * @return one of {@link #languages()}
   */
  public Language languageFor(Locale locale) {
    Texts.required(locale, "locale");
    Language wanted;
    try {
      wanted = Language.of(locale);
    } catch (InvalidInputException e) {
      return ENGLISH;
    }
    if (languages.contains(wanted)) {
      return wanted;
    }
    return languages.contains(wanted.base()) ? wanted.base() : ENGLISH;
  }

  /**
   * Every template, by kind and then language, in declaration order.
   *
   * @return the templates
   */
  public List<Template> all() {
    List<Template> all = new ArrayList<>();
    table.values().forEach(byLanguage -> all.addAll(byLanguage.values()));
    return Collections.unmodifiableList(all);
  }

  /**
   * Renders the text of a kind in a language, falling back to English; see {@link Template#render}.
   *
   * @param kind the kind
   * @param language the language wanted
   * @param values the value of each placeholder, by name without braces
   * @return the text
   * @throws InvalidInputException (field {@code values}) naming a placeholder without a value
   */
  public String render(NotificationKind kind, Language language, Map<String, String> values) {
    return templateFor(kind, language).render(values);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Templates t && table.equals(t.table);
  }

  @Override
  public int hashCode() {
    return table.hashCode();
  }

  @Override
  public String toString() {
    return "Templates" + all();
  }

  /** Builds {@link Templates}. Not thread-safe; use one builder per thread. */
  public static final class Builder {
    private final Map<NotificationKind, Map<Language, Template>> table = new EnumMap<>(NotificationKind.class);

    private Builder() {}

    /**
     * Adds every template of {@code templates}, replacing those of the same kind and language.
     *
     * @param templates the templates to start from, e.g. {@link Templates#defaults()}
     * @return this builder
     */
    public Builder from(Templates templates) {
      Texts.required(templates, "templates").all().forEach(this::add);
      return this;
    }

    /**
     * Adds a template, replacing one of the same kind and language.
     *
     * @param template the template
     * @return this builder
     */
    public Builder add(Template template) {
      Texts.required(template, "template");
      table.computeIfAbsent(template.kind(), k -> new LinkedHashMap<>()).put(template.language(), template);
      return this;
    }

    /**
     * Adds the templates of a file, replacing those of the same kind and language. The file is
     * UTF-8 text named by a BCP 47 tag, e.g. {@code mr.properties}; each line is
     * {@code KIND = text} (a {@link NotificationKind} name, the text with {@code {placeholders}} and
     * {@code \n} for a line break), a {@code #} comment or blank. A language file may leave kinds
     * out (they fall back to English); an English file must give every kind.
     *
     * @param file the file
     * @return this builder
     * @throws TemplateFileException naming the file, line and key of a bad tag, an unknown kind, a
     *     kind given twice, an unknown placeholder or stray brace, or a kind missing from English
     * @throws UncheckedIOException if the file cannot be read
     */
    public Builder addFile(Path file) {
      Texts.required(file, "file");
      Path name = file.getFileName();
      try (InputStream in = Files.newInputStream(file)) {
        TemplateFiles.read(name == null ? file.toString() : name.toString(), in).forEach(this::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read templates file " + file, e);
      }
      return this;
    }

    /**
     * Builds the templates, copying what was added.
     *
     * @return the templates
     * @throws InvalidInputException (field {@code templates}) if a kind has no English template
     */
    public Templates build() {
      Map<NotificationKind, Map<Language, Template>> copy = new EnumMap<>(NotificationKind.class);
      for (NotificationKind kind : NotificationKind.values()) {
        Map<Language, Template> byLanguage = table.get(kind);
        if (byLanguage == null || !byLanguage.containsKey(ENGLISH)) {
          throw new InvalidInputException("templates", "has no English template for " + kind);
        }
        copy.put(kind, Collections.unmodifiableMap(new LinkedHashMap<>(byLanguage)));
      }
      return new Templates(Collections.unmodifiableMap(copy));
    }
  }

  private static Templates defaultTemplates() {
    Builder b = builder();
    for (String tag : SHIPPED) {
      String name = tag + TemplateFiles.SUFFIX;
      try (InputStream in = Templates.class.getResourceAsStream("templates/" + name)) {
        if (in == null) {
          throw new IllegalStateException("the shipped templates file " + name + " is missing from the class path");
        }
        TemplateFiles.read(name, in).forEach(b::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the shipped templates file " + name, e);
      }
    }
    return b.build();
  }
}
