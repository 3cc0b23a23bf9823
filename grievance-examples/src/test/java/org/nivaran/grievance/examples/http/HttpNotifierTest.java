package org.nivaran.grievance.examples.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.examples.http.StubGateway.Answer;
import org.nivaran.grievance.examples.http.StubGateway.Received;
import org.nivaran.grievance.notify.DeliveryChannel;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationFailedException;
import org.nivaran.grievance.notify.NotificationKind;
import org.nivaran.grievance.notify.Recipient;
import org.nivaran.grievance.notify.RecipientRole;
import org.nivaran.grievance.directory.Language;

/** The requests {@link HttpNotifier} makes and how it reads the answers, against a {@link StubGateway}. */
class HttpNotifierTest {
  private static final String TOKEN = "EAAG-secret-token-4f9c1e";
  private static final PhoneNumber CITIZEN = PhoneNumber.parse("+919876543210");
  private static final String HINDI = "आपकी शिकायत RPR-2024-000001 दर्ज कर ली गई है। आगे की जानकारी के लिए यही क्रमांक बताएँ। 🙏";

  private StubGateway gateway;
  private HttpNotifier notifier;

  @BeforeEach
  void startGateway() {
    gateway = StubGateway.start();
    notifier = notifierWithTimeout(Duration.ofSeconds(5));
  }

  @AfterEach
  void stopGateway() {
    gateway.close();
  }

  private HttpNotifier notifierWithTimeout(Duration timeout) {
    return HttpNotifier.builder().baseUri(gateway.baseUri()).bearerToken(TOKEN).requestTimeout(timeout).build();
  }

  private static Notification citizen(DeliveryChannel channel, String body) {
    return new Notification("RPR-2024-000001#1:citizen", ComplaintId.of("RPR-2024-000001"), 1, NotificationKind.REGISTERED,
        new Recipient(RecipientRole.CITIZEN, CITIZEN, Optional.empty(), "सुनीता वर्मा"), channel, Language.HINDI, body,
        Instant.parse("2024-03-04T05:30:00Z"));
  }

  private Received onlyRequest() {
    assertThat(gateway.received()).hasSize(1);
    return gateway.received().get(0);
  }

  @Nested
  class The_request {

    @Test
    void a_whatsapp_message_is_posted_to_messages_in_the_cloud_api_shape() {
      Notification n = new Notification("RPR-2024-000001#2:holder:AE-RAIPUR", ComplaintId.of("RPR-2024-000001"), 2,
          NotificationKind.ASSIGNED,
          new Recipient(RecipientRole.POST_HOLDER, PhoneNumber.parse("+919826000001"), Optional.of(PostId.of("AE-RAIPUR")),
              "सुरेश वर्मा"),
          DeliveryChannel.WHATSAPP, Language.ENGLISH, "New complaint RPR-2024-000001 assigned to you.", Instant.EPOCH);

      notifier.send(n);

      Received r = onlyRequest();
      assertThat(r.method()).isEqualTo("POST");
      assertThat(r.path()).isEqualTo("/v1/messages");
      assertThat(r.bodyText()).isEqualTo(
          "{\"messaging_product\":\"whatsapp\",\"to\":\"919826000001\",\"type\":\"text\","
              + "\"text\":{\"body\":\"New complaint RPR-2024-000001 assigned to you.\"}}");
      assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN);
      assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
      assertThat(r.header("Idempotency-Key")).isEqualTo("RPR-2024-000001#2:holder:AE-RAIPUR");
    }

