/**
 * The use cases: what happens when {@code Grievances} is called, one small class per job, each
 * finding what it needs, deciding on the aggregate ({@code complaint.Lifecycle}) and the policies
 * ({@code policy}), storing through the store SPI and publishing. {@link
 * org.nivaran.grievance.usecase.Intake} registers (with the fake-caller guard and repeat linking);
 * {@link org.nivaran.grievance.usecase.CommandExecution} runs commands with optimistic retry and
 * is the escalator's gateway; {@code PolicyTransitions} holds every transition a policy drives, in
 * one table; {@code PostAuthority} checks officers and supervisors against the directory in force; {@link org.nivaran.grievance.usecase.DirectoryAdministration} changes the live
 * directory; {@link org.nivaran.grievance.usecase.ComplaintLookup} reads. {@link
 * org.nivaran.grievance.usecase.UseCases#of} checks a {@link
 * org.nivaran.grievance.usecase.Configuration} and wires them.
 *
 * <p>Use cases never call {@code Grievances}; the domain packages never call use cases (the
 * architecture test holds both). A host calls {@code Grievances}; these types are public so that
 * a reader can follow a call, and so that embeddings can build on them.
 */
package org.nivaran.grievance.usecase;
