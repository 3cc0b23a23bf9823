package org.nivaran.grievance.complaint;

import java.time.Instant;
import java.util.List;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.internal.Texts;

/**
 * The officer's latest action-taken reply.
 *
 * <p>Immutable and thread-safe.
 *
 * @param reply the reply text
 * @param attachments supporting documents
 * @param post the post that filed it
 * @param filedAt when it was filed
 */
public record Resolution(String reply, List<Attachment> attachments, PostId post, Instant filedAt) {
  /**
   * Validates the fields and copies the list.
   *
   * @param reply the reply text
   * @param attachments supporting documents
   * @param post the post that filed it
   * @param filedAt when it was filed
   */
  public Resolution {
    Texts.required(reply, "reply");
    attachments = List.copyOf(Texts.required(attachments, "attachments"));
    Texts.required(post, "post");
    Texts.required(filedAt, "filedAt");
  }
}
