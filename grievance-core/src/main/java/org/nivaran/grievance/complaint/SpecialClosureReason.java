package org.nivaran.grievance.complaint;

/**
 * Why an officer asks to close a complaint specially, without the citizen's satisfaction: the
 * reason codes the UP IGRS and MP CM Helpline rules name for a two-person special closure.
 * Immutable and thread-safe.
 */
public enum SpecialClosureReason {
  /** The complaint's subject is one the helpline does not take up (a prohibited subject). */
  PROHIBITED_SUBJECT,
  /** The grievance is against a policy decision, not its execution (a policy matter). */
  POLICY_MATTER,
  /** The matter lies outside the jurisdiction of every post the complaint can reach. */
  OUT_OF_JURISDICTION,
  /** The matter is before a court (sub judice). */
  SUB_JUDICE
}
