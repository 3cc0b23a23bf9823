/**
 * Runnable programs that show Nivaran at work, behind one command line,
 * {@link org.nivaran.grievance.examples.Nivaran}: {@code simulate} (the default) runs a month of a
 * district call centre and grades it (package {@link org.nivaran.grievance.examples.simulate});
 * {@link org.nivaran.grievance.examples.QuickStart} tells the story of one complaint; and
 * {@link org.nivaran.grievance.examples.SlaCli} answers SLA questions ("deadline of 16 working hours
 * from now?") on a business calendar read from JSON. Package
 * {@link org.nivaran.grievance.examples.http} holds a notifier for an HTTP gateway, and
 * {@link org.nivaran.grievance.examples.open311} an Open311 export.
 */
package org.nivaran.grievance.examples;
