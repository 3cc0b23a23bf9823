package org.nivaran.grievance.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nivaran.grievance.GrievanceException;

/**
 * A reader (and a small writer) of comma-separated values as RFC 4180 describes them: fields
 * separated by commas,
 * records by CRLF (LF and a lone CR are accepted too); a field in double quotes may hold commas,
 * line breaks and doubled quotes ({@code ""} stands for one {@code "}). The first record is the
 * header and is required; every other record must have as many fields. Lines holding nothing at
 * all are skipped. A byte-order mark at the start is dropped. Field values are returned exactly as
 * written (no trimming).
 *
 * <p>Each record carries the line number it starts on (the header is line 1), so that callers can
 * name the line of a bad value.
 *
 * <p>The writer ({@link #field}, {@link #appendRecord}) writes what the reader reads back
 * exactly: records end with CRLF, and a field is quoted only if it holds a comma, a double quote,
 * a carriage return or a line feed. Stateless and thread-safe.
 */
public final class Csv {
  private Csv() {}

  /**
   * One record.
   *
   * @param line the 1-based line number the record starts on
   * @param fields its fields, as written
   */
  public record Row(int line, List<String> fields) {
    /**
     * Copies the fields.
     *
     * @param line the line number
     * @param fields the fields
     */
    public Row {
      fields = List.copyOf(fields);
    }

    /**
     * One field.
     *
     * @param column the 0-based column
     * @return the field's value
     */
    public String get(int column) {
      return fields.get(column);
    }
  }

  /**
   * A whole file.
   *
   * @param header the first record
   * @param rows the other records, in file order, each as wide as the header
   */
  public record Table(Row header, List<Row> rows) {
    /**
     * Copies the rows.
     *
     * @param header the header
     * @param rows the rows
     */
    public Table {
      rows = List.copyOf(rows);
    }
  }

  /**
   * The input is not well-formed CSV. Immutable and thread-safe.
   */
  public static final class MalformedCsvException extends GrievanceException {
    private static final long serialVersionUID = 1L;

    /** @serial the line. */
    private final int line;
    /** @serial the column, or -1. */
    private final int column;
    /** @serial the reason. */
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param line the 1-based line of the problem
     * @param column the 0-based column of the problem, or -1 for the whole record
     * @param reason what is wrong
     */
    public MalformedCsvException(int line, int column, String reason) {
      super("line " + line + (column >= 0 ? ", column " + (column + 1) : "") + ": " + reason);
      this.line = line;
      this.column = column;
      this.reason = reason;
    }

    /**
     * The line of the problem.
     *
     * @return the 1-based line
     */
    public int line() {
      return line;
    }

    /**
     * The column of the problem.
     *
     * @return the 0-based column, or -1 for the whole record
     */
    public int column() {
      return column;
    }

    /**
     * What is wrong.
     *
     * @return the reason
     */
    public String reason() {
      return reason;
    }
  }

