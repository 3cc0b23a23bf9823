package org.nivaran.grievance.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The one exception every Nivaran file reader ({@code CsvTables}, {@code CalendarJson},
 * {@code DirectoryJson}) throws when a file cannot be read at all: an {@link UncheckedIOException}
 * whose message names the file and whose cause is the {@link IOException} (so a caller can still
 * tell a {@link java.nio.file.NoSuchFileException} by {@link Throwable#getCause()}).
 *
 * <p>Stateless and thread-safe.
 */
public final class FileFailures {
  private FileFailures() {}

  /**
   * The failure to read a file.
   *
   * @param file the file
   * @param cause what went wrong
   * @return the exception to throw, e.g. {@code cannot read file 'calendars.json': no such file}
   */
  public static UncheckedIOException cannotRead(Path file, IOException cause) {
    String reason =
        cause instanceof java.nio.file.NoSuchFileException
            ? "no such file"
            : cause instanceof java.nio.file.AccessDeniedException ? "access denied" : String.valueOf(cause.getMessage());
    return new UncheckedIOException("cannot read file '" + file + "': " + reason, cause);
  }
}
