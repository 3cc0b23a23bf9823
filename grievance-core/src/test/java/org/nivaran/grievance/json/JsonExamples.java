package org.nivaran.grievance.json;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Assignment;
import org.nivaran.grievance.complaint.Attachment;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Closure;
import org.nivaran.grievance.complaint.ClosureKind;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintEvent.CitizenDissatisfied;
import org.nivaran.grievance.complaint.ComplaintEvent.CitizenSatisfied;
import org.nivaran.grievance.complaint.ComplaintEvent.CitizenUnreachable;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintAssigned;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintEscalated;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintFlagged;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintReassigned;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRejected;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintReopened;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintSpeciallyClosed;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintTransferred;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintWithdrawn;
import org.nivaran.grievance.complaint.ComplaintEvent.InformationProvided;
import org.nivaran.grievance.complaint.ComplaintEvent.InformationRequested;
import org.nivaran.grievance.complaint.ComplaintEvent.ReplyReturned;
import org.nivaran.grievance.complaint.ComplaintEvent.ResolutionFiled;
import org.nivaran.grievance.complaint.ComplaintEvent.SlaTimerSet;
import org.nivaran.grievance.complaint.ComplaintEvent.WorkStarted;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Kind;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.complaint.Resolution;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.sla.SlaPolicy;
import org.nivaran.grievance.sla.SlaTimer;

/**
 * Fixed values built here and nowhere else, so the golden test and the documented examples do not
 * move when the shared fixtures change: one event of every type, one closed complaint and one open
 * complaint with a running SLA timer and a flag.
 */
final class JsonExamples {
  static final ComplaintId ID = ComplaintId.of("RPR-2024-000123");
  static final Instant T0 = Instant.parse("2024-03-04T05:30:00Z");
  static final PostId AE = PostId.of("AE-RAIPUR-ZONE-3");
  static final PostId EE = PostId.of("EE-RAIPUR-CITY");
  static final PostId TEHSILDAR = PostId.of("TEHSILDAR-RAIPUR");

  static final Actor CITIZEN = Actor.citizen(new PhoneNumber("+919876543210"));
  static final Actor AGENT = Actor.agent("AGENT-17");
  static final Actor OFFICER = Actor.officer("OFF-0042", AE);
  static final Actor SUPERVISOR = Actor.supervisor("OFF-0001", PostId.of("COLLECTOR-RAIPUR"));
  static final Actor ROUTER = Actor.system("router");
  static final Actor ESCALATOR = Actor.system("escalator");
  static final Actor TIMEKEEPER = Actor.system("timekeeper");
  static final Actor VERIFIER = Actor.system("verification-policy");
  static final PostId COLLECTOR = PostId.of("COLLECTOR-RAIPUR");
  static final PostId NAIB_TEHSILDAR = PostId.of("NAIB-TEHSILDAR-RAIPUR");

  static final Assignment AT_AE = new Assignment(AE, "ENERGY", Level.L1, at(1));
  static final Assignment AT_EE = new Assignment(EE, "ENERGY", Level.L2, at(10));
  static final Assignment AT_TEHSILDAR = new Assignment(TEHSILDAR, "REVENUE", Level.L1, at(11));
  static final Assignment AT_NAIB_TEHSILDAR = new Assignment(NAIB_TEHSILDAR, "REVENUE", Level.L1, at(12));

  /** 3 working days at L1, 7 at every other level, on an office calendar (10:00 to 18:00 IST). */
  static final SlaPolicy ENERGY_SLA =
      SlaPolicy.builder("CG-ENERGY", "CG-OFFICE")
          .level(Level.L1, SlaBudget.workingDays(3))
          .otherwise(SlaBudget.workingDays(7))
          .build();

  /**
   * The clock of L2 started when the complaint reached the EE on Monday evening: 7 working days of
   * 8 office hours, ending at 18:00 IST on Wednesday of the next week.
   */
  static final SlaTimer AT_EE_TIMER =
      new SlaTimer(ENERGY_SLA, Level.L2, Duration.ofHours(56), Duration.ZERO, at(10), true,
          Optional.of(Instant.parse("2024-03-13T12:30:00Z")));

  /** 24 hours of open time at every level, on a 24x7 calendar. */
  static final SlaPolicy ROUND_THE_CLOCK_SLA =
      SlaPolicy.builder("RAIPUR-24H", "24X7").otherwise(SlaBudget.openTime(Duration.ofHours(24))).build();

  /** An L1 clock paused after 3 of its 24 hours, while the complaint awaits the citizen. */
  static final SlaTimer PAUSED_TIMER =
      new SlaTimer(ROUND_THE_CLOCK_SLA, Level.L1, Duration.ofHours(24), Duration.ofHours(3), at(4), false,
          Optional.empty());

