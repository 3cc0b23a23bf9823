package org.nivaran.grievance.json;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
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
import org.nivaran.grievance.complaint.SpecialClosureReason;
import org.nivaran.grievance.complaint.SpecialClosureRequest;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintTransferred;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintWithdrawn;
import org.nivaran.grievance.complaint.ComplaintEvent.InformationProvided;
import org.nivaran.grievance.complaint.ComplaintEvent.InformationRequested;
import org.nivaran.grievance.complaint.ComplaintEvent.ReplyReturned;
import org.nivaran.grievance.complaint.ComplaintEvent.ResolutionFiled;
import org.nivaran.grievance.complaint.ComplaintEvent.SlaTimerSet;
import org.nivaran.grievance.complaint.ContactOutcome;
import org.nivaran.grievance.complaint.FirstResponse;
import org.nivaran.grievance.complaint.ComplaintEvent.WorkStarted;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Kind;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.complaint.Location;
import org.nivaran.grievance.tenant.TenantId;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.complaint.Resolution;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.sla.SlaPolicy;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.sla.SlaTimer;

/**
 * Reads each Nivaran type from a JSON tree, field by field, by the names in
 * {@code docs/json-format.md}. Unknown fields are ignored, except as keys of a map (an SLA policy's
 * {@code levels}, whose keys must be levels). Failures are {@link ReadFailure}s naming the path.
 * Stateless and thread-safe.
 */
final class Readers {
  private Readers() {}

  // -- string-valued types --------------------------------------------------------------------

  static PhoneNumber phone(Fields f, String field) {
    String s = f.text(field);
    return Fields.value(f.at(field), () -> new PhoneNumber(s));
  }

  static PostId postId(Fields f, String field) {
    String s = f.text(field);
    return Fields.value(f.at(field), () -> new PostId(s));
  }

  static ComplaintId complaintId(Fields f, String field) {
    String s = f.text(field);
    return Fields.value(f.at(field), () -> new ComplaintId(s));
  }

  // -- value objects --------------------------------------------------------------------------

  static Attachment attachment(Fields f) {
    String reference = f.text("reference");
    String name = f.text("name");
    return f.build(() -> new Attachment(reference, name));
  }

  static List<Attachment> attachments(Fields f, String field) {
    List<Attachment> out = new ArrayList<>();
    for (Fields a : f.objects(field)) {
      out.add(attachment(a));
    }
    return out;
  }

  /** A complaint's or registration's {@code tenant}; absent is the default tenant. */
  static TenantId tenant(Fields f) {
    if (!f.has("tenant")) {
      return TenantId.DEFAULT;
    }
    String s = f.text("tenant");
    return Fields.value(f.at("tenant"), () -> new TenantId(s));
  }

  /** A complaint's or registration's {@code references}; absent is none. */
  static List<ExternalReference> references(Fields f) {
    List<ExternalReference> out = new ArrayList<>();
    for (Fields r : f.objects("references")) {
      String source = r.text("source");
      String id = r.text("id");
      out.add(r.build(() -> new ExternalReference(source, id)));
    }
    return out;
  }

  /** A complaint's or registration's {@code location}, if present. */
  static Optional<Location> optionalLocation(Fields f) {
    return f.optionalObject("location").map(Readers::location);
  }

  /** A location object; both coordinates are required JSON numbers, read with their digits. */
  static Location location(Fields l) {
    java.math.BigDecimal latitude = l.decimal("latitude");
    java.math.BigDecimal longitude = l.decimal("longitude");
    Optional<String> addressLine = l.optionalText("addressLine");
    Optional<String> landmark = l.optionalText("landmark");
    return l.build(() -> new Location(latitude, longitude, addressLine, landmark));
  }

  static Complainant citizen(Fields f) {
    Complainant.Builder b = Complainant.builder().name(f.text("name")).phone(phone(f, "phone"));
    f.optionalText("language").ifPresent(tag -> b.language(Locale.forLanguageTag(tag)));
    b.address(f.optionalText("address"));
    return f.build(b::build);
  }

  static Assignment assignment(Fields f) {
    PostId post = postId(f, "post");
    String department = f.text("department");
    Level level = f.level("level");
    Instant since = f.instant("since");
    return f.build(() -> new Assignment(post, department, level, since));
  }

  static Resolution resolution(Fields f) {
    String reply = f.text("reply");
    List<Attachment> attachments = attachments(f, "attachments");
    PostId post = postId(f, "post");
    Instant filedAt = f.instant("filedAt");
    return f.build(() -> new Resolution(reply, attachments, post, filedAt));
  }

