/**
 * Helpers for a host's own tests that need nothing but the JDK:
 * {@link org.nivaran.grievance.testing.ControllableClock}, a clock the test sets and moves by hand
 * to reach SLA deadlines, escalation sweeps and retry back-offs without waiting.
 *
 * <p>Unlike the TCK ({@code grievance-tck}), this package brings no test framework onto a host's
 * compile class path, so a host can use it from main code too (a demo mode, a simulation).
 */
package org.nivaran.grievance.testing;
