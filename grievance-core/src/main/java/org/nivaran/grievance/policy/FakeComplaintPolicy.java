package org.nivaran.grievance.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.complaint.ClosureKind;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.directory.BlockEntry;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.internal.Texts;

/**
 * Whether fake complaints bar the caller's number. Marking a complaint fake
 * ({@code Reject} with {@code RejectionReason.FAKE}) closes it with that reason; with this policy,
 * once a number has had {@link #threshold()} complaints rejected as fake within {@link #within()}
 * (the one just rejected included), {@code Grievances} adds a {@link org.nivaran.grievance.directory.BlockEntry} for it to the
 * directory's {@link org.nivaran.grievance.directory.Blocklist}, blocked by {@code fake-complaint-policy}, for
 * {@link #blockFor()} or for good. Counting needs a store with the caller's history
 * ({@link org.nivaran.grievance.store.CallerHistory#countFakeClosures}).
 *
 * <p>Immutable and thread-safe.
 */
public final class FakeComplaintPolicy {
  private static final FakeComplaintPolicy NONE = new FakeComplaintPolicy(0, Duration.ZERO, Optional.empty());

  /** Who the blocks this policy adds are recorded as added by. */
  public static final String ACTOR = "fake-complaint-policy";

  private final int threshold;
  private final Duration within;
  private final Optional<Duration> blockFor;

  private FakeComplaintPolicy(int threshold, Duration within, Optional<Duration> blockFor) {
    this.threshold = threshold;
    this.within = within;
    this.blockFor = blockFor;
  }

  /**
   * No number is ever blocked for fake complaints (the default).
   *
   * @return the policy
   */
  public static FakeComplaintPolicy none() {
    return NONE;
  }

  /**
   * Blocks a number for good once it has had {@code fakes} complaints rejected as fake within a
   * window (e.g. 2 in 90 days).
   *
   * @param fakes at least 1
   * @param within positive
   * @return the policy
   * @throws InvalidInputException (field {@code fakes} or {@code within}) if out of range
   */
  public static FakeComplaintPolicy blockAfter(int fakes, Duration within) {
    if (fakes < 1) {
      throw new InvalidInputException("fakes", "must be at least 1 (was " + fakes + ")");
    }
    return new FakeComplaintPolicy(fakes, Texts.positive(within, "within"), Optional.empty());
  }

  /**
   * The same policy with blocks that expire.
   *
   * @param duration how long a block lasts, positive
   * @return the policy
   * @throws InvalidInputException (field {@code blockFor}) if not positive
   * @throws IllegalStateException on {@link #none()}
   */
  public FakeComplaintPolicy blockingFor(Duration duration) {
    if (!blocks()) {
      throw new IllegalStateException("FakeComplaintPolicy.none() blocks no one");
    }
    return new FakeComplaintPolicy(threshold, within, Optional.of(Texts.positive(duration, "blockFor")));
  }

  /**
   * Whether the policy ever blocks.
   *
   * @return false for {@link #none()}
   */
  public boolean blocks() {
    return threshold > 0;
  }

  /**
   * How many fake complaints within the window block a number.
   *
   * @return at least 1, or 0 for {@link #none()}
   */
  public int threshold() {
    return threshold;
  }

  /**
   * The window in which fake complaints are counted, back from the latest rejection.
   *
   * @return the window ({@link Duration#ZERO} for {@link #none()})
   */
  public Duration within() {
    return within;
  }

  /**
   * How long a block lasts.
   *
   * @return the duration, or empty for a block for good
   */
  public Optional<Duration> blockFor() {
    return blockFor;
  }

  /**
   * The earliest instant a fake complaint can count toward a block in force at {@code at}: a block
   * lasts {@link #blockFor()} from the N-th fake, whose window reaches {@link #within()} further
   * back. With a block for good, all of history counts.
   *
   * @param at the instant a block is asked about
   * @return the earliest closing instant that matters
   */
  public Instant countsFrom(Instant at) {
    return blockFor.map(b -> at.minus(b).minus(within)).orElse(Instant.MIN);
  }

  /**
   * The block this policy puts on a number at an instant, given the number's complaints closed as
   * fake: the latest moment its N-th fake complaint within the window was rejected, if that block
   * is still in force.
   *
   * @param phone the number
   * @param fakes the number's complaints closed as fake, at least those closed since
   *     {@link #countsFrom(Instant)}, in any order
   * @param at the instant
   * @return the block, or empty
   */
  public Optional<BlockEntry> blockAt(PhoneNumber phone, List<Complaint> fakes, Instant at) {
    if (!blocks()) {
      return Optional.empty();
    }
    List<Complaint> order = fakes.stream()
        .filter(c -> c.closure().filter(k -> k.kind() == ClosureKind.FAKE && !k.at().isAfter(at)).isPresent())
        .sorted(Comparator.comparing(c -> c.closure().orElseThrow().at()))
        .toList();
    for (int j = order.size() - 1; j >= threshold - 1; j--) {
      Instant last = order.get(j).closure().orElseThrow().at();
      Instant first = order.get(j - threshold + 1).closure().orElseThrow().at();
      if (Duration.between(first, last).compareTo(within) > 0) {
        continue;
      }
      Optional<Instant> expires = blockFor.map(last::plus);
      if (expires.filter(e -> !e.isAfter(at)).isPresent()) {
        return Optional.empty(); // the latest block has run out, and any earlier one too
      }
      String window = within.toSeconds() % 86_400 == 0 ? within.toDays() + " days" : within.toString();
      String reason = threshold + " complaints rejected as fake within " + window + ", the latest " + order.get(j).id();
      return Optional.of(new BlockEntry(phone, reason, ACTOR, last, expires));
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return blocks()
        ? "FakeComplaintPolicy[block after " + threshold + " in " + within + ", for "
            + blockFor.map(Duration::toString).orElse("good") + "]"
        : "FakeComplaintPolicy[none]";
  }
}
