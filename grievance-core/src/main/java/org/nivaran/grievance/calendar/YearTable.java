package org.nivaran.grievance.calendar;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * One calendar year's open intervals as instants (epoch nanoseconds), with the cumulative open
 * time at the end of each, so that positions and deadlines within the year are binary searches.
 * Built once per year and calendar, then read-only: thread-safe.
 */
final class YearTable {
  final int year;
  /** The instant local midnight of 1 January starts, and the next year's. */
  final long yearStart;
  final long yearEnd;
  final long[] starts;
  final long[] ends;
  /** Open nanoseconds in the year up to the end of interval i. */
  final long[] cumEnd;
  /** Index of the first interval of day-of-year d (0-based); {@code dayFirst[days]} = n. */
  final int[] dayFirst;
  final long total;

  YearTable(int year, long yearStart, long yearEnd, long[] starts, long[] ends, int[] dayFirst) {
    this.year = year;
    this.yearStart = yearStart;
    this.yearEnd = yearEnd;
    this.starts = starts;
    this.ends = ends;
    this.dayFirst = dayFirst;
    this.cumEnd = new long[starts.length];
    long sum = 0;
    for (int i = 0; i < starts.length; i++) {
      sum += ends[i] - starts[i];
      cumEnd[i] = sum;
    }
    this.total = sum;
  }

  boolean contains(long t) {
    return t >= yearStart && t < yearEnd;
  }

  /** The first interval whose end is after t, or n. */
  int firstEndingAfter(long t) {
    int i = Arrays.binarySearch(ends, t);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** Open nanoseconds in the year before t. */
  long position(long t) {
    int i = firstEndingAfter(t);
    if (i == starts.length) {
      return total;
    }
    return cumEnd[i] - (ends[i] - starts[i]) + Math.max(0, t - starts[i]);
  }

  /** The earliest instant whose position is target, for 0 < target <= total. */
  long locate(long target) {
    int j = Arrays.binarySearch(cumEnd, target);
    if (j < 0) {
      j = -j - 1;
    }
    return ends[j] - (cumEnd[j] - target);
  }

  boolean isOpen(long t) {
    int i = firstEndingAfter(t);
    return i < starts.length && starts[i] <= t;
  }

  /** The first instant at or after t that is open, or -1 if none this year. */
  long nextOpen(long t) {
    int i = firstEndingAfter(t);
    return i < starts.length ? Math.max(t, starts[i]) : -1;
  }

  boolean isWorkingDay(LocalDate date) {
    int d = date.getDayOfYear() - 1;
    return dayFirst[d + 1] > dayFirst[d];
  }

  /** The closing instant of a working day's last interval. */
  long closeOf(LocalDate date) {
    return ends[dayFirst[date.getDayOfYear()] - 1];
  }
}
