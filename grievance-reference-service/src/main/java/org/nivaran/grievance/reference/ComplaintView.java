package org.nivaran.grievance.reference;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.nivaran.grievance.complaint.Complaint;

/**
 * A complaint as the staff endpoints answer it: what an officer or agent works with, without the
 * citizen's name, number or address (the call centre reaches the citizen through Nivaran's
 * notifications and its own telephony, not through this API).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the complaint number
 * @param version the version to send back with a command ({@code version}) for optimistic concurrency
 * @param status the status
 * @param categoryCode the category
 * @param jurisdictionCode the jurisdiction registered in
 * @param description the citizen's description, exactly
 * @param post the assigned post, or null
 * @param department the assigned department, or null
 * @param level the assignment's level, e.g. {@code L1}, or null
 * @param reply the action-taken reply, or null
 * @param closure the closure kind, or null while open
 * @param flags the flags, sorted
 * @param references the external references as {@code source:id}
 * @param registeredAt when it was registered
 * @param updatedAt when it last changed
 * @param dueAt the running deadline, or null
 */
public record ComplaintView(
    String id, long version, String status, String categoryCode, String jurisdictionCode, String description,
    String post, String department, String level, String reply, String closure, Set<String> flags,
    List<String> references, Instant registeredAt, Instant updatedAt, Instant dueAt) {

  /**
   * The view of a complaint.
   *
   * @param c the complaint
   * @return the view
   */
  public static ComplaintView of(Complaint c) {
    return new ComplaintView(c.id().value(), c.version(), c.status().name(), c.categoryCode(), c.jurisdictionCode(),
        c.description(),
        c.assignment().map(a -> a.post().code()).orElse(null),
        c.assignment().map(a -> a.department()).orElse(null),
        c.assignment().map(a -> a.level().toString()).orElse(null),
        c.resolution().map(r -> r.reply()).orElse(null),
        c.closure().map(cl -> cl.kind().name()).orElse(null),
        new TreeSet<>(c.flags().stream().map(Enum::name).toList()),
        c.references().stream().map(r -> r.source() + ":" + r.id()).toList(),
        c.registeredAt(), c.updatedAt(), c.dueAt().orElse(null));
  }
}