  /**
   * One field as RFC 4180 writes it: as given, or, if it holds a comma, a double quote, a
   * carriage return or a line feed, in double quotes with each double quote doubled.
   *
   * @param value the field's value
   * @return the field as written
   */
  public static String field(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return '"' + value.replace("\"", "\"\"") + '"';
      }
    }
    return value;
  }

  /**
   * Appends one record: its fields as {@link #field} writes them, separated by commas, then CRLF.
   * A record of one empty field is written {@code ""}, since the reader skips an empty line.
   *
   * @param out where to append
   * @param fields the record's fields, at least one
   * @return {@code out}
   */
  public static StringBuilder appendRecord(StringBuilder out, List<String> fields) {
    if (fields.size() == 1 && fields.get(0).isEmpty()) {
      return out.append("\"\"\r\n");
    }
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields.get(i)));
    }
    return out.append("\r\n");
  }

  /**
   * Reads a whole CSV text.
   *
   * @param in the text; read to the end, not closed
   * @return the header and rows
   * @throws MalformedCsvException if the text is not well-formed or has no header
   * @throws UncheckedIOException if reading fails
   */
  public static Table read(Reader in) {
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        text.append(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parse(text);
  }

  /**
   * Reads a CSV file in UTF-8.
   *
   * @param file the file
   * @return the header and rows
   * @throws MalformedCsvException if the file is not valid UTF-8, not well-formed, or has no header
   * @throws UncheckedIOException if reading fails
   */
  public static Table read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw FileFailures.cannotRead(file, e);
    }
    return parse(decode(bytes));
  }

  /**
   * Decodes UTF-8 strictly.
   *
   * @param bytes the bytes
   * @return the text
   * @throws MalformedCsvException naming the line of the first byte that is not UTF-8
   */
  public static CharSequence decode(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      int line = 1;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
          line++;
        }
      }
      throw new MalformedCsvException(line, -1, "is not valid UTF-8 (byte " + offset + " of the file)");
    }
    if (result.isOverflow()) {
      throw new IllegalStateException(new CharacterCodingException()); // cannot happen: one char per byte at most
    }
    out.flip();
    return out;
  }

  /**
   * Parses a whole CSV text.
   *
   * @param text the text
   * @return the header and rows
   * @throws MalformedCsvException if the text is not well-formed or has no header
   */
  public static Table parse(CharSequence text) {
    int n = text.length();
    int pos = n > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
    int line = 1;
    Row header = null;
    List<Row> rows = new ArrayList<>();
    while (pos < n) {
      int recordLine = line;
      List<String> fields = new ArrayList<>();
      boolean endOfRecord = false;
      boolean quoted = false;
      while (!endOfRecord) {
        StringBuilder field = new StringBuilder();
        if (pos < n && text.charAt(pos) == '"') {
          int quoteLine = line;
          quoted = true;
          pos++;
          while (true) {
            if (pos >= n) {
              throw new MalformedCsvException(quoteLine, fields.size(), "a quoted field is not closed");
            }
            char c = text.charAt(pos);
            if (c == '"') {
              if (pos + 1 < n && text.charAt(pos + 1) == '"') {
                field.append('"');
                pos += 2;
                continue;
              }
              pos++;
              break;
            }
            if (c == '\n' || (c == '\r' && (pos + 1 >= n || text.charAt(pos + 1) != '\n'))) {
              line++;
            }
            field.append(c);
            pos++;
          }
          if (pos < n && text.charAt(pos) != ',' && text.charAt(pos) != '\r' && text.charAt(pos) != '\n') {
            throw new MalformedCsvException(
                line, fields.size(), "unexpected character '" + text.charAt(pos) + "' after a closing quote");
          }
        } else {
          while (pos < n) {
            char c = text.charAt(pos);
            if (c == ',' || c == '\r' || c == '\n') {
              break;
            }
            if (c == '"') {
              throw new MalformedCsvException(
                  line, fields.size(), "a quote inside an unquoted field (quote the whole field and double the quote)");
            }
            field.append(c);
            pos++;
          }
        }
        fields.add(field.toString());
        if (pos < n && text.charAt(pos) == ',') {
          pos++;
          continue;
        }
        endOfRecord = true;
        if (pos < n) {
          pos += text.charAt(pos) == '\r' && pos + 1 < n && text.charAt(pos + 1) == '\n' ? 2 : 1;
          line++;
        }
      }
      if (fields.size() == 1 && fields.get(0).isEmpty() && !quoted) {
        continue; // a line with nothing on it
      }
      Row row = new Row(recordLine, fields);
      if (header == null) {
        header = row;
      } else {
        int width = header.fields().size();
        if (fields.size() < width) {
          throw new MalformedCsvException(
              recordLine, fields.size(), "has " + fields.size() + " fields, but the header has " + width);
        }
        if (fields.size() > width) {
          throw new MalformedCsvException(
              recordLine, width, "has " + fields.size() + " fields, but the header has " + width);
        }
        rows.add(row);
      }
    }
    if (header == null) {
      throw new MalformedCsvException(1, -1, "the header row is missing (the text is empty)");
    }
    return new Table(header, rows);
  }
}
