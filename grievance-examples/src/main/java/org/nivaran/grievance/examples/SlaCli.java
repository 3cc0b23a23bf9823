package org.nivaran.grievance.examples;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.json.CalendarJson;

/**
 * The {@code sla} command: SLA arithmetic on a business calendar, one question per line.
 *
 * <p>It takes the path of a calendar file (JSON, as described in {@code docs/calendar-format.md})
 * as its only argument, then reads lines from standard input and writes exactly one line to
 * standard output for each:
 *
 * <table>
 *   <caption>Input lines and their answers</caption>
 *   <tr><th>input line</th><th>output line</th></tr>
 *   <tr><td>{@code plus <date-time> <duration>}</td>
 *       <td>the deadline: the instant by which {@code <duration>} of open time has passed after
 *       {@code <date-time>}, as an ISO-8601 offset date-time in the calendar's zone, e.g.
 *       {@code 2024-03-26T11:00:00+05:30}</td></tr>
 *   <tr><td>{@code between <date-time> <date-time>}</td>
 *       <td>the open time from the first to the second, as an ISO-8601 duration
 *       ({@link Duration#toString()}), e.g. {@code PT2H}, {@code PT0S}</td></tr>
 *   <tr><td>a blank line</td><td>a blank line</td></tr>
 *   <tr><td>anything else</td><td>{@code error: <reason>}, and the next line is read as usual</td></tr>
 * </table>
 *
 * <p>Date-times are ISO-8601 with an offset, {@code 2024-03-22T17:00+05:30} or
 * {@code 2024-03-22T11:30:00Z}. Durations are ISO-8601 durations of <em>open</em> time:
 * {@code PT8H}, {@code PT90M}; {@code P1D} is 24 hours of open time (three 8-hour working days),
 * not a calendar day. Words are separated by spaces or tabs; the command is case-sensitive.
 * Blank lines are echoed as blank lines, so that output line <i>n</i> always answers input line
 * <i>n</i>. Input and output are UTF-8; output lines end with {@code \n}.
 *
 * <pre>
 * ./mvnw -q -pl grievance-examples -am compile exec:java \
 *     -Dexec.mainClass=org.nivaran.grievance.examples.SlaCli \
 *     -Dexec.args=grievance-examples/calendars/cg-office.json &lt; lines.txt
 * </pre>
 *
 * <p>Exit status: 0 if every line was answered; 1 if some line got an {@code error:} answer (every
 * line is still read and answered); 2 if the command line is wrong or the calendar file cannot be
 * read (an option other than {@code --help} or {@code -h} is refused by name), in which case standard
 * input is not read and the reason is written to standard error.
 *
 * <p>Not thread-safe: a program, not a library type. {@link #run} may be called from tests.
 */
public final class SlaCli {
  /** Every line was answered. */
  public static final int OK = 0;
  /** At least one line was answered with {@code error: ...}. */
  public static final int SOME_LINES_FAILED = 1;
  /** Wrong arguments, or the calendar could not be read; no line was read. */
  public static final int CANNOT_START = 2;

  private static final String USAGE =
      "usage: sla <calendar.json>\n"
          + "  then, one per line on standard input:\n"
          + "    plus <date-time> <duration>        e.g. plus 2024-03-22T17:00+05:30 PT2H\n"
          + "    between <date-time> <date-time>    e.g. between 2024-03-22T17:00+05:30 2024-03-26T11:00+05:30";

  private final BusinessCalendar calendar;

