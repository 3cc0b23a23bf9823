/**
 * The complaint aggregate and its lifecycle.
 *
 * <p>A {@link org.nivaran.grievance.complaint.Complaint} is changed only by running a
 * {@link org.nivaran.grievance.complaint.ComplaintCommand} through
 * {@link org.nivaran.grievance.complaint.Lifecycle#decide}, which checks the transition table and
 * the actor rules and yields {@link org.nivaran.grievance.complaint.ComplaintEvent}s; applying them
 * with {@link org.nivaran.grievance.complaint.Lifecycle#evolve} gives the new state, and
 * {@link org.nivaran.grievance.complaint.Lifecycle#replay} rebuilds a complaint from its events.
 * The whole lifecycle is written once, in {@link org.nivaran.grievance.complaint.Lifecycle}.
 *
 * <p>Every type here is immutable and thread-safe.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    validationMethod = Value.Style.ValidationMethod.NONE,
    get = {"is*", "get*"},
    defaults = @Value.Immutable(copy = true),
    // No @org.immutables.value.Generated on generated types: Immutables is compile-only, and
    // users compiling against core must not need it on their class path.
    allowedClasspathAnnotations = {Override.class})
package org.nivaran.grievance.complaint;

import org.immutables.value.Value;
