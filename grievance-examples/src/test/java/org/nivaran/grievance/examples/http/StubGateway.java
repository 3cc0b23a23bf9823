package org.nivaran.grievance.examples.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.notify.DeliveryChannel;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationKind;
import org.nivaran.grievance.notify.Recipient;
import org.nivaran.grievance.notify.RecipientRole;
import org.nivaran.grievance.directory.Language;

/**
 * A messaging gateway on {@code 127.0.0.1} for tests: it records every request, answers as a
 * {@linkplain #answer(Function) responder} says (by default 200, or 400 for a number
 * {@linkplain #rejectForGood(PhoneNumber) rejected for good}), and honours the
 * {@code Idempotency-Key} header as a real gateway would: a key it has accepted before is answered
 * 200 again and not delivered twice.
 *
 * <p>Thread-safe. Close it after the test.
 */
final class StubGateway implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ComplaintId UNKNOWN_COMPLAINT = ComplaintId.of("STUB-0000-000000");

  /** One request as the gateway received it; header names are case-insensitive. */
  record Received(String method, String path, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The notification id, from the idempotency key. */
    String notificationId() {
      return percentDecode(header(HttpNotifier.IDEMPOTENCY_KEY));
    }

    /** The E.164 number the request is for, whether {@code to} carries the {@code +} or not. */
    PhoneNumber to() {
      String to = json().path("to").asText();
      return new PhoneNumber(to.startsWith("+") ? to : "+" + to);
    }

    /** The text of a WhatsApp or SMS request. */
    String text() {
      JsonNode json = json();
      return path.endsWith("/messages") ? json.path("text").path("body").asText() : json.path("message").asText();
    }
  }

  /** What the gateway answers; {@link #hang()} answers only after {@link #close()}. */
  record Answer(int status, String body, boolean hangs) {
    static Answer of(int status, String body) {
      return new Answer(status, body, false);
    }

    static Answer ok() {
      return of(200, "{\"messages\":[{\"id\":\"wamid.stub\"}]}");
    }

    static Answer hang() {
      return new Answer(200, "{}", true);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "stub-gateway");
    t.setDaemon(true);
    return t;
  });
  private final CountDownLatch closed = new CountDownLatch(1);
  private final List<Received> received = new ArrayList<>();
  private final List<Notification> delivered = new ArrayList<>();
  private final Set<String> acceptedKeys = new HashSet<>();
  private final Set<PhoneNumber> rejected = new HashSet<>();
  private volatile Function<Received, Answer> responder = r -> Answer.ok();

  private StubGateway() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts a gateway on a free port of 127.0.0.1. */
  static StubGateway start() {
    return new StubGateway();
  }

  /** The base URI to give the notifier: {@code http://127.0.0.1:<port>/v1}. */
  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  /** Answers every later request as {@code responder} says (numbers rejected for good still get 400). */
  StubGateway answer(Function<Received, Answer> responder) {
    this.responder = responder;
    return this;
  }

  /** Answers 400 with a WhatsApp-style error for this number, as for one that does not exist. */
  StubGateway rejectForGood(PhoneNumber number) {
    synchronized (this) {
      rejected.add(number);
    }
    return this;
  }

  /** Every request received, in order, whatever the answer. */
  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  /**
   * What was delivered, in order, as notifications: one per idempotency key answered 2xx. Only the
   * id, the phone number, the channel and the body come from the request.
   */
  synchronized List<Notification> delivered() {
    return List.copyOf(delivered);
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
      Received r = new Received(
          exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, readAll(exchange.getRequestBody()));
      boolean rejectedNumber;
      synchronized (this) {
        received.add(r);
        rejectedNumber = isMessage(r) && rejected.contains(r.to());
      }
      Answer answer = rejectedNumber
          ? Answer.of(400, "{\"error\":{\"message\":\"(#131026) Message undeliverable: " + r.to()
              + " is not a valid number\",\"type\":\"OAuthException\",\"code\":131026}}")
          : responder.apply(r);
      if (answer.hangs()) {
        closed.await(10, TimeUnit.SECONDS);
      }
      if (answer.status() >= 200 && answer.status() < 300 && isMessage(r)) {
        synchronized (this) {
          if (acceptedKeys.add(r.header(HttpNotifier.IDEMPOTENCY_KEY))) {
            delivered.add(asNotification(r));
          }
        }
      }
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client gave up (a time-out test); nothing to answer
    }
  }

  private static boolean isMessage(Received r) {
    return r.method().equals("POST") && (r.path().endsWith("/messages") || r.path().endsWith("/sms"));
  }

  private static Notification asNotification(Received r) {
    String id = r.notificationId();
    Recipient to = new Recipient(RecipientRole.CITIZEN, r.to(), Optional.empty(), "(gateway)");
    DeliveryChannel channel = r.path().endsWith("/messages") ? DeliveryChannel.WHATSAPP : DeliveryChannel.SMS;
    return new Notification(id, complaintOf(id), 0, NotificationKind.REGISTERED, to, channel, Language.ENGLISH, r.text(),
        Instant.EPOCH);
  }

  /** The complaint an id such as {@code RPR-2024-000001#3:citizen} names, if it does. */
  private static ComplaintId complaintOf(String id) {
    int hash = id.indexOf('#');
    try {
      return hash > 0 ? ComplaintId.of(id.substring(0, hash)) : UNKNOWN_COMPLAINT;
    } catch (InvalidInputException notAnId) {
      return UNKNOWN_COMPLAINT;
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toByteArray();
  }

  /** Undoes {@link HttpNotifier#idempotencyKey(String)}. */
  static String percentDecode(String key) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '%') {
        bytes.write(Integer.parseInt(key.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
