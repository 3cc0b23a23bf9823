package org.nivaran.grievance.usecase;

import org.nivaran.grievance.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.directory.AdditionalCharge;
import org.nivaran.grievance.directory.AdditionalChargeRefusedException;
import org.nivaran.grievance.directory.BlockEntry;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.directory.Officer;
import org.nivaran.grievance.directory.Post;
import org.nivaran.grievance.escalation.FollowUpSampler;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationKind;
import org.nivaran.grievance.store.Page;
import org.nivaran.grievance.store.WorkLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live directory's administration: who holds a post (a handover, with the successor told of
 * the complaints they inherit), the additional charge of a vacant post, the blocklist, and the work
 * lists drawn from the posts (follow-up samples, an officer's posts). Every change is atomic;
 * commands decided after it see it. Changes are kept in memory, in the directory in force, as
 * handovers and blocks are: a host that restarts from its configuration file gives them again.
 * Thread-safe.
 */
public final class DirectoryAdministration {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryAdministration.class);

  private final TenantId tenant;
  private final LiveDirectory directory;
  private final Optional<WorkLists> workLists;
  private final Publishing publishing;
  private final Clock clock;

  DirectoryAdministration(TenantId tenant, LiveDirectory directory, Optional<WorkLists> workLists, Publishing publishing, Clock clock) {
    this.tenant = tenant;
    this.directory = directory;
    this.workLists = workLists;
    this.publishing = publishing;
    this.clock = clock;
  }

  /**
   * The directory in force.
   *
   * @return the directory, or empty if none was configured
   */
  public Optional<Directory> current() {
    return directory.current();
  }

  /**
   * A new officer takes charge of a post (or the post falls vacant); see
   * {@code Grievances.transferOfficer}.
   *
   * @param post the post
   * @param successor the new holder, or empty if the post falls vacant
   * @return the complaints pending at the post, oldest first (at most
   *     {@value org.nivaran.grievance.escalation.FollowUpSampler#MAX_PENDING_PER_POST})
   * @throws IllegalStateException if no directory is configured
   * @throws org.nivaran.grievance.InvalidInputException if the post is not in the directory
   * @throws UnsupportedOperationException if the store has no work lists
   */
  public List<Complaint> transferOfficer(PostId post, Optional<Officer> successor) {
    Objects.requireNonNull(post, "post");
    Objects.requireNonNull(successor, "successor");
    WorkLists lists = requireWorkLists("a handover lists the post's pending complaints");
    Directory updated = directory.update(d -> d.withPosts(d.posts().withHolder(post, successor)));
    List<Complaint> pending =
        TenantGuard.own(tenant, Page.collect(p -> lists.pendingAt(tenant, post, p), FollowUpSampler.MAX_PENDING_PER_POST));
    LOG.info("post {} now held by {}; {} pending complaint(s) inherited", post,
        successor.map(Officer::id).orElse("nobody"), pending.size());
    if (publishing.delivers() && successor.isPresent() && !pending.isEmpty()
        && publishing.policy().isEnabled(NotificationKind.HANDOVER)) {
      try {
        Notification handover = publishing.policy().handover(
            tenant, updated.posts().get(post), successor.get(), pending.stream().map(Complaint::id).toList(), clock.instant());
        publishing.standalone(handover);
      } catch (RuntimeException e) {
        LOG.warn("the handover notification for post {} could not be made: {}", post, e.toString());
      }
    }
    return pending;
  }

  /**
   * A supervisor gives the additional charge of a vacant post to an officer who holds another post,
   * from now until {@code until}, replacing any charge the post had; see
   * {@code Grievances.giveAdditionalCharge}. The officer in charge is told of the complaints
   * pending at the post as a successor is (a {@code HANDOVER} notification), if any are.
   *
   * @param supervisor the actor giving it: a supervisor holding their post, within whose reach the
   *     post lies
   * @param post the vacant post
   * @param officerId the officer given the charge
   * @param until when the charge ends by itself; after now
   * @param reason why, on one line
   * @return the complaints pending at the post, oldest first (at most
   *     {@value org.nivaran.grievance.escalation.FollowUpSampler#MAX_PENDING_PER_POST})
   * @throws AdditionalChargeRefusedException if the actor may not give the post's charge
   * @throws org.nivaran.grievance.InvalidInputException naming the field: {@code post} (unknown, or
   *     has a holder), {@code officerId} (holds no post of the directory), {@code givenBy} (the
   *     supervisor gives the charge to themselves), {@code until} (not after now), {@code reason}
   * @throws IllegalStateException if no directory is configured
   * @throws UnsupportedOperationException if the store has no work lists
   */
  public List<Complaint> giveAdditionalCharge(Actor supervisor, PostId post, String officerId, Instant until, String reason) {
    Objects.requireNonNull(supervisor, "supervisor");
    Objects.requireNonNull(post, "post");
    WorkLists lists = requireWorkLists("giving a charge lists the post's pending complaints");
    Instant now = clock.instant();
    if (!(supervisor instanceof Actor.Supervisor s)) {
      throw new AdditionalChargeRefusedException(supervisor, post, "only a supervisor gives or ends an additional charge");
    }
    String givenBy = s.officerId();
    AdditionalCharge charge = new AdditionalCharge(post, officerId, now, until, givenBy, reason);
    Directory updated = directory.update(d -> {
      checkMayCharge(d, supervisor, post, now);
      return d.withPosts(d.posts().withCharge(charge));
    });
    List<Complaint> pending =
        TenantGuard.own(tenant, Page.collect(p -> lists.pendingAt(tenant, post, p), FollowUpSampler.MAX_PENDING_PER_POST));
    LOG.info("additional charge of post {} given to {} by {} until {}; {} pending complaint(s)", post, officerId,
        givenBy, until, pending.size());
    Officer inCharge = updated.posts().officer(officerId).orElseThrow();
    if (publishing.delivers() && !pending.isEmpty() && publishing.policy().isEnabled(NotificationKind.HANDOVER)) {
      try {
        publishing.standalone(publishing.policy().handover(
            tenant, updated.posts().get(post), inCharge, pending.stream().map(Complaint::id).toList(), now));
      } catch (RuntimeException e) {
        LOG.warn("the charge notification for post {} could not be made: {}", post, e.toString());
      }
    }
    return pending;
  }

  /**
   * A supervisor ends the additional charge of a post before its {@code until}; see
   * {@code Grievances.endAdditionalCharge}.
   *
   * @param supervisor the actor ending it, as for {@link #giveAdditionalCharge}
   * @param post the post
   * @return the charge ended, or empty if the post had none
   * @throws AdditionalChargeRefusedException if the actor may not change the post's charge
   * @throws org.nivaran.grievance.InvalidInputException (field {@code post}) if the post is unknown
   * @throws IllegalStateException if no directory is configured
   */
  public Optional<AdditionalCharge> endAdditionalCharge(Actor supervisor, PostId post) {
    Objects.requireNonNull(supervisor, "supervisor");
    Objects.requireNonNull(post, "post");
    Instant now = clock.instant();
    AtomicReference<Optional<AdditionalCharge>> ended = new AtomicReference<>(Optional.empty());
    directory.update(d -> {
      checkMayCharge(d, supervisor, post, now);
      ended.set(d.posts().chargeOf(post)); // the charge of the directory the change was made on
      return d.withPosts(d.posts().withoutCharge(post));
    });
    ended.get().ifPresent(c -> LOG.info("additional charge of post {} held by {} ended by {}", post, c.officerId(), supervisor));
    return ended.get();
  }

  /**
   * The posts an officer answers for now, as holder or by an additional charge in force, each with
   * its pending complaints: the officer's work list.
   *
   * @param officerId the officer's id
   * @return the pending complaints by post, oldest first (at most
   *     {@value org.nivaran.grievance.escalation.FollowUpSampler#MAX_PENDING_PER_POST} per post), in
   *     the order of {@link org.nivaran.grievance.directory.Posts#answeredBy}; empty if none
   * @throws IllegalStateException if no directory is configured
   * @throws UnsupportedOperationException if the store has no work lists
   */
  public Map<PostId, List<Complaint>> workListOf(String officerId) {
    Objects.requireNonNull(officerId, "officerId");
    WorkLists lists = requireWorkLists("a work list is the posts' pending complaints");
    Map<PostId, List<Complaint>> out = new LinkedHashMap<>();
    for (Post p : directory.require().posts().answeredBy(officerId, clock.instant())) {
      out.put(p.id(), TenantGuard.own(tenant,
          Page.collect(page -> lists.pendingAt(tenant, p.id(), page), FollowUpSampler.MAX_PENDING_PER_POST)));
    }
    return out;
  }

  private static void checkMayCharge(Directory d, Actor actor, PostId post, Instant now) {
    Post target = d.posts().get(post);
    if (!(actor instanceof Actor.Supervisor s)) {
      throw new AdditionalChargeRefusedException(actor, post, "only a supervisor gives or ends an additional charge");
    }
    PostAuthority.chargeRefusal(d, s, target, now).ifPresent(why -> {
      throw new AdditionalChargeRefusedException(actor, post, why);
    });
  }

  /**
   * Adds or replaces a blocklist entry.
   *
   * @param entry the entry
   * @throws IllegalStateException if no directory is configured
   */
  public void block(BlockEntry entry) {
    Objects.requireNonNull(entry, "entry");
    directory.update(d -> d.withBlocklist(d.blocklist().with(entry)));
  }

  /**
   * Removes a number from the blocklist.
   *
   * @param phone the number
   * @throws IllegalStateException if no directory is configured
   */
  public void unblock(PhoneNumber phone) {
    Objects.requireNonNull(phone, "phone");
    directory.update(d -> d.withBlocklist(d.blocklist().without(phone)));
  }

  /**
   * A reproducible sample of pending complaints per L1 post of the directory (see
   * {@link FollowUpSampler}).
   *
   * @param perPost how many per post, at least 1
   * @param seed the seed
   * @return the sample per post
   * @throws IllegalStateException if no directory is configured
   * @throws UnsupportedOperationException if the store has no work lists
   */
  public Map<PostId, List<Complaint>> followUps(int perPost, long seed) {
    List<PostId> l1 = directory.require().posts().all().stream()
        .filter(p -> p.level().equals(Level.L1)).map(Post::id).toList();
    return FollowUpSampler.sample(requireWorkLists("follow-ups sample the posts' pending complaints"), tenant, l1, perPost, seed);
  }

  private WorkLists requireWorkLists(String why) {
    return workLists.orElseThrow(() -> new UnsupportedOperationException(
        why + ", and the store implements no WorkLists"));
  }
}
