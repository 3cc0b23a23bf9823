package org.nivaran.grievance.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.Assignment;
import org.nivaran.grievance.complaint.Attachment;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.complaint.Location;
import org.nivaran.grievance.tenant.TenantId;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Closure;
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
import org.nivaran.grievance.complaint.SpecialClosureRequest;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintTransferred;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintWithdrawn;
import org.nivaran.grievance.complaint.ComplaintEvent.InformationProvided;
import org.nivaran.grievance.complaint.ComplaintEvent.InformationRequested;
import org.nivaran.grievance.complaint.ComplaintEvent.ReplyReturned;
import org.nivaran.grievance.complaint.ComplaintEvent.ResolutionFiled;
import org.nivaran.grievance.complaint.ComplaintEvent.SlaTimerSet;
import org.nivaran.grievance.complaint.FirstResponse;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.Resolution;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.sla.SlaPolicy;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.sla.SlaTimer;

/**
 * Writes each Nivaran type as JSON, field by field, in the order and with the names documented in
 * {@code docs/json-format.md}. Empty optionals are omitted; lists, flag sets and maps are always
 * written. Stateless and thread-safe.
 */
final class Writers {
  private Writers() {}

  // -- scalars --------------------------------------------------------------------------------

  /** An instant as ISO-8601 in UTC, e.g. {@code 2024-03-04T05:30:00Z}. */
  static String instant(Instant i) {
    return i.toString();
  }

  /** A level as {@code L} and its rung, e.g. {@code L2}. */
  static String level(Level l) {
    return "L" + l.rung();
  }

  /** A duration as ISO-8601 in hours, minutes and seconds, e.g. {@code PT56H} or {@code PT0S}. */
  static String duration(Duration d) {
    return d.toString();
  }