  private JsonExamples() {}

  /** {@link #T0} plus {@code hours}. */
  static Instant at(int hours) {
    return T0.plusSeconds(3600L * hours);
  }

  static Complainant citizen() {
    return Complainant.builder()
        .name("सुनीता वर्मा")
        .phone("+919876543210")
        .languageTag("hi")
        .address("वार्ड 12, रायपुर")
        .build();
  }

  static ComplaintRegistered registered() {
    return new ComplaintRegistered(
        ID, 1, T0, AGENT, Kind.COMPLAINT, Channel.PHONE_CALL, citizen(),
        "ENERGY.SUPPLY.OUTAGE", "CG.RAIPUR.WARD-12",
        "तीन दिन से बिजली नहीं है। ट्रांसफ़ॉर्मर ख़राब है।",
        List.of(Attachment.of("wa-media://3EB0C7", "ट्रांसफ़ॉर्मर.jpg")),
        Optional.of("call-7f3a9c"));
  }

  /** One event of every type, in the order of {@code ComplaintEvent}'s permits clause. */
  static List<ComplaintEvent> oneOfEachType() {
    return List.of(
        registered(),
        new ComplaintAssigned(ID, 2, at(1), ROUTER, AT_AE),
        new WorkStarted(ID, 3, at(2), OFFICER),
        new InformationRequested(ID, 4, at(3), OFFICER, "कृपया बिजली बिल की प्रति भेजें"),
        new InformationProvided(ID, 5, at(4), CITIZEN, "बिल भेज दिया",
            List.of(Attachment.of("wa-media://BILL", "बिल.pdf"))),
        new ResolutionFiled(ID, 6, at(5), OFFICER, "ट्रांसफ़ॉर्मर बदल दिया गया है, आपूर्ति बहाल।", List.of()),
        new ReplyReturned(ID, 7, at(6), SUPERVISOR, "उत्तर अपूर्ण है, फ़ोटो संलग्न करें"),
        new CitizenSatisfied(ID, 8, at(7), CITIZEN, Optional.of(5), Optional.of("धन्यवाद 🙏")),
        new CitizenDissatisfied(ID, 9, at(8), AGENT, Optional.of(2), "बिजली अभी भी नहीं आई"),
        new CitizenUnreachable(ID, 10, at(9), AGENT, Optional.of("फ़ोन बंद है")),
        new ComplaintEscalated(ID, 11, at(10), ESCALATOR, AT_AE, AT_EE, "L1 पर 7 कार्य दिवस बीत गए"),
        new ComplaintTransferred(ID, 12, at(11), SUPERVISOR, AT_EE, AT_TEHSILDAR, "भूमि विवाद है, बिजली का मामला नहीं"),
        new ComplaintReassigned(ID, 13, at(12), SUPERVISOR, AT_TEHSILDAR, AT_NAIB_TEHSILDAR,
            "गाँव नायब तहसीलदार के क्षेत्र में है"),
        new ComplaintFlagged(ID, 14, at(13), ESCALATOR, ComplaintFlag.ESCALATION_BLOCKED,
            "ENERGY विभाग में L3 का कोई पद नहीं", Optional.of(COLLECTOR)),
        new SlaTimerSet(ID, 15, at(14), TIMEKEEPER, AT_EE_TIMER),
        new ComplaintRejected(ID, 16, at(15), AGENT, RejectionReason.DUPLICATE, "यही शिकायत पहले दर्ज है",
            Optional.of(ComplaintId.of("RPR-2024-000098"))),
        new ComplaintSpeciallyClosed(ID, 17, at(16), SUPERVISOR, "मामला न्यायालय में विचाराधीन है"),
        new ComplaintWithdrawn(ID, 18, at(17), CITIZEN, Optional.of("समस्या अपने आप हल हो गई")),
        new ComplaintReopened(ID, 19, at(18), SUPERVISOR, "आपूर्ति फिर से बंद है"),
        new ComplaintEvent.ReplyAccepted(ID, 20, at(19), AGENT, Optional.of("उत्तर संतोषजनक है")),
        new ComplaintEvent.ComplaintAppealed(ID, 21, at(20), VERIFIER, AT_EE, AT_TEHSILDAR,
            "नागरिक उत्तर से संतुष्ट नहीं"),
        new ComplaintEvent.ComplaintClosedUnverified(ID, 22, at(21), VERIFIER,
            org.nivaran.grievance.complaint.ClosureKind.UNCONFIRMED, "3 प्रयासों में नागरिक से संपर्क नहीं हुआ"),
        new ComplaintEvent.DuplicateLinked(ID, 23, at(22), AGENT, Channel.WHATSAPP,
            "फिर से: तीन दिन से बिजली नहीं है", List.of(Attachment.of("wa-media://4C21", "खंभा.jpg")),
            Optional.of("wa-msg-88"),
            List.of(org.nivaran.grievance.complaint.ExternalReference.of("CMH-181", "T-2024-778899"))),
        new ComplaintEvent.SpecialClosureRequested(ID, 24, at(23), OFFICER,
            org.nivaran.grievance.complaint.SpecialClosureReason.SUB_JUDICE, "मामला उच्च न्यायालय में विचाराधीन है"),
        new ComplaintEvent.SpecialClosureApproved(ID, 25, at(24), Actor.officer("OFF-0007", PostId.of("EE-RAIPUR-CITY")),
            org.nivaran.grievance.complaint.SpecialClosureReason.SUB_JUDICE, "न्यायालय में याचिका क्रमांक देखा"),
        new ComplaintEvent.SpecialClosureRefused(ID, 26, at(25), Actor.officer("OFF-0007", PostId.of("EE-RAIPUR-CITY")),
            org.nivaran.grievance.complaint.SpecialClosureReason.SUB_JUDICE, "याचिका इस विषय पर नहीं है; निराकरण करें"),
        new ComplaintEvent.ContactRecorded(ID, 24, at(23), OFFICER,
            org.nivaran.grievance.complaint.ContactOutcome.CALL_MADE, Optional.of("नागरिक से बात हुई, कल टीम जाएगी")),
        new ComplaintEvent.FirstResponseDueSet(ID, 25, at(24), TIMEKEEPER, at(30)),
        new ComplaintEvent.PriorityChanged(ID, 24, at(23), SUPERVISOR, org.nivaran.grievance.sla.Priority.NORMAL,
            org.nivaran.grievance.sla.Priority.URGENT, "the outage is at the district hospital"),
        new ComplaintEvent.SpecialClosureDueSet(ID, 27, at(26), ESCALATOR, Optional.of(PostId.of("SE-RAIPUR")), at(50)),
        new ComplaintEvent.FlagCleared(ID, 15, at(14), AGENT, ComplaintFlag.POSSIBLE_REPEAT,
            "दूसरी गली का खंभा है, दोहराव नहीं"));
  }

