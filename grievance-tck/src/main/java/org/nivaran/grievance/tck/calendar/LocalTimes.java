package org.nivaran.grievance.tck.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.nivaran.grievance.calendar.OpenInterval;

/**
 * The documented conversion of a calendar's local times to instants, written from the zone rules
 * alone (not from the engine), and a few helpers on zone transitions. Stateless and thread-safe.
 */
final class LocalTimes {
  private LocalTimes() {}

  /**
   * The epoch second that minute {@code minute} (0 to 1440) of {@code date} stands for as the start
   * or the end of an interval: a time in a DST gap becomes the transition; a time in an overlap
   * becomes its first occurrence as a start and its second as an end; 24:00 is the next midnight.
   */
  static long epochSecond(ZoneRules rules, LocalDate date, int minute, boolean start) {
    if (minute == OpenInterval.DAY_MINUTES) {
      date = date.plusDays(1);
      minute = 0;
    }
    LocalDateTime local = date.atTime(minute / 60, minute % 60);
    long localSeconds = local.toEpochSecond(ZoneOffset.UTC);
    List<ZoneOffset> valid = rules.getValidOffsets(local);
    if (valid.size() == 1) {
      return localSeconds - valid.get(0).getTotalSeconds();
    }
    ZoneOffsetTransition transition = rules.getTransition(local);
    if (valid.isEmpty()) {
      return transition.toEpochSecond(); // a gap: the local time never happens
    }
    // An overlap: the first occurrence is on the offset before the transition, the second after.
    ZoneOffset offset = start ? transition.getOffsetBefore() : transition.getOffsetAfter();
    return localSeconds - offset.getTotalSeconds();
  }

  /** The local date at an epoch second. */
  static LocalDate localDate(ZoneRules rules, long epochSecond) {
    ZoneOffset offset = rules.getOffset(Instant.ofEpochSecond(epochSecond));
    return LocalDate.ofEpochDay(Math.floorDiv(epochSecond + offset.getTotalSeconds(), 86_400L));
  }

  /** The instants of the zone's offset transitions from the start of one year to the end of another. */
  static List<Instant> transitions(ZoneId zone, int firstYear, int lastYear) {
    ZoneRules rules = zone.getRules();
    Instant from = LocalDate.of(firstYear, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().minus(1, ChronoUnit.DAYS);
    Instant to = LocalDate.of(lastYear + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(1, ChronoUnit.DAYS);
    List<Instant> out = new ArrayList<>();
    for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && t.getInstant().isBefore(to);
        t = rules.nextTransition(t.getInstant())) {
      out.add(t.getInstant());
    }
    return out;
  }

  /**
   * For each local date whose hours a change of the zone's clocks cuts or stretches, the minutes of
   * that date (0 to 1440) in and around the skipped or repeated local times: where they begin, the
   * middle, where they end, and half an hour either side.
   */
  static Map<LocalDate, List<Integer>> changeMinutes(ZoneId zone, int firstYear, int lastYear) {
    ZoneRules rules = zone.getRules();
    Map<LocalDate, Set<Integer>> out = new TreeMap<>();
    for (Instant t : transitions(zone, firstYear, lastYear)) {
      LocalDateTime before = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, rules.getOffset(t.minusSeconds(1)));
      LocalDateTime after = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, rules.getOffset(t));
      LocalDateTime lo = before.isBefore(after) ? before : after;
      LocalDateTime hi = before.isBefore(after) ? after : before;
      long half = ChronoUnit.MINUTES.between(lo, hi) / 2;
      for (LocalDateTime local : List.of(lo.minusMinutes(30), lo, lo.plusMinutes(half), hi, hi.plusMinutes(30))) {
        LocalDate date = local.toLocalDate();
        int minute = local.getHour() * 60 + local.getMinute();
        add(out, date, minute, firstYear, lastYear);
        if (minute == 0) {
          add(out, date.minusDays(1), OpenInterval.DAY_MINUTES, firstYear, lastYear);
        }
      }
    }
    Map<LocalDate, List<Integer>> result = new TreeMap<>();
    out.forEach((date, minutes) -> result.put(date, List.copyOf(minutes)));
    return result;
  }

  private static void add(Map<LocalDate, Set<Integer>> out, LocalDate date, int minute, int firstYear, int lastYear) {
    if (date.getYear() >= firstYear && date.getYear() <= lastYear) {
      out.computeIfAbsent(date, d -> new TreeSet<>()).add(minute);
    }
  }

  /** The local dates on which the zone's offset changes, from one year to another. */
  static List<LocalDate> transitionDates(ZoneId zone, int firstYear, int lastYear) {
    ZoneRules rules = zone.getRules();
    Set<LocalDate> out = new LinkedHashSet<>();
    for (Instant t : transitions(zone, firstYear, lastYear)) {
      // the local dates just before and at the change: those whose hours it cuts or stretches
      for (LocalDate date : List.of(localDate(rules, t.getEpochSecond() - 1), localDate(rules, t.getEpochSecond()))) {
        if (date.getYear() >= firstYear && date.getYear() <= lastYear) {
          out.add(date);
        }
      }
    }
    return List.copyOf(out);
  }
}
