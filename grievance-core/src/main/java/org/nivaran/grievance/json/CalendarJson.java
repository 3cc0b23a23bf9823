package org.nivaran.grievance.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.internal.FileFailures;
import org.nivaran.grievance.internal.Texts;

/**
 * Reads business calendars, and registries of them, from their JSON definitions, in the format
 * documented in {@code docs/calendar-format.md}.
 *
 * <pre>{@code
 * BusinessCalendar office = CalendarJson.read(Path.of("calendars/cg-office.json"));
 * CalendarRegistry all = CalendarJson.readRegistry(Path.of("calendars.json"));
 * Instant deadline = all.get("CG-OFFICE").plus(registeredAt, Duration.ofHours(24));
 * }</pre>
 *
 * <p>The reader is strict, unlike the complaint and event readers of {@link NivaranJacksonModule}:
 * a field the format does not define is refused, because a misspelt field silently ignored
 * ({@code "holliday"}, {@code "closedSaturday"}) would silently move deadlines. A field given
 * twice in one object is refused too.
 *
 * <p>Every problem with the content raises an {@link InvalidInputException} whose
 * {@link InvalidInputException#field() field} is the JSON path of the offending value, with dots
 * between object fields and {@code [i]} for array elements: {@code zone},
 * {@code holidays[3].date}, {@code schedules[1].hours.MONDAY}, {@code overrides[0].hours[1]}
 * ({@code calendars[2].zone} or {@code [2].zone} in a registry). A document that is not JSON at
 * all, is empty or is of the wrong shape is named {@code document}. Failures to read the input
 * itself (a missing file, a closed stream) are {@link UncheckedIOException}s whose message names
 * the file (or the stream) and whose cause is the {@link IOException}, as in
 * {@link org.nivaran.grievance.directory.CsvTables}.
 *
 * <p>Streams and readers are read to their end and not closed; bytes are decoded as UTF-8 (a
 * byte-order mark is skipped).
 *
 * <p>Stateless and thread-safe.
 */
