package org.nivaran.grievance.notify;

/**
 * What a notification is about; each kind has its own {@link Template} per language.
 *
 * <p>Immutable and thread-safe.
 */
public enum NotificationKind {
  /** To the citizen: the complaint was registered, with its number. */
  REGISTERED,
  /** To the holder of a post: a complaint was assigned to it. */
  ASSIGNED,
  /** To the holder of a post: a complaint was transferred to it from another department. */
  TRANSFERRED_TO_YOU,
  /** To the holder of a post: a complaint was escalated to it. */
  ESCALATED_TO_YOU,
  /** To a supervisor up the chain: a complaint under them was escalated past level 2. */
  ESCALATED_SUPERVISOR,
  /** To the holder of a post: its reply was returned as of poor quality. */
  RETURNED,
  /** To the holder of the post a closed complaint is with: it was reopened, with the reason given. */
  REOPENED_TO_YOU,
  /**
   * To the holder of the post a complaint is with after the citizen said they were not satisfied
   * with the reply (the same post, the one above it, or the appellate post), with the citizen's
   * reason.
   */
  CITIZEN_DISSATISFIED,
  /**
   * To the holder of the post a complaint is with: a supervisor changed its priority, so its
   * deadline was re-timed; with the old and new priority and the supervisor's reason.
   */
  PRIORITY_CHANGED,
  /** To the citizen: an action-taken reply was filed. */
  RESOLVED,
  /** To the citizen: the complaint was closed, rejected or withdrawn. */
  CLOSED,
  /** To an officer taking charge of a post: the complaints pending with it. */
  HANDOVER,
  /** To a head of department or nodal officer: a complaint is overdue at the top of the ladder. */
  OVERDUE_AT_TOP,
  /** To a head of department or nodal officer: a complaint was flagged for attention. */
  FLAGGED,
  /**
   * To the holder of the post one level above a complaint's post: its officer asks for a special
   * closure, with the reason code and remark, for approval or refusal.
   */
  SPECIAL_CLOSURE_REQUESTED,
  /**
   * To the citizen: a special closure of their complaint was approved, with the reason; always
   * made before the {@link #CLOSED} notification of the closure itself.
   */
  SPECIAL_CLOSURE_NOTICE,
  /** To the holder of a complaint's post: its request for a special closure was refused, with the remark. */
  SPECIAL_CLOSURE_REFUSED
}
