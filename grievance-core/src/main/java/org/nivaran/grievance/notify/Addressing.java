package org.nivaran.grievance.notify;

import java.util.Optional;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.directory.Officer;
import org.nivaran.grievance.directory.Post;

/**
 * How each person told is reached: as which {@link Recipient}, in which language and on which
 * channel. Officers get their own language and WhatsApp if they opted in; the citizen Hindi or
 * English, and WhatsApp if the complaint came on WhatsApp.
 */
final class Addressing {
  private Addressing() {}

  /** The citizen who registered the complaint. */
  static Recipient citizen(Complaint complaint) {
    return new Recipient(RecipientRole.CITIZEN, complaint.citizen().phone(), Optional.empty(), complaint.citizen().name());
  }

  /** Hindi if the citizen's language is {@code hi}, else English. */
  static Language languageOf(Complaint complaint) {
    return "hi".equals(complaint.citizen().language().getLanguage()) ? Language.HINDI : Language.ENGLISH;
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
