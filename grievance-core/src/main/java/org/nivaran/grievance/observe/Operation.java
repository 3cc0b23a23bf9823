package org.nivaran.grievance.observe;

import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.CommandType;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.notify.NotificationKind;
import org.nivaran.grievance.tenant.TenantId;

/**
 * One unit of work about to run under {@link Instrumentation#observe}: what it is, whose, and on
 * which complaint. Its {@link #kind()}, {@link #tenant()} and {@link #type()} have few values (fit
 * for metric tags); its {@link #complaint()} has many (fit for a trace, not for a tag). Never the
 * citizen's number or name.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what runs
 * @param tenant whose work it is
 * @param complaint the complaint it works on, when known before it runs: a command's, a delivery's;
 *     empty for a registration (its {@link RegistrationOutcome} names the complaint) and a sweep
 * @param type the channel of a registration, the command type of a command, the notification kind
 *     of a delivery (each an enum constant's name); empty for a sweep
 */
public record Operation(Kind kind, TenantId tenant, Optional<ComplaintId> complaint, Optional<String> type) {

  /** What runs. */
  public enum Kind {
    /** A registration: {@code Grievances.submit} or {@code register}. */
    REGISTRATION,
    /** A command on a stored complaint: {@code Grievances.execute}. */
    COMMAND,
    /** An escalation sweep: {@code Escalator.sweep}. */
    SWEEP,
    /** One outbox message handed to the notifier by the JDBC store's relay. */
    DELIVERY
  }

  /**
   * Checks the parts.
   *
   * @param kind what runs
   * @param tenant whose work it is
   * @param complaint the complaint, if known
   * @param type the channel, command type or notification kind, if any
   * @throws NullPointerException if one is null
   */
  public Operation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(complaint, "complaint");
    Objects.requireNonNull(type, "type");
  }

  /**
   * A registration through a channel.
   *
   * @param tenant whose
   * @param channel the request's channel
   * @return the operation
   */
  public static Operation registration(TenantId tenant, Channel channel) {
    return new Operation(Kind.REGISTRATION, tenant, Optional.empty(), Optional.of(channel.name()));
  }

  /**
   * A command on a complaint.
   *
   * @param tenant whose
   * @param complaint the complaint
   * @param command the command's type
   * @return the operation
   */
  public static Operation command(TenantId tenant, ComplaintId complaint, CommandType command) {
    return new Operation(Kind.COMMAND, tenant, Optional.of(complaint), Optional.of(command.name()));
  }

  /**
   * An escalation sweep.
   *
   * @param tenant whose complaints it sweeps
   * @return the operation
   */
  public static Operation sweep(TenantId tenant) {
    return new Operation(Kind.SWEEP, tenant, Optional.empty(), Optional.empty());
  }

  /**
   * The delivery of one outbox message.
   *
   * @param tenant whose message
   * @param complaint the complaint it is about
   * @param kind what it is about
   * @return the operation
   */
  public static Operation delivery(TenantId tenant, ComplaintId complaint, NotificationKind kind) {
    return new Operation(Kind.DELIVERY, tenant, Optional.of(complaint), Optional.of(kind.name()));
  }
}
