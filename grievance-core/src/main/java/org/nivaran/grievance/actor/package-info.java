/**
 * Who acts on a complaint: {@link org.nivaran.grievance.actor.Actor} and its
 * {@link org.nivaran.grievance.actor.Role}, and the identities actors carry
 * ({@link org.nivaran.grievance.actor.PhoneNumber}, {@link org.nivaran.grievance.actor.PostId}).
 * Which role may issue which command is written in the lifecycle table,
 * {@link org.nivaran.grievance.complaint.Lifecycle}.
 */
package org.nivaran.grievance.actor;
