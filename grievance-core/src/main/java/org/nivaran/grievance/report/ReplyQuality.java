package org.nivaran.grievance.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Assignment;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.Lifecycle;

/**
 * Reply quality per post: replies filed, accepted and returned inside a period, each counted
 * against the post the complaint was assigned to when the event occurred (the post whose reply
 * it was). Computed by replaying event logs, like {@link EventLogGradingSource}.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReplyQuality {
  private ReplyQuality() {}

  /**
   * Counts the replies of every post in a set of event logs.
   *
   * @param logs the complaints' event logs, each registration first and in sequence
   * @param period the period
   * @return one entry per post with at least one reply, acceptance or return in the period, sorted
   *     by department then post
   */
  public static List<PostReplies> of(Iterable<? extends List<ComplaintEvent>> logs, GradingPeriod period) {
    Objects.requireNonNull(logs, "logs");
    Objects.requireNonNull(period, "period");
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, PostId> posts = new TreeMap<>();
    for (List<ComplaintEvent> log : logs) {
      if (log.isEmpty() || !(log.get(0) instanceof ComplaintEvent.ComplaintRegistered first)) {
        continue;
      }
      Complaint state = Lifecycle.start(first);
      boolean accepted = false;
      for (int i = 1; i < log.size(); i++) {
        ComplaintEvent e = log.get(i);
        if (!e.occurredAt().isBefore(period.to())) {
          break;
        }
        int column = e instanceof ComplaintEvent.ResolutionFiled ? 0
            : e instanceof ComplaintEvent.ReplyAccepted && !accepted ? 1
            : e instanceof ComplaintEvent.ReplyReturned ? 2 : -1;
        if (e instanceof ComplaintEvent.ResolutionFiled) {
          accepted = false;
        } else if (e instanceof ComplaintEvent.ReplyAccepted) {
          accepted = true; // a reply accepted twice counts once
        }
        if (column >= 0 && period.contains(e.occurredAt()) && state.assignment().isPresent()) {
          Assignment a = state.assignment().get();
          String key = a.department() + "\u0000" + a.post().code();
          posts.put(key, a.post());
          counts.computeIfAbsent(key, k -> new long[3])[column]++;
        }
        state = Lifecycle.evolve(state, e);
      }
    }
    List<PostReplies> out = new ArrayList<>();
    counts.forEach((key, c) -> out.add(
        new PostReplies(posts.get(key), key.substring(0, key.indexOf('\u0000')), c[0], c[1], c[2])));
    out.sort(Comparator.comparing(PostReplies::department).thenComparing(p -> p.post().code()));
    return out;
  }
}
