package org.nivaran.grievance.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A small fingerprint of the event log up to an instant, to keep somewhere the database's writers
 * cannot reach (another system, a signed mail, a ledger): per UTC day, the number of events that
 * occurred that day and a SHA-256 digest of their complaint ids, sequences and hashes, in complaint
 * and sequence order. Since each hash covers its event's payload and every earlier event of its
 * complaint, a day's digest changes if any of that day's events, or any event before them in their
 * complaints' logs, is altered, removed, re-hashed or moved to another day, or if an event is added
 * to the day. {@link StoreAudit#verifyAgainst} recomputes the days and names those that changed:
 * that is what catches a history rewritten with its hashes recomputed (possible without
 * {@link ChainKeys}), a truncated log whose head was moved back, or a complaint deleted whole.
 *
 * <p>Past days never change, so a checkpoint stays valid while the store grows: new events fall on
 * days after {@link #until()}, which a later checkpoint covers ({@link StoreAudit#checkpoint(Checkpoint)}
 * extends one). It holds one line per day with events (about 100 bytes), whatever the number of
 * complaints, and the unit it names is the day, not the complaint: a changed day is narrowed down
 * with {@link StoreAudit#verifyLog} on its complaints, which finds every alteration but a
 * consistently rewritten history, or by comparing with the host's own copy of its events.
 *
 * <pre>{@code
 * Checkpoint today = store.audit().checkpoint();
 * Files.writeString(archive.resolve("nivaran-" + LocalDate.now() + ".txt"), today.toText());
 * // later, anywhere:
 * List<Checkpoint.DayChange> changes = store.audit().verifyAgainst(Checkpoint.parse(Files.readString(kept)));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param until the end of the last day covered, a UTC midnight, exclusive: events that occurred
 *     before it are covered
 * @param days the covered days that had events, by UTC date
 */
public record Checkpoint(Instant until, SortedMap<LocalDate, Checkpoint.Day> days) {
  private static final String MAGIC = "nivaran-checkpoint 1";
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  /**
   * One day's events.
   *
   * @param events how many events occurred that day
   * @param digest the SHA-256 digest of their complaint ids, sequences and hashes, as lower-case hex
   */
  public record Day(long events, String digest) {
    /**
     * Checks the fields.
     *
     * @param events the count, positive
     * @param digest the digest, 64 lower-case hex digits
     */
    public Day {
      if (events < 1) {
        throw new IllegalArgumentException("a day with no events is left out (was " + events + ")");
      }
      if (!HEX.matcher(Objects.requireNonNull(digest, "digest")).matches()) {
        throw new IllegalArgumentException("a digest is 64 lower-case hex digits");
      }
    }
  }

  /**
   * A day whose events are not what a checkpoint recorded.
   *
   * @param day the UTC date
   * @param then the day as recorded; empty if it had no events
   * @param now the day as stored now; empty if it has none
   */
  public record DayChange(LocalDate day, Optional<Day> then, Optional<Day> now) {
    /**
     * Checks the fields.
     *
     * @param day the date
     * @param then the day as recorded, or empty
     * @param now the day now, or empty
     */
    public DayChange {
      Objects.requireNonNull(day, "day");
      Objects.requireNonNull(then, "then");
      Objects.requireNonNull(now, "now");
    }

    /**
     * What changed, for a human reader.
     *
     * @return e.g. {@code 2024-03-04: 12 events then, 11 now}
     */
    public String describe() {
      long before = then.map(Day::events).orElse(0L);
      long after = now.map(Day::events).orElse(0L);
      return day + ": " + before + " events then, " + after + " now" + (before == after ? ", with other hashes" : "");
    }
  }

  /**
   * Checks the fields and copies the map.
   *
   * @param until the end of the last day covered, a UTC midnight
   * @param days the days with events, each before {@code until}
   */
  public Checkpoint {
    Objects.requireNonNull(until, "until");
    if (until.getEpochSecond() % 86_400 != 0 || until.getNano() != 0) {
      throw new IllegalArgumentException("a checkpoint ends at a UTC midnight (was " + until + ")");
    }
    days = Collections.unmodifiableSortedMap(new TreeMap<>(days));
    if (!days.isEmpty() && !days.lastKey().atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(until)) {
      throw new IllegalArgumentException("day " + days.lastKey() + " is not before " + until);
    }
  }

  /**
   * The digest of the whole checkpoint, to publish where a longer text does not fit: a text whose
   * root is the published one is the checkpoint that was taken.
   *
   * @return the SHA-256 of the checkpoint's lines, as lower-case hex
   */
  public String root() {
    return HashChain.sha256(body());
  }

  /**
   * The checkpoint as text, which {@link #parse} reads back: a header line, {@code until <instant>},
   * one {@code day <date> <events> <digest>} line per day, and {@code root <root>}.
   *
   * @return the text, lines ended by {@code \n}
   */
  public String toText() {
    return MAGIC + "\n" + body() + "root " + root() + "\n";
  }

  private String body() {
    StringBuilder text = new StringBuilder("until ").append(until).append('\n');
    days.forEach((day, d) -> text.append("day ").append(day).append(' ').append(d.events()).append(' ')
        .append(d.digest()).append('\n'));
    return text.toString();
  }

  /**
   * Reads a checkpoint's {@link #toText() text}.
   *
   * @param text the text
   * @return the checkpoint
   * @throws IllegalArgumentException if the text is malformed or its root does not match its lines
   */
  public static Checkpoint parse(String text) {
    String[] lines = Objects.requireNonNull(text, "text").strip().split("\r?\n");
    if (lines.length < 3 || !lines[0].equals(MAGIC) || !lines[1].startsWith("until ")
        || !lines[lines.length - 1].startsWith("root ")) {
      throw new IllegalArgumentException("not a Nivaran checkpoint (it starts with '" + MAGIC + "', then 'until', and ends with 'root')");
    }
    try {
      Instant until = Instant.parse(lines[1].substring("until ".length()));
      SortedMap<LocalDate, Day> days = new TreeMap<>();
      for (int i = 2; i < lines.length - 1; i++) {
        String[] f = lines[i].split(" ");
        if (f.length != 4 || !f[0].equals("day") || days.put(LocalDate.parse(f[1]), new Day(Long.parseLong(f[2]), f[3])) != null) {
          throw new IllegalArgumentException("line " + (i + 1) + " is not a new 'day <date> <events> <digest>'");
        }
      }
      Checkpoint checkpoint = new Checkpoint(until, days);
      if (!lines[lines.length - 1].equals("root " + checkpoint.root())) {
        throw new IllegalArgumentException("the checkpoint's root does not match its lines: it was altered");
      }
      return checkpoint;
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException("not a Nivaran checkpoint: " + e.getMessage(), e);
    }
  }

  /** The days that differ between two maps of days, in date order. */
  static List<DayChange> changes(Map<LocalDate, Day> then, Map<LocalDate, Day> now) {
    SortedMap<LocalDate, DayChange> changes = new TreeMap<>();
    for (Map<LocalDate, Day> side : List.of(then, now)) {
      for (LocalDate day : side.keySet()) {
        Optional<Day> a = Optional.ofNullable(then.get(day));
        Optional<Day> b = Optional.ofNullable(now.get(day));
        if (!a.equals(b)) {
          changes.put(day, new DayChange(day, a, b));
        }
      }
    }
    return List.copyOf(changes.values());
  }
}
