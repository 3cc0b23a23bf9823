package org.nivaran.grievance.policy;

import java.time.Duration;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.internal.Texts;

/**
 * Whether fake complaints bar the caller's number. Marking a complaint fake
 * ({@code Reject} with {@code RejectionReason.FAKE}) closes it with that reason; with this policy,
 * once a number has had {@link #threshold()} complaints rejected as fake within {@link #within()}
 * (the one just rejected included), {@code Grievances} adds a {@link org.nivaran.grievance.directory.BlockEntry} for it to the
 * directory's {@link org.nivaran.grievance.directory.Blocklist}, blocked by {@code fake-complaint-policy}, for
 * {@link #blockFor()} or for good. Counting needs a store that answers
 * {@code ComplaintQueries.byCitizen}.
 *
 * <p>Immutable and thread-safe.
 */
public final class FakeComplaintPolicy {
  private static final FakeComplaintPolicy NONE = new FakeComplaintPolicy(0, Duration.ZERO, Optional.empty());

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

  @Override
  public String toString() {
    return blocks()
        ? "FakeComplaintPolicy[block after " + threshold + " in " + within + ", for "
            + blockFor.map(Duration::toString).orElse("good") + "]"
        : "FakeComplaintPolicy[none]";
  }
}
