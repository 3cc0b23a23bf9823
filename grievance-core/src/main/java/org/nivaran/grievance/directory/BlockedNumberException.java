package org.nivaran.grievance.directory;

import java.util.Objects;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.actor.Masking;

/**
 * A registration from a number on the blocklist was refused; nothing was stored. The field is
 * {@code citizen.phone}. The message shows the number {@linkplain Masking#phone masked};
 * {@link #entry()} holds it.
 */
public final class BlockedNumberException extends GrievanceException {
  private static final long serialVersionUID = 1L;

  /** @serial the entry that blocks the number. */
  private final transient BlockEntry entry;

  /**
   * Creates the exception.
   *
   * @param entry the active blocklist entry
   */
  public BlockedNumberException(BlockEntry entry) {
    super("citizen.phone " + Masking.phone(Objects.requireNonNull(entry, "entry").phone()) + " is blocked since "
        + entry.blockedAt() + entry.expiresAt().map(t -> " until " + t).orElse("") + ": "
        + Masking.scrub(entry.reason(), entry.phone(), null));
    this.entry = entry;
  }

  /**
   * The field refused.
   *
   * @return {@code "citizen.phone"}
   */
  public String field() {
    return "citizen.phone";
  }

  /**
   * The blocklist entry.
   *
   * @return the entry
   */
  public BlockEntry entry() {
    return entry;
  }
}
