package org.nivaran.grievance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV reader follows RFC 4180 and reports the line of every problem. */
class CsvTest {

  private static Csv.Table parse(String text) {
    return Csv.read(new StringReader(text));
  }

  private static List<List<String>> fields(Csv.Table table) {
    return table.rows().stream().map(Csv.Row::fields).toList();
  }

  @Nested
  class Well_formed_input {
    @Test
    void splits_fields_on_commas_and_records_on_line_feeds() {
      Csv.Table t = parse("a,b,c\n1,2,3\n4,,6\n");

      assertThat(t.header().fields()).containsExactly("a", "b", "c");
      assertThat(fields(t)).containsExactly(List.of("1", "2", "3"), List.of("4", "", "6"));
    }

    @Test
    void accepts_crlf_and_a_last_record_without_a_line_break() {
      Csv.Table t = parse("a,b\r\n1,2\r\n3,4");

      assertThat(fields(t)).containsExactly(List.of("1", "2"), List.of("3", "4"));
      assertThat(t.rows()).extracting(Csv.Row::line).containsExactly(2, 3);
    }

    @Test
    void quoted_fields_keep_commas_line_breaks_and_doubled_quotes() {
      Csv.Table t = parse("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n");

      assertThat(fields(t)).containsExactly(List.of("x, y", "say \"hi\""), List.of("two\nlines", "z"));
    }

    @Test
    void a_record_is_numbered_by_the_line_it_starts_on() {
      Csv.Table t = parse("a,b\n\"one\r\ntwo\nthree\",x\nlast,y\n");

      assertThat(t.rows()).extracting(Csv.Row::line).containsExactly(2, 5);
    }

    @Test
    void skips_empty_lines_but_keeps_a_quoted_empty_field() {
      Csv.Table t = parse("a\n\n1\n\r\n\"\"\n\n");

      assertThat(fields(t)).containsExactly(List.of("1"), List.of(""));
      assertThat(t.rows()).extracting(Csv.Row::line).containsExactly(3, 5);
    }

    @Test
    void drops_a_byte_order_mark_and_keeps_devanagari_and_spaces_as_written() {
      Csv.Table t = parse("\uFEFFcode,nameHi\nenergy, ऊर्जा विभाग \n");

      assertThat(t.header().fields()).containsExactly("code", "nameHi");
      assertThat(t.rows().get(0).get(1)).isEqualTo(" ऊर्जा विभाग ");
    }

    @Test
    void a_trailing_comma_is_an_empty_last_field() {
      assertThat(fields(parse("a,b\n1,\n"))).containsExactly(List.of("1", ""));
    }
  }

