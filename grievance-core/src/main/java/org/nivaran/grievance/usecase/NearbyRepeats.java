package org.nivaran.grievance.usecase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Role;
import org.nivaran.grievance.complaint.CommandType;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.Location;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Registration;
import org.nivaran.grievance.policy.DistanceRule;
import org.nivaran.grievance.policy.DuplicatePolicy;
import org.nivaran.grievance.store.NearbyComplaints;
import org.nivaran.grievance.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The duplicate policy's distance rules at work. For a registration with a location, of a category
 * with a {@link DistanceRule}: the store's {@link NearbyComplaints} is asked for the open complaints
 * of the category inside the box around the circle and registered within the window (newest
 * first, at most {@value #PREFILTER_LIMIT}), and those truly within the radius are kept, nearest
 * first, then newest. Under {@code LINK} the registration is recorded on the first of them by
 * {@link RepeatLinking} (retries with the same key included); under {@code CONFIRM}, or when the
 * registering actor is not an agent or the system, the new complaint is flagged {@code POSSIBLE_REPEAT} in the change
 * that registers it, its detail naming up to {@value #LISTED} candidates. Thread-safe if the store is.
 */
final class NearbyRepeats {
  /** The most complaints asked of the store's box prefilter for one registration. */
  static final int PREFILTER_LIMIT = 100;
  /** The most candidates a flag's detail names. */
  static final int LISTED = 10;

  private static final Logger LOG = LoggerFactory.getLogger(NearbyRepeats.class);
  private static final Actor FINDER = Actor.system("nearby-repeats");
  /** Who may have a registration linked by distance to a complaint that is not theirs. */
  private static final Set<Role> LINKERS = EnumSet.of(Role.CALL_CENTRE_AGENT, Role.SYSTEM);

  private final TenantId tenant;
  private final DuplicatePolicy policy;
  private final Optional<NearbyComplaints> nearby;
  private final RepeatLinking repeats;

  /** The store implements {@link NearbyComplaints} whenever the policy has a distance rule (checked when configured). */
  NearbyRepeats(TenantId tenant, DuplicatePolicy policy, Optional<NearbyComplaints> nearby, RepeatLinking repeats) {
    this.tenant = tenant;
    this.policy = policy;
    this.nearby = nearby;
    this.repeats = repeats;
  }

  /** One complaint within the radius, and how far. */
  private record Candidate(Complaint complaint, double metres) {}

  private static final Comparator<Candidate> NEAREST_THEN_NEWEST = Comparator.comparingDouble(Candidate::metres)
      .thenComparing(c -> c.complaint().registeredAt(), Comparator.reverseOrder())
      .thenComparing(c -> c.complaint().id().toString(), Comparator.reverseOrder());

  /**
   * Under a {@code LINK} rule, the registration recorded on the nearest open repeat (or the replay
   * of an earlier attempt with its key); empty if there is none, or no rule links it.
   */
  Optional<Registration> link(RegisterComplaint request, Actor actor, Instant now) {
    Optional<DistanceRule> rule = linking(request, actor);
    if (rule.isEmpty()) {
      return Optional.empty();
    }
    Optional<Registration> linked = repeats.linkTo(request, actor,
        () -> candidates(request, rule.get(), now).stream().map(Candidate::complaint).toList());
    linked.ifPresent(r -> LOG.debug("registration by {} linked by distance to {}", actor, r.complaint().id()));
    return linked;
  }

  /**
   * A refused registration with a key that a {@code LINK} rule linked before: its earlier outcome;
   * empty if it was not.
   */
  Optional<Registration> linkedBefore(RegisterComplaint request, Actor actor, Instant now) {
    Optional<DistanceRule> rule = linking(request, actor);
    if (request.idempotencyKey().isEmpty() || rule.isEmpty()) {
      return Optional.empty();
    }
    return repeats.linkedOnAny(candidates(request, rule.get(), now).stream().map(Candidate::complaint).toList(), request);
  }

  /**
   * Flags the complaint being registered {@code POSSIBLE_REPEAT} when a rule asks the agent to
   * confirm (or would link, but the actor may not) and open repeats lie within its distance and time.
   */
  void flag(Change change, RegisterComplaint request, Actor actor, Instant now) {
    Optional<DistanceRule> rule = located(request);
    if (rule.isEmpty() || linking(request, actor).isPresent()) {
      return;
    }
    List<Candidate> found = candidates(request, rule.get(), now).stream()
        .filter(c -> !c.complaint().id().equals(change.state().id()))
        .toList();
    if (found.isEmpty()) {
      return;
    }
    String detail = found.stream().limit(LISTED)
        .map(c -> c.complaint().id() + " (" + Math.round(c.metres()) + " m)")
        .collect(Collectors.joining(", ", DuplicatePolicy.POSSIBLE_REPEAT_PREFIX, ""));
    change.run(new ComplaintCommand.Flag(ComplaintFlag.POSSIBLE_REPEAT, detail, Optional.empty()), FINDER, now);
  }

  /**
   * The rule of a located request's category, if the request may be linked under it: a link rule,
   * and an agent or the system registering. A citizen's own registration is not linked to another
   * person's complaint (that would hand them someone else's complaint), nor an officer's or a
   * supervisor's (who act on complaints of their own post or scope only): theirs are flagged.
   */
  private Optional<DistanceRule> linking(RegisterComplaint request, Actor actor) {
    return located(request)
        .filter(r -> r.mode() == DistanceRule.Mode.LINK)
        .filter(r -> LINKERS.contains(actor.role()) && Lifecycle.rolesFor(CommandType.LINK_DUPLICATE).contains(actor.role()));
  }

  /** The rule of the request's category, if it has a location to measure from. */
  private Optional<DistanceRule> located(RegisterComplaint request) {
    if (request.location().isEmpty() || nearby.isEmpty()) {
      return Optional.empty();
    }
    return policy.distanceRule(request.categoryCode());
  }

  /** The open repeats within the rule's radius and window, nearest first, then newest. */
  private List<Candidate> candidates(RegisterComplaint request, DistanceRule rule, Instant now) {
    Location at = request.location().orElseThrow();
    List<Complaint> boxed = nearby.orElseThrow()
        .openWithin(tenant, request.categoryCode(), rule.box(at), rule.since(now), PREFILTER_LIMIT);
    List<Candidate> within = new ArrayList<>();
    for (Complaint c : boxed) {
      OptionalDouble metres = rule.metresIfRepeat(request.categoryCode(), at, now, c);
      if (metres.isPresent()) {
        within.add(new Candidate(c, metres.getAsDouble()));
      }
    }
    within.sort(NEAREST_THEN_NEWEST);
    return within;
  }
}
