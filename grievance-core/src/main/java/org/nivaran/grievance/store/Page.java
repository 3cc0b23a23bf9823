package org.nivaran.grievance.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a work list.
 *
 * <p>Immutable and thread-safe if its items are.
 *
 * @param <T> the item type
 * @param items the items, in the list's order
 * @param next where the next page starts; empty on the last page
 */
public record Page<T>(List<T> items, Optional<PageCursor> next) {
  /**
   * Copies the items.
   *
   * @param items the items
   * @param next where the next page starts, or empty
   */
  public Page {
    items = List.copyOf(Objects.requireNonNull(items, "items"));
    Objects.requireNonNull(next, "next");
  }

  /**
   * The request for the next page of the same size, if there is one.
   *
   * @param size the size of the next page
   * @return the request, or empty on the last page
   */
  public Optional<PageRequest> nextRequest(int size) {
    return next.map(c -> PageRequest.after(size, c));
  }

  /**
   * Reads a work list page by page, from the first, until it ends or {@code limit} items are read.
   *
   * @param <T> the item type
   * @param pages reads one page, e.g. {@code p -> workLists.pendingAt(post, p)}
   * @param limit the most items to read, at least 1
   * @return the items, in the list's order
   * @throws IllegalArgumentException if {@code limit} is less than 1
   */
  public static <T> List<T> collect(Function<PageRequest, Page<T>> pages, int limit) {
    Objects.requireNonNull(pages, "pages");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1 (was " + limit + ")");
    }
    List<T> items = new ArrayList<>();
    PageRequest request = PageRequest.first(Math.min(limit, PageRequest.MAX_SIZE));
    while (true) {
      Page<T> page = pages.apply(request);
      items.addAll(page.items());
      if (items.size() >= limit || page.next().isEmpty()) {
        return List.copyOf(items.size() > limit ? items.subList(0, limit) : items);
      }
      request = page.nextRequest(Math.min(limit - items.size(), PageRequest.MAX_SIZE)).orElseThrow();
    }
  }
}
