package org.nivaran.grievance.usecase;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.directory.NoRouteException;
import org.nivaran.grievance.directory.Post;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.escalation.EscalationPolicy;

/**
 * Routing at registration, in the same change as the registration: a walk-in goes to the duty
 * roster's post of the day; any other complaint to its category's department's post at the entry
 * level of its escalation policy, falling back up the jurisdiction tree; a complaint with no post
 * is flagged {@code UNROUTED} for the jurisdiction's nodal officer. Immutable and thread-safe.
 */
final class RegistrationRouting {
  private static final Actor ROUTER = Actor.system("router");

  private final EscalationPolicies policies;
  private final ZoneId zone;

  RegistrationRouting(EscalationPolicies policies, ZoneId zone) {
    this.policies = policies;
    this.zone = zone;
  }

  void route(Change change, Directory d, Instant now) {
    Complaint c = change.state();
    Level entry = policies.forComplaint(c, d.categories()).map(EscalationPolicy::entryLevel).orElse(Level.L1);
    Optional<Post> post = Optional.empty();
    if (c.channel() == Channel.WALK_IN_HEARING) {
      post = d.router().walkIn(LocalDate.ofInstant(now, zone));
    }
    if (post.isEmpty()) {
      try {
        post = Optional.of(d.router().route(c.categoryCode(), c.jurisdictionCode(), entry).post());
      } catch (NoRouteException e) {
        Optional<PostId> nodal = d.nodalOfficerOf(c.jurisdictionCode()).map(Post::id);
        change.run(new ComplaintCommand.Flag(ComplaintFlag.UNROUTED, e.getMessage(), nodal), ROUTER, now);
        return;
      }
    }
    Post p = post.get();
    change.run(new ComplaintCommand.Assign(p.id(), p.department(), p.level()), ROUTER, now);
  }
}
