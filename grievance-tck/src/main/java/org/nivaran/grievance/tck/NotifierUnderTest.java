package org.nivaran.grievance.tck;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.Notifier;

/**
 * A {@link Notifier} wired to a far end the test can look at, for {@link NotifierContract}: the
 * notifier itself, what the far end (a fake gateway, a provider's sandbox, a recording double)
 * received, and a number the far end rejects for good.
 *
 * <p>Implementations must be thread-safe: {@link NotifierContract} reads {@link #delivered()} while
 * and after several threads send.
 */
public interface NotifierUnderTest {

  /**
   * The notifier under test.
   *
   * @return the notifier, the same instance on every call
   */
  Notifier notifier();

  /**
   * What the far end received so far, in the order it received it, as notifications: at least the
   * {@linkplain Notification#id() id}, the recipient's phone and the body as they arrived. A
   * notification the provider accepted twice (see {@link Notifier}) may appear twice.
   *
   * @return a snapshot of the deliveries
   */
  List<Notification> delivered();

  /**
   * A number the far end rejects permanently (an invalid or disconnected number), so that sending
   * to it makes the notifier throw a permanent
   * {@link org.nivaran.grievance.notify.NotificationFailedException}.
   *
   * @return the number, or empty if the integrator cannot simulate one (the test that needs it is
   *     then skipped)
   */
  Optional<PhoneNumber> unreachableNumber();

  /**
   * A notifier under test from its parts.
   *
   * @param notifier the notifier
   * @param delivered reads what the far end received, in order
   * @param unreachableNumber a number the far end rejects permanently, or empty
   * @return the notifier under test
   */
  static NotifierUnderTest of(Notifier notifier, Supplier<List<Notification>> delivered, Optional<PhoneNumber> unreachableNumber) {
    Objects.requireNonNull(notifier, "notifier");
    Objects.requireNonNull(delivered, "delivered");
    Objects.requireNonNull(unreachableNumber, "unreachableNumber");
    return new NotifierUnderTest() {
      @Override
      public Notifier notifier() {
        return notifier;
      }

      @Override
      public List<Notification> delivered() {
        return List.copyOf(delivered.get());
      }

      @Override
      public Optional<PhoneNumber> unreachableNumber() {
        return unreachableNumber;
      }
    };
  }
}
