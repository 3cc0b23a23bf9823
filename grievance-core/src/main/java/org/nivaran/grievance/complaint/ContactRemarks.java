package org.nivaran.grievance.complaint;

import java.util.Optional;

/** How a contact's remark appears in logs: its length, never its text, which may quote the citizen. */
final class ContactRemarks {
  private ContactRemarks() {}

  /** The remark for {@code toString()}: e.g. {@code (42 chars)}, or {@code (none)}. */
  static String masked(Optional<String> remark) {
    return remark == null ? "(none)" : remark.map(r -> "(" + r.codePointCount(0, r.length()) + " chars)").orElse("(none)");
  }
}
