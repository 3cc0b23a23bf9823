package org.nivaran.grievance.usecase;

import java.util.Objects;
import java.util.function.Supplier;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Registration;
import org.nivaran.grievance.observe.CommandOutcome;
import org.nivaran.grievance.observe.Instrumentation;
import org.nivaran.grievance.observe.Instrumented;
import org.nivaran.grievance.observe.Operation;
import org.nivaran.grievance.observe.RegistrationOutcome;
import org.nivaran.grievance.tenant.TenantId;

/**
 * The facade's registrations and commands under the host's {@link Instrumentation}: each one
 * observed as one operation and its outcome reported inside it ({@link Instrumented}), so nothing
 * the instrumentation does changes what the caller gets. Thread-safe if the instrumentation and
 * the use cases are.
 */
public final class ObservedCalls {
  private final TenantId tenant;
  private final Instrumented instrumented;
  private final Intake intake;
  private final CommandExecution commands;

  ObservedCalls(TenantId tenant, Instrumentation instrumentation, Intake intake, CommandExecution commands) {
    this.tenant = tenant;
    this.instrumented = Instrumented.by(instrumentation);
    this.intake = intake;
    this.commands = commands;
  }

  /**
   * {@link Intake#submit}, observed as a {@link Operation.Kind#REGISTRATION}.
   *
   * @param request the validated request
   * @param actor who registers it
   * @return the complaint and the outcome
   */
  public Registration submit(RegisterComplaint request, Actor actor) {
    Objects.requireNonNull(request, "request");
    return instrumented.call(Operation.registration(tenant, request.channel()), () -> {
      Registration r;
      try {
        r = intake.submit(request, actor);
      } catch (RuntimeException e) {
        instrumented.report(i -> i.registered(RegistrationOutcome.of(tenant, request.channel(), e)));
        throw e;
      }
      instrumented.report(i -> i.registered(RegistrationOutcome.of(tenant, request.channel(), r)));
      return r;
    });
  }

  /**
   * {@link CommandExecution#execute(ComplaintId, long, ComplaintCommand, Actor)}, observed as a
   * {@link Operation.Kind#COMMAND}.
   *
   * @param id the complaint
   * @param expectedVersion the version the caller read
   * @param command the command
   * @param actor who issues it
   * @return the complaint after the command
   */
  public Complaint execute(ComplaintId id, long expectedVersion, ComplaintCommand command, Actor actor) {
    return command(id, command, () -> commands.execute(id, expectedVersion, command, actor));
  }

  /**
   * {@link CommandExecution#execute(ComplaintId, ComplaintCommand, Actor)}, observed as a
   * {@link Operation.Kind#COMMAND}.
   *
   * @param id the complaint
   * @param command the command
   * @param actor who issues it
   * @return the complaint after the command
   */
  public Complaint execute(ComplaintId id, ComplaintCommand command, Actor actor) {
    return command(id, command, () -> commands.execute(id, command, actor));
  }

  private Complaint command(ComplaintId id, ComplaintCommand command, Supplier<Complaint> work) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(command, "command");
    return instrumented.call(Operation.command(tenant, id, command.type()), () -> {
      Complaint after;
      try {
        after = work.get();
      } catch (RuntimeException e) {
        instrumented.report(i -> i.commanded(CommandOutcome.of(tenant, command.type(), e)));
        throw e;
      }
      instrumented.report(i -> i.commanded(CommandOutcome.done(tenant, command.type())));
      return after;
    });
  }
}