  /** An optional post id; absent or null is empty. */
  static Optional<PostId> optionalPostId(Fields f, String field) {
    return f.optionalText(field).map(s -> Fields.value(f.at(field), () -> new PostId(s)));
  }

  static SpecialClosureRequest specialClosureRequest(Fields f) {
    SpecialClosureReason reason = f.enumValue("reason", SpecialClosureReason.class);
    String remark = f.text("remark");
    PostId requestedBy = postId(f, "requestedBy");
    Instant requestedAt = f.instant("requestedAt");
    Optional<PostId> approver = optionalPostId(f, "approver");
    Optional<Instant> dueAt = f.optionalInstant("dueAt");
    Optional<String> requesterId = f.optionalText("requesterId"); // absent before it was recorded
    return f.build(() -> new SpecialClosureRequest(reason, remark, requestedBy, requestedAt, approver, dueAt, requesterId));
  }

  static Closure closure(Fields f) {
    ClosureKind kind = f.enumValue("kind", ClosureKind.class);
    var remark = f.optionalText("remark");
    var duplicateOf = f.optionalText("duplicateOf").map(s -> Fields.value(f.at("duplicateOf"), () -> new ComplaintId(s)));
    Instant at = f.instant("at");
    return f.build(() -> new Closure(kind, remark, duplicateOf, at));
  }

  // -- SLA ------------------------------------------------------------------------------------

  /**
   * A budget: an object with exactly one of {@code openTime}, {@code workingDays} and
   * {@code lastWorkingDayOfWeek} (which must be {@code true}).
   */
  static SlaBudget slaBudget(Fields f) {
    boolean openTime = f.has("openTime");
    boolean lastWorkingDay = f.has("lastWorkingDayOfWeek");
    int kinds = (openTime ? 1 : 0) + (f.has("workingDays") ? 1 : 0) + (lastWorkingDay ? 1 : 0);
    if (kinds != 1) {
      throw ReadFailure.wrongShape(
          f.path(), "an object with exactly one of 'openTime', 'workingDays' and 'lastWorkingDayOfWeek'",
          kinds == 0 ? "an object with none of them" : "an object with " + kinds + " of them");
    }
    if (lastWorkingDay) {
      f.requireTrue("lastWorkingDayOfWeek");
      return SlaBudget.lastWorkingDayOfWeek();
    }
    if (openTime) {
      Duration open = f.duration("openTime");
      return Fields.value(f.at("openTime"), () -> SlaBudget.openTime(open));
    }
    int days = f.intValue("workingDays");
    return Fields.value(f.at("workingDays"), () -> SlaBudget.workingDays(days));
  }

  static SlaPolicy slaPolicy(Fields f) {
    String id = f.text("id");
    String calendar = f.text("calendar");
    SlaPolicy.Builder b =
        f.buildNaming(() -> SlaPolicy.builder(id, calendar), field -> field.equals("calendarId") ? "calendar" : field);
    Map<Level, String> keys = new HashMap<>();
    for (Map.Entry<String, Fields> member : f.members("levels").entrySet()) {
      b.level(levelOnce(keys, member, "levels"), slaBudget(member.getValue()));
    }
    Map<Level, String> priorityKeys = new HashMap<>();
    for (Map.Entry<String, Fields> member : f.members("priorities").entrySet()) {
      Level level = levelOnce(priorityKeys, member, "priorities");
      for (Map.Entry<String, Fields> budget : member.getValue().members().entrySet()) {
        Priority priority = member.getValue().constant(budget.getKey(), budget.getValue().path(), Priority.class);
        b.level(level, priority, slaBudget(budget.getValue()));
      }
    }
    b.otherwise(slaBudget(f.object("otherwise")));
    return f.build(b::build);
  }

  /**
   * The level a member of an SLA policy's {@code section} is keyed by, refusing a level the
   * section gives twice (as {@code L1} and {@code 1}, say); {@code keys} holds those seen so far.
   */
  private static Level levelOnce(Map<Level, String> keys, Map.Entry<String, Fields> member, String section) {
    String key = member.getKey();
    String path = member.getValue().path();
    Level level = Fields.level(key, path);
    String earlier = keys.putIfAbsent(level, key);
    if (earlier != null) {
      throw ReadFailure.invalidValue(path, new InvalidInputException(
          section, "must give each level once (" + level + " is given as '" + earlier + "' and '" + key + "')"));
    }
    return level;
  }

