/**
 * Runnable programs that show Nivaran at work; {@link org.nivaran.grievance.examples.QuickStart}
 * tells the story of one complaint.
 */
package org.nivaran.grievance.examples;