  private SlaCli(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  /**
   * Runs the command on the process's standard streams and exits with its status if that is not
   * 0 (under {@code exec:java}, which runs in Maven's own JVM, a status of 0 returns normally).
   *
   * @param args the path of the calendar file
   */
  public static void main(String[] args) {
    int status = run(args, System.in, System.out, System.err);
    if (status != OK) {
      System.exit(status);
    }
  }

  /**
   * Runs the command: reads the calendar named by {@code args}, then answers each line of
   * {@code in} on {@code out} until {@code in} ends. The streams are flushed, not closed.
   *
   * @param args the command line: the path of the calendar file
   * @param in the input lines, UTF-8
   * @param out where the answers go, UTF-8
   * @param err where usage and calendar problems go, UTF-8
   * @return the exit status: {@link #OK}, {@link #SOME_LINES_FAILED} or {@link #CANNOT_START}
   * @throws UncheckedIOException if reading {@code in} or writing {@code out} fails
   */
  public static int run(String[] args, InputStream in, OutputStream out, OutputStream err) {
    PrintWriter errors = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    try {
      if (args.length == 1 && List.of("-h", "--help").contains(args[0])) {
        PrintWriter help = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        help.println(USAGE);
        help.flush();
        return OK;
      }
      for (String arg : args) {
        if (arg.startsWith("-")) {
          errors.println("unknown option " + arg + " for sla; see sla --help");
          return CANNOT_START;
        }
      }
      if (args.length != 1) {
        errors.println("sla: expected one argument, the calendar file (got " + args.length + ")");
        errors.println(USAGE);
        return CANNOT_START;
      }
      BusinessCalendar calendar;
      try {
        calendar = CalendarJson.read(Path.of(args[0]));
      } catch (UncheckedIOException e) {
        String reason = e.getCause() instanceof NoSuchFileException ? "no such file" : e.getCause().toString();
        errors.println("sla: cannot read the calendar file " + args[0] + ": " + reason);
        return CANNOT_START;
      } catch (java.nio.file.InvalidPathException e) {
        errors.println("sla: cannot read the calendar file " + args[0] + ": " + e);
        return CANNOT_START;
      } catch (GrievanceException e) {
        errors.println("sla: the calendar file " + args[0] + " is not a valid calendar: " + e.getMessage());
        return CANNOT_START;
      }
      return new SlaCli(calendar).answer(in, out);
    } finally {
      errors.flush();
    }
  }

  private int answer(InputStream in, OutputStream out) {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    Writer answers = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    int status = OK;
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String answer;
        try {
          answer = answer(line);
        } catch (LineException | GrievanceException | ArithmeticException e) {
          answer = "error: " + e.getMessage();
          status = SOME_LINES_FAILED;
        }
        answers.write(answer);
        answers.write('\n');
        if (!lines.ready()) {
          answers.flush(); // answer at once when used interactively or through a pipe
        }
      }
      answers.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return status;
  }

  /** The answer to one line. */
  String answer(String line) {
    String text = line.strip();
    if (text.isEmpty()) {
      return "";
    }
    String[] words = text.split("[ \\t]+");
    switch (words[0]) {
      case "plus" -> {
        arguments(words, "a date-time and a duration");
        Instant from = dateTime(words[1]);
        Duration open = duration(words[2]);
        Instant deadline = calendar(() -> calendar.plus(from, open));
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(deadline.atZone(calendar.zone()).toOffsetDateTime());
      }
      case "between" -> {
        arguments(words, "two date-times");
        Instant from = dateTime(words[1]);
        Instant to = dateTime(words[2]);
        if (to.isBefore(from)) {
          throw new LineException("the second date-time (" + words[2] + ") is before the first (" + words[1] + ")");
        }
        return calendar(() -> calendar.between(from, to)).toString();
      }
      default -> throw new LineException(
          "unknown command '" + words[0] + "'; use 'plus <date-time> <duration>' or 'between <date-time> <date-time>'");
    }
  }

  /** Runs calendar arithmetic, naming a refused value as the input line does. */
  private static <T> T calendar(Supplier<T> arithmetic) {
    try {
      return arithmetic.get();
    } catch (InvalidInputException e) {
      String what = switch (e.field()) {
        case "t", "a" -> "the date-time";
        case "b" -> "the second date-time";
        case "duration" -> "the duration";
        case "result" -> "the deadline";
        default -> e.field();
      };
      throw new LineException(what + " " + e.reason());
    }
  }

  private static void arguments(String[] words, String what) {
    if (words.length != 3) {
      throw new LineException(words[0] + " takes " + what + " (got " + (words.length - 1) + " argument"
          + (words.length == 2 ? "" : "s") + ")");
    }
  }

  private static Instant dateTime(String word) {
    try {
      return OffsetDateTime.parse(word).toInstant();
    } catch (DateTimeParseException e) {
      throw new LineException(
          "'" + word + "' is not an ISO-8601 date-time with an offset, e.g. 2024-03-22T17:00+05:30");
    }
  }

  private static Duration duration(String word) {
    Duration d;
    try {
      d = Duration.parse(word);
    } catch (DateTimeParseException e) {
      throw new LineException("'" + word + "' is not an ISO-8601 duration, e.g. PT8H or PT90M");
    }
    if (d.isNegative()) {
      throw new LineException("the duration must not be negative (was " + word + ")");
    }
    return d;
  }

  /** A line that cannot be answered; its message is the reason. */
  private static final class LineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LineException(String reason) {
      super(reason, null, false, false);
    }
  }
}
