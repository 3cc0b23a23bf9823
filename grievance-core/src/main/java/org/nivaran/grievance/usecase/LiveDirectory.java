package org.nivaran.grievance.usecase;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.directory.Departments;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.directory.Post;
import org.nivaran.grievance.actor.PostId;

/**
 * The directory in force: the one the builder was given, as changed since by handovers and blocks.
 * Every use case reads it afresh for each decision. Thread-safe: changes are atomic.
 */
final class LiveDirectory {
  static final Directory EMPTY = Directory.builder().departments(Departments.of(List.of())).build();

  private final AtomicReference<Optional<Directory>> current;

  LiveDirectory(Optional<Directory> initial) {
    this.current = new AtomicReference<>(initial);
  }

  Optional<Directory> current() {
    return current.get();
  }

  /** The directory, or an empty one (no posts, no categories) if none is configured. */
  Directory orEmpty() {
    return current.get().orElse(EMPTY);
  }

  Directory require() {
    return require(current.get());
  }

  /** Changes the directory atomically; the change must not have side effects (it may be retried). */
  Directory update(UnaryOperator<Directory> change) {
    return current.updateAndGet(d -> Optional.of(change.apply(require(d)))).orElseThrow();
  }

  /** The nodal officer's post of a complaint's jurisdiction, to draw attention to a flag. */
  Optional<PostId> nodalOfficerOf(Complaint c) {
    return current.get().flatMap(d -> d.nodalOfficerOf(c.jurisdictionCode())).map(Post::id);
  }

  private static Directory require(Optional<Directory> d) {
    return d.orElseThrow(() -> new IllegalStateException("no directory is configured (Grievances.builder().directory)"));
  }
}