  static SlaTimer slaTimer(Fields f) {
    SlaPolicy policy = slaPolicy(f.object("policy"));
    Level level = f.level("level");
    Duration budget = f.duration("budget");
    Duration consumed = f.duration("consumed");
    Instant since = f.instant("since");
    boolean running = f.booleanValue("running");
    Optional<Instant> deadline = f.optionalInstant("deadline");
    Instant started = f.optionalInstant("started").orElse(since); // absent before timers recorded it
    return f.build(() -> new SlaTimer(policy, level, budget, consumed, since, running, deadline, started));
  }

  static FirstResponse firstResponse(Fields f) {
    Instant dueAt = f.instant("dueAt");
    Optional<Instant> firstContactAt = f.optionalInstant("firstContactAt");
    boolean missedActedOn = f.booleanValue("missedActedOn");
    return f.build(() -> new FirstResponse(dueAt, firstContactAt, missedActedOn));
  }

  // -- actor ----------------------------------------------------------------------------------

  static Actor actor(Fields f) {
    String role = f.text(JsonNames.ROLE);
    return switch (role) {
      case JsonNames.ROLE_CITIZEN -> {
        PhoneNumber phone = phone(f, "phone");
        yield f.build(() -> new Actor.Citizen(phone));
      }
      case JsonNames.ROLE_AGENT -> {
        String agentId = f.text("agentId");
        yield f.build(() -> new Actor.Agent(agentId));
      }
      case JsonNames.ROLE_OFFICER -> {
        String officerId = f.text("officerId");
        PostId post = postId(f, "post");
        yield f.build(() -> new Actor.Officer(officerId, post));
      }
      case JsonNames.ROLE_SUPERVISOR -> {
        String officerId = f.text("officerId");
        PostId post = postId(f, "post");
        yield f.build(() -> new Actor.Supervisor(officerId, post));
      }
      case JsonNames.ROLE_SYSTEM -> {
        String component = f.text("component");
        yield f.build(() -> new Actor.SystemProcess(component));
      }
      default -> throw ReadFailure.unknownType(
          f.at(JsonNames.ROLE), "actor role", role, Actor.class, String.join(", ", JsonNames.ROLES));
    };
  }

  // -- complaint ------------------------------------------------------------------------------

  /** The {@code priority} of a complaint or registration; absent (documents before priorities) is NORMAL. */
  private static Priority priority(Fields f) {
    return f.has("priority") ? f.enumValue("priority", Priority.class) : Priority.NORMAL;
  }

  static Complaint complaint(Fields f) {
    Complaint.Builder b =
        Complaint.builder()
            .id(complaintId(f, "id"))
            .tenant(tenant(f))
            .references(references(f))
            .kind(f.enumValue("kind", Kind.class))
            .channel(f.enumValue("channel", Channel.class))
            .citizen(citizen(f.object("citizen")))
            .categoryCode(f.text("categoryCode"))
            .jurisdictionCode(f.text("jurisdictionCode"))
            .description(f.text("description"))
            .attachments(attachments(f, "attachments"))
            .status(f.enumValue("status", Status.class))
            .priority(priority(f))
            .location(optionalLocation(f))
            .assignment(f.optionalObject("assignment").map(Readers::assignment))
            .resolution(f.optionalObject("resolution").map(Readers::resolution))
            .closure(f.optionalObject("closure").map(Readers::closure))
            .rating(f.optionalInt("rating"))
            .returnCount(f.intValue("returnCount"))
            .reopenCount(f.intValue("reopenCount"))
            .transferCount(f.intValue("transferCount"))
            .unreachableAttempts(f.intValue("unreachableAttempts"))
            .sla(f.optionalObject("sla").map(Readers::slaTimer))
            .specialClosureRequest(f.optionalObject("specialClosureRequest").map(Readers::specialClosureRequest))
            .firstResponse(f.optionalObject("firstResponse").map(Readers::firstResponse))
            .flags(f.enumValues("flags", ComplaintFlag.class))
            .registeredAt(f.instant("registeredAt"))
            .updatedAt(f.instant("updatedAt"))
            .version(f.longValue("version"));
    return f.buildWhole(b::build);
  }

  // -- events ---------------------------------------------------------------------------------

