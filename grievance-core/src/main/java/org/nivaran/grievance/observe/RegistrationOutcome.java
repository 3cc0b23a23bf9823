package org.nivaran.grievance.observe;

import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Registration;
import org.nivaran.grievance.tenant.TenantId;

/**
 * What became of one registration request, for {@link Instrumentation#registered}. Never the
 * citizen's number or name.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tenant whose registration
 * @param channel the request's channel
 * @param result how it ended
 * @param rule for {@link Result#REFUSED}, the refusal's rule: an {@code ActorNotPermittedException}'s
 *     {@code AccessRule} name (e.g. {@code ROLE_MAY_ISSUE_COMMAND}), else the refusal's type in upper
 *     snake case ({@code BLOCKED_NUMBER}, {@code CALLER_LIMIT_REACHED}, {@code INVALID_INPUT},
 *     {@code IDEMPOTENCY_CONFLICT}, ...); for {@link Result#FAILED} the exception's simple class
 *     name; empty otherwise. Never an exception's message.
 * @param complaint the complaint it ended in (many valued: for a trace, not a metric tag); empty
 *     when refused or failed
 */
public record RegistrationOutcome(
    TenantId tenant, Channel channel, Result result, Optional<String> rule, Optional<ComplaintId> complaint) {

  /** How a registration ended. */
  public enum Result {
    /** A new complaint was stored ({@code Registration.Outcome.CREATED}). */
    REGISTERED,
    /** Recorded on the open complaint it repeats ({@code Registration.Outcome.LINKED}). */
    LINKED,
    /**
     * An earlier complaint returned and nothing stored ({@code Registration.Outcome.REPLAYED}): a
     * retry with the same idempotency key, or a request with an external reference a complaint
     * already holds under {@code ReferencePolicy.RETURN_EXISTING}.
     */
    RETURNED_EXISTING,
    /** Refused by a rule (see {@link RegistrationOutcome#rule()}); nothing stored. */
    REFUSED,
    /** Failed otherwise (the database away, say); nothing stored. */
    FAILED
  }

  /**
   * Checks the parts.
   *
   * @param tenant whose registration
   * @param channel the request's channel
   * @param result how it ended
   * @param rule the refusal's rule or the failure's type, if refused or failed
   * @param complaint the complaint it ended in, if any
   * @throws NullPointerException if one is null
   */
  public RegistrationOutcome {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(complaint, "complaint");
  }

  /**
   * The outcome of a registration that ended in a complaint.
   *
   * @param tenant whose
   * @param channel the request's channel
   * @param registration what {@code Grievances.submit} returned
   * @return the outcome
   */
  public static RegistrationOutcome of(TenantId tenant, Channel channel, Registration registration) {
    Result result = switch (registration.outcome()) {
      case CREATED -> Result.REGISTERED;
      case LINKED -> Result.LINKED;
      case REPLAYED -> Result.RETURNED_EXISTING;
    };
    return new RegistrationOutcome(tenant, channel, result, Optional.empty(), Optional.of(registration.complaint().id()));
  }

  /**
   * The outcome of a registration that threw.
   *
   * @param tenant whose
   * @param channel the request's channel
   * @param thrown what it threw
   * @return a {@link Result#REFUSED} outcome for a business refusal, else a {@link Result#FAILED} one
   */
  public static RegistrationOutcome of(TenantId tenant, Channel channel, RuntimeException thrown) {
    return new RegistrationOutcome(tenant, channel, Refusals.isRefusal(thrown) ? Result.REFUSED : Result.FAILED,
        Optional.of(Refusals.rule(thrown)), Optional.empty());
  }
}
