package org.nivaran.grievance.escalation;

import org.nivaran.grievance.tenant.CrossTenantException;
import org.nivaran.grievance.tenant.TenantId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.CommandType;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.store.Page;
import org.nivaran.grievance.store.WorkLists;

/**
 * A reproducible random sample of pending complaints per post, for the call centre's reminder
 * calls to L1 officers. Pending means waiting on the officer: assigned, in progress, returned or
 * reopened (not awaiting the citizen, not resolved and awaiting verification). The same seed, posts and pending complaints give the same sample, in
 * whatever order the posts are given; each post's sample depends only on the seed, the post and
 * its own pending complaints.
 *
 * <pre>{@code
 * Map<PostId, List<Complaint>> calls =
 *     FollowUpSampler.sample(store, tenant, l1Posts, 3, LocalDate.now().toEpochDay());
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class FollowUpSampler {
  /** The most pending complaints read per post. */
  public static final int MAX_PENDING_PER_POST = 100_000;

  private FollowUpSampler() {}

  /**
   * Samples up to {@code perPost} pending complaints of each post.
   *
   * @param store where the pending complaints are read
   * @param tenant whose complaints
   * @param posts the posts, e.g. every L1 post of a district
   * @param perPost how many per post, at least 1 (all of them when a post has fewer)
   * @param seed the seed, e.g. the day's number
   * @return for each post with pending complaints, in post order, its sample ordered by id
   * @throws IllegalArgumentException if {@code perPost} is less than 1
   */
  public static Map<PostId, List<Complaint>> sample(
      WorkLists store, TenantId tenant, Collection<PostId> posts, int perPost, long seed) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(posts, "posts");
    if (perPost < 1) {
      throw new IllegalArgumentException("perPost must be at least 1 (was " + perPost + ")");
    }
    Map<PostId, List<Complaint>> samples = new LinkedHashMap<>();
    for (PostId post : posts.stream().distinct().sorted(Comparator.comparing(PostId::code)).toList()) {
      List<Complaint> pending = new ArrayList<>(Page.collect(p -> store.pendingAt(tenant, post, p), MAX_PENDING_PER_POST));
      pending.forEach(c -> CrossTenantException.check(tenant, c.tenant(), "complaint " + c.id()));
      pending.removeIf(c -> !Lifecycle.allows(c.status(), CommandType.RESOLVE)); // the officer's move
      if (pending.isEmpty()) {
        continue;
      }
      pending.sort(Comparator.comparing(Complaint::id));
      SplittableRandom random = new SplittableRandom(seed * 31 + post.code().hashCode());
      int k = Math.min(perPost, pending.size());
      for (int i = 0; i < k; i++) { // a partial Fisher-Yates shuffle: the first k are the sample
        int j = i + random.nextInt(pending.size() - i);
        Complaint t = pending.get(i);
        pending.set(i, pending.get(j));
        pending.set(j, t);
      }
      List<Complaint> chosen = new ArrayList<>(pending.subList(0, k));
      chosen.sort(Comparator.comparing(Complaint::id));
      samples.put(post, List.copyOf(chosen));
    }
    return samples;
  }
}
