package org.nivaran.grievance.store;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page of a work list to read: at most {@link #size()} complaints after a cursor (keyset
 * paging: a page stays correct while complaints are added or leave the list, and the database
 * reads only the page).
 *
 * <p>Immutable and thread-safe.
 *
 * @param size the most complaints on the page, 1 to {@value #MAX_SIZE}
 * @param after the {@link Page#next()} cursor of the previous page; empty for the first page
 */
public record PageRequest(int size, Optional<PageCursor> after) {
  /** The largest page. */
  public static final int MAX_SIZE = 1000;

  /**
   * Checks the size.
   *
   * @param size the most complaints on the page, 1 to {@value #MAX_SIZE}
   * @param after the previous page's cursor, or empty
   * @throws IllegalArgumentException if the size is out of range
   */
  public PageRequest {
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE + " (was " + size + ")");
    }
    Objects.requireNonNull(after, "after");
  }

  /**
   * The first page.
   *
   * @param size the most complaints on it, 1 to {@value #MAX_SIZE}
   * @return the request
   */
  public static PageRequest first(int size) {
    return new PageRequest(size, Optional.empty());
  }

  /**
   * The page after a cursor.
   *
   * @param size the most complaints on it, 1 to {@value #MAX_SIZE}
   * @param after the previous page's {@link Page#next()}
   * @return the request
   */
  public static PageRequest after(int size, PageCursor after) {
    return new PageRequest(size, Optional.of(Objects.requireNonNull(after, "after")));
  }
}
