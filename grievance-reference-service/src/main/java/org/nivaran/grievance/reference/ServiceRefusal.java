package org.nivaran.grievance.reference;

import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * A refusal by the service itself rather than by Nivaran (an officer asking for another officer's
 * work list, a status lookup that finds nothing), answered by {@link Problems} as a problem with
 * this status, rule and field. Its message never holds a phone number.
 *
 * <p>Immutable and thread-safe.
 */
public final class ServiceRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @serial the HTTP status. */
  private final HttpStatus status;
  /** @serial the rule. */
  private final String rule;
  /** @serial the field, or null. */
  private final String field;

  /**
   * A refusal.
   *
   * @param status the HTTP status to answer with
   * @param rule the rule refused by, e.g. {@code OWN_WORK_LIST_ONLY}
   * @param field the request field concerned, or null
   * @param detail what happened, for a person; no personal data
   */
  public ServiceRefusal(HttpStatus status, String rule, String field, String detail) {
    super(detail, null, false, false);
    this.status = Objects.requireNonNull(status, "status");
    this.rule = Objects.requireNonNull(rule, "rule");
    this.field = field;
  }

  /**
   * The HTTP status.
   *
   * @return the status
   */
  public HttpStatus status() {
    return status;
  }

  /**
   * The rule refused by.
   *
   * @return the rule
   */
  public String rule() {
    return rule;
  }

  /**
   * The request field concerned.
   *
   * @return the field, if any
   */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }
}
