package org.nivaran.grievance.examples.simulate;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.StringJoiner;
import org.nivaran.grievance.actor.Level;

/** How the reports write numbers, the same on the terminal and in HTML. Stateless. */
final class Format {
  private Format() {}

  /** A count with thousands separators: {@code 1,104}. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A score with two decimals, as the grading rounds it: {@code 83.41}. */
  static String score(double score) {
    return String.format(Locale.ROOT, "%.2f", score);
  }

  /** A rate as a percentage with one decimal, or a dash when there is none: {@code 92.5%}. */
  static String percent(Optional<Double> rate) {
    return rate.map(r -> String.format(Locale.ROOT, "%.1f%%", 100 * r)).orElse("–");
  }

  /** A rate of two counts as a percentage, or a dash when the whole is 0. */
  static String percent(long part, long whole) {
    return percent(whole == 0 ? Optional.empty() : Optional.of((double) part / whole));
  }

  /** A duration in days and hours, or hours and minutes under a day: {@code 2d 04h}, {@code 5h 30m}. */
  static String duration(Optional<Duration> d) {
    if (d.isEmpty()) {
      return "–";
    }
    long minutes = d.get().toMinutes();
    if (minutes >= 24 * 60) {
      return String.format(Locale.ROOT, "%dd %02dh", minutes / (24 * 60), minutes / 60 % 24);
    }
    return String.format(Locale.ROOT, "%dh %02dm", minutes / 60, minutes % 60);
  }

  /** Counts per level L1 to L4 (and any other level present), slash-separated: {@code 3/1/0/0}. */
  static String byLevel(SortedMap<Level, Long> counts) {
    StringJoiner j = new StringJoiner("/");
    for (int rung = 1; rung <= Math.max(4, counts.isEmpty() ? 4 : counts.lastKey().rung()); rung++) {
      j.add(String.valueOf(counts.getOrDefault(Level.of(rung), 0L)));
    }
    return j.toString();
  }
}