    @Test
    void an_sms_in_the_gsm_alphabet_is_posted_to_sms_as_GSM7() {
      notifier.send(citizen(DeliveryChannel.SMS, "Your complaint RPR-2024-000001 has been registered."));

      Received r = onlyRequest();
      assertThat(r.path()).isEqualTo("/v1/sms");
      assertThat(r.bodyText()).isEqualTo(
          "{\"to\":\"+919876543210\",\"message\":\"Your complaint RPR-2024-000001 has been registered.\","
              + "\"encoding\":\"GSM7\"}");
      assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN);
      assertThat(r.header("Idempotency-Key")).isEqualTo("RPR-2024-000001#1:citizen");
    }

    @Test
    void an_sms_in_devanagari_is_posted_as_UCS2_and_arrives_byte_for_byte() {
      notifier.send(citizen(DeliveryChannel.SMS, HINDI));

      byte[] expected = ("{\"to\":\"+919876543210\",\"message\":\"" + HINDI + "\",\"encoding\":\"UCS2\"}")
          .getBytes(StandardCharsets.UTF_8);
      assertThat(onlyRequest().body()).isEqualTo(expected);
      assertThat(gateway.delivered()).singleElement().satisfies(d -> assertThat(d.body()).isEqualTo(HINDI));
    }

    @Test
    void a_whatsapp_body_with_devanagari_emoji_and_lines_arrives_exactly() {
      String body = "शिकायत RPR-2024-000001\nवार्ड १२ 💧 \"पानी\" \\ समय-सीमा: 11 मार्च";

      notifier.send(citizen(DeliveryChannel.WHATSAPP, body));

      assertThat(onlyRequest().json().path("text").path("body").asText()).isEqualTo(body);
    }

    @Test
    void the_idempotency_key_is_the_notification_id_and_a_retry_repeats_it() {
      Notification n = citizen(DeliveryChannel.SMS, "Your complaint RPR-2024-000001 has been registered.");

      notifier.send(n);
      notifier.send(n);

      assertThat(gateway.received()).hasSize(2)
          .allSatisfy(r -> assertThat(r.header(HttpNotifier.IDEMPOTENCY_KEY)).isEqualTo(n.id()));
      assertThat(gateway.delivered()).as("the gateway de-duplicates on the key").hasSize(1);
    }

    @Test
    void an_id_that_is_not_visible_ascii_is_percent_encoded_one_to_one() {
      assertThat(HttpNotifier.idempotencyKey("handover:EE-RAIPUR:EMP-3001@2024-03-04T05:30:00Z"))
          .isEqualTo("handover:EE-RAIPUR:EMP-3001@2024-03-04T05:30:00Z");
      assertThat(HttpNotifier.idempotencyKey("शिकायत 1%")).isEqualTo(
          "%E0%A4%B6%E0%A4%BF%E0%A4%95%E0%A4%BE%E0%A4%AF%E0%A4%A4%201%25");
      assertThat(HttpNotifier.idempotencyKey("100%")).isEqualTo("100%25");

      Notification n = new Notification("सूचना#1:citizen", ComplaintId.of("RPR-2024-000001"), 1, NotificationKind.REGISTERED,
          new Recipient(RecipientRole.CITIZEN, CITIZEN, Optional.empty(), "सुनीता"), DeliveryChannel.SMS, Language.HINDI,
          HINDI, Instant.EPOCH);
      notifier.send(n);

      assertThat(onlyRequest().notificationId()).isEqualTo("सूचना#1:citizen");
    }

    @Test
    void null_is_refused_and_nothing_is_sent() {
      assertThatThrownBy(() -> notifier.send(null)).isInstanceOf(NullPointerException.class);

      assertThat(gateway.received()).isEmpty();
    }

    @Test
    void a_source_systems_message_is_refused_permanently_and_nothing_is_sent() {
      org.nivaran.grievance.notify.Notification toSource = new org.nivaran.grievance.notify.Notification(
          "RPR-2024-000001#5:source:CPGRAMS", org.nivaran.grievance.complaint.ComplaintId.of("RPR-2024-000001"), 5,
          org.nivaran.grievance.notify.NotificationKind.RESOLVED,
          org.nivaran.grievance.notify.Recipient.source(org.nivaran.grievance.complaint.ExternalReference.of("CPGRAMS", "X-1"),
              org.nivaran.grievance.actor.PhoneNumber.parse("+919876543210")),
          DeliveryChannel.SOURCE, org.nivaran.grievance.directory.Language.ENGLISH, "done",
          java.time.Instant.parse("2024-03-04T05:30:00Z"));

      assertThatThrownBy(() -> notifier.send(toSource)).isInstanceOfSatisfying(NotificationFailedException.class,
          e -> assertThat(e.permanent()).isTrue());
      assertThat(gateway.received()).isEmpty();
    }
  }

  @Nested
  class The_answer {

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {200, 201, 202, 204})
    void any_2xx_is_a_delivery(int status) {
      gateway.answer(r -> Answer.of(status, status == 204 ? "" : "{}"));

      notifier.send(citizen(DeliveryChannel.SMS, "Registered."));

      assertThat(gateway.delivered()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {500, 502, 503, 504, 429, 408})
    void a_server_error_a_rate_limit_or_a_request_timeout_is_temporary(int status) {
      gateway.answer(r -> Answer.of(status, "{\"error\":{\"message\":\"try later\",\"code\":" + status + "}}"));
      Notification n = citizen(DeliveryChannel.SMS, "Registered.");

      assertFails(() -> notifier.send(n), n, false)
          .hasMessageContaining("HTTP " + status)
          .hasMessageContaining("try later");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {400, 401, 403, 404, 409, 422, 301})
    void any_other_status_is_permanent(int status) {
      gateway.answer(r -> Answer.of(status, ""));
      Notification n = citizen(DeliveryChannel.WHATSAPP, "Registered.");

      assertFails(() -> notifier.send(n), n, true)
          .hasMessageContaining("HTTP " + status + " from POST " + gateway.baseUri() + "/messages");
    }

    @Test
    void the_short_message_of_a_json_error_is_quoted_on_one_line_and_cut() {
      gateway.answer(r -> Answer.of(400,
          "{\"error\":{\"message\":\"(#100) Invalid parameter\\n  to: not a WhatsApp number\",\"code\":100}}"));
      Notification n = citizen(DeliveryChannel.WHATSAPP, "Registered.");

      assertFails(() -> notifier.send(n), n, true)
          .hasMessageEndingWith(": (#100) Invalid parameter to: not a WhatsApp number");

      assertThat(HttpNotifier.gatewayMessage("{\"message\":\"" + "x".repeat(500) + "\"}")).hasValueSatisfying(m ->
          assertThat(m).hasSize(HttpNotifier.MAX_QUOTED).endsWith("..."));
      assertThat(HttpNotifier.gatewayMessage("{\"error\":\"invalid_token\"}")).contains("invalid_token");
      assertThat(HttpNotifier.gatewayMessage("{\"title\":\"Bad Request\",\"detail\":\"to is required\"}"))
          .contains("to is required");
      assertThat(HttpNotifier.gatewayMessage("<html>Bad gateway</html>")).isEmpty();
      assertThat(HttpNotifier.gatewayMessage("[1,2]")).isEmpty();
    }

    @Test
    void no_answer_within_the_request_timeout_is_temporary() {
      gateway.answer(r -> Answer.hang());
      HttpNotifier impatient = notifierWithTimeout(Duration.ofMillis(200));
      Notification n = citizen(DeliveryChannel.SMS, "Registered.");

      long start = System.nanoTime();
      assertFails(() -> impatient.send(n), n, false)
          .hasMessageContaining("within 200 ms")
          .hasCauseInstanceOf(HttpTimeoutException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void a_gateway_that_cannot_be_reached_is_temporary() {
      URI nobody = gateway.baseUri();
      gateway.close(); // the port is free again: nothing listens there
      HttpNotifier unreachable = HttpNotifier.builder().baseUri(nobody).bearerToken(TOKEN)
          .requestTimeout(Duration.ofSeconds(2)).build();
      Notification n = citizen(DeliveryChannel.SMS, "Registered.");

      assertFails(() -> unreachable.send(n), n, false)
          .hasMessageContaining("could not connect to " + nobody + "/sms")
          .hasCauseInstanceOf(ConnectException.class);
    }

    @Test
    void an_interrupted_sender_fails_temporarily_and_keeps_its_interrupt() {
      gateway.answer(r -> Answer.hang());
      Notification n = citizen(DeliveryChannel.SMS, "Registered.");

      Thread.currentThread().interrupt();
      try {
        assertFails(() -> notifier.send(n), n, false).hasCauseInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag").isTrue();
      } finally {
        Thread.interrupted(); // leave the test thread clean
      }
    }

    @Test
    void the_token_appears_in_no_message_even_when_the_gateway_echoes_it() {
      gateway.answer(r -> Answer.of(401, "{\"error\":{\"message\":\"token " + TOKEN + " has expired\",\"code\":190}}"));
      Notification n = citizen(DeliveryChannel.WHATSAPP, "Registered.");

      assertFails(() -> notifier.send(n), n, true)
          .hasMessageContaining("token [token] has expired")
          .satisfies(e -> assertThat(e.toString()).doesNotContain(TOKEN));

      gateway.answer(r -> Answer.hang());
      HttpNotifier impatient = notifierWithTimeout(Duration.ofMillis(200));
      Throwable timeout = catchFailure(() -> impatient.send(n));
      for (Throwable t = timeout; t != null; t = t.getCause()) {
        assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN);
      }
      assertThat(notifier.toString()).doesNotContain(TOKEN).contains(gateway.baseUri().toString());
    }

    @Test
    void the_recipients_number_and_name_are_masked_when_the_gateway_echoes_them() {
      String echo = "Recipient phone number 919876543210 (सुनीता वर्मा) not in allowed list; to=+91 98765 43210";
      gateway.answer(r -> Answer.of(400, "{\"error\":{\"message\":\"" + echo + "\",\"code\":131030}}"));
      Notification n = citizen(DeliveryChannel.WHATSAPP, "Registered.");

      assertFails(() -> notifier.send(n), n, true)
          .hasMessageEndingWith(": Recipient phone number +91******3210 (सु. व.) not in allowed list; to=+91******3210")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("9876543210", "98765 43210", "सुनीता", "वर्मा"));
    }

    @Test
    void a_number_cut_short_by_the_quote_limit_is_masked_before_it_is_cut() {
      String echo = "x".repeat(HttpNotifier.MAX_QUOTED - 12) + " 919876543210";
      gateway.answer(r -> Answer.of(400, "{\"message\":\"" + echo + "\"}"));
      Notification n = citizen(DeliveryChannel.SMS, "Registered.");

      assertFails(() -> notifier.send(n), n, true)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("98765").endsWith("..."));
    }
  }

  @Nested
  class The_builder {

    @Test
    void requires_a_base_uri_and_a_token() {
      assertThatIllegalStateException().isThrownBy(() -> HttpNotifier.builder().bearerToken(TOKEN).build())
          .withMessage("baseUri is required");
      assertThatIllegalStateException().isThrownBy(() -> HttpNotifier.builder().baseUri(gateway.baseUri()).build())
          .withMessage("bearerToken is required");
    }

    @Test
    void refuses_a_base_uri_that_is_not_plain_http_or_https() {
      for (String bad : new String[] {"/v1", "ftp://gateway.example/v1", "https://user:pw@gateway.example/v1",
          "https://gateway.example/v1?key=abc", "mailto:ops@example.org"}) {
        assertThatIllegalArgumentException().as(bad).isThrownBy(() -> HttpNotifier.builder().baseUri(URI.create(bad)))
            .withMessageStartingWith("baseUri must");
      }
      assertThatIllegalArgumentException()
          .isThrownBy(() -> HttpNotifier.builder().baseUri(URI.create("https://user:pw@gateway.example/v1")))
          .withMessageNotContaining("pw");
    }

    @Test
    void refuses_a_blank_or_spaced_token_without_quoting_it() {
      assertThatIllegalArgumentException().isThrownBy(() -> HttpNotifier.builder().bearerToken(""))
          .withMessage("bearerToken must not be blank");
      assertThatIllegalArgumentException().isThrownBy(() -> HttpNotifier.builder().bearerToken("abc def\r\nX-Evil: 1"))
          .withMessageNotContaining("abc def");
    }

    @Test
    void refuses_a_timeout_that_is_not_positive_and_defaults_to_ten_seconds() {
      assertThatIllegalArgumentException().isThrownBy(() -> HttpNotifier.builder().requestTimeout(Duration.ZERO))
          .withMessage("requestTimeout must be positive (was PT0S)");
      HttpNotifier defaults = HttpNotifier.builder().baseUri(URI.create("https://gateway.example/v1/")).bearerToken(TOKEN)
          .build();
      assertThat(defaults.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
      assertThat(defaults.baseUri()).hasToString("https://gateway.example/v1/");
    }

    @Test
    void a_trailing_slash_on_the_base_uri_is_ignored() {
      HttpNotifier slashed = HttpNotifier.builder().baseUri(URI.create(gateway.baseUri() + "/")).bearerToken(TOKEN).build();

      slashed.send(citizen(DeliveryChannel.SMS, "Registered."));

      assertThat(onlyRequest().path()).isEqualTo("/v1/sms");
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertFails(
      ThrowingCallable send, Notification n, boolean permanent) {
    return assertThatThrownBy(send)
        .isInstanceOfSatisfying(NotificationFailedException.class, e -> {
          assertThat(e.permanent()).as("permanent()").isEqualTo(permanent);
          assertThat(e.notificationId()).isEqualTo(n.id());
          assertThat(e.getMessage()).contains(n.id()).doesNotContain(TOKEN);
        });
  }

  private static Throwable catchFailure(ThrowingCallable send) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(send);
    assertThat(t).isInstanceOf(NotificationFailedException.class);
    return t;
  }
}
