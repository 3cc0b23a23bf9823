package org.nivaran.grievance.complaint;

import java.time.Instant;
import java.util.Optional;
import org.nivaran.grievance.internal.Texts;

/**
 * How and when a complaint was closed, rejected or withdrawn.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind why it stopped
 * @param remark the recorded reason or remark, if any
 * @param duplicateOf for {@link ClosureKind#DUPLICATE}, the complaint it repeats
 * @param at when
 */
public record Closure(
    ClosureKind kind, Optional<String> remark, Optional<ComplaintId> duplicateOf, Instant at) {
  /**
   * Validates the fields.
   *
   * @param kind why it stopped
   * @param remark the recorded reason or remark, if any
   * @param duplicateOf for {@link ClosureKind#DUPLICATE}, the complaint it repeats
   * @param at when
   */
  public Closure {
    Texts.required(kind, "kind");
    Texts.required(remark, "remark");
    Texts.required(duplicateOf, "duplicateOf");
    Texts.required(at, "at");
  }
}
