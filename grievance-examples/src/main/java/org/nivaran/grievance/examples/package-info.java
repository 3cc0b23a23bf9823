/**
 * Runnable programs that show Nivaran at work; {@link org.nivaran.grievance.examples.QuickStart}
 * tells the story of one complaint, and {@link org.nivaran.grievance.examples.SlaCli} answers SLA
 * questions ("deadline of 16 working hours from now?") on a business calendar read from JSON.
 */
package org.nivaran.grievance.examples;
