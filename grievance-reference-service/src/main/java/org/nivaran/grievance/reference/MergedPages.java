package org.nivaran.grievance.reference;

import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Function;
import java.util.function.Predicate;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.store.Page;
import org.nivaran.grievance.store.PageCursor;
import org.nivaran.grievance.store.PageRequest;

/**
 * One page over several of the store's work lists that share an order (oldest registration first,
 * then id): the pending lists of an officer's posts, or the lists by status and jurisdiction that
 * together make every complaint. The store pages each list by itself; this merges them and keeps a
 * cursor of its own, the {@linkplain PageCursor registration instant and id} of the last complaint
 * given, so a page ends where the merged order ends.
 *
 * <p>The store has no list across statuses and jurisdictions, so the Open311 list reads one per
 * pair: fine for a district, many queries for a state (see the README). A page loads at most
 * {@code maxRead} rows from the store in all, kept or not, counting every row each query returns:
 * each list starts with a small share of the bound ({@code maxRead} divided by the number of lists)
 * and is refilled only when the merge needs its next row, from what is left of the bound. When the
 * bound is spent the page ends early, perhaps empty, with a cursor after the last complaint it read,
 * and the client reads on from it, so no one request scans the whole tenant. Each query but a list's
 * last returns at least one row, so a page makes at most {@code maxRead} plus the number of lists
 * queries. The bound must be at least twice the number of lists: the merge needs the head of each,
 * and the list of the cursor's complaint gives that complaint again before the next.
 *
 * <p>Stateless; thread-safe.
 */
final class MergedPages {
  private static final Comparator<Complaint> ORDER =
      Comparator.comparing(Complaint::registeredAt).thenComparing(c -> c.id().value());

  private MergedPages() {}

  /**
   * The next page of the merged lists.
   *
   * @param lists the lists, each paged by the store in the shared order
   * @param after where the previous page ended, or empty for the first
   * @param size the most complaints on the page
   * @param maxRead the most rows to load from the lists for the page, at least twice the number of lists;
   *     when spent, the page ends with a cursor after the last complaint read
   * @param keep which complaints to give (the others are read past)
   * @param past the first complaint past the end of the range: it and all after it end the list
   * @return the page; its cursor is empty when the lists are done
   */
  static Page<Complaint> page(List<Function<PageRequest, Page<Complaint>>> lists, Optional<PageCursor> after, int size,
      int maxRead, Predicate<Complaint> keep, Predicate<Complaint> past) {
    // The store compares its own column, which may keep fewer digits of the instant than the
    // complaint: ask from a microsecond earlier and drop what is not after the cursor here.
    Optional<PageCursor> from = after.map(c -> new PageCursor(c.at().truncatedTo(ChronoUnit.MICROS).minusNanos(1000), c.id()));
    if (maxRead < 2 * lists.size()) {
      throw new IllegalArgumentException("maxRead must be at least twice the number of lists, " + 2 * lists.size()
          + " (was " + maxRead + ")");
    }
    int want = Math.min(PageRequest.MAX_SIZE, Math.max(size, 20));
    int first = Math.max(1, Math.min(want, maxRead / Math.max(1, lists.size())));
    int[] left = {maxRead};
    // Every list first loads its share (at least two rows, so the list of the cursor's complaint,
    // which gives that complaint again, has one after it), then what is left serves refills.
    List<Source> sources = new ArrayList<>();
    for (Function<PageRequest, Page<Complaint>> list : lists) {
      Source s = new Source(list, first, want, from, left);
      s.load();
      sources.add(s);
    }
    PriorityQueue<Source> heads = new PriorityQueue<>(Comparator.comparing(Source::head, ORDER));
    for (Source s : sources) {
      switch (s.advance(after)) {
        case READY -> heads.add(s);
        case DONE -> { }
        // Only if more than a share of one list's rows sit in the cursor's own microsecond: nothing
        // was read, and the client reads on from the same place.
        case STARVED -> {
          return new Page<>(List.of(), Optional.of(after.orElseThrow()));
        }
        default -> throw new IllegalStateException();
      }
    }
    List<Complaint> out = new ArrayList<>();
    Complaint last = null;
    while (!heads.isEmpty() && out.size() < size) {
      Source s = heads.poll();
      Complaint c = s.head();
      if (past.test(c)) {
        return new Page<>(out, Optional.empty());
      }
      if (keep.test(c)) {
        out.add(c);
      }
      last = c;
      s.buffer.removeFirst();
      State state = s.advance(after);
      if (state == State.STARVED) {
        // The bound is spent and this list's next row is unknown: all up to the last read is done.
        return new Page<>(out, Optional.of(new PageCursor(last.registeredAt(), last.id())));
      }
      if (state == State.READY) {
        heads.add(s);
      }
    }
    boolean more = !heads.isEmpty() && !past.test(heads.peek().head());
    return new Page<>(out, more && last != null ? Optional.of(new PageCursor(last.registeredAt(), last.id()))
        : Optional.empty());
  }

  /** What a list can give next. */
  private enum State {
    /** Its next row is loaded. */
    READY,
    /** It has no more rows. */
    DONE,
    /** Its next row is not loaded and the bound of rows is spent. */
    STARVED
  }

  /** One list, read a page at a time from a bound of rows shared with the other lists. */
  private static final class Source {
    private final Function<PageRequest, Page<Complaint>> list;
    private final int refill;
    private final int[] left;
    private final Deque<Complaint> buffer = new ArrayDeque<>();
    private int fetch;
    private Optional<PageCursor> at;
    private boolean done;

    Source(Function<PageRequest, Page<Complaint>> list, int first, int refill, Optional<PageCursor> from, int[] left) {
      this.list = list;
      this.fetch = first;
      this.refill = refill;
      this.left = left;
      this.at = from;
    }

    Complaint head() {
      return buffer.peekFirst();
    }

    /** Loads the list's first rows. */
    void load() {
      fetchOnce();
    }

    /** Fills the buffer, skipping what is not after the cursor, within the bound of rows. */
    State advance(Optional<PageCursor> after) {
      while (true) {
        while (!buffer.isEmpty() && after.isPresent() && !isAfter(buffer.peekFirst(), after.get())) {
          buffer.removeFirst();
        }
        if (!buffer.isEmpty()) {
          return State.READY;
        }
        if (done) {
          return State.DONE;
        }
        if (!fetchOnce()) {
          return State.STARVED;
        }
      }
    }

    /** One query for the next rows, within the bound; false if the bound is spent. */
    private boolean fetchOnce() {
      int n = Math.min(fetch, left[0]);
      if (n < 1) {
        return false;
      }
      Page<Complaint> page = list.apply(at.map(c -> PageRequest.after(n, c)).orElse(PageRequest.first(n)));
      left[0] -= page.items().size();
      buffer.addAll(page.items());
      at = page.next();
      done = at.isEmpty();
      fetch = refill;
      return true;
    }

    private static boolean isAfter(Complaint c, PageCursor cursor) {
      int at = c.registeredAt().compareTo(cursor.at());
      return at > 0 || at == 0 && c.id().value().compareTo(cursor.id().value()) > 0;
    }
  }
}
