package org.nivaran.grievance.examples.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.nivaran.grievance.actor.Masking;
import org.nivaran.grievance.notify.DeliveryChannel;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationFailedException;
import org.nivaran.grievance.notify.Notifier;
import org.nivaran.grievance.notify.SmsEncoding;
import org.nivaran.grievance.notify.SmsSegments;

/**
 * A {@link Notifier} that hands each notification to an HTTP messaging gateway, one JSON
 * {@code POST} per notification, on {@link java.net.http.HttpClient} alone.
 *
 * <p>The request is shaped like a call to the WhatsApp Business Cloud API or an SMS gateway:
 *
 * <table>
 *   <caption>Requests by channel</caption>
 *   <tr><th>channel</th><th>request</th><th>body</th></tr>
 *   <tr><td>{@link DeliveryChannel#WHATSAPP}</td><td>{@code POST {base}/messages}</td>
 *       <td>{@code {"messaging_product":"whatsapp","to":"919876543210","type":"text","text":{"body":"..."}}};
 *       {@code to} is the E.164 number without its {@code +}</td></tr>
 *   <tr><td>{@link DeliveryChannel#SMS}</td><td>{@code POST {base}/sms}</td>
 *       <td>{@code {"to":"+919876543210","message":"...","encoding":"UCS2"}}; {@code to} is the
 *       E.164 number with its {@code +}; {@code encoding} is {@code GSM7} or {@code UCS2}, as
 *       {@link SmsSegments#encodingOf(String)} says</td></tr>
 * </table>
 *
 * <p>Every request carries {@code Authorization: Bearer <token>}, {@code Content-Type:
 * application/json; charset=utf-8} and an {@value #IDEMPOTENCY_KEY} header holding the
 * notification's {@linkplain Notification#id() stable id}, so that the gateway drops a retried
 * delivery (see {@link #idempotencyKey(String)} for the rare id that must be escaped). The body is
 * UTF-8: Devanagari and emoji go through exactly.
 *
 * <p>The answer decides the outcome:
 *
 * <table>
 *   <caption>Outcomes</caption>
 *   <tr><th>answer</th><th>outcome</th></tr>
 *   <tr><td>2xx</td><td>delivered: {@link #send} returns</td></tr>
 *   <tr><td>408, 429, 5xx</td><td>a temporary {@link NotificationFailedException}: a retry with
 *       the same id may succeed</td></tr>
 *   <tr><td>any other status (400, 401, 403, 404, a redirect, ...)</td><td>a
 *       {@linkplain NotificationFailedException#permanent() permanent} one</td></tr>
 *   <tr><td>no connection, no answer within the request time-out, a broken connection</td>
 *       <td>temporary</td></tr>
 *   <tr><td>the sending thread interrupted</td><td>temporary; the thread's interrupt flag is set
 *       again</td></tr>
 * </table>
 *
 * <p>A failure's message names the HTTP status (or the transport failure), the endpoint and, when
 * the gateway answered with a JSON error such as {@code {"error":{"message":"..."}}}, its message
 * cut to {@value #MAX_QUOTED} characters; {@link NotificationFailedException} adds the
 * notification id. The bearer token never appears in a message, in {@link #toString()} or in a log
 * (this class logs nothing), even if the gateway echoes it back; nor do the recipient's number and
 * name, which are {@linkplain Masking#scrub masked} in a quoted gateway message.
 *
 * <pre>{@code
 * Notifier notifier = HttpNotifier.builder()
 *     .baseUri(URI.create("https://graph.facebook.com/v19.0/105954558954427"))
 *     .bearerToken(System.getenv("GATEWAY_TOKEN"))
 *     .requestTimeout(Duration.ofSeconds(5))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe: any number of threads may call {@link #send} at once, as
 * {@link Notifier} requires; {@link HttpClient} is thread-safe and the notifier keeps no other
 * state.
 */