  private static void optionalText(JsonGenerator g, String field, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      g.writeStringField(field, value.get());
    }
  }

  private static void optionalInt(JsonGenerator g, String field, Optional<Integer> value) throws IOException {
    if (value.isPresent()) {
      g.writeNumberField(field, value.get());
    }
  }

  // -- value objects --------------------------------------------------------------------------

  static void attachment(JsonGenerator g, Attachment a) throws IOException {
    g.writeStartObject(a);
    g.writeStringField("reference", a.reference());
    g.writeStringField("name", a.name());
    g.writeEndObject();
  }

  private static void attachments(JsonGenerator g, String field, List<Attachment> list) throws IOException {
    g.writeArrayFieldStart(field);
    for (Attachment a : list) {
      attachment(g, a);
    }
    g.writeEndArray();
  }

  /** A complaint's or registration's {@code tenant}, written only when not the default. */
  private static void tenant(JsonGenerator g, TenantId tenant) throws IOException {
    if (!tenant.isDefault()) {
      g.writeStringField("tenant", tenant.value());
    }
  }

  /** A complaint's or registration's {@code references}, written only when there are some. */
  private static void references(JsonGenerator g, List<ExternalReference> references) throws IOException {
    if (!references.isEmpty()) {
      g.writeArrayFieldStart("references");
      for (ExternalReference r : references) {
        g.writeStartObject();
        g.writeStringField("source", r.source());
        g.writeStringField("id", r.id());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
  }

  /** A complaint's or registration's {@code location}, written only when present. */
  private static void location(JsonGenerator g, Optional<Location> location) throws IOException {
    if (location.isPresent()) {
      g.writeFieldName("location");
      location(g, location.get());
    }
  }

  /** A location, its coordinates as JSON numbers with every digit they were given (never exponent form). */
  static void location(JsonGenerator g, Location l) throws IOException {
    g.writeStartObject(l);
    g.writeFieldName("latitude");
    g.writeNumber(l.latitude().toPlainString());
    g.writeFieldName("longitude");
    g.writeNumber(l.longitude().toPlainString());
    optionalText(g, "addressLine", l.addressLine());
    optionalText(g, "landmark", l.landmark());
    g.writeEndObject();
  }

  static void citizen(JsonGenerator g, Complainant c) throws IOException {
    g.writeStartObject(c);
    g.writeStringField("name", c.name());
    g.writeStringField("phone", c.phone().e164());
    g.writeStringField("language", c.language().toLanguageTag());
    optionalText(g, "address", c.address());
    g.writeEndObject();
  }

  static void assignment(JsonGenerator g, Assignment a) throws IOException {
    g.writeStartObject(a);
    g.writeStringField("post", a.post().code());
    g.writeStringField("department", a.department());
    g.writeStringField("level", level(a.level()));
    g.writeStringField("since", instant(a.since()));
    g.writeEndObject();
  }

  static void resolution(JsonGenerator g, Resolution r) throws IOException {
    g.writeStartObject(r);
    g.writeStringField("reply", r.reply());
    attachments(g, "attachments", r.attachments());
    g.writeStringField("post", r.post().code());
    g.writeStringField("filedAt", instant(r.filedAt()));
    g.writeEndObject();
  }

  static void closure(JsonGenerator g, Closure c) throws IOException {
    g.writeStartObject(c);
    g.writeStringField("kind", c.kind().name());
    optionalText(g, "remark", c.remark());
    if (c.duplicateOf().isPresent()) {
      g.writeStringField("duplicateOf", c.duplicateOf().get().value());
    }
    g.writeStringField("at", instant(c.at()));
    g.writeEndObject();
  }

  // -- SLA ------------------------------------------------------------------------------------

  static void slaBudget(JsonGenerator g, SlaBudget budget) throws IOException {
    g.writeStartObject(budget);
    if (budget instanceof SlaBudget.OpenTime b) {
      g.writeStringField("openTime", duration(b.openTime()));
    } else if (budget instanceof SlaBudget.WorkingDays b) {
      g.writeNumberField("workingDays", b.days());
    } else if (budget instanceof SlaBudget.LastWorkingDayOfWeek) {
      g.writeBooleanField("lastWorkingDayOfWeek", true);
    } else {
      throw new IllegalArgumentException("no JSON form for SLA budget " + budget.getClass().getName());
    }
    g.writeEndObject();
  }

  static void slaPolicy(JsonGenerator g, SlaPolicy p) throws IOException {
    g.writeStartObject(p);
    g.writeStringField("id", p.id());
    g.writeStringField("calendar", p.calendarId());
    g.writeObjectFieldStart("levels");
    for (Map.Entry<Level, SlaBudget> level : p.levels().entrySet()) {
      g.writeFieldName(level(level.getKey()));
      slaBudget(g, level.getValue());
    }
    g.writeEndObject();
    if (!p.priorities().isEmpty()) {
      g.writeObjectFieldStart("priorities");
      for (Map.Entry<Level, java.util.SortedMap<Priority, SlaBudget>> level : p.priorities().entrySet()) {
        g.writeObjectFieldStart(level(level.getKey()));
        for (Map.Entry<Priority, SlaBudget> budget : level.getValue().entrySet()) {
          g.writeFieldName(budget.getKey().name());
          slaBudget(g, budget.getValue());
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeFieldName("otherwise");
    slaBudget(g, p.otherwise());
    g.writeEndObject();
  }

  static void slaTimer(JsonGenerator g, SlaTimer t) throws IOException {
    g.writeStartObject(t);
    g.writeFieldName("policy");
    slaPolicy(g, t.policy());
    g.writeStringField("level", level(t.level()));
    g.writeStringField("budget", duration(t.budget()));
    g.writeStringField("consumed", duration(t.consumed()));
    g.writeStringField("since", instant(t.since()));
    g.writeBooleanField("running", t.running());
    if (t.deadline().isPresent()) {
      g.writeStringField("deadline", instant(t.deadline().get()));
    }
    if (!t.started().equals(t.since())) { // absent means since
      g.writeStringField("started", instant(t.started()));
    }
    g.writeEndObject();
  }

  static void firstResponse(JsonGenerator g, FirstResponse f) throws IOException {
    g.writeStartObject(f);
    g.writeStringField("dueAt", instant(f.dueAt()));
    if (f.firstContactAt().isPresent()) {
      g.writeStringField("firstContactAt", instant(f.firstContactAt().get()));
    }
    g.writeBooleanField("missedActedOn", f.missedActedOn());
    g.writeEndObject();
  }

  /** The flags set, by name, in the order {@link ComplaintFlag} declares them. */
  private static void flags(JsonGenerator g, String field, Set<ComplaintFlag> flags) throws IOException {
    g.writeArrayFieldStart(field);
    for (ComplaintFlag flag : ComplaintFlag.values()) {
      if (flags.contains(flag)) {
        g.writeString(flag.name());
      }
    }
    g.writeEndArray();
  }

  // -- actor ----------------------------------------------------------------------------------

  static void actor(JsonGenerator g, Actor actor) throws IOException {
    g.writeStartObject(actor);
    g.writeStringField(JsonNames.ROLE, JsonNames.roleOf(actor));
    if (actor instanceof Actor.Citizen a) {
      g.writeStringField("phone", a.phone().e164());
    } else if (actor instanceof Actor.Agent a) {
      g.writeStringField("agentId", a.agentId());
    } else if (actor instanceof Actor.Officer a) {
      g.writeStringField("officerId", a.officerId());
      g.writeStringField("post", a.post().code());
    } else if (actor instanceof Actor.Supervisor a) {
      g.writeStringField("officerId", a.officerId());
      g.writeStringField("post", a.post().code());
    } else if (actor instanceof Actor.SystemProcess a) {
      g.writeStringField("component", a.component());
    }
    g.writeEndObject();
  }

  // -- complaint ------------------------------------------------------------------------------

  /** A complaint's or registration's priority; NORMAL is left out, as documents before priorities had it. */
  private static void priority(JsonGenerator g, Priority priority) throws IOException {
    if (priority != Priority.NORMAL) {
      g.writeStringField("priority", priority.name());
    }
  }

  static void complaint(JsonGenerator g, Complaint c) throws IOException {
    g.writeStartObject(c);
    g.writeStringField("id", c.id().value());
    tenant(g, c.tenant());
    references(g, c.references());
    g.writeStringField("kind", c.kind().name());
    g.writeStringField("channel", c.channel().name());
    g.writeFieldName("citizen");
    citizen(g, c.citizen());
    g.writeStringField("categoryCode", c.categoryCode());
    g.writeStringField("jurisdictionCode", c.jurisdictionCode());
    g.writeStringField("description", c.description());
    attachments(g, "attachments", c.attachments());
    g.writeStringField("status", c.status().name());
    priority(g, c.priority());
    location(g, c.location());
    if (c.assignment().isPresent()) {
      g.writeFieldName("assignment");
      assignment(g, c.assignment().get());
    }
    if (c.resolution().isPresent()) {
      g.writeFieldName("resolution");
      resolution(g, c.resolution().get());
    }
    if (c.closure().isPresent()) {
      g.writeFieldName("closure");
      closure(g, c.closure().get());
    }
    optionalInt(g, "rating", c.rating());
    g.writeNumberField("returnCount", c.returnCount());
    g.writeNumberField("reopenCount", c.reopenCount());
    g.writeNumberField("transferCount", c.transferCount());
    g.writeNumberField("unreachableAttempts", c.unreachableAttempts());
    if (c.sla().isPresent()) {
      g.writeFieldName("sla");
      slaTimer(g, c.sla().get());
    }
    if (c.specialClosureRequest().isPresent()) {
      SpecialClosureRequest r = c.specialClosureRequest().get();
      g.writeObjectFieldStart("specialClosureRequest");
      g.writeStringField("reason", r.reason().name());
      g.writeStringField("remark", r.remark());
      g.writeStringField("requestedBy", r.requestedBy().code());
      g.writeStringField("requestedAt", instant(r.requestedAt()));
      if (r.approver().isPresent()) {
        g.writeStringField("approver", r.approver().get().code());
      }
      if (r.dueAt().isPresent()) {
        g.writeStringField("dueAt", instant(r.dueAt().get()));
      }
      if (r.requesterId().isPresent()) {
        g.writeStringField("requesterId", r.requesterId().get());
      }
      g.writeEndObject();
    }
    if (c.firstResponse().isPresent()) {
      g.writeFieldName("firstResponse");
      firstResponse(g, c.firstResponse().get());
    }
    flags(g, "flags", c.flags());
    g.writeStringField("registeredAt", instant(c.registeredAt()));
    g.writeStringField("updatedAt", instant(c.updatedAt()));
    g.writeNumberField("version", c.version());
    g.writeEndObject();
  }

  // -- events ---------------------------------------------------------------------------------

  static void event(JsonGenerator g, ComplaintEvent event) throws IOException {
    g.writeStartObject(event);
    g.writeStringField(JsonNames.TYPE, JsonNames.typeOf(event));
    g.writeStringField("complaintId", event.complaintId().value());
    g.writeNumberField("sequence", event.sequence());
    g.writeStringField("occurredAt", instant(event.occurredAt()));
    g.writeFieldName("actor");
    actor(g, event.actor());
    if (event instanceof ComplaintRegistered e) {
      g.writeStringField("kind", e.kind().name());
      g.writeStringField("channel", e.channel().name());
      g.writeFieldName("citizen");
      citizen(g, e.citizen());
      g.writeStringField("categoryCode", e.categoryCode());
      g.writeStringField("jurisdictionCode", e.jurisdictionCode());
      g.writeStringField("description", e.description());
      attachments(g, "attachments", e.attachments());
      optionalText(g, "idempotencyKey", e.idempotencyKey());
      priority(g, e.priority());
      location(g, e.location());
      tenant(g, e.tenant());
      references(g, e.references());
    } else if (event instanceof ComplaintAssigned e) {
      g.writeFieldName("assignment");
      assignment(g, e.assignment());
    } else if (event instanceof InformationRequested e) {
      g.writeStringField("note", e.note());
    } else if (event instanceof InformationProvided e) {
      g.writeStringField("note", e.note());
      attachments(g, "attachments", e.attachments());
    } else if (event instanceof ResolutionFiled e) {
      g.writeStringField("reply", e.reply());
      attachments(g, "attachments", e.attachments());
    } else if (event instanceof ReplyReturned e) {
      g.writeStringField("reason", e.reason());
    } else if (event instanceof CitizenSatisfied e) {
      optionalInt(g, "rating", e.rating());
      optionalText(g, "remark", e.remark());
    } else if (event instanceof CitizenDissatisfied e) {
      optionalInt(g, "rating", e.rating());
      g.writeStringField("reason", e.reason());
    } else if (event instanceof CitizenUnreachable e) {
      optionalText(g, "remark", e.remark());
    } else if (event instanceof ComplaintEscalated e) {
      g.writeFieldName("from");
      assignment(g, e.from());
      g.writeFieldName("to");
      assignment(g, e.to());
      g.writeStringField("reason", e.reason());
    } else if (event instanceof ComplaintTransferred e) {
      g.writeFieldName("from");
      assignment(g, e.from());
      g.writeFieldName("to");
      assignment(g, e.to());
      g.writeStringField("reason", e.reason());
    } else if (event instanceof ComplaintReassigned e) {
      g.writeFieldName("from");
      assignment(g, e.from());
      g.writeFieldName("to");
      assignment(g, e.to());
      g.writeStringField("reason", e.reason());
    } else if (event instanceof ComplaintFlagged e) {
      g.writeStringField("flag", e.flag().name());
      g.writeStringField("detail", e.detail());
      if (e.attention().isPresent()) {
        g.writeStringField("attention", e.attention().get().code());
      }
    } else if (event instanceof ComplaintEvent.ContactRecorded e) {
      g.writeStringField("outcome", e.outcome().name());
      optionalText(g, "remark", e.remark());
    } else if (event instanceof ComplaintEvent.FirstResponseDueSet e) {
      g.writeStringField("dueAt", instant(e.dueAt()));
    } else if (event instanceof ComplaintEvent.SpecialClosureDueSet e) {
      if (e.approver().isPresent()) {
        g.writeStringField("approver", e.approver().get().code());
      }
      g.writeStringField("dueAt", instant(e.dueAt()));
    } else if (event instanceof SlaTimerSet e) {
      g.writeFieldName("timer");
      slaTimer(g, e.timer());
    } else if (event instanceof ComplaintRejected e) {
      g.writeStringField("reason", e.reason().name());
      g.writeStringField("remark", e.remark());
      if (e.duplicateOf().isPresent()) {
        g.writeStringField("duplicateOf", e.duplicateOf().get().value());
      }
    } else if (event instanceof ComplaintSpeciallyClosed e) {
      g.writeStringField("reason", e.reason());
    } else if (event instanceof ComplaintWithdrawn e) {
      optionalText(g, "reason", e.reason());
    } else if (event instanceof ComplaintReopened e) {
      g.writeStringField("reason", e.reason());
    } else if (event instanceof ComplaintEvent.ReplyAccepted e) {
      optionalText(g, "remark", e.remark());
    } else if (event instanceof ComplaintEvent.ComplaintAppealed e) {
      g.writeFieldName("from");
      assignment(g, e.from());
      g.writeFieldName("to");
      assignment(g, e.to());
      g.writeStringField("reason", e.reason());
    } else if (event instanceof ComplaintEvent.ComplaintClosedUnverified e) {
      g.writeStringField("kind", e.kind().name());
      g.writeStringField("remark", e.remark());
    } else if (event instanceof ComplaintEvent.DuplicateLinked e) {
      g.writeStringField("channel", e.channel().name());
      g.writeStringField("description", e.description());
      attachments(g, "attachments", e.attachments());
      optionalText(g, "idempotencyKey", e.idempotencyKey());
      references(g, e.references());
      if (e.caller().isPresent()) {
        g.writeFieldName("caller");
        citizen(g, e.caller().get());
      }
    } else if (event instanceof ComplaintEvent.SpecialClosureRequested e) {
      g.writeStringField("reason", e.reason().name());
      g.writeStringField("remark", e.remark());
    } else if (event instanceof ComplaintEvent.SpecialClosureApproved e) {
      g.writeStringField("reason", e.reason().name());
      g.writeStringField("remark", e.remark());
    } else if (event instanceof ComplaintEvent.SpecialClosureRefused e) {
      g.writeStringField("reason", e.reason().name());
      g.writeStringField("remark", e.remark());
    } else if (event instanceof ComplaintEvent.PriorityChanged e) {
      g.writeStringField("from", e.from().name());
      g.writeStringField("to", e.to().name());
      g.writeStringField("reason", e.reason());
    } else if (event instanceof ComplaintEvent.FlagCleared e) {
      g.writeStringField("flag", e.flag().name());
      g.writeStringField("note", e.note());
    }
    // WorkStarted has the envelope only.
    g.writeEndObject();
  }
}
