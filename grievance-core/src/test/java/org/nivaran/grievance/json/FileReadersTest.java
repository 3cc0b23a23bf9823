package org.nivaran.grievance.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.nivaran.grievance.directory.CsvTables;

/** Every file reader fails the same way when its input cannot be read at all. */
class FileReadersTest {

  @Test
  void a_missing_file_is_an_unchecked_io_exception_naming_the_file_for_every_reader(@TempDir Path dir) {
    Path missing = dir.resolve("नहीं-missing.json");
    for (Executable read : new Executable[] {
        () -> CalendarJson.read(missing),
        () -> CalendarJson.readRegistry(missing),
        () -> DirectoryJson.read(missing),
        () -> CsvTables.departments(missing),
        () -> CsvTables.jurisdictions(missing)}) {
      assertThatThrownBy(read::execute)
          .isInstanceOf(UncheckedIOException.class)
          .hasMessage("cannot read file '" + missing + "': no such file")
          .hasCauseInstanceOf(NoSuchFileException.class);
    }
  }

  @Test
  void a_failing_reader_or_stream_is_an_unchecked_io_exception_with_the_cause() {
    Reader broken = new Reader() {
      @Override
      public int read(char[] buf, int off, int len) throws IOException {
        throw new IOException("disk gone");
      }

      @Override
      public void close() {}
    };
    InputStream brokenStream = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("disk gone");
      }
    };
    for (Executable read : new Executable[] {
        () -> CalendarJson.read(broken),
        () -> CalendarJson.readRegistry(broken),
        () -> CalendarJson.read(brokenStream),
        () -> CalendarJson.readRegistry(brokenStream),
        () -> DirectoryJson.read(broken)}) {
      assertThatThrownBy(read::execute)
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("disk gone")
          .hasRootCauseMessage("disk gone");
    }
  }
}
