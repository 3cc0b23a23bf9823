package org.nivaran.grievance.policy;

/**
 * What a registration carrying an external reference that a complaint of the tenant already holds
 * becomes: the same grievance arriving again, from the portal that sent it or from another one
 * that knows its number. Such a request is resolved against the complaint that holds the
 * reference before any other check (blocklist, codes, duplicate and caller-limit policies): the
 * grievance was admitted already. With several references, the first one (in the request's order)
 * that a complaint holds decides which complaint.
 *
 * <p>Two first registrations with the same reference racing each other do not make two
 * complaints: the store refuses the second ({@code DuplicateReferenceException}) and the second is
 * resolved against the first as this policy says.
 *
 * <p>The default is {@link #RETURN_EXISTING}. Immutable and thread-safe.
 */
public enum ReferencePolicy {
  /**
   * The existing complaint is returned (outcome {@code REPLAYED}) and nothing is stored, like a
   * retry under an idempotency key. The reference alone decides: a request that differs from the
   * first in any other field (description, category, attachments, even its other references) is
   * still answered with the existing complaint, unchanged, and the difference is dropped; no
   * conflict is raised, so a portal that resends cannot change a complaint this way.
   */
  RETURN_EXISTING,
  /**
   * The request is recorded on the existing complaint as a repeat: a {@code DuplicateLinked}
   * event with its channel, description and attachments (outcome {@code LINKED}), through which the
   * complaint gains the request's references of sources it does not hold yet and that no other
   * complaint holds. A request that brings no such reference (all its sources are held already,
   * as when a portal resends) stores nothing and returns the complaint (outcome {@code REPLAYED}),
   * so a retry is idempotent. So does a request for a complaint that is closed, or from an actor
   * who may not link a repeat.
   */
  LINK;

  /**
   * The default: {@link #RETURN_EXISTING}.
   *
   * @return the default policy
   */
  public static ReferencePolicy defaults() {
    return RETURN_EXISTING;
  }
}
