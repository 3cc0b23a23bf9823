/**
 * Spring Boot auto-configuration for Nivaran: {@link org.nivaran.grievance.spring.NivaranAutoConfiguration}
 * builds {@code Grievances} on the application's {@code DataSource} with the JDBC store, from the
 * {@code nivaran.*} {@link org.nivaran.grievance.spring.NivaranProperties}, and runs the escalator and
 * the outbox relay on schedules ({@link org.nivaran.grievance.spring.NivaranSchedules}). A bad file
 * or property refuses start-up with a {@link org.nivaran.grievance.spring.NivaranConfigurationException}.
 *
 * <p>{@link org.nivaran.grievance.spring.NivaranObservabilityAutoConfiguration} adds, with Micrometer, the
 * {@link org.nivaran.grievance.spring.MicrometerInstrumentation} (metrics and observations) and the outbox
 * gauges, and with Actuator the {@code nivaran} {@link org.nivaran.grievance.spring.NivaranHealthIndicator}
 * ({@link org.nivaran.grievance.spring.NivaranObservabilityProperties},
 * {@link org.nivaran.grievance.spring.NivaranHealthProperties}).
 */
package org.nivaran.grievance.spring;
