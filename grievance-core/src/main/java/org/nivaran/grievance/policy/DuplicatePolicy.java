package org.nivaran.grievance.policy;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.internal.Texts;

/**
 * Whether a registration that repeats an open complaint is linked to it instead of creating a
 * second one. With {@link #linkWithin(Duration)}, {@code Grievances.submit} looks for an open
 * complaint from the same number, of the same kind, category and jurisdiction, registered within
 * the window before now; if there is one, the registration is recorded on it as a
 * {@code DuplicateLinked} event and that complaint is returned (outcome {@code LINKED}). Looking
 * needs a store with the caller's history ({@link org.nivaran.grievance.store.CallerHistory#registeredSince}).
 *
 * <p>Immutable and thread-safe.
 */
public final class DuplicatePolicy {
  private static final DuplicatePolicy NONE = new DuplicatePolicy(Optional.empty());

  private final Optional<Duration> window;

  private DuplicatePolicy(Optional<Duration> window) {
    this.window = window;
  }

  /**
   * Every registration creates a complaint (the default).
   *
   * @return the policy
   */
  public static DuplicatePolicy none() {
    return NONE;
  }

  /**
   * Links a repeat to an open complaint registered within a window (e.g. 7 days).
   *
   * @param window positive
   * @return the policy
   * @throws InvalidInputException (field {@code window}) if not positive
   */
  public static DuplicatePolicy linkWithin(Duration window) {
    return new DuplicatePolicy(Optional.of(Texts.positive(window, "window")));
  }

  /**
   * How far back an open complaint is looked for.
   *
   * @return the window, or empty for {@link #none()}
   */
  public Optional<Duration> window() {
    return window;
  }

  /**
   * Whether a complaint is one a request may repeat: the same number, kind, category and
   * jurisdiction. The window and whether the complaint is still open are the caller's to check.
   *
   * @param request the registration request
   * @param earlier a complaint registered before
   * @return true if the request repeats it
   */
  public static boolean repeats(RegisterComplaint request, Complaint earlier) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(earlier, "earlier");
    return earlier.citizen().phone().equals(request.citizen().phone()) && earlier.kind() == request.kind()
        && earlier.categoryCode().equals(request.categoryCode())
        && earlier.jurisdictionCode().equals(request.jurisdictionCode());
  }

  @Override
  public String toString() {
    return window.map(w -> "DuplicatePolicy[link within " + w + "]").orElse("DuplicatePolicy[none]");
  }
}