public final class CalendarJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build();

  /** Jackson's "[Source: ...; line: 3, column: 5]", which names no source here. */
  private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]");

  private CalendarJson() {}

  // -- one calendar ---------------------------------------------------------------------------

  /**
   * Reads one calendar from JSON text.
   *
   * @param json a calendar object
   * @return the calendar
   * @throws InvalidInputException naming the JSON path of the first problem found
   */
  public static BusinessCalendar read(String json) {
    return parseText(json, CalendarReader::calendarDocument);
  }

  /**
   * Reads one calendar from a character stream, to its end; the reader is not closed.
   *
   * @param reader a calendar object
   * @return the calendar
   * @throws InvalidInputException naming the JSON path of the first problem found
   * @throws UncheckedIOException if the reader fails, caused by its {@link IOException}
   */
  public static BusinessCalendar read(Reader reader) {
    return parseStream(Texts.required(reader, "reader"), "reader", CalendarReader::calendarDocument);
  }

  /**
   * Reads one calendar from UTF-8 bytes, to their end; the stream is not closed.
   *
   * @param in a calendar object
   * @return the calendar
   * @throws InvalidInputException naming the JSON path of the first problem found
   * @throws UncheckedIOException if the stream fails, caused by its {@link IOException}
   */
  public static BusinessCalendar read(InputStream in) {
    return parseStream(Texts.required(in, "in"), "stream", CalendarReader::calendarDocument);
  }

  /**
   * Reads one calendar from a UTF-8 file.
   *
   * @param file the file, holding a calendar object
   * @return the calendar
   * @throws InvalidInputException naming the JSON path of the first problem found
   * @throws UncheckedIOException naming the file if it cannot be read, caused by the
   *     {@link IOException}, e.g. {@link java.nio.file.NoSuchFileException}
   */
  public static BusinessCalendar read(Path file) {
    return parseFile(file, CalendarReader::calendarDocument);
  }

  // -- a registry -----------------------------------------------------------------------------

  /**
   * Reads a registry from JSON text: an array of calendar objects, or an object
   * {@code {"calendars": [...]}}.
   *
   * @param json the registry
   * @return the registry
   * @throws InvalidInputException naming the JSON path of the first problem found, e.g.
   *     {@code calendars[2].id} for a repeated id
   */
  public static CalendarRegistry readRegistry(String json) {
    return parseText(json, CalendarReader::registryDocument);
  }

  /**
   * Reads a registry from a character stream, to its end; the reader is not closed.
   *
   * @param reader the registry, as for {@link #readRegistry(String)}
   * @return the registry
   * @throws InvalidInputException naming the JSON path of the first problem found
   * @throws UncheckedIOException if the reader fails, caused by its {@link IOException}
   */
  public static CalendarRegistry readRegistry(Reader reader) {
    return parseStream(Texts.required(reader, "reader"), "reader", CalendarReader::registryDocument);
  }

  /**
   * Reads a registry from UTF-8 bytes, to their end; the stream is not closed.
   *
   * @param in the registry, as for {@link #readRegistry(String)}
   * @return the registry
   * @throws InvalidInputException naming the JSON path of the first problem found
   * @throws UncheckedIOException if the stream fails, caused by its {@link IOException}
   */
  public static CalendarRegistry readRegistry(InputStream in) {
    return parseStream(Texts.required(in, "in"), "stream", CalendarReader::registryDocument);
  }

  /**
   * Reads a registry from a UTF-8 file.
   *
   * @param file the file, holding a registry as for {@link #readRegistry(String)}
   * @return the registry
   * @throws InvalidInputException naming the JSON path of the first problem found
   * @throws UncheckedIOException naming the file if it cannot be read, caused by the
   *     {@link IOException}, e.g. {@link java.nio.file.NoSuchFileException}
   */
  public static CalendarRegistry readRegistry(Path file) {
    return parseFile(file, CalendarReader::registryDocument);
  }

  // ---------------------------------------------------------------------------------------------

  static <T> T parseText(String json, Function<JsonNode, T> reader) {
    try {
      return parse(MAPPER.createParser(Texts.required(json, "json")), reader);
    } catch (IOException e) {
      throw new IllegalStateException("reading a String cannot fail: " + e, e);
    }
  }

  static <T> T parseFile(Path file, Function<JsonNode, T> reader) {
    try (InputStream in = Files.newInputStream(Texts.required(file, "file"))) {
      return parse(MAPPER.createParser(in), reader);
    } catch (IOException e) {
      throw FileFailures.cannotRead(file, e);
    }
  }

  private static <T> T parseStream(Object source, String what, Function<JsonNode, T> reader) {
    try {
      JsonParser p = source instanceof Reader r ? MAPPER.createParser(r) : MAPPER.createParser((InputStream) source);
      return parse(p, reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the calendar JSON from the " + what + ": " + e.getMessage(), e);
    }
  }

  private static <T> T parse(JsonParser p, Function<JsonNode, T> reader) throws IOException {
    JsonNode root;
    try (p) {
      root = MAPPER.readTree(p);
      if (root == null || root.isMissingNode()) {
        throw new InvalidInputException(CalendarReader.DOCUMENT, "is empty: expected a JSON value");
      }
      if (p.nextToken() != null) {
        throw new InvalidInputException(
            CalendarReader.DOCUMENT, "holds more than one JSON value (the second starts at " + ParserPlaces.where(p.currentTokenLocation()) + ")");
      }
    } catch (JsonProcessingException e) {
      String reason = SOURCE.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2");
      // At the end of the input, where the parser stopped says nothing about what is missing.
      String path = reason.startsWith("Unexpected end-of-input") ? "" : ParserPlaces.pathOf(p.getParsingContext());
      throw new InvalidInputException(
          path.isEmpty() ? CalendarReader.DOCUMENT : path, "is not valid JSON at " + ParserPlaces.where(e.getLocation()) + ": " + reason);
    }
    return reader.apply(root);
  }

}
