package org.nivaran.grievance.usecase;

import java.time.Instant;
import java.util.Optional;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.actor.Role;
import org.nivaran.grievance.complaint.ClosureKind;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.SpecialClosureRequest;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.directory.Post;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.escalation.EscalationStep;
import org.nivaran.grievance.policy.SpecialClosurePolicy;
import org.nivaran.grievance.policy.TransferPolicy;
import org.nivaran.grievance.policy.VerificationPolicy;

/**
 * Every transition a policy drives, in one place, as {@link Lifecycle} holds the lifecycle's own.
 * A command is run on a {@link Change} with the policies around it; what each adds is decided by
 * the policy's own rule ({@link TransferPolicy#allowsAnother}, {@link VerificationPolicy#checkReopen},
 * {@link VerificationPolicy#afterDissatisfied}, {@link VerificationPolicy#closesAfterUnreachable})
 * and written here as commands of a system actor, in the same change:
 *
 * <table>
 *   <caption>Policy-driven transitions</caption>
 *   <tr><th>command</th><th>policy says</th><th>then, in the same change</th><th>by</th></tr>
 *   <tr><td>Transfer by an officer</td><td>the transfer limit is reached</td>
 *       <td>no transfer; Flag TRANSFER_LIMIT_REACHED for the nodal officer (once)</td>
 *       <td>transfer-policy</td></tr>
 *   <tr><td>Reopen</td><td>past the reopen limit, or (not a supervisor) after the window</td>
 *       <td>refused: {@code ReopenRefusedException}</td><td></td></tr>
 *   <tr><td>ReportDissatisfied</td><td>reopened as often as the limit allows</td>
 *       <td>CloseUnverified NOT_SATISFIED</td><td>verification-policy</td></tr>
 *   <tr><td>ReportDissatisfied</td><td>NEXT_LEVEL</td><td>Escalate one level up; at the top,
 *       nothing; post above missing, or vacant with no additional charge in force: Flag
 *       ESCALATION_BLOCKED</td>
 *       <td>verification-policy</td></tr>
 *   <tr><td>ReportDissatisfied</td><td>APPEAL</td><td>Appeal to the appellate post; vacant with
 *       no additional charge in force: Flag ESCALATION_BLOCKED</td><td>verification-policy</td></tr>
 *   <tr><td>RecordUnreachable</td><td>the N-th failed call in a row, close</td>
 *       <td>CloseUnverified UNCONFIRMED</td><td>verification-policy</td></tr>
 *   <tr><td>RequestSpecialClosure</td><td>the officer's level is not one the special-closure policy names</td>
 *       <td>refused: {@code ActorNotPermittedException} (SPECIAL_CLOSURE_REQUEST_AT_POLICY_LEVEL)</td><td></td></tr>
 *   <tr><td>Approve/RefuseSpecialClosure</td><td>the actor is not the approver (the holder of the post
 *       above, a supervisor if that is missing or vacant, or the configured role; once the wait ran out,
 *       the holder of the post the approval moved up to, a supervisor if nobody answers for it)</td>
 *       <td>refused: {@code ActorNotPermittedException} (SPECIAL_CLOSURE_BY_SECOND_PERSON)</td><td></td></tr>
 *   <tr><td>Reject FAKE</td><td>N fakes of the number within the window</td>
 *       <td>(after storing) the number joins the blocklist: {@link FakeCallerGuard}</td>
 *       <td>fake-complaint-policy</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 */
final class PolicyTransitions {
  static final Actor VERIFIER = Actor.system("verification-policy");
  static final Actor TRANSFER_POLICY = Actor.system("transfer-policy");
  private static final String NOT_SATISFIED = "the citizen is not satisfied with the reply";

  private final TransferPolicy transfers;
  private final VerificationPolicy verification;
  private final EscalationPolicies escalation;
  private final LiveDirectory directory;
  private final SpecialClosurePolicy specialClosure;

  PolicyTransitions(TransferPolicy transfers, VerificationPolicy verification, EscalationPolicies escalation,
      LiveDirectory directory, SpecialClosurePolicy specialClosure) {
    this.specialClosure = specialClosure;
    this.transfers = transfers;
    this.verification = verification;
    this.escalation = escalation;
    this.directory = directory;
  }

