package org.nivaran.grievance.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
    items = List.copyOf(items);
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
}
