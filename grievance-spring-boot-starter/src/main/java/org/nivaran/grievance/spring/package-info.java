/**
 * Spring Boot auto-configuration for Nivaran: {@link org.nivaran.grievance.spring.NivaranAutoConfiguration}
 * builds {@code Grievances} on the application's {@code DataSource} with the JDBC store, from the
 * {@code nivaran.*} {@link org.nivaran.grievance.spring.NivaranProperties}, and runs the escalator and
 * the outbox relay on schedules ({@link org.nivaran.grievance.spring.NivaranSchedules}). A bad file
 * or property refuses start-up with a {@link org.nivaran.grievance.spring.NivaranConfigurationException}.
 */
package org.nivaran.grievance.spring;