  /**
   * Runs a command on a change, with the policies' transitions around it; the change stays empty
   * if the command leaves the complaint as it is.
   */
  void run(Change change, ComplaintCommand command, Actor actor, Instant now) {
    Complaint before = change.state();
    if (command instanceof ComplaintCommand.Transfer t && actor.role() == Role.OFFICER
        && !transfers.allowsAnother(before.transferCount())) {
      Lifecycle.decide(before, command, actor, now); // refused as usual if not allowed at all
      if (!before.flags().contains(ComplaintFlag.TRANSFER_LIMIT_REACHED)) {
        String detail = "transfer to " + t.toPost() + " (" + t.toDepartment() + ") not made: the complaint was transferred "
            + before.transferCount() + " time(s), the most the transfer policy allows; reason given: " + t.reason();
        change.run(new ComplaintCommand.Flag(ComplaintFlag.TRANSFER_LIMIT_REACHED, detail, directory.nodalOfficerOf(before)),
            TRANSFER_POLICY, now);
      }
      return;
    }
    if (command instanceof ComplaintCommand.RequestSpecialClosure) {
      Lifecycle.decide(before, command, actor, now); // refused as usual first
      specialClosure.checkRequest(before, actor);
    } else if (command instanceof ComplaintCommand.ApproveSpecialClosure
        || command instanceof ComplaintCommand.RefuseSpecialClosure) {
      Lifecycle.decide(before, command, actor, now); // refused as usual first
      Optional<PostId> movedTo = before.specialClosureRequest().flatMap(SpecialClosureRequest::approver);
      Optional<PostId> above = directory.current().flatMap(d -> movedTo.isPresent()
          ? movedTo.filter(p -> d.posts().answering(p, now).isPresent())
          : before.post().flatMap(p -> d.posts().supervisorOf(p))
              .filter(p -> d.posts().answering(p.id(), now).isPresent()).map(Post::id));
      specialClosure.checkApprover(before, command.type(), actor, above);
    }
    if (command instanceof ComplaintCommand.Reopen) {
      Lifecycle.decide(before, command, actor, now); // refused as usual first
      verification.checkReopen(before, actor, now);
    }
    change.run(command, actor, now);
    if (command instanceof ComplaintCommand.ReportDissatisfied) {
      switch (verification.afterDissatisfied(before)) {
        case REOPEN_SAME_LEVEL -> { }
        case CLOSE_NOT_SATISFIED -> change.run(new ComplaintCommand.CloseUnverified(ClosureKind.NOT_SATISFIED,
            "the citizen is not satisfied after " + before.reopenCount() + " reopening(s), the most the verification policy allows"),
            VERIFIER, now);
        case ESCALATE -> nextLevel(change, now);
        case APPEAL -> appeal(change, now);
      }
    } else if (command instanceof ComplaintCommand.RecordUnreachable && verification.closesAfterUnreachable(change.state())) {
      change.run(new ComplaintCommand.CloseUnverified(ClosureKind.UNCONFIRMED,
          "the citizen could not be reached in " + change.state().unreachableAttempts() + " attempts"), VERIFIER, now);
    }
  }

  /**
   * Sends a dissatisfied citizen's complaint one level up its ladder. At the top it stays; if the
   * post above is missing or vacant it stays flagged {@code ESCALATION_BLOCKED}, on the stuck list,
   * as the escalator would leave it.
   */
  private void nextLevel(Change change, Instant now) {
    Directory d = directory.require();
    Complaint c = change.state();
    Optional<EscalationStep> step = escalation.forComplaint(c, d.categories()).map(p -> p.onDeadline(c, d, now));
    if (step.isPresent() && step.get() instanceof EscalationStep.MoveUp up) {
      ComplaintCommand escalate = new ComplaintCommand.Escalate(up.to().id(), NOT_SATISFIED);
      Targets.check(d, c, escalate);
      change.run(escalate, VERIFIER, now);
    } else if (step.isPresent() && step.get() instanceof EscalationStep.Blocked b) {
      change.run(new ComplaintCommand.Flag(ComplaintFlag.ESCALATION_BLOCKED,
          NOT_SATISFIED + "; it could not go a level up: " + b.reason(), b.attention()), VERIFIER, now);
    }
  }

  /** Sends a dissatisfied citizen's complaint to the appellate post; if it is vacant, flags it instead. */
  private void appeal(Change change, Instant now) {
    PostId appellate = verification.appellatePost().orElseThrow();
    Directory d = directory.require();
    Optional<Post> post = d.posts().find(appellate);
    if (change.state().post().filter(appellate::equals).isPresent()) {
      return;
    }
    if (post.isEmpty() || d.posts().answering(appellate, now).isEmpty()) {
      change.run(new ComplaintCommand.Flag(ComplaintFlag.ESCALATION_BLOCKED,
          NOT_SATISFIED + "; the appellate post " + appellate
              + (post.isEmpty() ? " is not in the directory" : " is vacant and in no additional charge in force"),
          directory.nodalOfficerOf(change.state())), VERIFIER, now);
      return;
    }
    Post p = post.get();
    change.run(new ComplaintCommand.Appeal(p.id(), p.department(), p.level(), NOT_SATISFIED), VERIFIER, now);
  }
}
