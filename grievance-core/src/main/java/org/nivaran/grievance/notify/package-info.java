/**
 * Telling people what happened to a complaint, by SMS or WhatsApp.
 *
 * <p>{@link org.nivaran.grievance.notify.NotificationPolicy} turns the events a command appended
 * into {@link org.nivaran.grievance.notify.Notification}s: the citizen hears that the complaint was
 * registered, resolved and closed; the officer holding a post hears that a complaint was assigned,
 * transferred, escalated or returned to it; past level 2 the supervisors up the chain hear of an
 * escalation too. The texts come from {@link org.nivaran.grievance.notify.Templates}, in English
 * and Hindi, and {@link org.nivaran.grievance.notify.SmsSegments} says how many SMS parts a text
 * costs. A {@link org.nivaran.grievance.notify.Notifier} delivers them; it is the one SPI here.
 *
 * <pre>{@code
 * NotificationPolicy policy = NotificationPolicy.builder().build(); // default texts, Asia/Kolkata
 * List<Notification> out = policy.notificationsFor(complaintAfter, appendedEvents, directory.posts());
 * out.forEach(notifier::send);
 * }</pre>
 *
 * <p>Every type here is immutable and thread-safe, except the builders;
 * {@link org.nivaran.grievance.notify.Notifier} implementations must be thread-safe too.
 */
package org.nivaran.grievance.notify;
