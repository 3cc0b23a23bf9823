package org.nivaran.grievance.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.directory.Language;

/**
 * Reads templates files: UTF-8 text named {@code <BCP 47 tag>.properties}, one {@code KIND = text}
 * line per kind, {@code #} comments and blank lines ignored, {@code \n} in a text for a line break.
 */
final class TemplateFiles {
  /** The file name ending. */
  static final String SUFFIX = ".properties";

  private TemplateFiles() {}

  /** The language a file name stands for. */
  static Language languageOf(String fileName) {
    if (!fileName.endsWith(SUFFIX)) {
      throw new TemplateFileException(fileName, 0, "", "must be named <BCP 47 tag>" + SUFFIX + ", e.g. mr" + SUFFIX);
    }
    String tag = fileName.substring(0, fileName.length() - SUFFIX.length());
    try {
      Language language = Language.of(tag);
      if (!language.tag().equals(tag)) {
        throw new TemplateFileException(
            fileName, 0, "", "must be named by the canonical tag " + language.tag() + SUFFIX + " (was '" + tag + "')");
      }
      return language;
    } catch (InvalidInputException e) {
      throw new TemplateFileException(fileName, 0, "", "is not named by a BCP 47 language tag: " + e.reason());
    }
  }

  /** The templates of one file; an English file must have every kind. */
  static List<Template> read(String fileName, InputStream in) {
    Language language = languageOf(fileName);
    List<Template> templates = new ArrayList<>();
    Set<NotificationKind> seen = EnumSet.noneOf(NotificationKind.class);
    Set<String> keys = new HashSet<>();
    try (BufferedReader lines = new BufferedReader(utf8(in))) {
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (number == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        String stripped = line.strip();
        if (stripped.isEmpty() || stripped.startsWith("#")) {
          continue;
        }
        int equals = stripped.indexOf('=');
        if (equals < 0) {
          throw new TemplateFileException(fileName, number, "", "must be KIND = text, a # comment or blank");
        }
        String key = stripped.substring(0, equals).strip();
        NotificationKind kind = kindOf(fileName, number, key);
        if (!keys.add(key) || !seen.add(kind)) {
          throw new TemplateFileException(fileName, number, key, "is given twice");
        }
        String text = stripped.substring(equals + 1).strip().replace("\\n", "\n");
        try {
          templates.add(new Template(kind, language, text));
        } catch (InvalidInputException e) {
          throw new TemplateFileException(fileName, number, key, e.reason());
        }
      }
    } catch (CharacterCodingException e) {
      throw new TemplateFileException(fileName, 0, "", "is not UTF-8");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read templates file " + fileName, e);
    }
    if (language.equals(Language.ENGLISH)) {
      for (NotificationKind kind : NotificationKind.values()) {
        if (!seen.contains(kind)) {
          throw new TemplateFileException(fileName, 0, kind.name(), "is missing; English is the fallback and needs every kind");
        }
      }
    }
    return templates;
  }

  private static NotificationKind kindOf(String fileName, int line, String key) {
    for (NotificationKind kind : NotificationKind.values()) {
      if (kind.name().equals(key)) {
        return kind;
      }
    }
    throw new TemplateFileException(fileName, line, key, "is not a notification kind; known are " + EnumSet.allOf(NotificationKind.class));
  }

  private static Reader utf8(InputStream in) {
    return new InputStreamReader(
        in,
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
  }
}
