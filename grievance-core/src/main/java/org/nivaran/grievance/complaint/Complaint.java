package org.nivaran.grievance.complaint;

import org.nivaran.grievance.actor.Level;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.sla.SlaTimer;
import org.immutables.value.Value;
import org.nivaran.grievance.tenant.TenantId;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Masking;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.internal.Texts;

/**
 * A complaint's current state: what the citizen raised, where it is, and how far it has come.
 *
 * <p>A complaint is never edited; {@link Lifecycle#evolve} derives the next state from an event,
 * and {@link Lifecycle#replay} rebuilds it from its whole event log. Its {@link #version()} is the
 * number of events applied, which the store uses for optimistic concurrency.
 *
 * <p>{@link #toString()} masks the citizen's number and name. Immutable and thread-safe. Two
 * complaints are equal when every attribute is equal.
 */
@Value.Immutable
public abstract class Complaint {
  Complaint() {}

  /**
   * The human-readable id.
   *
   * @return the id
   */
  public abstract ComplaintId id();

  /**
   * Whose complaint it is: the tenant it was registered in, which never changes.
   * {@link TenantId#DEFAULT} for a setup that names no tenant.
   *
   * @return the tenant
   */
  @Value.Default
  public TenantId tenant() {
    return TenantId.DEFAULT;
  }

  /**
   * Its numbers in other systems (a portal's or a helpline's own id for the same grievance), at
   * most one per source; empty for a grievance known only here.
   *
   * @return the references, in the order they were recorded
   */
  public abstract List<ExternalReference> references();

  /**
   * What was raised.
   *
   * @return the kind
   */
  public abstract Kind kind();

  /**
   * How it arrived.
   *
   * @return the channel
   */
  public abstract Channel channel();

  /**
   * Who raised it.
   *
   * @return the citizen
   */
  public abstract Complainant citizen();

  /**
   * The classified complaint type.
   *
   * @return the category code
   */
  public abstract String categoryCode();

  /**
   * Where it is.
   *
   * @return the jurisdiction code
   */
  public abstract String jurisdictionCode();

  /**
   * The citizen's account.
   *
   * @return the description
   */
  public abstract String description();

  /**
   * Documents by reference: those given at registration, then those the citizen provided later.
   *
   * @return the attachments
   */
  public abstract List<Attachment> attachments();

  /**
   * Where it is on the map, with its address line and landmark, if the citizen gave it; set at
   * registration.
   *
   * @return the location, if any
   */
  public abstract Optional<Location> location();

  /**
   * Where it is in its lifecycle.
   *
   * @return the status
   */
  public abstract Status status();

  /**
   * The post responsible, its department and level; empty only while {@link Status#REGISTERED}
   * (or rejected or withdrawn before it was ever assigned).
   *
   * @return the assignment
   */
  public abstract Optional<Assignment> assignment();

  /**
   * The latest action-taken reply, if one was filed.
   *
   * @return the resolution
   */
  public abstract Optional<Resolution> resolution();

  /**
   * How it was closed, rejected or withdrawn; empty while open.
   *
   * @return the closure
   */
  public abstract Optional<Closure> closure();

  /**
   * The citizen's latest rating of the resolution, 1 (poor) to 5 (excellent).
   *
   * @return the rating, if one was given
   */
  public abstract Optional<Integer> rating();

  /**
   * How many times a reply was returned as of poor quality.
   *
   * @return the count
   */
  public abstract int returnCount();

  /**
   * How many times it was reopened.
   *
   * @return the count
   */
  public abstract int reopenCount();

  /**
   * How many times it was transferred to another department.
   *
   * @return the count
   */
  public abstract int transferCount();

  /**
   * How many verification calls failed to reach the citizen since the latest reply.
   *
   * @return the count
   */
  public abstract int unreachableAttempts();

  /**
   * The special closure its post's officer asked for, while a second person has not approved or
   * refused it (see {@link ComplaintCommand.RequestSpecialClosure}); it lapses when the complaint
   * moves to another post, a reply is filed, or the complaint leaves the open states.
   *
   * @return the pending request, if any
   */
  public abstract Optional<SpecialClosureRequest> specialClosureRequest();

  /**
   * The SLA clock of the current level, with the policy in force recorded when the complaint was
   * first assigned; empty before assignment, right after a move to another post until the new
   * level's clock is set, and for complaints no SLA policy applies to.
   *
   * @return the timer, if any
   */
  public abstract Optional<SlaTimer> sla();

  /**
   * How urgent it is: the priority it was registered with, or the latest a supervisor set;
   * {@link Priority#NORMAL} unless set (and for complaints stored before priorities existed).
   *
   * @return the priority
   */
  @Value.Default
  public Priority priority() {
    return Priority.NORMAL;
  }

  /**
   * The flags set on the complaint (see {@link ComplaintFlag} for when each is cleared).
   *
   * @return the flags
   */
  public abstract Set<ComplaintFlag> flags();

