package org.nivaran.grievance.examples;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The examples' command line run once with no arguments (the default simulation: 26 days, about
 * 1,100 calls, seed 2024), shared by the tests that read it, since the run takes seconds.
 *
 * @param status the exit status
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 * @param report the report it wrote, {@code target/nivaran-simulation.html}
 * @param html the report's text
 * @param millis how long the run took
 */
public record DefaultRun(int status, String out, String err, Path report, String html, long millis) {
  private static DefaultRun run;

  /**
   * The run, made on the first call.
   *
   * @return the run
   */
  public static synchronized DefaultRun get() {
    if (run == null) {
      try {
        Path report = Path.of("target", "nivaran-simulation.html");
        Files.deleteIfExists(report);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long started = System.nanoTime();
        int status = Nivaran.run(new String[0], new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        run = new DefaultRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), report,
            Files.readString(report, StandardCharsets.UTF_8), (System.nanoTime() - started) / 1_000_000);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return run;
  }
}
