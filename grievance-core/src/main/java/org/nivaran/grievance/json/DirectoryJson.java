package org.nivaran.grievance.json;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nivaran.grievance.internal.FileFailures;
import org.nivaran.grievance.internal.Texts;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.directory.InvalidRowException;

/**
 * Reads a {@link Directory} (departments, jurisdictions, categories, posts and their officers, the
 * walk-in duty roster and the blocklist) from JSON, in the format documented in
 * {@code docs/registry-format.md}.
 *
 * <pre>{@code
 * Directory raipur = DirectoryJson.read(Path.of("config/directory.json"));
 * Route route = raipur.router().route("energy.supply", "RAIPUR-W12", Level.L1);
 * }</pre>
 *
 * <p>The reader is strict, like {@link CalendarJson}: a field the format does not define is
 * refused, and so is a field given twice in one object, because a misspelt field silently ignored
 * would silently send complaints elsewhere. Every problem with the content raises an
 * {@link InvalidRowException} naming the source ({@code directory.json}, or the file's name, then
 * {@code #} and the section, e.g. {@code raipur.json#posts}), the 1-based row within the section
 * (the array index plus one), and the field within the row, e.g. {@code holder.phone}. A problem
 * with the document as a whole (not JSON, not an object, no {@code departments}, an unknown
 * section) has row 0 and names the section or {@code document}. Failures to read the input itself
 * (a missing file, a closed reader) are {@link UncheckedIOException}s whose message names the file
 * (or the reader) and whose cause is the {@link IOException}, as in
 * {@link org.nivaran.grievance.directory.CsvTables}.
 *
 * <p>Readers are read to their end and not closed; files are decoded as UTF-8.
 *
 * <p>Stateless and thread-safe.
 */
public final class DirectoryJson {
  /** The source named in errors when the JSON does not come from a file. */
  public static final String DEFAULT_SOURCE = "directory.json";

  private DirectoryJson() {}

  /**
   * Reads a directory from JSON text; errors name the source {@value #DEFAULT_SOURCE}.
   *
   * @param json a directory object
   * @return the directory
   * @throws InvalidRowException naming the section, row and field of the first problem found
   */
  public static Directory read(String json) {
    try {
      return DirectoryReader.read(DirectoryReader.MAPPER.createParser(Texts.required(json, "json")), DEFAULT_SOURCE);
    } catch (IOException e) {
      throw new IllegalStateException("reading a String cannot fail: " + e, e);
    }
  }

  /**
   * Reads a directory from a character stream, to its end; the reader is not closed. Errors name
   * the source {@value #DEFAULT_SOURCE}.
   *
   * @param reader a directory object
   * @return the directory
   * @throws InvalidRowException naming the section, row and field of the first problem found
   * @throws UncheckedIOException if the reader fails, caused by its {@link IOException}
   */
  public static Directory read(Reader reader) {
    Texts.required(reader, "reader");
    try {
      return DirectoryReader.read(DirectoryReader.MAPPER.createParser(reader), DEFAULT_SOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the directory from the reader: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a directory from a UTF-8 file; errors name the file's name as the source.
   *
   * @param file the file, holding a directory object
   * @return the directory
   * @throws InvalidRowException naming the section, row and field of the first problem found
   * @throws UncheckedIOException naming the file if it cannot be read, caused by the
   *     {@link IOException}, e.g. {@link java.nio.file.NoSuchFileException}
   */
  public static Directory read(Path file) {
    Texts.required(file, "file");
    Path name = file.getFileName();
    try (InputStream in = Files.newInputStream(file)) {
      JsonParser p = DirectoryReader.MAPPER.createParser(in);
      return DirectoryReader.read(p, name == null ? file.toString() : name.toString());
    } catch (IOException e) {
      throw FileFailures.cannotRead(file, e);
    }
  }
}
