/**
 * The reference service: a small Spring Boot application on {@code grievance-spring-boot-starter}
 * that shows a portal's HTTP face of Nivaran. Open311 GeoReport v2 endpoints
 * ({@link org.nivaran.grievance.reference.Open311Controller}), a citizen's status lookup
 * ({@link org.nivaran.grievance.reference.CitizenStatusController}), an officer's work list and the
 * agent's and officer's commands ({@link org.nivaran.grievance.reference.StaffController}), with
 * every refusal as {@code application/problem+json} ({@link org.nivaran.grievance.reference.Problems}).
 *
 * <p>Callers are authenticated by bearer tokens mapped to actors in {@code application.yml}
 * ({@link org.nivaran.grievance.reference.BearerTokenFilter}); Nivaran's own checks decide what each
 * may do. An example, not a published library. Controllers and filters are thread-safe; the
 * configuration properties are bound once at start-up.
 */
package org.nivaran.grievance.reference;
