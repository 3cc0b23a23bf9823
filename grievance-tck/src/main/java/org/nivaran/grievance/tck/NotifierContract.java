package org.nivaran.grievance.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.Locale;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.notify.DeliveryChannel;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationFailedException;
import org.nivaran.grievance.notify.NotificationKind;
import org.nivaran.grievance.notify.Notifier;
import org.nivaran.grievance.notify.Recipient;
import org.nivaran.grievance.notify.RecipientRole;
import org.nivaran.grievance.directory.Language;

/**
 * The contract of a {@link Notifier}, as JUnit 5 tests: extend this class with the one factory
 * method {@link #newNotifier()} and every test below runs against your notifier and its far end.
 *
 * <pre>{@code
 * class SmsGatewayNotifierContractTest extends NotifierContract {
 *   @Override
 *   protected NotifierUnderTest newNotifier() {
 *     FakeGateway gateway = FakeGateway.start();   // rejects +919000000000 as unknown
 *     return NotifierUnderTest.of(new SmsGatewayNotifier(gateway.url()), gateway::received,
 *         Optional.of(PhoneNumber.parse("+919000000000")));
 *   }
 * }
 * }</pre>
 *
 * <p>What is checked: a notification reaches the far end with its id, recipient number and body
 * intact (Devanagari, emoji, a body of {@link Notification#MAX_BODY_LENGTH} code points, both
 * channels); sending the same notification twice does not fail (delivery is at least once, and the
 * provider de-duplicates on the id); a number the far end rejects for good fails with a
 * {@linkplain NotificationFailedException#permanent() permanent} failure (skipped if
 * {@link NotifierUnderTest#unreachableNumber()} is empty); {@code null} is refused; 200
 * notifications sent from 8 threads all arrive. Every notification a test sends has an id unique to
 * that test, and the tests look only at their own ids in {@link NotifierUnderTest#delivered()}, so
 * a far end shared between tests (a provider's sandbox) works too. A far end that receives
 * asynchronously is polled for up to {@link #deliveryTimeout()}.
 *
 * <p>Not thread-safe; JUnit creates one instance per test.
 */
public abstract class NotifierContract {
  private static final Instant CREATED_AT = Instant.parse("2024-03-04T05:30:00Z");
  private static final ComplaintId COMPLAINT = ComplaintId.of("TCK-2024-000001");
  private static final PhoneNumber CITIZEN_PHONE = PhoneNumber.parse("+919876543210");
  private static final PhoneNumber OFFICER_PHONE = PhoneNumber.parse("+919123456780");
  private static final int THREADS = 8;
  private static final int CONCURRENT_NOTIFICATIONS = 200;

  /** The notifier of this test and its far end. */
  private NotifierUnderTest underTest;
  /** A prefix that makes this test's notification ids its own. */
  private String run;
  /** How many notifications this test has made, for their ids. */
  private int made;

  /** For subclasses. */
  protected NotifierContract() {}

  /**
   * The notifier under test and its far end: a new one for each test. Called once before every
   * test.
   *
   * @return the notifier under test
   */
  protected abstract NotifierUnderTest newNotifier();

  /**
   * How long a test waits for the far end to show a notification that {@link Notifier#send}
   * accepted; 5 seconds unless overridden. A notifier whose far end records synchronously never
   * waits.
   *
   * @return the time-out, positive
   */
  protected Duration deliveryTimeout() {
    return Duration.ofSeconds(5);
  }

  /**
   * Asks {@link #newNotifier()} for the notifier of this test. Called by JUnit before each test.
   */
  @BeforeEach
  public void createNotifier() {
    underTest = Objects.requireNonNull(newNotifier(), "newNotifier() returned null");
    Objects.requireNonNull(underTest.notifier(), "NotifierUnderTest.notifier() returned null");
    run = "TCK-" + UUID.randomUUID().toString().substring(0, 8);
    made = 0;
  }

