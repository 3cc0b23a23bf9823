package org.nivaran.grievance.usecase;

import java.util.List;
import java.util.Optional;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.CommandType;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.complaint.IllegalTransitionException;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Registration;
import org.nivaran.grievance.policy.ReferencePolicy;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.DuplicateReferenceException;
import org.nivaran.grievance.store.StaleVersionException;
import org.nivaran.grievance.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference policy at work: a registration carrying an external reference that a complaint of
 * the tenant holds is that complaint's grievance, returned as it is or recorded on it as a repeat
 * ({@link ReferencePolicy}). Asked first by {@link Intake}, and again when the store refuses a new
 * complaint because a racing registration took one of its references meanwhile. Thread-safe.
 */
final class ReferenceMatching {
  private static final Logger LOG = LoggerFactory.getLogger(ReferenceMatching.class);

  private final TenantId tenant;
  private final ReferencePolicy policy;
  private final ComplaintStore store;
  private final CommandExecution commands;
  private final int maxAttempts;

  ReferenceMatching(TenantId tenant, ReferencePolicy policy, ComplaintStore store, CommandExecution commands,
      int maxAttempts) {
    this.tenant = tenant;
    this.policy = policy;
    this.store = store;
    this.commands = commands;
    this.maxAttempts = maxAttempts;
  }

  /**
   * The registration a request with a known reference resolves to; empty if it carries none that
   * a complaint of the tenant holds.
   */
  Optional<Registration> match(RegisterComplaint request, Actor actor) {
    if (request.references().isEmpty()) {
      return Optional.empty();
    }
    for (int attempt = 1; ; attempt++) {
      Optional<Complaint> holder = holder(request);
      if (holder.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(resolve(holder.get(), request, actor));
      } catch (StaleVersionException | DuplicateReferenceException raced) {
        // decided again: the holder changed, or another complaint took a reference meanwhile
        if (attempt >= maxAttempts) {
          throw raced;
        }
      }
    }
  }

  /**
   * A new complaint the store refused because another complaint holds one of its references: the
   * registration it resolves to against that complaint.
   *
   * @throws DuplicateReferenceException {@code lost} itself if no complaint holds a reference of
   *     the request any more (it cannot be resolved here)
   */
  Registration afterRace(RegisterComplaint request, Actor actor, DuplicateReferenceException lost) {
    LOG.debug("registration lost the race for reference {} to complaint {}", lost.reference(), lost.holder());
    return match(request, actor).orElseThrow(() -> lost);
  }

  /** The complaint holding the first of the request's references that one holds. */
  private Optional<Complaint> holder(RegisterComplaint request) {
    for (ExternalReference r : request.references()) {
      Optional<Complaint> c = TenantGuard.own(tenant, store.findByReference(tenant, r));
      if (c.isPresent()) {
        return c;
      }
    }
    return Optional.empty();
  }

  private Registration resolve(Complaint holder, RegisterComplaint request, Actor actor) {
    if (policy == ReferencePolicy.RETURN_EXISTING || !holder.status().isOpen()
        || !Lifecycle.rolesFor(CommandType.LINK_DUPLICATE).contains(actor.role())) {
      return new Registration(holder, Registration.Outcome.REPLAYED);
    }
    List<ExternalReference> gained = request.references().stream()
        .filter(r -> holder.references().stream().noneMatch(h -> h.source().equals(r.source())))
        .filter(r -> store.findByReference(tenant, r).isEmpty())
        .toList();
    if (gained.isEmpty()) {
      return new Registration(holder, Registration.Outcome.REPLAYED);
    }
    ComplaintCommand.LinkDuplicate link = new ComplaintCommand.LinkDuplicate(
        request.channel(), request.description(), request.attachments(), request.idempotencyKey(), gained,
        RepeatLinking.callerUnlike(request, holder));
    try {
      Complaint after = commands.apply(holder, link, actor);
      LOG.debug("registration by {} linked to complaint {} by reference, gaining {}", actor, holder.id(), gained);
      return new Registration(after, Registration.Outcome.LINKED);
    } catch (IllegalTransitionException closedMeanwhile) {
      return new Registration(commands.get(holder.id()), Registration.Outcome.REPLAYED);
    }
  }
}
