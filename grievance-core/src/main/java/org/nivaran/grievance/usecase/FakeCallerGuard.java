package org.nivaran.grievance.usecase;

import org.nivaran.grievance.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.nivaran.grievance.actor.Masking;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.directory.BlockEntry;
import org.nivaran.grievance.policy.FakeComplaintPolicy;
import org.nivaran.grievance.store.CallerHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fake-complaint policy at work. At every registration it asks the store how many of the
 * number's complaints were closed as fake within the span that can matter (one count query), and
 * only when there are enough to block reads them and lets {@link FakeComplaintPolicy#blockAt}
 * decide; so the block holds on every node sharing the store and after a restart, whatever the
 * in-memory blocklist holds. After a complaint is stored as fake it adds the block it earned to the
 * directory's blocklist. Thread-safe.
 */
final class FakeCallerGuard {
  private static final Logger LOG = LoggerFactory.getLogger(FakeCallerGuard.class);

  private final TenantId tenant;
  private final FakeComplaintPolicy policy;
  private final Optional<CallerHistory> history;
  private final LiveDirectory directory;

  /** A guard; the history is present whenever the policy blocks (checked when configured). */
  FakeCallerGuard(TenantId tenant, FakeComplaintPolicy policy, Optional<CallerHistory> history, LiveDirectory directory) {
    this.tenant = tenant;
    this.policy = policy;
    this.history = history;
    this.directory = directory;
  }

  /** The block in force on a number at an instant, counted from the store; empty if none or no policy. */
  Optional<BlockEntry> blockAt(PhoneNumber phone, Instant at) {
    if (!policy.blocks()) {
      return Optional.empty();
    }
    CallerHistory h = history.orElseThrow();
    Instant from = policy.countsFrom(at);
    if (h.countFakeClosures(tenant, phone, from, at) < policy.threshold()) {
      return Optional.empty();
    }
    List<Complaint> fakes = TenantGuard.own(tenant, h.fakeClosures(tenant, phone, from, at));
    return policy.blockAt(phone, fakes, at);
  }

  /** After a change is stored: a complaint rejected as fake may block its number. */
  void afterStored(Complaint after, List<ComplaintEvent> events) {
    if (!policy.blocks() || events.stream().noneMatch(
        e -> e instanceof ComplaintEvent.ComplaintRejected r && r.reason() == RejectionReason.FAKE)) {
      return;
    }
    try {
      blockIfEarned(after);
    } catch (RuntimeException e) {
      // the rejection is stored; registration counts the fakes again (blockAt), so no block is lost
      LOG.warn("blocking {} after fake complaint {} failed: {}", Masking.phone(after.citizen().phone()), after.id(),
          e.toString());
    }
  }

  private void blockIfEarned(Complaint rejected) {
    Instant at = rejected.closure().orElseThrow().at();
    PhoneNumber phone = rejected.citizen().phone();
    Optional<BlockEntry> block = blockAt(phone, at);
    if (block.isEmpty() || directory.current().isEmpty()) {
      return;
    }
    Optional<BlockEntry> current = directory.current().get().blocklist().activeEntry(phone, at);
    Optional<Instant> until = block.get().expiresAt();
    boolean longer = current.isEmpty()
        || current.get().expiresAt().isPresent() && (until.isEmpty() || until.get().isAfter(current.get().expiresAt().get()));
    if (longer) {
      directory.update(d -> d.withBlocklist(d.blocklist().with(block.get())));
      LOG.info("blocked {}: {}", Masking.phone(phone), Masking.scrub(block.get().reason(), phone, null));
    }
  }
}