  /**
   * When it was registered.
   *
   * @return the instant
   */
  public abstract Instant registeredAt();

  /**
   * When its latest event happened.
   *
   * @return the instant
   */
  public abstract Instant updatedAt();

  /**
   * The number of events applied; 1 after registration.
   *
   * @return the version
   */
  public abstract long version();

  /**
   * The post responsible, if assigned.
   *
   * @return the post
   */
  public Optional<PostId> post() {
    return assignment().map(Assignment::post);
  }

  /**
   * The level of the responsible post, if assigned.
   *
   * @return the level
   */
  public Optional<Level> level() {
    return assignment().map(Assignment::level);
  }

  /**
   * The first-response duty, recorded at the first assignment when a
   * {@link org.nivaran.grievance.sla.FirstResponsePolicy} applies; empty otherwise. It stays when
   * the complaint moves to another post.
   *
   * @return the duty, if any
   */
  public abstract Optional<FirstResponse> firstResponse();

  /**
   * When the escalator must act on the complaint: the earliest of {@link #slaDueAt()},
   * {@link #firstResponseDueAt()} and {@link #specialClosureDueAt()}. Stores index this instant to
   * find due complaints without a scan.
   *
   * @return the due instant, if the complaint is due at some point
   */
  public Optional<Instant> dueAt() {
    return java.util.stream.Stream.of(slaDueAt(), firstResponseDueAt(), specialClosureDueAt())
        .flatMap(Optional::stream)
        .min(java.util.Comparator.naturalOrder());
  }

  /**
   * The approval deadline of its pending special-closure request, while it counts (the
   * special-closure policy limits the wait, and the complaint is not flagged
   * {@link ComplaintFlag#SPECIAL_CLOSURE_OVERDUE}).
   *
   * @return the request's due instant, if any
   */
  public Optional<Instant> specialClosureDueAt() {
    return specialClosureRequest().flatMap(SpecialClosureRequest::dueAt);
  }

  /**
   * The deadline of its level's running SLA clock, while it waits on its post (assigned, in
   * progress, returned or reopened) and is not flagged as stuck or overdue at the top rung.
   *
   * @return the SLA's due instant, if any
   */
  public Optional<Instant> slaDueAt() {
    if (!DUE_STATES.contains(status()) || flags().stream().anyMatch(ComplaintFlag::isEscalationFlag)) {
      return Optional.empty();
    }
    return sla().filter(SlaTimer::running).flatMap(SlaTimer::deadline);
  }

  /**
   * The first-response deadline while it is {@linkplain FirstResponse#pending() pending} (no
   * contact recorded, no miss acted on) and the complaint waits on its post (assigned, in
   * progress, returned or reopened).
   *
   * @return the first response's due instant, if any
   */
  public Optional<Instant> firstResponseDueAt() {
    if (!DUE_STATES.contains(status())) {
      return Optional.empty();
    }
    return firstResponse().filter(FirstResponse::pending).map(FirstResponse::dueAt);
  }

  private static final Set<Status> DUE_STATES =
      java.util.Collections.unmodifiableSet(
          java.util.EnumSet.of(Status.ASSIGNED, Status.IN_PROGRESS, Status.RETURNED, Status.REOPENED));

  /**
   * The complaint for logs and messages: every attribute, with the citizen masked (see
   * {@link Complainant#toString()}) and the citizen's number and name masked wherever else they
   * appear, in the description, a reply or a remark (see
   * {@link org.nivaran.grievance.actor.Masking#scrub}).
   *
   * @return the masked description
   */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Complaint{id=").append(id());
    if (!tenant().isDefault()) {
      b.append(", tenant=").append(tenant());
    }
    if (!references().isEmpty()) {
      b.append(", references=").append(references());
    }
    b.append(", kind=").append(kind())
        .append(", channel=").append(channel())
        .append(", citizen=").append(citizen())
        .append(", categoryCode=").append(categoryCode())
        .append(", jurisdictionCode=").append(jurisdictionCode())
        .append(", description=").append(description())
        .append(", attachments=").append(attachments());
    location().ifPresent(l -> b.append(", location=").append(l));
    b.append(", status=").append(status())
        .append(", priority=").append(priority());
    assignment().ifPresent(a -> b.append(", assignment=").append(a));
    resolution().ifPresent(r -> b.append(", resolution=").append(r));
    closure().ifPresent(c -> b.append(", closure=").append(c));
    rating().ifPresent(r -> b.append(", rating=").append(r));
    b.append(", returnCount=").append(returnCount())
        .append(", reopenCount=").append(reopenCount())
        .append(", transferCount=").append(transferCount())
        .append(", unreachableAttempts=").append(unreachableAttempts());
    sla().ifPresent(t -> b.append(", sla=").append(t));
    specialClosureRequest().ifPresent(r -> b.append(", specialClosureRequest=").append(r));
    firstResponse().ifPresent(f -> b.append(", firstResponse=").append(f));
    b.append(", flags=").append(flags())
        .append(", registeredAt=").append(registeredAt())
        .append(", updatedAt=").append(updatedAt())
        .append(", version=").append(version())
        .append('}');
    return Masking.scrub(b.toString(), citizen().phone(), citizen().name());
  }