  /**
   * A complaint escalated to the EE at L2, whose L2 time ran out with no L3 post to escalate to:
   * a running SLA timer and the {@code ESCALATION_BLOCKED} flag, no resolution or closure yet.
   */
  static Complaint flaggedComplaint() {
    ComplaintRegistered r = registered();
    return Complaint.builder()
        .id(ID)
        .kind(r.kind())
        .channel(r.channel())
        .citizen(r.citizen())
        .categoryCode(r.categoryCode())
        .jurisdictionCode(r.jurisdictionCode())
        .description(r.description())
        .attachments(r.attachments())
        .status(Status.ASSIGNED)
        .assignment(AT_EE)
        .returnCount(0)
        .reopenCount(0)
        .transferCount(0)
        .unreachableAttempts(0)
        .sla(AT_EE_TIMER)
        .flags(Set.of(ComplaintFlag.ESCALATION_BLOCKED))
        .registeredAt(T0)
        .updatedAt(Instant.parse("2024-03-13T12:30:00Z"))
        .version(7)
        .build();
  }

  /** A complaint closed with the citizen's satisfaction: every optional attribute present. */
  static Complaint closedComplaint() {
    ComplaintRegistered r = registered();
    return Complaint.builder()
        .id(ID)
        .kind(r.kind())
        .channel(r.channel())
        .citizen(r.citizen())
        .categoryCode(r.categoryCode())
        .jurisdictionCode(r.jurisdictionCode())
        .description(r.description())
        .attachments(r.attachments())
        .status(Status.CLOSED)
        .assignment(AT_AE)
        .resolution(new Resolution("ट्रांसफ़ॉर्मर बदल दिया गया है, आपूर्ति बहाल।",
            List.of(Attachment.of("s3://nivaran/atr/123.jpg", "नया ट्रांसफ़ॉर्मर.jpg")), AE, at(5)))
        .closure(new Closure(ClosureKind.SATISFIED, Optional.of("धन्यवाद 🙏"), Optional.empty(), at(7)))
        .rating(5)
        .returnCount(0)
        .reopenCount(0)
        .transferCount(0)
        .unreachableAttempts(0)
        .registeredAt(T0)
        .updatedAt(at(7))
        .version(4)
        .build();
  }
}
