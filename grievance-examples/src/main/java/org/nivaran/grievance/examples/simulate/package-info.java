/**
 * The {@code simulate} example: a month of a Raipur-like district call centre run through Nivaran
 * on the JDBC store, ending with the monthly grading of departments and districts on the terminal
 * and in a self-contained HTML report.
 *
 * <p>{@link org.nivaran.grievance.examples.simulate.Simulation} runs it;
 * {@link org.nivaran.grievance.examples.simulate.RaipurDistrict} is the district (registries,
 * calendars, ladder) and {@link org.nivaran.grievance.examples.simulate.SimulationResult} what a
 * run came to, {@link org.nivaran.grievance.examples.simulate.HelplineFigures} its priorities,
 * first responses, additional charges and special closures. Every run is reproducible from its seed.
 */
package org.nivaran.grievance.examples.simulate;
