package org.nivaran.grievance.usecase;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
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
 * the complaints they inherit), the blocklist, and the work lists drawn from the posts (follow-up
 * samples). Every change is atomic; commands decided after it see it. Thread-safe.
 */
public final class DirectoryAdministration {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryAdministration.class);

  private final LiveDirectory directory;
  private final Optional<WorkLists> workLists;
  private final Publishing publishing;
  private final Clock clock;

  DirectoryAdministration(LiveDirectory directory, Optional<WorkLists> workLists, Publishing publishing, Clock clock) {
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
    List<Complaint> pending = Page.collect(p -> lists.pendingAt(post, p), FollowUpSampler.MAX_PENDING_PER_POST);
    LOG.info("post {} now held by {}; {} pending complaint(s) inherited", post,
        successor.map(Officer::id).orElse("nobody"), pending.size());
    if (publishing.delivers() && successor.isPresent() && !pending.isEmpty()
        && publishing.policy().isEnabled(NotificationKind.HANDOVER)) {
      try {
        Notification handover = publishing.policy().handover(
            updated.posts().get(post), successor.get(), pending.stream().map(Complaint::id).toList(), clock.instant());
        publishing.standalone(handover);
      } catch (RuntimeException e) {
        LOG.warn("the handover notification for post {} could not be made: {}", post, e.toString());
      }
    }
    return pending;
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
    return FollowUpSampler.sample(requireWorkLists("follow-ups sample the posts' pending complaints"), l1, perPost, seed);
  }

  private WorkLists requireWorkLists(String why) {
    return workLists.orElseThrow(() -> new UnsupportedOperationException(
        why + ", and the store implements no WorkLists"));
  }
}
