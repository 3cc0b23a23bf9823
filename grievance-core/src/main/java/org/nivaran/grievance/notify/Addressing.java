package org.nivaran.grievance.notify;

import java.util.Optional;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.directory.Officer;
import org.nivaran.grievance.directory.Post;

/**
 * How each person told is reached: as which {@link Recipient}, in which language and on which
 * channel. Officers get their own language and WhatsApp if they opted in; the citizen their own
 * language if the templates have it, else English, and WhatsApp if the complaint came on WhatsApp.
 */
final class Addressing {
  private Addressing() {}

  /** The citizen who registered the complaint. */
  static Recipient citizen(Complaint complaint) {
    return new Recipient(RecipientRole.CITIZEN, complaint.citizen().phone(), Optional.empty(), complaint.citizen().name());
  }

  /** The language of the text the citizen is sent for a kind: theirs if the templates have it, else English. */
  static Language languageOf(Complaint complaint, Templates templates, NotificationKind kind) {
    return templates.templateFor(kind, templates.languageFor(complaint.citizen().language())).language();
  }

  /** The language of the text an officer is sent for a kind: theirs if the templates have it, else English. */
  static Language languageOf(Officer officer, Templates templates, NotificationKind kind) {
    return templates.templateFor(kind, officer.language()).language();
  }

  /** WhatsApp if the complaint came on WhatsApp, else SMS. */
  static DeliveryChannel channelOf(Complaint complaint) {
    return complaint.channel() == Channel.WHATSAPP ? DeliveryChannel.WHATSAPP : DeliveryChannel.SMS;
  }

  /** The holder of a post, told in a role. */
  static Recipient officer(RecipientRole role, Post post, Officer officer) {
    return new Recipient(role, officer.phone(), Optional.of(post.id()), officer.name());
  }

  /** WhatsApp if the officer opted in, else SMS. */
  static DeliveryChannel channelOf(Officer officer) {
    return officer.whatsappOptIn() ? DeliveryChannel.WHATSAPP : DeliveryChannel.SMS;
  }
}
