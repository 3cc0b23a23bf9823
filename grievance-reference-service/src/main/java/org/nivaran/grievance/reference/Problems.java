package org.nivaran.grievance.reference;

import java.net.URI;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.complaint.ActorNotPermittedException;
import org.nivaran.grievance.complaint.IllegalTransitionException;
import org.nivaran.grievance.complaint.SamePriorityException;
import org.nivaran.grievance.directory.BlockedNumberException;
import org.nivaran.grievance.policy.CallerLimitReachedException;
import org.nivaran.grievance.policy.ReopenRefusedException;
import org.nivaran.grievance.store.ComplaintNotFoundException;
import org.nivaran.grievance.store.DuplicateReferenceException;
import org.nivaran.grievance.store.IdempotencyConflictException;
import org.nivaran.grievance.store.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as {@code application/problem+json} (RFC 9457, Spring's {@link ProblemDetail}),
 * with the typed refusal's {@code rule} and {@code field} as extra members:
 *
 * <table>
 *   <caption>Refusals</caption>
 *   <tr><th>refusal</th><th>status</th><th>rule</th><th>field</th></tr>
 *   <tr><td>{@link InvalidInputException}</td><td>400</td><td>{@code INVALID_INPUT}</td><td>its field</td></tr>
 *   <tr><td>unreadable body (not JSON, a wrong type)</td><td>400</td><td>{@code INVALID_INPUT}</td><td>{@code body}</td></tr>
 *   <tr><td>{@link ActorNotPermittedException}</td><td>403</td><td>its {@code AccessRule}</td><td>-</td></tr>
 *   <tr><td>{@link ReopenRefusedException}</td><td>403</td><td>{@code REOPEN_} and its reason</td><td>-</td></tr>
 *   <tr><td>{@link BlockedNumberException}, {@link CallerLimitReachedException}</td><td>403</td>
 *       <td>{@code BLOCKED_NUMBER}, {@code CALLER_LIMIT}</td><td>{@code citizen.phone}</td></tr>
 *   <tr><td>{@link ServiceRefusal}</td><td>its own</td><td>its own</td><td>its own</td></tr>
 *   <tr><td>{@link ComplaintNotFoundException}</td><td>404</td><td>{@code COMPLAINT_NOT_FOUND}</td><td>-</td></tr>
 *   <tr><td>{@link StaleVersionException}</td><td>409</td><td>{@code STALE_VERSION}</td><td>{@code version}</td></tr>
 *   <tr><td>{@link IllegalTransitionException}</td><td>409</td><td>{@code TRANSITION_NOT_ALLOWED}</td><td>-</td></tr>
 *   <tr><td>{@link IdempotencyConflictException}, {@link DuplicateReferenceException}</td><td>409</td>
 *       <td>{@code IDEMPOTENCY_CONFLICT}, {@code DUPLICATE_REFERENCE}</td><td>{@code idempotencyKey}, -</td></tr>
 *   <tr><td>any other exception</td><td>500</td><td>{@code INTERNAL}</td><td>-</td></tr>
 * </table>
 *
 * <p>No answer carries a stack trace; a refusal about a citizen's number names the field and
 * never the number (the detail of such refusals is written here, not taken from the exception),
 * and an unexpected failure is logged with its class only and answered with a fixed text.
 * Thread-safe: stateless.
 */
@RestControllerAdvice
public class Problems extends ResponseEntityExceptionHandler {
  /** The prefix of the problems' {@code type} URIs. */
  public static final String TYPE_BASE = "https://nivaran.org/problems/";

  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  /** Created by Spring. */
  public Problems() {}

  /**
   * Bad input: 400, naming the field.
   *
   * @param e the refusal
   * @return the problem
   */
  @ExceptionHandler(InvalidInputException.class)
  public ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
    String detail = e.field().toLowerCase(java.util.Locale.ROOT).contains("phone")
        ? e.field() + " is not a valid phone number" : e.getMessage();
    return problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail, "INVALID_INPUT", e.field());
  }

  /**
   * A rule of who may act refused the caller: 403, naming the rule.
   *
   * @param e the refusal
   * @return the problem
   */
  @ExceptionHandler(ActorNotPermittedException.class)
  public ResponseEntity<ProblemDetail> notPermitted(ActorNotPermittedException e) {
    return problem(HttpStatus.FORBIDDEN, "not-permitted", "Not permitted", e.getMessage(), e.rule().name(), null);
  }

  /**
   * A reopening the verification policy refuses: 403.
   *
   * @param e the refusal
   * @return the problem
   */
  @ExceptionHandler(ReopenRefusedException.class)
  public ResponseEntity<ProblemDetail> reopenRefused(ReopenRefusedException e) {
    return problem(HttpStatus.FORBIDDEN, "not-permitted", "Not permitted", e.getMessage(), "REOPEN_" + e.reason(), null);
  }

  /**
   * A blocked number: 403 on {@code citizen.phone}, without the number.
   *
   * @param e the refusal
   * @return the problem
   */
  @ExceptionHandler(BlockedNumberException.class)
  public ResponseEntity<ProblemDetail> blocked(BlockedNumberException e) {
    return problem(HttpStatus.FORBIDDEN, "not-permitted", "Not permitted",
        "the citizen's number is blocked from registering", "BLOCKED_NUMBER", e.field());
  }

  /**
   * The caller-limit policy's refusal: 403 on {@code citizen.phone}, without the number.
   *
   * @param e the refusal
   * @return the problem
   */
  @ExceptionHandler(CallerLimitReachedException.class)
  public ResponseEntity<ProblemDetail> callerLimit(CallerLimitReachedException e) {
    return problem(HttpStatus.FORBIDDEN, "not-permitted", "Not permitted",
        "the citizen's number has registered " + e.limit() + " complaints in the period; it may register again from "
            + e.mayRegisterAgainAt(), "CALLER_LIMIT", e.field());
  }

  /**
   * The service's own refusals.
   *
   * @param e the refusal
   * @return the problem
   */
  @ExceptionHandler(ServiceRefusal.class)
  public ResponseEntity<ProblemDetail> refused(ServiceRefusal e) {
    String type = e.status() == HttpStatus.NOT_FOUND ? "not-found" : "not-permitted";
    return problem(e.status(), type, e.status() == HttpStatus.NOT_FOUND ? "Not found" : "Not permitted",
        e.getMessage(), e.rule(), e.field().orElse(null));
  }

  /**
   * No such complaint: 404.
   *
   * @param e the refusal
   * @return the problem
   */
  @ExceptionHandler(ComplaintNotFoundException.class)
  public ResponseEntity<ProblemDetail> notFound(ComplaintNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "no complaint " + e.complaintId(),
        "COMPLAINT_NOT_FOUND", null);
  }

  /**
   * The complaint moved on since the caller read it: 409, reload and decide again.
   *
   * @param e the refusal
   * @return the problem
   */
  @ExceptionHandler(StaleVersionException.class)
  public ResponseEntity<ProblemDetail> stale(StaleVersionException e) {
    ResponseEntity<ProblemDetail> r = problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage(),
        "STALE_VERSION", "version");
    r.getBody().setProperty("currentVersion", e.actualVersion());
    return r;
  }

  /**
   * A command not allowed in the complaint's status: 409.
   *
   * @param e the refusal
   * @return the problem
   */
  @ExceptionHandler(IllegalTransitionException.class)
  public ResponseEntity<ProblemDetail> transition(IllegalTransitionException e) {
    ResponseEntity<ProblemDetail> r = problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage(),
        "TRANSITION_NOT_ALLOWED", null);
    r.getBody().setProperty("complaintStatus", e.status().name());
    return r;
  }

  /**
   * An idempotency key used for another request: 409.
   *
   * @param e the refusal
   * @return the problem
   */
  @ExceptionHandler(IdempotencyConflictException.class)
  public ResponseEntity<ProblemDetail> idempotency(IdempotencyConflictException e) {
    return problem(HttpStatus.CONFLICT, "conflict", "Conflict",
        "the idempotency key was used for complaint " + e.existing() + " with a different request",
        "IDEMPOTENCY_CONFLICT", "idempotencyKey");
  }

  /**
   * An external reference another complaint holds: 409.
   *
   * @param e the refusal
   * @return the problem
   */
  @ExceptionHandler(DuplicateReferenceException.class)
  public ResponseEntity<ProblemDetail> duplicateReference(DuplicateReferenceException e) {
    return problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage(), "DUPLICATE_REFERENCE", null);
  }

  /**
   * A priority set to what it is: 409.
   *
   * @param e the refusal
   * @return the problem
   */
  @ExceptionHandler(SamePriorityException.class)
  public ResponseEntity<ProblemDetail> samePriority(SamePriorityException e) {
    return problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage(), "SAME_PRIORITY", "to");
  }

  /**
   * Any other refusal of Nivaran's, or a failure: 500 with a fixed text; logged by class only, since
   * an unexpected message may hold personal data.
   *
   * @param e the failure
   * @return the problem
   */
  @ExceptionHandler({GrievanceException.class, RuntimeException.class})
  public ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
    LOG.error("unexpected {} answered as 500", e.getClass().getName());
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
        "the request failed; it may be retried", "INTERNAL", null);
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

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail,
      String rule, String field) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create(TYPE_BASE + type));
    p.setTitle(title);
    p.setProperty("rule", rule);
    if (field != null) {
      p.setProperty("field", field);
    }
    return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(p);
  }
}