  /**
   * A notification to a citizen in Hindi by SMS, and one to an officer in English by WhatsApp,
   * arrive with their ids, numbers and bodies intact.
   */
  @Test
  public void a_notification_is_delivered_with_its_id_recipient_and_body_intact() {
    Notification toCitizen = citizenNotification(CITIZEN_PHONE,
        "आपकी शिकायत TCK-2024-000001 दर्ज हो गई है। सड़क पर पानी भरा है — वार्ड १२ 💧 समय-सीमा: 11 मार्च 2024");
    Notification toOfficer = new Notification(nextId("holder:TCK-EE-RAIPUR"), COMPLAINT, 2, NotificationKind.ASSIGNED,
        new Recipient(RecipientRole.POST_HOLDER, OFFICER_PHONE, Optional.of(PostId.of("TCK-EE-RAIPUR")), "Er. Rakesh Sahu"),
        DeliveryChannel.WHATSAPP, Language.ENGLISH,
        "Complaint TCK-2024-000001 (ENERGY.SUPPLY.OUTAGE) is assigned to you.\nReply due by 11 Mar 2024 18:00 IST.",
        CREATED_AT);

    underTest.notifier().send(toCitizen);
    underTest.notifier().send(toOfficer);

    assertDeliveredIntact(List.of(toCitizen, toOfficer));
  }

  /**
   * A body of exactly {@link Notification#MAX_BODY_LENGTH} code points, Devanagari and emoji (two
   * UTF-16 units each), arrives whole.
   */
  @Test
  public void a_body_of_the_longest_length_is_delivered_whole() {
    String pattern = "शिकायत दर्ज 🙏 ";
    StringBuilder body = new StringBuilder();
    int[] codePoints = pattern.codePoints().toArray();
    for (int i = 0; i < Notification.MAX_BODY_LENGTH - 1; i++) {
      body.appendCodePoint(codePoints[i % codePoints.length]);
    }
    body.appendCodePoint(0x1F4A7); // and one more, not white space, at the end
    String text = body.toString();
    assertThat(text.codePointCount(0, text.length())).isEqualTo(Notification.MAX_BODY_LENGTH);
    Notification longest = citizenNotification(CITIZEN_PHONE, text);

    underTest.notifier().send(longest);

    assertDeliveredIntact(List.of(longest));
  }

  /**
   * Sending the same notification (the same id) twice does not fail, as a retry after a crash or a
   * time-out would; the far end sees the id, intact, once or twice.
   */
  @Test
  public void sending_the_same_notification_twice_does_not_fail() {
    Notification once = citizenNotification(CITIZEN_PHONE, "आपकी शिकायत का समाधान हो गया है। कृपया पुष्टि करें।");

    underTest.notifier().send(once);
    underTest.notifier().send(once);

    List<Notification> got = awaitDelivered(once.id(), d -> !d.isEmpty());
    assertThat(got).as("deliveries of %s", once.id()).hasSizeBetween(1, 2);
    assertThat(got).allSatisfy(n -> assertIntact(n, once));
  }

  /**
   * A number the far end rejects for good fails with a permanent
   * {@link NotificationFailedException} naming the notification, and nothing is delivered.
   */
  @Test
  public void a_number_the_far_end_rejects_fails_permanently() {
    Optional<PhoneNumber> unreachable = underTest.unreachableNumber();
    Assumptions.assumeTrue(unreachable.isPresent(), "the integrator cannot simulate an unreachable number");
    Notification doomed = citizenNotification(unreachable.get(), "यह संदेश नहीं पहुँचेगा");

    assertThatThrownBy(() -> underTest.notifier().send(doomed))
        .isInstanceOfSatisfying(NotificationFailedException.class, e -> {
          assertThat(e.permanent()).as("permanent()").isTrue();
          assertThat(e.notificationId()).isEqualTo(doomed.id());
        });
    assertThat(deliveredWithId(doomed.id())).isEmpty();

    // the notifier still works for other numbers
    Notification fine = citizenNotification(CITIZEN_PHONE, "यह संदेश पहुँचेगा");
    underTest.notifier().send(fine);
    assertDeliveredIntact(List.of(fine));
  }

