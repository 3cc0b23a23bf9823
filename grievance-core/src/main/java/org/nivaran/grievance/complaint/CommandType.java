package org.nivaran.grievance.complaint;

/** The kinds of command, one per row of the lifecycle table in {@link Lifecycle}. */
public enum CommandType {
  /** {@link RegisterComplaint}: creates the complaint. */
  REGISTER,
  /** {@link ComplaintCommand.Assign}: give a registered complaint to a post. */
  ASSIGN,
  /** {@link ComplaintCommand.StartWork}: the officer takes it up. */
  START_WORK,
  /** {@link ComplaintCommand.RequestInformation}: the officer asks the citizen for documents. */
  REQUEST_INFORMATION,
  /** {@link ComplaintCommand.ProvideInformation}: the citizen answers. */
  PROVIDE_INFORMATION,
  /** {@link ComplaintCommand.Resolve}: the officer files an action-taken reply. */
  RESOLVE,
  /** {@link ComplaintCommand.ReturnReply}: a reviewer sends a poor reply back. */
  RETURN_REPLY,
  /** {@link ComplaintCommand.ConfirmSatisfied}: the citizen is satisfied; the complaint closes. */
  CONFIRM_SATISFIED,
  /** {@link ComplaintCommand.ReportDissatisfied}: the citizen is not satisfied; it reopens. */
  REPORT_DISSATISFIED,
  /** {@link ComplaintCommand.RecordUnreachable}: a verification call did not reach the citizen. */
  RECORD_UNREACHABLE,
  /** {@link ComplaintCommand.Escalate}: move it one level up to a higher post. */
  ESCALATE,
  /** {@link ComplaintCommand.Transfer}: send it to another department's post. */
  TRANSFER,
  /** {@link ComplaintCommand.Reassign}: give it to another post of the same department. */
  REASSIGN,
  /** {@link ComplaintCommand.Flag}: mark it for attention; the status stays. */
  FLAG,
  /** {@link ComplaintCommand.SetSlaTimer}: record the SLA clock of its level; the status stays. */
  SET_SLA_TIMER,
  /** {@link ComplaintCommand.Reject}: reject as duplicate, out of scope or fake. */
  REJECT,
  /** {@link ComplaintCommand.SpecialClose}: close without satisfaction, with a reason. */
  SPECIAL_CLOSE,
  /** {@link ComplaintCommand.Withdraw}: the citizen withdraws it. */
  WITHDRAW,
  /** {@link ComplaintCommand.Reopen}: reopen a closed complaint. */
  REOPEN,
  /** {@link ComplaintCommand.AcceptReply}: a reviewer accepts a reply; the status stays. */
  ACCEPT_REPLY,
  /** {@link ComplaintCommand.Appeal}: a reopened complaint goes to an appellate post. */
  APPEAL,
  /** {@link ComplaintCommand.CloseUnverified}: close without the citizen's confirmation, by policy. */
  CLOSE_UNVERIFIED,
  /** {@link ComplaintCommand.LinkDuplicate}: a repeat registration recorded on the open complaint; the status stays. */
  LINK_DUPLICATE,
  /** {@link ComplaintCommand.RequestSpecialClosure}: an officer asks a second person to close it specially; the status stays. */
  REQUEST_SPECIAL_CLOSURE,
  /** {@link ComplaintCommand.ApproveSpecialClosure}: the second person approves; the citizen is told, then it closes. */
  APPROVE_SPECIAL_CLOSURE,
  /** {@link ComplaintCommand.RefuseSpecialClosure}: the second person refuses; it stays with its post. */
  REFUSE_SPECIAL_CLOSURE,
  /** {@link ComplaintCommand.RecordContact}: the officer records a contact with the complainant; the status stays. */
  RECORD_CONTACT,
  /** {@link ComplaintCommand.SetFirstResponseDue}: the system records the first-response deadline; the status stays. */
  SET_FIRST_RESPONSE_DUE,
  /**
   * {@link ComplaintCommand.SetSpecialClosureDue}: the system records a pending special-closure
   * request's approval deadline, and the post the approval moved up to; the status stays.
   */
  SET_SPECIAL_CLOSURE_DUE,
  /** {@link ComplaintCommand.ChangePriority}: a supervisor changes its priority; the status stays. */
  CHANGE_PRIORITY,
  /** {@link ComplaintCommand.ClearFlag}: an agent or supervisor clears a flag that asked their judgement; the status stays. */
  CLEAR_FLAG
}
