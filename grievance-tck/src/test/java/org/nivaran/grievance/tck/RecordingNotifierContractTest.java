package org.nivaran.grievance.tck;

import java.util.Optional;
import org.nivaran.grievance.actor.PhoneNumber;

/**
 * The notifier contract on {@link RecordingNotifier} as the far end, behind a notifier that
 * rejects one number for good.
 */
class RecordingNotifierContractTest extends NotifierContract {
  private static final PhoneNumber UNREACHABLE = PhoneNumber.parse("+919000000000");

  @Override
  protected NotifierUnderTest newNotifier() {
    RecordingNotifier farEnd = new RecordingNotifier();
    return NotifierUnderTest.of(new UnreachableNumberNotifier(farEnd, UNREACHABLE), farEnd::sent, Optional.of(UNREACHABLE));
  }
}
