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
 * pair: fine for a district, many queries for a state (see the README). A page reads at most
 * {@code maxRead} complaints, kept or not: a filter that keeps few ends its page early with a
 * cursor, and the client reads on from it, so no one request scans the whole tenant.
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
   * @param maxRead the most complaints to read (kept or read past) for the page; when reached, the
   *     page ends with a cursor after the last one read
   * @param keep which complaints to give (the others are read past)
   * @param past the first complaint past the end of the range: it and all after it end the list
   * @return the page; its cursor is empty when the lists are done
   */
  static Page<Complaint> page(List<Function<PageRequest, Page<Complaint>>> lists, Optional<PageCursor> after, int size,
      int maxRead, Predicate<Complaint> keep, Predicate<Complaint> past) {
    // The store compares its own column, which may keep fewer digits of the instant than the
    // complaint: ask from a microsecond earlier and drop what is not after the cursor here.
    Optional<PageCursor> from = after.map(c -> new PageCursor(c.at().truncatedTo(ChronoUnit.MICROS).minusNanos(1000), c.id()));
    int fetch = Math.min(PageRequest.MAX_SIZE, Math.min(maxRead, Math.max(size, 20)));
    PriorityQueue<Source> heads = new PriorityQueue<>(Comparator.comparing(Source::head, ORDER));
    for (Function<PageRequest, Page<Complaint>> list : lists) {
      Source s = new Source(list, fetch, from);
      if (s.advance(after)) {
        heads.add(s);
      }
    }
    List<Complaint> out = new ArrayList<>();
    Complaint last = null;
    int read = 0;
    while (!heads.isEmpty() && out.size() < size && read < maxRead) {
      Source s = heads.poll();
      Complaint c = s.head();
      if (past.test(c)) {
        return new Page<>(out, Optional.empty());
      }
      if (keep.test(c)) {
        out.add(c);
      }
      last = c;
      read++;
      s.buffer.removeFirst();
      if (s.advance(after)) {
        heads.add(s);
      }
    }
    boolean more = !heads.isEmpty() && !past.test(heads.peek().head());
    return new Page<>(out, more && last != null ? Optional.of(new PageCursor(last.registeredAt(), last.id()))
        : Optional.empty());
  }

  /** One list, read a page at a time. */
  private static final class Source {
    private final Function<PageRequest, Page<Complaint>> list;
    private final int fetch;
    private final Deque<Complaint> buffer = new ArrayDeque<>();
    private Optional<PageRequest> next;

    Source(Function<PageRequest, Page<Complaint>> list, int fetch, Optional<PageCursor> from) {
      this.list = list;
      this.fetch = fetch;
      this.next = Optional.of(from.map(c -> PageRequest.after(fetch, c)).orElse(PageRequest.first(fetch)));
    }

    Complaint head() {
      return buffer.peekFirst();
    }

    /** Fills the buffer, skipping what is not after the cursor; false when the list is done. */
    boolean advance(Optional<PageCursor> after) {
      while (true) {
        while (!buffer.isEmpty() && after.isPresent() && !isAfter(buffer.peekFirst(), after.get())) {
          buffer.removeFirst();
        }
        if (!buffer.isEmpty()) {
          return true;
        }
        if (next.isEmpty()) {
          return false;
        }
        Page<Complaint> page = list.apply(next.get());
        buffer.addAll(page.items());
        next = page.nextRequest(fetch);
      }
    }

    private static boolean isAfter(Complaint c, PageCursor cursor) {
      int at = c.registeredAt().compareTo(cursor.at());
      return at > 0 || at == 0 && c.id().value().compareTo(cursor.id().value()) > 0;
    }
  }
}