  /**
   * A builder, for storage adapters and serialisers that restore a complaint they saved. Ordinary
   * code gets complaints from {@code Grievances} or {@link Lifecycle#replay}. {@code build()} checks
   * the invariants every complaint keeps (see {@link #checkInvariants()}).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Refuses a complaint that no event log could produce: a missing attribute, a version below 1, an
   * open complaint other than a registered one without an assignment, a closure that does not
   * match the status (one is required exactly when it is not open, of a {@link ClosureKind} that
   * leads to that status), a rating outside 1 to 5, a negative count.
   *
   * @throws org.nivaran.grievance.InvalidInputException naming the attribute
   */
  @Value.Check
  void checkInvariants() {
    Texts.required(id(), "id");
    ExternalReference.distinctSources(references(), "references");
    Texts.required(kind(), "kind");
    Texts.required(channel(), "channel");
    Texts.required(citizen(), "citizen");
    Texts.code(categoryCode(), "categoryCode");
    Texts.code(jurisdictionCode(), "jurisdictionCode");
    Texts.multiLine(description(), "description", RegisterComplaint.MAX_DESCRIPTION_LENGTH); // checked, kept as given
    Texts.required(status(), "status");
    Texts.required(assignment(), "assignment");
    Texts.required(resolution(), "resolution");
    Texts.required(closure(), "closure");
    Texts.required(rating(), "rating");
    Texts.required(specialClosureRequest(), "specialClosureRequest");
    if (!status().isOpen() && specialClosureRequest().isPresent()) {
      throw new InvalidInputException("specialClosureRequest", "must be empty in state " + status());
    }
    Texts.required(registeredAt(), "registeredAt");
    Texts.required(updatedAt(), "updatedAt");
    if (version() < 1) {
      throw new InvalidInputException("version", "must be at least 1 (was " + version() + ")");
    }
    if (status().isOpen() && status() != Status.REGISTERED && assignment().isEmpty()) {
      throw new InvalidInputException("assignment", "is required in state " + status());
    }
    if (status().isOpen() == closure().isPresent()) {
      throw new InvalidInputException(
          "closure", status().isOpen() ? "must be empty in open state " + status() : "is required in state " + status());
    }
    closure().map(Closure::kind).filter(kind -> statusOf(kind) != status()).ifPresent(kind -> {
      throw new InvalidInputException("closure", "of kind " + kind + " does not match state " + status());
    });
    Ratings.check(rating());
    if (updatedAt().isBefore(registeredAt())) {
      throw new InvalidInputException("updatedAt", "must not be before registeredAt (" + registeredAt() + ")");
    }
    if ((status() == Status.RESOLVED || status() == Status.RETURNED) && resolution().isEmpty()) {
      throw new InvalidInputException("resolution", "is required in state " + status());
    }
    if (status() == Status.REGISTERED && assignment().isPresent()) {
      throw new InvalidInputException("assignment", "must be empty in state REGISTERED");
    }
    if (closure().filter(c -> c.duplicateOf().isPresent() != (c.kind() == ClosureKind.DUPLICATE)).isPresent()) {
      throw new InvalidInputException("closure.duplicateOf", "is required for, and only for, a DUPLICATE closure");
    }
    notNegative(returnCount(), "returnCount");
    notNegative(reopenCount(), "reopenCount");
    notNegative(transferCount(), "transferCount");
    notNegative(unreachableAttempts(), "unreachableAttempts");
    Texts.required(sla(), "sla");
    Texts.required(firstResponse(), "firstResponse");
    sla().filter(t -> !level().filter(t.level()::equals).isPresent()).ifPresent(t -> {
      throw new InvalidInputException(
          "sla.level", "must be the complaint's level " + level().map(Object::toString).orElse("(none)") + " (was " + t.level() + ")");
    });

  }

  private static void notNegative(int count, String field) {
    if (count < 0) {
      throw new InvalidInputException(field, "must not be negative (was " + count + ")");
    }
  }

  private static Status statusOf(ClosureKind kind) {
    return switch (kind) {
      case SATISFIED, SPECIAL_CLOSURE, UNCONFIRMED, NOT_SATISFIED -> Status.CLOSED;
      case DUPLICATE, OUT_OF_SCOPE, FAKE -> Status.REJECTED;
      case WITHDRAWN -> Status.WITHDRAWN;
    };
  }

  /** Builds a {@link Complaint}; see {@link Complaint#builder()}. Not thread-safe. */
  public static class Builder extends ImmutableComplaint.Builder {
    Builder() {}
  }
}
