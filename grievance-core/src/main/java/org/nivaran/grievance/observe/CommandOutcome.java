package org.nivaran.grievance.observe;

import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.complaint.CommandType;
import org.nivaran.grievance.tenant.TenantId;

/**
 * What became of one command run through {@code Grievances.execute}, for
 * {@link Instrumentation#commanded}. The complaint is the {@link Operation}'s.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tenant whose complaint
 * @param command the command's type
 * @param result how it ended
 * @param rule for {@link Result#REFUSED}, the refusal's rule: an {@code ActorNotPermittedException}'s
 *     {@code AccessRule} name (e.g. {@code OFFICER_HOLDS_ASSIGNED_POST}), else the refusal's type in
 *     upper snake case ({@code ILLEGAL_TRANSITION}, {@code STALE_VERSION},
 *     {@code COMPLAINT_NOT_FOUND}, {@code INVALID_INPUT}, ...); for {@link Result#FAILED} the
 *     exception's simple class name; empty when done. Never an exception's message.
 */
public record CommandOutcome(TenantId tenant, CommandType command, Result result, Optional<String> rule) {

  /** How a command ended. */
  public enum Result {
    /** Decided and stored (or decided to change nothing). */
    DONE,
    /** Refused by a rule (see {@link CommandOutcome#rule()}); nothing stored. */
    REFUSED,
    /** Failed otherwise (the database away, say); nothing stored. */
    FAILED
  }

  /**
   * Checks the parts.
   *
   * @param tenant whose complaint
   * @param command the command's type
   * @param result how it ended
   * @param rule the refusal's rule or the failure's type, if refused or failed
   * @throws NullPointerException if one is null
   */
  public CommandOutcome {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(rule, "rule");
  }

  /**
   * A command done.
   *
   * @param tenant whose complaint
   * @param command the command's type
   * @return the outcome
   */
  public static CommandOutcome done(TenantId tenant, CommandType command) {
    return new CommandOutcome(tenant, command, Result.DONE, Optional.empty());
  }

  /**
   * A command that threw.
   *
   * @param tenant whose complaint
   * @param command the command's type
   * @param thrown what it threw
   * @return a {@link Result#REFUSED} outcome for a business refusal, else a {@link Result#FAILED} one
   */
  public static CommandOutcome of(TenantId tenant, CommandType command, RuntimeException thrown) {
    return new CommandOutcome(tenant, command, Refusals.isRefusal(thrown) ? Result.REFUSED : Result.FAILED,
        Optional.of(Refusals.rule(thrown)));
  }
}