  static ComplaintEvent event(Fields f) {
    String type = f.text(JsonNames.TYPE);
    if (!JsonNames.EVENT_TYPES.contains(type)) {
      throw ReadFailure.unknownType(
          f.at(JsonNames.TYPE), "event type", type, ComplaintEvent.class, String.join(", ", JsonNames.EVENT_TYPES));
    }
    ComplaintId id = complaintId(f, "complaintId");
    long seq = f.longValue("sequence");
    Instant at = f.instant("occurredAt");
    Actor actor = actor(f.object("actor"));
    return switch (type) {
      case "ComplaintRegistered" -> {
        Kind kind = f.enumValue("kind", Kind.class);
        Channel channel = f.enumValue("channel", Channel.class);
        Complainant citizen = citizen(f.object("citizen"));
        String category = f.text("categoryCode");
        String jurisdiction = f.text("jurisdictionCode");
        String description = f.text("description");
        List<Attachment> attachments = attachments(f, "attachments");
        var key = f.optionalText("idempotencyKey");
        Priority priority = priority(f);
        Optional<Location> location = optionalLocation(f);
        TenantId tenant = tenant(f);
        List<ExternalReference> references = references(f);
        yield f.build(() -> new ComplaintRegistered(
            id, seq, at, actor, kind, channel, citizen, category, jurisdiction, description, attachments, key, priority,
            location, tenant, references));
      }
      case "ComplaintAssigned" -> {
        Assignment assignment = assignment(f.object("assignment"));
        yield f.build(() -> new ComplaintAssigned(id, seq, at, actor, assignment));
      }
      case "WorkStarted" -> f.build(() -> new WorkStarted(id, seq, at, actor));
      case "InformationRequested" -> {
        String note = f.text("note");
        yield f.build(() -> new InformationRequested(id, seq, at, actor, note));
      }
      case "InformationProvided" -> {
        String note = f.text("note");
        List<Attachment> attachments = attachments(f, "attachments");
        yield f.build(() -> new InformationProvided(id, seq, at, actor, note, attachments));
      }
      case "ResolutionFiled" -> {
        String reply = f.text("reply");
        List<Attachment> attachments = attachments(f, "attachments");
        yield f.build(() -> new ResolutionFiled(id, seq, at, actor, reply, attachments));
      }
      case "ReplyReturned" -> {
        String reason = f.text("reason");
        yield f.build(() -> new ReplyReturned(id, seq, at, actor, reason));
      }
      case "CitizenSatisfied" -> {
        var rating = f.optionalInt("rating");
        var remark = f.optionalText("remark");
        yield f.build(() -> new CitizenSatisfied(id, seq, at, actor, rating, remark));
      }
      case "CitizenDissatisfied" -> {
        var rating = f.optionalInt("rating");
        String reason = f.text("reason");
        yield f.build(() -> new CitizenDissatisfied(id, seq, at, actor, rating, reason));
      }
      case "CitizenUnreachable" -> {
        var remark = f.optionalText("remark");
        yield f.build(() -> new CitizenUnreachable(id, seq, at, actor, remark));
      }
      case "ComplaintEscalated" -> {
        Assignment from = assignment(f.object("from"));
        Assignment to = assignment(f.object("to"));
        String reason = f.text("reason");
        yield f.build(() -> new ComplaintEscalated(id, seq, at, actor, from, to, reason));
      }
      case "ComplaintTransferred" -> {
        Assignment from = assignment(f.object("from"));
        Assignment to = assignment(f.object("to"));
        String reason = f.text("reason");
        yield f.build(() -> new ComplaintTransferred(id, seq, at, actor, from, to, reason));
      }
      case "ComplaintReassigned" -> {
        Assignment from = assignment(f.object("from"));
        Assignment to = assignment(f.object("to"));
        String reason = f.text("reason");
        yield f.build(() -> new ComplaintReassigned(id, seq, at, actor, from, to, reason));
      }
      case "ComplaintFlagged" -> {
        ComplaintFlag flag = f.enumValue("flag", ComplaintFlag.class);
        String detail = f.text("detail");
        var attention = f.optionalText("attention").map(s -> Fields.value(f.at("attention"), () -> new PostId(s)));
        yield f.build(() -> new ComplaintFlagged(id, seq, at, actor, flag, detail, attention));
      }
      case "SlaTimerSet" -> {
        SlaTimer timer = slaTimer(f.object("timer"));
        yield f.build(() -> new SlaTimerSet(id, seq, at, actor, timer));
      }
      case "ComplaintRejected" -> {
        RejectionReason reason = f.enumValue("reason", RejectionReason.class);
        String remark = f.text("remark");
        var duplicateOf =
            f.optionalText("duplicateOf").map(s -> Fields.value(f.at("duplicateOf"), () -> new ComplaintId(s)));
        yield f.build(() -> new ComplaintRejected(id, seq, at, actor, reason, remark, duplicateOf));
      }
      case "ComplaintSpeciallyClosed" -> {
        String reason = f.text("reason");
        yield f.build(() -> new ComplaintSpeciallyClosed(id, seq, at, actor, reason));
      }
      case "ComplaintWithdrawn" -> {
        var reason = f.optionalText("reason");
        yield f.build(() -> new ComplaintWithdrawn(id, seq, at, actor, reason));
      }
      case "ComplaintReopened" -> {
        String reason = f.text("reason");
        yield f.build(() -> new ComplaintReopened(id, seq, at, actor, reason));
      }
      case "ReplyAccepted" -> {
        var remark = f.optionalText("remark");
        yield f.build(() -> new ComplaintEvent.ReplyAccepted(id, seq, at, actor, remark));
      }
      case "ComplaintAppealed" -> {
        Assignment from = assignment(f.object("from"));
        Assignment to = assignment(f.object("to"));
        String reason = f.text("reason");
        yield f.build(() -> new ComplaintEvent.ComplaintAppealed(id, seq, at, actor, from, to, reason));
      }
      case "ComplaintClosedUnverified" -> {
        var kind = f.enumValue("kind", org.nivaran.grievance.complaint.ClosureKind.class);
        String remark = f.text("remark");
        yield f.build(() -> new ComplaintEvent.ComplaintClosedUnverified(id, seq, at, actor, kind, remark));
      }
      case "DuplicateLinked" -> {
        var channel = f.enumValue("channel", org.nivaran.grievance.complaint.Channel.class);
        String description = f.text("description");
        List<Attachment> attachments = attachments(f, "attachments");
        var key = f.optionalText("idempotencyKey");
        List<ExternalReference> references = references(f);
        Optional<Complainant> caller = f.optionalObject("caller").map(Readers::citizen);
        yield f.build(() -> new ComplaintEvent.DuplicateLinked(
            id, seq, at, actor, channel, description, attachments, key, references, caller));
      }
      case "SpecialClosureRequested", "SpecialClosureApproved", "SpecialClosureRefused" -> {
        SpecialClosureReason reason = f.enumValue("reason", SpecialClosureReason.class);
        String remark = f.text("remark");
        yield f.build(() -> switch (type) {
          case "SpecialClosureRequested" -> new ComplaintEvent.SpecialClosureRequested(id, seq, at, actor, reason, remark);
          case "SpecialClosureApproved" -> new ComplaintEvent.SpecialClosureApproved(id, seq, at, actor, reason, remark);
          default -> new ComplaintEvent.SpecialClosureRefused(id, seq, at, actor, reason, remark);
        });
      }
      case "ContactRecorded" -> {
        var outcome = f.enumValue("outcome", ContactOutcome.class);
        var remark = f.optionalText("remark");
        yield f.build(() -> new ComplaintEvent.ContactRecorded(id, seq, at, actor, outcome, remark));
      }
      case "SpecialClosureDueSet" -> {
        Optional<PostId> approver = optionalPostId(f, "approver");
        Instant dueAt = f.instant("dueAt");
        yield f.build(() -> new ComplaintEvent.SpecialClosureDueSet(id, seq, at, actor, approver, dueAt));
      }
      case "FirstResponseDueSet" -> {
        Instant dueAt = f.instant("dueAt");
        yield f.build(() -> new ComplaintEvent.FirstResponseDueSet(id, seq, at, actor, dueAt));
      }
      case "PriorityChanged" -> {
        Priority from = f.enumValue("from", Priority.class);
        Priority to = f.enumValue("to", Priority.class);
        String reason = f.text("reason");
        yield f.build(() -> new ComplaintEvent.PriorityChanged(id, seq, at, actor, from, to, reason));
      }
      case "FlagCleared" -> {
        ComplaintFlag flag = f.enumValue("flag", ComplaintFlag.class);
        String note = f.text("note");
        yield f.build(() -> new ComplaintEvent.FlagCleared(id, seq, at, actor, flag, note));
      }
      default -> throw new IllegalStateException("event type " + type + " is listed but has no reader");
    };
  }
}
