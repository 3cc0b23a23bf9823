package org.nivaran.grievance.jdbc;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.nivaran.grievance.complaint.ComplaintId;

/**
 * What an audit of one complaint's rows found ({@link JdbcComplaintStore#verifyLog},
 * {@link StoreAudit}): each alteration, named by its {@link Alteration kind}, with the event row
 * it is at.
 *
 * <p>Immutable and thread-safe.
 *
 * @param complaintId the complaint
 * @param eventsChecked how many event rows were read
 * @param findings the alterations found, in the order of the rows; empty if every row is intact
 */
public record LogVerification(ComplaintId complaintId, long eventsChecked, List<Finding> findings) {
  /**
   * A kind of alteration. The first group is found on an event row by the hash chain, the second
   * on an event row's columns against its hashed payload, the third on the other tables.
   */
  public enum Alteration {
    /** A row's payload (or its sequence or type as hashed) is not what was written: its hash does not match. */
    PAYLOAD,
    /** A row's hash column was changed; its content is intact (the next row, or the head, still links to the original). */
    HASH,
    /** A row's {@code prev_hash} does not link to the previous row's hash. */
    LINK,
    /**
     * A row names a key the store was not given, names none where the store signs its rows, or
     * names one where the store was given none; its hash cannot be checked.
     */
    KEY,
    /** Rows are missing before the last, or the complaint's row is missing while its events remain. */
    DELETION,
    /** A row is beyond the complaint's version, or holds another complaint's event. */
    INSERTION,
    /** A row holds the event of another position in the log (its payload's sequence is not the row's). */
    REORDER,
    /** The last rows are missing: the complaint's version says there are more. */
    TRUNCATION,
    /** The complaint row's {@code head_hash} is not the hash of its last event. */
    HEAD,
    /** A row's {@code occurred_at} is not the instant its payload holds. */
    TIME,
    /** A row's {@code type} is not the type of the event its payload holds. */
    TYPE,
    /**
     * A row's grading marks ({@code status_after}, {@code post_code}, {@code department_code},
     * {@code level}, {@code clock_changed}, {@code deadline_at}) are not what its payload says.
     */
    MARKS,
    /**
     * The complaint row's {@code state} is not the replay of its log, or an indexed column
     * (status, post, deadline, flags...) is not what that state says.
     */
    STATE,
    /** The idempotency row of the registration's key is missing, points elsewhere, or has another fingerprint. */
    IDEMPOTENCY,
    /** An outbox row refers to a complaint or event that is not stored. */
    OUTBOX,
    /**
     * The complaint's rows are filed under another tenant than its registration (which the hash
     * chain covers) names.
     */
    TENANT,
    /**
     * The complaint's rows in {@code nivaran_reference} are not the external references its state
     * holds, or a reference row names a complaint that is not stored.
     */
    REFERENCE
  }

  /**
   * One alteration.
   *
   * @param alteration its kind
   * @param sequence the event row it is at; empty for the complaint's own row and the other tables
   * @param detail what is wrong, for a human reader (no payload text, no key)
   */
  public record Finding(Alteration alteration, Optional<Long> sequence, String detail) {
    /**
     * Checks the fields.
     *
     * @param alteration its kind
     * @param sequence the event row it is at, or empty
     * @param detail what is wrong
     */
    public Finding {
      Objects.requireNonNull(alteration, "alteration");
      Objects.requireNonNull(sequence, "sequence");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
      return alteration + sequence.map(s -> " at " + s).orElse("") + ": " + detail;
    }
  }

  /**
   * Checks the fields and copies the list.
   *
   * @param complaintId the complaint
   * @param eventsChecked how many rows were read
   * @param findings the alterations found
   */
  public LogVerification {
    Objects.requireNonNull(complaintId, "complaintId");
    findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
  }

  /**
   * Whether nothing was found: every row is as it was written and none is missing.
   *
   * @return true if intact
   */
  public boolean intact() {
    return findings.isEmpty();
  }

  /**
   * The kinds of alteration found.
   *
   * @return the kinds; empty if intact
   */
  public Set<Alteration> alterations() {
    Set<Alteration> kinds = EnumSet.noneOf(Alteration.class);
    findings.forEach(f -> kinds.add(f.alteration()));
    return kinds;
  }

  /**
   * The lowest event sequence a finding is at.
   *
   * @return the sequence; empty if intact or if only the complaint's row or other tables were altered
   */
  public Optional<Long> firstBadSequence() {
    return findings.stream().flatMap(f -> f.sequence().stream()).min(Comparator.naturalOrder());
  }

  /**
   * Every finding's detail, for a human reader.
   *
   * @return the details, separated by {@code "; "}; empty if intact
   */
  public Optional<String> problem() {
    return intact() ? Optional.empty()
        : Optional.of(findings.stream().map(Finding::detail).collect(Collectors.joining("; ")));
  }
}
