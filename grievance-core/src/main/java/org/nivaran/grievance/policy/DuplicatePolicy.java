package org.nivaran.grievance.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.internal.Texts;

/**
 * Whether a registration that repeats an open complaint is linked to it instead of creating a
 * second one. With {@link #linkWithin(Duration)}, {@code Grievances.submit} looks for an open
 * complaint from the same number, of the same kind, category and jurisdiction, registered within
 * the window before now; if there is one, the registration is recorded on it as a
 * {@code DuplicateLinked} event and that complaint is returned (outcome {@code LINKED}). Looking
 * needs a store with the caller's history
 * ({@link org.nivaran.grievance.store.CallerHistory#registeredSince(org.nivaran.grievance.tenant.TenantId,
 * org.nivaran.grievance.actor.PhoneNumber, String, String, java.time.Instant)}), which reads only the
 * number's complaints of the request's category and jurisdiction.
 *
 * <p>A request that carries a reference of a source the open complaint already holds under another
 * id (a second CPGRAMS number, say) is never linked to it: it is another grievance in that system,
 * and is registered as a complaint of its own.
 *
 * <p>Repeats may also be found by distance, per category ({@link #byDistance}): an open complaint
 * of the same category whose location lies within the category's {@link DistanceRule} radius of the
 * new registration's and which was registered within the rule's window, whatever the caller's
 * number. The nearest such complaint wins (then the newest). Under {@link DistanceRule.Mode#LINK}
 * the registration is recorded on it as above; under {@link DistanceRule.Mode#CONFIRM} a new
 * complaint is made, flagged {@link org.nivaran.grievance.complaint.ComplaintFlag#POSSIBLE_REPEAT}
 * with the candidates named in the flag's detail (see {@link #POSSIBLE_REPEAT_PREFIX}), for the
 * agent to link or clear. A registration without a location, or of a category with no rule, is
 * matched by number only. The caller's-number path runs first; distance is looked at when it finds
 * nothing. Looking needs a store that implements {@link org.nivaran.grievance.store.NearbyComplaints}
 * (a box prefilter, then the exact distance here); {@code GrievancesBuilder} refuses a distance rule
 * for another store, and one for a category the directory does not know.
 *
 * <pre>{@code
 * DuplicatePolicy policy = DuplicatePolicy.linkWithin(Duration.ofDays(7))
 *     .byDistance("ROADS.POTHOLE", DistanceRule.link(50, Duration.ofDays(30)))
 *     .byDistance("ENERGY.STREETLIGHT", DistanceRule.confirm(100, Duration.ofDays(14)));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class DuplicatePolicy {
  /**
   * How the detail of a {@code POSSIBLE_REPEAT} flag set by a distance rule begins. The candidates
   * follow, nearest first, each as its id and its whole metres in brackets, separated by
   * {@code ", "}: {@code possible repeat of: RPR-2024-000017 (12 m), RPR-2024-000009 (48 m)}.
   * Complaint ids hold no spaces, commas or brackets, so the list can be read back.
   */
  public static final String POSSIBLE_REPEAT_PREFIX = "possible repeat of: ";

  private static final DuplicatePolicy NONE = new DuplicatePolicy(Optional.empty(), Map.of());

  private final Optional<Duration> window;
  private final Map<String, DistanceRule> distanceRules;

  private DuplicatePolicy(Optional<Duration> window, Map<String, DistanceRule> distanceRules) {
    this.window = window;
    this.distanceRules = distanceRules;
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
    return new DuplicatePolicy(Optional.of(Texts.positive(window, "window")), Map.of());
  }

  /**
   * This policy, also matching repeats of a category by distance.
   *
   * @param categoryCode the category, not blank, with no rule yet
   * @param rule its radius, window and mode
   * @return the new policy
   * @throws InvalidInputException (field {@code categoryCode}) if blank or given a rule already
   */
  public DuplicatePolicy byDistance(String categoryCode, DistanceRule rule) {
    String code = Texts.required(categoryCode, "categoryCode").strip();
    if (code.isEmpty()) {
      throw new InvalidInputException("categoryCode", "must not be blank");
    }
    Objects.requireNonNull(rule, "rule");
    if (distanceRules.containsKey(code)) {
      throw new InvalidInputException("categoryCode", "'" + code + "' has a distance rule already");
    }
    Map<String, DistanceRule> rules = new TreeMap<>(distanceRules);
    rules.put(code, rule);
    return new DuplicatePolicy(window, Collections.unmodifiableMap(rules));
  }

  /**
   * The candidates a {@code POSSIBLE_REPEAT} flag's detail names, nearest first: read back from
   * the text {@link #POSSIBLE_REPEAT_PREFIX} begins.
   *
   * @param detail the detail of a {@code ComplaintFlagged} event
   * @return the candidates' ids, nearest first; empty if the detail is not a distance rule's
   */
  public static List<ComplaintId> candidatesIn(String detail) {
    Objects.requireNonNull(detail, "detail");
    if (!detail.startsWith(POSSIBLE_REPEAT_PREFIX)) {
      return List.of();
    }
    List<ComplaintId> ids = new ArrayList<>();
    for (String entry : detail.substring(POSSIBLE_REPEAT_PREFIX.length()).split(", ")) {
      int bracket = entry.indexOf(" (");
      if (bracket > 0) {
        ids.add(ComplaintId.of(entry.substring(0, bracket)));
      }
    }
    return List.copyOf(ids);
  }

  /**
   * The distance rules, by category code (in code order).
   *
   * @return the rules, empty if repeats are matched by number only
   */
  public Map<String, DistanceRule> distanceRules() {
    return distanceRules;
  }

  /**
   * A category's distance rule.
   *
   * @param categoryCode the category
   * @return its rule, if it has one
   */
  public Optional<DistanceRule> distanceRule(String categoryCode) {
    return Optional.ofNullable(distanceRules.get(Objects.requireNonNull(categoryCode, "categoryCode")));
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
    String byNumber = window.map(w -> "link within " + w).orElse("none");
    return "DuplicatePolicy[" + byNumber + (distanceRules.isEmpty() ? "" : ", by distance " + distanceRules) + "]";
  }
}
