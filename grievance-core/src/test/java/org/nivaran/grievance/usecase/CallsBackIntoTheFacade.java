package org.nivaran.grievance.usecase;

import org.nivaran.grievance.Grievances;

/** A use case that calls back into the facade: what the architecture test must catch. */
public final class CallsBackIntoTheFacade {
  private CallsBackIntoTheFacade() {}

  /** Asks the facade for its directory, as no use case may. */
  static Object directoryOf(Grievances grievances) {
    return grievances.directory();
  }
}
