package org.nivaran.grievance.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nivaran.grievance.actor.Masking;
import org.nivaran.grievance.complaint.Closure;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.directory.Language;

/**
 * The messages a change owes the sources that hold its complaint: for the action-taken reply
 * ({@code ResolutionFiled}) and for the closure (the event that closed it), one
 * {@link RecipientRole#SOURCE source} notification to each source the complaint holds a reference
 * for and that has an adapter. The body is the reply, or the closure's kind and remark, with the
 * citizen's number and name masked: a source already knows its citizen. Stateless.
 */
final class SourceNotices {
  private SourceNotices() {}

  /** The source notifications of a stored change, in event order and then reference order. */
  static List<Notification> of(Complaint after, List<ComplaintEvent> events, Set<String> sources) {
    List<ExternalReference> told = after.references().stream().filter(r -> sources.contains(r.source())).toList();
    if (told.isEmpty()) {
      return List.of();
    }
    List<Notification> out = new ArrayList<>();
    for (ComplaintEvent e : events) {
      Optional<NotificationKind> kind = Optional.empty();
      String notes = "";
      if (e instanceof ComplaintEvent.ResolutionFiled r) {
        kind = Optional.of(NotificationKind.RESOLVED);
        notes = r.reply();
      } else if (closes(e) && after.closure().isPresent()) {
        kind = Optional.of(NotificationKind.CLOSED);
        notes = closureNotes(after.closure().get());
      }
      if (kind.isEmpty()) {
        continue;
      }
      String body = Masking.scrub(notes, after.citizen().phone(), after.citizen().name());
      Language language = Language.of(after.citizen().language());
      for (ExternalReference r : told) {
        Recipient to = Recipient.source(r, after.citizen().phone());
        out.add(new Notification(Notification.idIn(after.tenant(), after.id() + "#" + e.sequence() + ":" + to.key()),
            after.id(), e.sequence(), kind.get(), to, DeliveryChannel.SOURCE, language, body, e.occurredAt(),
            java.util.Optional.empty(), after.tenant()));
      }
    }
    return out;
  }

  /** Whether the event closes a complaint (the lifecycle's ways into CLOSED, REJECTED and WITHDRAWN). */
  private static boolean closes(ComplaintEvent e) {
    return e instanceof ComplaintEvent.CitizenSatisfied || e instanceof ComplaintEvent.ComplaintSpeciallyClosed
        || e instanceof ComplaintEvent.ComplaintClosedUnverified || e instanceof ComplaintEvent.ComplaintRejected
        || e instanceof ComplaintEvent.ComplaintWithdrawn;
  }

  /** The closure as text: {@code closed (SATISFIED)}, and the remark after a colon if there is one. */
  private static String closureNotes(Closure closure) {
    String head = "closed (" + closure.kind().name() + ")";
    return closure.remark().filter(s -> !s.isBlank()).map(s -> head + ": " + s).orElse(head);
  }
}