public final class HttpNotifier implements Notifier {
  /** The request time-out unless the builder sets another: 10 seconds. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
  /** The header that carries the notification id, for the gateway to de-duplicate on. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  /** The most characters of a gateway's error message a failure quotes. */
  public static final int MAX_QUOTED = 200;

  /** Writes an emoji as its four UTF-8 bytes, not as an escaped surrogate pair. */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final URI baseUri;
  private final URI messagesUri;
  private final URI smsUri;
  private final String bearerToken;
  private final HttpClient client;
  private final Duration requestTimeout;

  private HttpNotifier(Builder b) {
    this.baseUri = b.baseUri;
    String base = b.baseUri.toString().replaceAll("/+$", "");
    this.messagesUri = URI.create(base + "/messages");
    this.smsUri = URI.create(base + "/sms");
    this.bearerToken = b.bearerToken;
    this.requestTimeout = b.requestTimeout;
    this.client = b.client != null
        ? b.client
        : HttpClient.newBuilder().connectTimeout(b.requestTimeout).build();
  }

  /**
   * A builder; {@link Builder#baseUri(URI)} and {@link Builder#bearerToken(String)} are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Posts the notification to the gateway and returns once the gateway accepted it (any 2xx).
   *
   * @param notification what to send, to whom and how
   * @throws NullPointerException if {@code notification} is {@code null}; nothing is sent
   * @throws NotificationFailedException if the gateway refused it, did not answer in time or could
   *     not be reached; {@link NotificationFailedException#permanent()} says whether a retry can
   *     help (see the class comment)
   */
  @Override
  public void send(Notification notification) {
    Objects.requireNonNull(notification, "notification");
    if (notification.channel() == DeliveryChannel.SOURCE) {
      // a source system's message is for its SourceAdapter (SourceAdapters.routing), never a phone
      throw new NotificationFailedException(notification.id(), true,
          "a message for a source system goes to its SourceAdapter, not to an SMS or WhatsApp gateway");
    }
    URI endpoint = endpointOf(notification.channel());
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .timeout(requestTimeout)
        .header("Authorization", "Bearer " + bearerToken)
        .header("Content-Type", "application/json; charset=utf-8")
        .header("Accept", "application/json")
        .header(IDEMPOTENCY_KEY, idempotencyKey(notification.id()))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body(notification)))
        .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpConnectTimeoutException e) {
      throw temporary(notification, "could not connect to " + endpoint + " within " + requestTimeout.toMillis() + " ms", e);
    } catch (HttpTimeoutException e) {
      throw temporary(notification, "no answer from POST " + endpoint + " within " + requestTimeout.toMillis() + " ms", e);
    } catch (ConnectException e) {
      throw temporary(notification, "could not connect to " + endpoint + " (" + e.getClass().getSimpleName() + ")", e);
    } catch (IOException e) {
      throw temporary(notification, "POST " + endpoint + " failed (" + e.getClass().getSimpleName() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw temporary(notification, "interrupted while waiting for POST " + endpoint, e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    String message = "HTTP " + status + " from POST " + endpoint
        + gatewayMessage(response.body(), m -> redact(m, notification)).map(m -> ": " + m).orElse("");
    throw new NotificationFailedException(notification.id(), !isRetryable(status), message);
  }

  /**
   * The gateway's base URI, as given to the builder.
   *
   * @return the base URI
   */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * How long one request may take, from sending it to the answer's headers.
   *
   * @return the request time-out
   */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * The base URI and time-out; never the token.
   *
   * @return a description for logs
   */
  @Override
  public String toString() {
    return "HttpNotifier[" + baseUri + ", timeout " + requestTimeout.toMillis() + " ms]";
  }

  /**
   * The {@value #IDEMPOTENCY_KEY} header value for a notification id: the id itself when it is all
   * visible ASCII without {@code %} (every id Nivaran makes is), else the id with each UTF-8 byte
   * outside that range, and each {@code %}, written as {@code %XX}. A header can carry only a few
   * characters safely; this keeps one id to one key.
   *
   * @param notificationId a {@link Notification#id()}
   * @return the header value
   */
  public static String idempotencyKey(String notificationId) {
    Objects.requireNonNull(notificationId, "notificationId");
    if (notificationId.chars().allMatch(HttpNotifier::isPlain)) {
      return notificationId;
    }
    StringBuilder key = new StringBuilder();
    for (byte b : notificationId.getBytes(StandardCharsets.UTF_8)) {
      int u = b & 0xFF;
      if (isPlain(u)) {
        key.append((char) u);
      } else {
        key.append('%').append(HEX[u >> 4]).append(HEX[u & 0xF]);
      }
    }
    return key.toString();
  }

  private static boolean isPlain(int c) {
    return c > 0x20 && c < 0x7F && c != '%';
  }

  /** 408 Request Timeout and 429 Too Many Requests may pass; so may any 5xx. */
  private static boolean isRetryable(int status) {
    return status == 408 || status == 429 || (status >= 500 && status < 600);
  }

  private URI endpointOf(DeliveryChannel channel) {
    return switch (channel) {
      case WHATSAPP -> messagesUri;
      case SMS -> smsUri;
      case SOURCE -> throw new IllegalArgumentException("no gateway endpoint for a source system's message");
    };
  }

  /** The request body: a switch without a default, so a new channel fails to compile here. */
  private static byte[] body(Notification n) {
    ObjectNode json = JSON.createObjectNode();
    switch (n.channel()) {
      case WHATSAPP -> {
        json.put("messaging_product", "whatsapp");
        json.put("to", n.recipient().phone().e164().substring(1));
        json.put("type", "text");
        json.putObject("text").put("body", n.body());
      }
      case SMS -> {
        json.put("to", n.recipient().phone().e164());
        json.put("message", n.body());
        json.put("encoding", wireName(SmsSegments.encodingOf(n.body())));
      }
      case SOURCE -> throw new IllegalArgumentException("no gateway body for a source system's message");
    }
    try {
      return JSON.writeValueAsBytes(json); // UTF-8
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree of strings could not be written", e);
    }
  }

  private static String wireName(SmsEncoding encoding) {
    return switch (encoding) {
      case GSM_7 -> "GSM7";
      case UCS_2 -> "UCS2";
    };
  }

  /**
   * The short message of a JSON error body: {@code error.message} (the WhatsApp Cloud API's
   * form), a textual {@code error}, {@code message}, {@code detail} or {@code title} (RFC 9457),
   * on one line and cut short; empty for a body that is not such JSON.
   */
  static Optional<String> gatewayMessage(String body) {
    return gatewayMessage(body, UnaryOperator.identity());
  }

  /** The short message of a JSON error body as above, {@code redact}ed before it is cut short. */
  static Optional<String> gatewayMessage(String body, UnaryOperator<String> redact) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException notJson) {
      return Optional.empty();
    }
    if (root == null || !root.isObject()) {
      return Optional.empty();
    }
    JsonNode error = root.path("error");
    for (JsonNode candidate : new JsonNode[] {
        error.path("message"), error, root.path("message"), root.path("detail"), root.path("title")}) {
      if (candidate.isTextual() && !candidate.asText().isBlank()) {
        return Optional.of(shorten(redact.apply(candidate.asText())));
      }
    }
    return Optional.empty();
  }

  private static String shorten(String text) {
    String line = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    if (line.codePointCount(0, line.length()) <= MAX_QUOTED) {
      return line;
    }
    return line.substring(0, line.offsetByCodePoints(0, MAX_QUOTED - 3)) + "...";
  }

  /**
   * Blanks the token out of text the gateway sent, should it echo the request back, and masks the
   * recipient's number and name (a gateway's "invalid recipient 919876543210", say).
   */
  private String redact(String text, Notification n) {
    return Masking.scrub(text.replace(bearerToken, "[token]"), n.recipient().phone(), n.recipient().name());
  }

  private static NotificationFailedException temporary(Notification n, String message, Throwable cause) {
    return new NotificationFailedException(n.id(), false, message, cause);
  }

  /**
   * Builds an {@link HttpNotifier}; {@link #build()} copies what was set, so the builder may be
   * reused. Not thread-safe.
   */
  public static final class Builder {
    private URI baseUri;
    private String bearerToken;
    private HttpClient client;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

    private Builder() {}

    /**
     * The gateway's base URI; requests go to {@code {base}/messages} (WhatsApp) and
     * {@code {base}/sms} (SMS). For the WhatsApp Cloud API that is
     * {@code https://graph.facebook.com/<version>/<phone-number-id>}. Required.
     *
     * @param baseUri an absolute {@code http} or {@code https} URI without user info, query or
     *     fragment; a trailing {@code /} is ignored
     * @return this builder
     * @throws IllegalArgumentException if the URI is not of that form
     */
    public Builder baseUri(URI baseUri) {
      Objects.requireNonNull(baseUri, "baseUri");
      String scheme = baseUri.getScheme();
      if (!baseUri.isAbsolute() || baseUri.isOpaque() || baseUri.getHost() == null
          || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
        throw new IllegalArgumentException("baseUri must be an absolute http or https URI with a host (was '" + baseUri + "')");
      }
      if (baseUri.getRawUserInfo() != null || baseUri.getRawQuery() != null || baseUri.getRawFragment() != null) {
        // user info would put a credential into every error message; the token goes in bearerToken
        throw new IllegalArgumentException("baseUri must have no user info, query or fragment (was '"
            + baseUri.getScheme() + "://" + baseUri.getHost() + "...')");
      }
      this.baseUri = baseUri;
      return this;
    }

    /**
     * The token sent as {@code Authorization: Bearer <token>}. Required. It is never logged nor
     * put into a message, and this method's errors do not quote it.
     *
     * @param bearerToken the token: not blank, no white space or control characters
     * @return this builder
     * @throws IllegalArgumentException if it is blank or holds white space or control characters
     */
    public Builder bearerToken(String bearerToken) {
      Objects.requireNonNull(bearerToken, "bearerToken");
      if (bearerToken.isEmpty()) {
        throw new IllegalArgumentException("bearerToken must not be blank");
      }
      if (!bearerToken.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
        throw new IllegalArgumentException(
            "bearerToken must be visible ASCII, without white space or control characters (value not shown)");
      }
      this.bearerToken = bearerToken;
      return this;
    }

    /**
     * The client to send with, e.g. one with a proxy, an {@code SSLContext} or an executor of the
     * host's; by default a new client with the request time-out as its connect time-out. The
     * client's own redirect policy applies; the default follows none, and a redirect is then a
     * permanent failure.
     *
     * @param client the client
     * @return this builder
     */
    public Builder httpClient(HttpClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * How long one request may take, from sending it to the answer's headers; past it the
     * delivery fails as temporary. {@link HttpNotifier#DEFAULT_REQUEST_TIMEOUT} (10 seconds) by
     * default.
     *
     * @param requestTimeout positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder requestTimeout(Duration requestTimeout) {
      Objects.requireNonNull(requestTimeout, "requestTimeout");
      if (requestTimeout.isNegative() || requestTimeout.isZero()) {
        throw new IllegalArgumentException("requestTimeout must be positive (was " + requestTimeout + ")");
      }
      this.requestTimeout = requestTimeout;
      return this;
    }

    /**
     * Builds the notifier.
     *
     * @return a new notifier
     * @throws IllegalStateException if the base URI or the token is missing
     */
    public HttpNotifier build() {
      if (baseUri == null) {
        throw new IllegalStateException("baseUri is required");
      }
      if (bearerToken == null) {
        throw new IllegalStateException("bearerToken is required");
      }
      return new HttpNotifier(this);
    }
  }
}
