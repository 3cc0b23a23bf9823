package org.nivaran.grievance.actor;

/**
 * The kind of {@link Actor} issuing a command. The lifecycle table says which roles may issue
 * which command.
 */
public enum Role {
  /** The citizen who raised the complaint (self-service app, WhatsApp, IVR). */
  CITIZEN,
  /** A call-centre agent registering, following up or verifying on the citizen's behalf. */
  CALL_CENTRE_AGENT,
  /** The officer holding the post a complaint is assigned to. */
  OFFICER,
  /** A supervising officer (nodal officer, collector, head of department). */
  SUPERVISOR,
  /** Nivaran itself or the host's automation: router, escalator, chat bot. */
  SYSTEM
}
