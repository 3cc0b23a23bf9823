package org.nivaran.grievance.examples.simulate;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress line on standard error: a bar redrawn in place on a terminal, or a few plain lines
 * ({@code day 5/26 · 212 complaints}) when there is none (Maven, CI, tests). Not thread-safe.
 */
final class Progress {
  private static final int WIDTH = 26;

  private final PrintStream err;
  private final boolean animated;
  private final int days;

  Progress(PrintStream err, boolean animated, int days) {
    this.err = err;
    this.animated = animated;
    this.days = days;
  }

  /** Reports that {@code done} of the days are over, with the complaints received so far. */
  void day(int done, long received) {
    String text = String.format(Locale.ROOT, "day %d/%d · %,d complaints", done, days, received);
    if (animated) {
      int filled = done * WIDTH / days;
      err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + text);
      if (done == days) {
        err.println();
      }
      err.flush();
    } else if (done % 5 == 0 || done == days) {
      err.println(text);
    }
  }
}