  @Nested
  class Malformed_input {
    @Test
    void an_empty_text_has_no_header() {
      assertThatThrownBy(() -> parse(""))
          .isInstanceOfSatisfying(Csv.MalformedCsvException.class, e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.reason()).contains("header");
          });
      assertThatThrownBy(() -> parse("\uFEFF\n\n")).isInstanceOf(Csv.MalformedCsvException.class);
    }

    @Test
    void an_unclosed_quote_is_reported_at_the_line_it_opens_on() {
      assertThatThrownBy(() -> parse("a,b\n1,2\n3,\"open\nstill open\n"))
          .isInstanceOfSatisfying(Csv.MalformedCsvException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isEqualTo(1);
            assertThat(e.reason()).contains("not closed");
          });
    }

    @Test
    void text_after_a_closing_quote_is_refused() {
      assertThatThrownBy(() -> parse("a,b\n\"x\"y,2\n"))
          .isInstanceOfSatisfying(Csv.MalformedCsvException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isZero();
          });
    }

    @Test
    void a_quote_inside_an_unquoted_field_is_refused() {
      assertThatThrownBy(() -> parse("a,b\n1,2\n3,4\"5\n"))
          .isInstanceOfSatisfying(Csv.MalformedCsvException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isEqualTo(1);
          });
    }

    @Test
    void a_record_narrower_or_wider_than_the_header_is_refused_naming_the_column() {
      assertThatThrownBy(() -> parse("a,b,c\n1,2,3\n1,2\n"))
          .isInstanceOfSatisfying(Csv.MalformedCsvException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isEqualTo(2);
            assertThat(e.reason()).isEqualTo("has 2 fields, but the header has 3");
          });
      assertThatThrownBy(() -> parse("a,b\n1,2,3\n"))
          .isInstanceOfSatisfying(Csv.MalformedCsvException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(2);
          });
    }

    @Test
    void the_message_names_line_and_column() {
      assertThatThrownBy(() -> parse("a,b\n1,2,3\n")).hasMessage("line 2, column 3: has 3 fields, but the header has 2");
    }
  }

  @Nested
  class Files_in_utf_8 {
    @TempDir Path dir;

    @Test
    void reads_a_file_with_a_byte_order_mark_and_crlf() throws Exception {
      Path file = dir.resolve("t.csv");
      byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
      byte[] body = "code,nameHi\r\nrevenue,राजस्व विभाग\r\n".getBytes(StandardCharsets.UTF_8);
      byte[] all = new byte[bom.length + body.length];
      System.arraycopy(bom, 0, all, 0, bom.length);
      System.arraycopy(body, 0, all, bom.length, body.length);
      Files.write(file, all);

      Csv.Table t = Csv.read(file);

      assertThat(t.header().fields()).containsExactly("code", "nameHi");
      assertThat(fields(t)).containsExactly(List.of("revenue", "राजस्व विभाग"));
    }

    @Test
    void a_byte_that_is_not_utf_8_is_reported_at_its_line() throws Exception {
      Path file = dir.resolve("latin1.csv");
      byte[] ok = "code,name\nenergy,Energy\r\nrevenue,R".getBytes(StandardCharsets.UTF_8);
      byte[] all = new byte[ok.length + 2];
      System.arraycopy(ok, 0, all, 0, ok.length);
      all[ok.length] = (byte) 0xE9; // 'é' in ISO-8859-1
      all[ok.length + 1] = '\n';
      Files.write(file, all);

      assertThatThrownBy(() -> Csv.read(file))
          .isInstanceOfSatisfying(Csv.MalformedCsvException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.reason()).contains("UTF-8");
          });
    }
  }

  @Nested
  class Writing {
    @Test
    void a_plain_field_is_written_as_is_and_one_with_a_comma_quote_or_line_break_is_quoted() {
      assertThat(Csv.field("ऊर्जा")).isEqualTo("ऊर्जा");
      assertThat(Csv.field("")).isEqualTo("");
      assertThat(Csv.field(" padded ")).isEqualTo(" padded ");
      assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
      assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
      assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
      assertThat(Csv.field("cr\r")).isEqualTo("\"cr\r\"");
    }

    @Test
    void a_record_ends_with_crlf_and_reads_back_exactly() {
      List<String> header = List.of("code", "note", "empty");
      List<String> record = List.of("धार", "a \"quoted\", multi\r\nline note", "");
      StringBuilder out = new StringBuilder();
      Csv.appendRecord(out, header);
      Csv.appendRecord(out, record);

      assertThat(out.toString()).startsWith("code,note,empty\r\n").endsWith(",\r\n");
      Csv.Table t = Csv.parse(out);
      assertThat(t.header().fields()).isEqualTo(header);
      assertThat(fields(t)).containsExactly(record);
    }

    @Test
    void a_record_of_one_empty_field_is_quoted_so_that_it_is_not_read_as_a_blank_line() {
      StringBuilder out = new StringBuilder();
      Csv.appendRecord(out, List.of("only"));
      Csv.appendRecord(out, List.of(""));

      assertThat(out.toString()).isEqualTo("only\r\n\"\"\r\n");
      assertThat(fields(Csv.parse(out))).containsExactly(List.of(""));
    }
  }
}
