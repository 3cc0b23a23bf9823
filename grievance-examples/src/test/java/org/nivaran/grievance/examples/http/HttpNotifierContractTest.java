package org.nivaran.grievance.examples.http;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.tck.NotifierContract;
import org.nivaran.grievance.tck.NotifierUnderTest;

/**
 * The kit's notifier contract on {@link HttpNotifier}, with a {@link StubGateway} as the far end:
 * what the gateway accepted is what was delivered, and it rejects one number for good with a 400.
 */
class HttpNotifierContractTest extends NotifierContract {
  private static final PhoneNumber UNREACHABLE = PhoneNumber.parse("+919000000000");

  private StubGateway gateway;

  @Override
  protected NotifierUnderTest newNotifier() {
    gateway = StubGateway.start().rejectForGood(UNREACHABLE);
    HttpNotifier notifier = HttpNotifier.builder()
        .baseUri(gateway.baseUri())
        .bearerToken("contract-test-token")
        .requestTimeout(Duration.ofSeconds(5))
        .build();
    return NotifierUnderTest.of(notifier, gateway::delivered, Optional.of(UNREACHABLE));
  }

  @AfterEach
  void stopGateway() {
    gateway.close();
  }
}
