package org.nivaran.grievance.examples.open311;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.nivaran.grievance.actor.Masking;

/**
 * What {@link Open311UpdateAdapter} hands its sender: a GeoReport v2 service request's new state,
 * the fields a {@code GET requests} element carries for it ({@code service_request_id},
 * {@code status}, {@code status_notes}, {@code updated_datetime}), plus the Nivaran message id for
 * the receiver to drop a repeated delivery.
 *
 * <p>{@link #toString()} gives the notes as their length only. Immutable and thread-safe.
 *
 * @param messageId the stable id of the message, the same on a repeated delivery
 * @param serviceRequestId the Open311 server's id for the request
 * @param status {@code open} or {@code closed}
 * @param statusNotes the action-taken reply, or what the closure says
 * @param updatedDatetime when the complaint changed, with the adapter zone's offset
 */
public record ServiceRequestUpdate(
    String messageId, String serviceRequestId, String status, String statusNotes, OffsetDateTime updatedDatetime) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * Checks the fields.
   *
   * @param messageId the stable id of the message
   * @param serviceRequestId the Open311 id
   * @param status {@code open} or {@code closed}
   * @param statusNotes the notes
   * @param updatedDatetime when
   * @throws IllegalArgumentException if the status is neither {@code open} nor {@code closed}
   */
  public ServiceRequestUpdate {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(serviceRequestId, "serviceRequestId");
    Objects.requireNonNull(statusNotes, "statusNotes");
    Objects.requireNonNull(updatedDatetime, "updatedDatetime");
    if (!"open".equals(status) && !"closed".equals(status)) {
      throw new IllegalArgumentException("status must be open or closed (was " + status + ")");
    }
  }

  /**
   * The update as a GeoReport v2 JSON object: {@code service_request_id}, {@code status},
   * {@code status_notes}, {@code updated_datetime} (ISO 8601 with offset, to the second).
   *
   * @return a new JSON object
   */
  public ObjectNode toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("service_request_id", serviceRequestId);
    o.put("status", status);
    o.put("status_notes", statusNotes);
    o.put("updated_datetime", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(updatedDatetime));
    return o;
  }

  @Override
  public String toString() {
    return "ServiceRequestUpdate[messageId=" + messageId + ", serviceRequestId=" + serviceRequestId + ", status="
        + status + ", statusNotes=" + Masking.redact(statusNotes) + ", updatedDatetime=" + updatedDatetime + "]";
  }
}
