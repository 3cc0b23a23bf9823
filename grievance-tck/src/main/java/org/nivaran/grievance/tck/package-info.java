/**
 * The contract test kit for implementers of Nivaran's SPIs: abstract JUnit 5 classes that an
 * integrator extends with one factory method ({@link org.nivaran.grievance.tck.ComplaintStoreContract},
 * {@link org.nivaran.grievance.tck.NotifierContract}), and test doubles ({@link MutableClock},
 * {@link RecordingNotifier}).
 */
package org.nivaran.grievance.tck;