  /** {@code send(null)} throws {@link NullPointerException} and delivers nothing. */
  @Test
  public void null_is_refused() {
    int before = underTest.delivered().size();

    assertThatNullPointerException().isThrownBy(() -> underTest.notifier().send(null));

    assertThat(underTest.delivered()).hasSize(before);
  }

  /**
   * 200 distinct notifications sent from 8 threads at once all arrive, each intact, none lost.
   *
   * @throws Exception if the threads cannot be run
   */
  @Test
  public void notifications_sent_from_eight_threads_all_arrive() throws Exception {
    List<Notification> all = new ArrayList<>();
    for (int i = 0; i < CONCURRENT_NOTIFICATIONS; i++) {
      PhoneNumber phone = PhoneNumber.parse("+9198" + String.format(Locale.ROOT, "%08d", 10_000_000 + i));
      all.add(citizenNotification(phone, "संदेश " + i + " 📨 आपकी शिकायत पर कार्रवाई हुई"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> senders = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        senders.add(pool.submit(() -> {
          go.await();
          for (int i = thread; i < all.size(); i += THREADS) {
            underTest.notifier().send(all.get(i));
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> sender : senders) {
        try {
          sender.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          fail("a sender failed", e.getCause());
        } catch (TimeoutException e) {
          fail("a sender did not finish within 60 s");
        }
      }
    } finally {
      pool.shutdownNow();
    }

    assertDeliveredIntact(all);
  }

  // ---------------------------------------------------------------------------------------------

  private String nextId(String recipientKey) {
    made++;
    return COMPLAINT + "#" + made + ":" + recipientKey + ":" + run;
  }

  private Notification citizenNotification(PhoneNumber phone, String body) {
    Recipient citizen = new Recipient(RecipientRole.CITIZEN, phone, Optional.empty(), "सुनीता वर्मा");
    return new Notification(nextId(citizen.key()), COMPLAINT, 1, NotificationKind.REGISTERED, citizen,
        DeliveryChannel.SMS, Language.HINDI, body, CREATED_AT);
  }

  private List<Notification> deliveredWithId(String id) {
    return underTest.delivered().stream().filter(n -> n.id().equals(id)).toList();
  }

  /** Polls the far end until the deliveries of an id satisfy {@code done}, or the time-out passes. */
  private List<Notification> awaitDelivered(String id, Predicate<List<Notification>> done) {
    return await(() -> deliveredWithId(id), done);
  }

  private <T> T await(java.util.function.Supplier<T> read, Predicate<T> done) {
    long deadline = System.nanoTime() + deliveryTimeout().toNanos();
    T value = read.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      value = read.get();
    }
    return value;
  }

  /**
   * Waits until the far end shows every one of {@code sent}, then checks each one's id, number and
   * body, and that the far end shows none of this test's other ids.
   */
  private void assertDeliveredIntact(List<Notification> sent) {
    Set<String> ids = sent.stream().map(Notification::id).collect(Collectors.toSet());
    List<Notification> mine = await(
        () -> underTest.delivered().stream().filter(n -> n.id().startsWith(COMPLAINT + "#") && n.id().endsWith(run)).toList(),
        d -> d.stream().map(Notification::id).collect(Collectors.toSet()).containsAll(ids));
    Map<String, List<Notification>> byId = mine.stream().collect(Collectors.groupingBy(Notification::id));
    assertThat(byId.keySet()).as("the ids the far end received").containsExactlyInAnyOrderElementsOf(ids);
    Map<String, Notification> expected = sent.stream().collect(Collectors.toMap(Notification::id, Function.identity()));
    for (Map.Entry<String, List<Notification>> delivered : byId.entrySet()) {
      assertThat(delivered.getValue()).as("deliveries of %s", delivered.getKey())
          .allSatisfy(n -> assertIntact(n, expected.get(delivered.getKey())));
    }
  }

  private static void assertIntact(Notification delivered, Notification sent) {
    assertThat(delivered.id()).isEqualTo(sent.id());
    assertThat(delivered.recipient().phone()).as("phone of %s", sent.id()).isEqualTo(sent.recipient().phone());
    assertThat(delivered.body()).as("body of %s", sent.id()).isEqualTo(sent.body());
  }
}
