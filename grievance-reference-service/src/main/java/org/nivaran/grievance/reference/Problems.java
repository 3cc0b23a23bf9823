package org.nivaran.grievance.reference;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.calendar.UnknownCalendarException;
import org.nivaran.grievance.complaint.ActorNotPermittedException;
import org.nivaran.grievance.complaint.IllegalTransitionException;
import org.nivaran.grievance.complaint.SamePriorityException;
import org.nivaran.grievance.directory.AdditionalChargeRefusedException;
import org.nivaran.grievance.directory.BlockedNumberException;
import org.nivaran.grievance.directory.InvalidRowException;
import org.nivaran.grievance.directory.NoRouteException;
import org.nivaran.grievance.json.JsonReadException;
import org.nivaran.grievance.notify.NotificationFailedException;
import org.nivaran.grievance.notify.TemplateFileException;
import org.nivaran.grievance.observe.Refusals;
import org.nivaran.grievance.policy.CallerLimitReachedException;
import org.nivaran.grievance.policy.ReopenRefusedException;
import org.nivaran.grievance.store.ComplaintNotFoundException;
import org.nivaran.grievance.store.DuplicateComplaintIdException;
import org.nivaran.grievance.store.DuplicateReferenceException;
import org.nivaran.grievance.store.IdempotencyConflictException;
import org.nivaran.grievance.store.StaleVersionException;
import org.nivaran.grievance.tenant.CrossTenantException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as {@code application/problem+json} (RFC 9457, Spring's {@link ProblemDetail}),
 * with the refusal's {@code rule} and {@code field} as extra members. The {@code rule} is exactly
 * the name the starter's metrics give the exception (core's {@code Refusals.rule}), for every one of
 * core's exceptions: an {@link ActorNotPermittedException}'s {@code AccessRule}; for another of the
 * refusals the metrics count ({@code Refusals.isRefusal}) the simple name without {@code Exception} in
 * upper snake case ({@code IllegalTransitionException} is {@code ILLEGAL_TRANSITION}); for any other,
 * which the metrics count as a failure, the simple class name itself
 * ({@code DuplicateComplaintIdException}), so a dashboard and an answer name it alike. Every subclass
 * of {@link GrievanceException} in Nivaran's core has a deliberate status:
 *
 * <table>
 *   <caption>Refusals</caption>
 *   <tr><th>refusal</th><th>status</th><th>rule</th><th>field</th></tr>
 *   <tr><td>{@link InvalidInputException}; an unreadable body</td><td>400</td><td>{@code INVALID_INPUT}</td>
 *       <td>its field; {@code body}</td></tr>
 *   <tr><td>no or an unknown bearer token</td><td>401</td><td>{@code BEARER_TOKEN_REQUIRED}</td><td>-</td></tr>
 *   <tr><td>{@link ActorNotPermittedException}</td><td>403</td><td>its {@code AccessRule}</td><td>-</td></tr>
 *   <tr><td>{@link ReopenRefusedException}</td><td>403</td><td>{@code REOPEN_REFUSED} (member {@code reason})</td><td>-</td></tr>
 *   <tr><td>{@link BlockedNumberException}, {@link CallerLimitReachedException}</td><td>403</td>
 *       <td>{@code BLOCKED_NUMBER}, {@code CALLER_LIMIT_REACHED}</td><td>{@code citizen.phone}</td></tr>
 *   <tr><td>{@link AdditionalChargeRefusedException}</td><td>403</td><td>{@code AdditionalChargeRefusedException}
 *       (403 since the caller lacks the authority, though the metrics count it as a failure: it is not
 *       refused by a registration or a command)</td><td>-</td></tr>
 *   <tr><td>{@link ServiceRefusal}</td><td>its own</td><td>its own</td><td>its own</td></tr>
 *   <tr><td>{@link ComplaintNotFoundException}</td><td>404</td><td>{@code COMPLAINT_NOT_FOUND}</td><td>-</td></tr>
 *   <tr><td>{@link StaleVersionException}</td><td>409</td><td>{@code STALE_VERSION}</td><td>{@code version}</td></tr>
 *   <tr><td>{@link IllegalTransitionException}</td><td>409</td><td>{@code ILLEGAL_TRANSITION}</td><td>-</td></tr>
 *   <tr><td>{@link IdempotencyConflictException}, {@link DuplicateReferenceException},
 *       {@link SamePriorityException}</td><td>409</td>
 *       <td>{@code IDEMPOTENCY_CONFLICT}, {@code DUPLICATE_REFERENCE}, {@code SAME_PRIORITY}</td>
 *       <td>{@code idempotencyKey}, -, {@code to}</td></tr>
 *   <tr><td>{@link NoRouteException}</td><td>422</td><td>{@code NO_ROUTE}</td><td>{@code jurisdictionCode}</td></tr>
 *   <tr><td>{@link DuplicateComplaintIdException}</td><td>503</td><td>{@code DuplicateComplaintIdException}</td>
 *       <td>- (may be retried)</td></tr>
 *   <tr><td>{@link CrossTenantException}, {@link UnknownCalendarException}, {@link TemplateFileException},
 *       {@link InvalidRowException}, {@link JsonReadException}, {@link NotificationFailedException},
 *       a malformed CSV file</td><td>500</td><td>{@code CROSS_TENANT}; the class's simple name
 *       ({@code UnknownCalendarException}, ..., {@code MalformedCsvException})</td>
 *       <td>- (a fault of the service's set-up: retrying will not help)</td></tr>
 *   <tr><td>any other exception</td><td>500</td><td>{@code INTERNAL}</td><td>- (may be retried)</td></tr>
 * </table>
 *
 * <p>No answer carries a stack trace; a refusal about a citizen's number names the field and
 * never the number (the detail of such refusals is written here, not taken from the exception),
 * and a failure is logged with its class only and answered with a fixed text.
 * Thread-safe: stateless.
 */
@RestControllerAdvice
public class Problems extends ResponseEntityExceptionHandler {
  /** The prefix of the problems' {@code type} URIs. */
  public static final String TYPE_BASE = "https://nivaran.org/problems/";

  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private static final String SET_UP_FAULT = "the service's set-up is at fault; retrying will not help";

  /** How each of core's exceptions is answered, by class name. */
  private static final Map<String, Function<GrievanceException, Answer>> ANSWERS = Map.ofEntries(
      answer(InvalidInputException.class, e -> new Answer(HttpStatus.BAD_REQUEST,
          e.field().toLowerCase(Locale.ROOT).contains("phone") ? e.field() + " is not a valid phone number"
              : e.getMessage(), e.field())),
      answer(ActorNotPermittedException.class, e -> new Answer(HttpStatus.FORBIDDEN, e.getMessage(), null)),
      answer(ReopenRefusedException.class, e -> new Answer(HttpStatus.FORBIDDEN, e.getMessage(), null)
          .with("reason", e.reason().name())),
      answer(BlockedNumberException.class, e -> new Answer(HttpStatus.FORBIDDEN,
          "the citizen's number is blocked from registering", e.field())),
      answer(CallerLimitReachedException.class, e -> new Answer(HttpStatus.FORBIDDEN,
          "the citizen's number has registered " + e.limit() + " complaints in the period; it may register again from "
              + e.mayRegisterAgainAt(), e.field())),
      answer(AdditionalChargeRefusedException.class, e -> new Answer(HttpStatus.FORBIDDEN,
          "the caller may not change the additional charge of " + e.post(), null)),
      answer(ComplaintNotFoundException.class, e -> new Answer(HttpStatus.NOT_FOUND,
          "no complaint " + e.complaintId(), null)),
      answer(StaleVersionException.class, e -> new Answer(HttpStatus.CONFLICT, e.getMessage(), "version")
          .with("currentVersion", e.actualVersion())),
      answer(IllegalTransitionException.class, e -> new Answer(HttpStatus.CONFLICT, e.getMessage(), null)
          .with("complaintStatus", e.status().name())),
      answer(IdempotencyConflictException.class, e -> new Answer(HttpStatus.CONFLICT,
          "the idempotency key was used for complaint " + e.existing() + " with a different request", "idempotencyKey")),
      answer(DuplicateReferenceException.class, e -> new Answer(HttpStatus.CONFLICT, e.getMessage(), null)),
      answer(SamePriorityException.class, e -> new Answer(HttpStatus.CONFLICT, e.getMessage(), "to")),
      answer(NoRouteException.class, e -> new Answer(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(), "jurisdictionCode")),
      answer(DuplicateComplaintIdException.class, e -> new Answer(HttpStatus.SERVICE_UNAVAILABLE,
          "the complaint number issued was taken already; nothing was stored and the request may be retried", null)),
      answer(CrossTenantException.class, e -> new Answer(HttpStatus.INTERNAL_SERVER_ERROR,
          "the store answered with another tenant's complaint; it was refused and nothing was done; " + SET_UP_FAULT,
          null)),
      answer(UnknownCalendarException.class, e -> fault("a calendar the service needs is not configured")),
      answer(TemplateFileException.class, e -> fault("a notification template file is malformed")),
      answer(InvalidRowException.class, e -> fault("a configuration file of the service has an invalid row")),
      answer(JsonReadException.class, e -> fault("a JSON document of the service could not be read")),
      answer(NotificationFailedException.class, e -> fault("a notification could not be sent")),
      Map.entry("org.nivaran.grievance.internal.Csv$MalformedCsvException",
          e -> fault("a CSV file of the service is malformed")));

  /** Created by Spring. */
  public Problems() {}

  /**
   * One of Nivaran's refusals or failures, answered as the table above says.
   *
   * @param e the exception
   * @return the problem
   */
  @ExceptionHandler(GrievanceException.class)
  public ResponseEntity<ProblemDetail> refused(GrievanceException e) {
    Function<GrievanceException, Answer> how = ANSWERS.get(e.getClass().getName());
    if (how == null) {
      return unexpected(e);
    }
    Answer a = how.apply(e);
    if (a.status().is5xxServerError()) {
      LOG.error("{} answered as {}", e.getClass().getName(), a.status().value());
    }
    ResponseEntity<ProblemDetail> r = problem(a.status(), a.detail(), Refusals.rule(e), a.field());
    a.extras().forEach(r.getBody()::setProperty);
    return r;
  }

  /**
   * The service's own refusals; a 401 with {@code WWW-Authenticate: Bearer}.
   *
   * @param e the refusal
   * @return the problem
   */
  @ExceptionHandler(ServiceRefusal.class)
  public ResponseEntity<ProblemDetail> refused(ServiceRefusal e) {
    ResponseEntity<ProblemDetail> r = problem(e.status(), e.getMessage(), e.rule(), e.field().orElse(null));
    if (e.status() == HttpStatus.UNAUTHORIZED) {
      return ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders())
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").body(r.getBody());
    }
    return r;
  }

  /**
   * Any other failure: 500 with a fixed text; logged by class only, since an unexpected message may
   * hold personal data.
   *
   * @param e the failure
   * @return the problem
   */
  @ExceptionHandler(RuntimeException.class)
  public ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
    LOG.error("unexpected {} answered as 500", e.getClass().getName());
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "the request failed; it may be retried", "INTERNAL", null);
  }

  /**
   * Spring's own 4xx (an unreadable body, a missing parameter) as problems with a rule, and an
   * unreadable body without the parser's message, which may quote the input.
   *
   * @param ex the exception
   * @param body Spring's problem
   * @param headers the headers
   * @param statusCode the status
   * @param request the request
   * @return the answer
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    ResponseEntity<Object> r = super.handleExceptionInternal(ex, body, headers, statusCode, request);
    if (r != null && r.getBody() instanceof ProblemDetail p) {
      p.setProperty("rule", statusCode.is4xxClientError() ? "INVALID_INPUT" : "INTERNAL");
      if (ex instanceof HttpMessageNotReadableException) {
        p.setDetail("the request body is not a JSON document of the expected shape");
        p.setProperty("field", "body");
      }
    }
    return r;
  }

  /**
   * Whether a class of Nivaran's exceptions has a deliberate answer here.
   *
   * @param type the class
   * @return true if the table maps it
   */
  static boolean isMapped(Class<?> type) {
    return ANSWERS.containsKey(type.getName());
  }

  /**
   * The 401 problem for a request without a known bearer token.
   *
   * @param detail what the caller must send
   * @return the problem, rule {@code BEARER_TOKEN_REQUIRED}
   */
  static ProblemDetail unauthenticated(String detail) {
    return detail(HttpStatus.UNAUTHORIZED, detail, "BEARER_TOKEN_REQUIRED", null);
  }

  private static <E extends GrievanceException> Map.Entry<String, Function<GrievanceException, Answer>> answer(
      Class<E> type, Function<E, Answer> how) {
    return Map.entry(type.getName(), e -> how.apply(type.cast(e)));
  }

  private static Answer fault(String what) {
    return new Answer(HttpStatus.INTERNAL_SERVER_ERROR, what + "; " + SET_UP_FAULT, null);
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String detail, String rule, String field) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(detail(status, detail, rule, field));
  }

  private static ProblemDetail detail(HttpStatusCode status, String detail, String rule, String field) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    String[] kind = switch (status.value()) {
      case 400 -> new String[] {"invalid-input", "Invalid input"};
      case 401 -> new String[] {"unauthenticated", "Unauthenticated"};
      case 403 -> new String[] {"not-permitted", "Not permitted"};
      case 404 -> new String[] {"not-found", "Not found"};
      case 409 -> new String[] {"conflict", "Conflict"};
      case 422 -> new String[] {"unprocessable", "Cannot be processed"};
      case 503 -> new String[] {"unavailable", "Unavailable"};
      default -> new String[] {"internal", "Internal error"};
    };
    p.setType(URI.create(TYPE_BASE + kind[0]));
    p.setTitle(kind[1]);
    p.setProperty("rule", rule);
    if (field != null) {
      p.setProperty("field", field);
    }
    return p;
  }

  /** How one exception is answered: the status, the detail, the field and any extra members. */
  private record Answer(HttpStatus status, String detail, String field, Map<String, Object> extras) {
    Answer(HttpStatus status, String detail, String field) {
      this(status, detail, field, Map.of());
    }

    Answer with(String name, Object value) {
      Map<String, Object> more = new java.util.LinkedHashMap<>(extras);
      more.put(name, value);
      return new Answer(status, detail, field, more);
    }
  }
}
