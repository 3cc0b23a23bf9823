package org.nivaran.grievance.complaint;

import java.time.Instant;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.internal.Texts;

/**
 * A special closure an officer asked for and a second person has not yet approved or refused (see
 * {@link ComplaintCommand.RequestSpecialClosure}). Immutable and thread-safe.
 *
 * @param reason the reason code
 * @param remark the officer's explanation
 * @param requestedBy the post the officer asked from (the complaint's post then)
 * @param requestedAt when
 */
public record SpecialClosureRequest(SpecialClosureReason reason, String remark, PostId requestedBy, Instant requestedAt) {
  /**
   * Checks the parts.
   *
   * @param reason the reason code
   * @param remark the officer's explanation
   * @param requestedBy the post the officer asked from
   * @param requestedAt when
   * @throws org.nivaran.grievance.InvalidInputException naming a missing or invalid part
   */
  public SpecialClosureRequest {
    Texts.required(reason, "reason");
    remark = Texts.multiLine(remark, "remark", ComplaintCommand.MAX_REASON_LENGTH);
    Texts.required(requestedBy, "requestedBy");
    Texts.required(requestedAt, "requestedAt");
  }

  /**
   * The reason recorded on the closure once approved: the code and the officer's remark.
   *
   * @return e.g. {@code "POLICY_MATTER: the grievance is against the fee notification"}
   */
  public String closureReason() {
    return reason + ": " + remark;
  }
}
