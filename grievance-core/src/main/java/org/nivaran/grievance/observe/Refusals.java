package org.nivaran.grievance.observe;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.complaint.ActorNotPermittedException;
import org.nivaran.grievance.complaint.IllegalTransitionException;
import org.nivaran.grievance.complaint.SamePriorityException;
import org.nivaran.grievance.directory.BlockedNumberException;
import org.nivaran.grievance.directory.NoRouteException;
import org.nivaran.grievance.policy.CallerLimitReachedException;
import org.nivaran.grievance.policy.ReopenRefusedException;
import org.nivaran.grievance.store.ComplaintNotFoundException;
import org.nivaran.grievance.store.DuplicateReferenceException;
import org.nivaran.grievance.store.IdempotencyConflictException;
import org.nivaran.grievance.store.StaleVersionException;
import org.nivaran.grievance.tenant.CrossTenantException;

/**
 * Names the rule behind an exception of a registration or a command, for {@link RegistrationOutcome}
 * and {@link CommandOutcome} and for a host that answers the same exceptions (an HTTP layer's error
 * body, say), so that its names and the metrics' agree: a refusal is one of Nivaran's typed business
 * rejections; anything else is a failure. Stateless and thread-safe.
 */
public final class Refusals {
  /** The rejections a caller expects and acts on; nothing was stored. */
  private static final Set<Class<? extends RuntimeException>> REFUSALS = Set.of(
      InvalidInputException.class, ActorNotPermittedException.class, IllegalTransitionException.class,
      StaleVersionException.class, ComplaintNotFoundException.class, IdempotencyConflictException.class,
      BlockedNumberException.class, CallerLimitReachedException.class, ReopenRefusedException.class,
      SamePriorityException.class, CrossTenantException.class, NoRouteException.class,
      DuplicateReferenceException.class);

  private Refusals() {}

  /**
   * Whether an exception is one of Nivaran's refusals (nothing was stored, and the caller can act on
   * it) rather than a failure.
   *
   * @param e the exception
   * @return true for a refusal
   * @throws NullPointerException naming {@code e} if it is null
   */
  public static boolean isRefusal(RuntimeException e) {
    return REFUSALS.contains(Objects.requireNonNull(e, "e").getClass());
  }

  /**
   * The rule: for an {@link ActorNotPermittedException} its {@code AccessRule}'s name, for another
   * refusal its class's simple name without {@code Exception} in upper snake case
   * ({@code ILLEGAL_TRANSITION}), for a failure the exception's simple class name. Never a message.
   *
   * @param e the exception
   * @return the rule, e.g. {@code CITIZEN_OWNS_COMPLAINT}, {@code ILLEGAL_TRANSITION} or
   *     {@code DuplicateComplaintIdException}
   * @throws NullPointerException naming {@code e} if it is null
   */
  public static String rule(RuntimeException e) {
    Objects.requireNonNull(e, "e");
    if (e instanceof ActorNotPermittedException denied) {
      return denied.rule().name();
    }
    String simple = e.getClass().getSimpleName();
    if (!isRefusal(e)) {
      return simple.isEmpty() ? e.getClass().getName() : simple;
    }
    String stem = simple.endsWith("Exception") ? simple.substring(0, simple.length() - "Exception".length()) : simple;
    return stem.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
