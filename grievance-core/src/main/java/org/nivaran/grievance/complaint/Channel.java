package org.nivaran.grievance.complaint;

/** How a complaint reached the administration. */
public enum Channel {
  /** A call to a helpline number, registered by a call-centre agent. */
  PHONE_CALL,
  /** A WhatsApp message or chat-bot conversation. */
  WHATSAPP,
  /** A text message. */
  SMS,
  /** The web portal. */
  WEB_PORTAL,
  /** A walk-in public hearing (Jan Darshan, Jansunwai). */
  WALK_IN_HEARING,
  /** An e-mail. */
  EMAIL,
  /** A mobile application. */
  MOBILE_APP
}
