package org.nivaran.grievance.notify;

import org.nivaran.grievance.tenant.TenantId;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.directory.Officer;
import org.nivaran.grievance.directory.Post;
import org.nivaran.grievance.directory.Posts;
import org.nivaran.grievance.internal.Texts;

/**
 * Decides who is told what: turns the events a command appended into {@link Notification}s.
 *
 * <pre>{@code
 * NotificationPolicy policy = NotificationPolicy.builder()
 *     .deadlines(complaint -> slaDeadlineOf(complaint))   // fills {deadline}; "-" without it
 *     .build();
 * List<Notification> out = policy.notificationsFor(after, appendedEvents, posts);
 * }</pre>
 *
 * <table>
 *   <caption>Events and notifications</caption>
 *   <tr><th>event</th><th>kind</th><th>to</th></tr>
 *   <tr><td>ComplaintRegistered</td><td>{@link NotificationKind#REGISTERED REGISTERED}</td><td>the citizen</td></tr>
 *   <tr><td>ComplaintAssigned</td><td>{@link NotificationKind#ASSIGNED ASSIGNED}</td><td>the holder of the post</td></tr>
 *   <tr><td>ComplaintTransferred</td><td>{@link NotificationKind#TRANSFERRED_TO_YOU TRANSFERRED_TO_YOU}</td><td>the holder of the new post</td></tr>
 *   <tr><td>ComplaintEscalated</td><td>{@link NotificationKind#ESCALATED_TO_YOU ESCALATED_TO_YOU}</td><td>the holder of the new post</td></tr>
 *   <tr><td>ComplaintEscalated to L3 or above</td><td>{@link NotificationKind#ESCALATED_SUPERVISOR ESCALATED_SUPERVISOR}</td>
 *       <td>the holder of every post above the new post</td></tr>
 *   <tr><td>ComplaintReassigned, ComplaintAppealed</td><td>{@link NotificationKind#ASSIGNED ASSIGNED}</td><td>the holder of the new post</td></tr>
 *   <tr><td>ComplaintFlagged naming an attention post</td><td>{@link NotificationKind#OVERDUE_AT_TOP
 *       OVERDUE_AT_TOP} for that flag, else {@link NotificationKind#FLAGGED FLAGGED}</td><td>the holder of
 *       the attention post (as head of department, nodal officer or supervisor, by its duties)</td></tr>
 *   <tr><td>ReplyReturned</td><td>{@link NotificationKind#RETURNED RETURNED}</td><td>the holder of the post</td></tr>
 *   <tr><td>ComplaintReopened</td><td>{@link NotificationKind#REOPENED_TO_YOU REOPENED_TO_YOU}</td><td>the holder of the post</td></tr>
 *   <tr><td>CitizenDissatisfied</td><td>{@link NotificationKind#CITIZEN_DISSATISFIED CITIZEN_DISSATISFIED}</td>
 *       <td>the holder of the post the complaint is with after the change: the same post, or the new
 *       post of an escalation or appeal that follows it; no post if a closure follows it</td></tr>
 *   <tr><td>ResolutionFiled</td><td>{@link NotificationKind#RESOLVED RESOLVED}</td><td>the citizen</td></tr>
 *   <tr><td>CitizenSatisfied, ComplaintSpeciallyClosed, ComplaintClosedUnverified, ComplaintRejected, ComplaintWithdrawn</td>
 *       <td>{@link NotificationKind#CLOSED CLOSED}</td><td>the citizen</td></tr>
 *   <tr><td>SpecialClosureRequested</td><td>{@link NotificationKind#SPECIAL_CLOSURE_REQUESTED
 *       SPECIAL_CLOSURE_REQUESTED}</td><td>the holder of the post one level above the complaint's</td></tr>
 *   <tr><td>SpecialClosureDueSet naming a post (the wait ran out, the approval moved up)</td><td>{@link
 *       NotificationKind#SPECIAL_CLOSURE_REQUESTED SPECIAL_CLOSURE_REQUESTED}</td><td>the holder of the post the
 *       approval moved to (after a late sweep's catch-up, only the last)</td></tr>
 *   <tr><td>SpecialClosureApproved</td><td>{@link NotificationKind#SPECIAL_CLOSURE_NOTICE
 *       SPECIAL_CLOSURE_NOTICE}, before the {@code CLOSED} of the closure that follows</td><td>the citizen</td></tr>
 *   <tr><td>SpecialClosureRefused</td><td>{@link NotificationKind#SPECIAL_CLOSURE_REFUSED
 *       SPECIAL_CLOSURE_REFUSED}</td><td>the holder of the post</td></tr>
 * </table>
 *
 * <p>Among the events given at once, an escalation that a later escalation follows (a late sweep
 * moving a complaint up several levels in one change) tells no one: only the last post it reaches,
 * and the posts above that one, are told. An escalation or appeal right after a
 * {@code CitizenDissatisfied} (the verification policy's {@code NEXT_LEVEL} or {@code APPEAL})
 * does not tell its new post again: that post was told {@link NotificationKind#CITIZEN_DISSATISFIED}
 * with the citizen's reason; with that kind disabled it is told as before. The reason of a
 * reopening or a dissatisfaction reaches the officer with the citizen's own phone number and name
 * masked as {@link org.nivaran.grievance.actor.Masking#scrub} does.
 *
 * <p>A post is told through whoever answers for it when the event occurred
 * ({@link Posts#answering}): its holder, or, while it is vacant, the officer holding its
 * {@linkplain org.nivaran.grievance.directory.AdditionalCharge additional charge} in force then; the
 * recipient names the post. A vacant post with no charge in force, or one not in the
 * {@link Posts} given, is told nothing; that is not an error.
 * Other events tell no one. A kind not {@linkplain Builder#enabledKinds enabled} is never made by
 * {@link #notificationsFor} or {@link #toPost}.
 *
 * <p>Officers are written to in their own language, on WhatsApp if they opted in, else by SMS; the
 * citizen in Hindi if their language is {@code hi}, else in English, on WhatsApp if the complaint
 * came on WhatsApp, else by SMS.
 *
 * <p>Immutable and thread-safe, provided the deadline function is.
 */
public final class NotificationPolicy {
  /** The zone dates are shown in unless another is set: India Standard Time. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Kolkata");
  /** The most complaint numbers a {@link NotificationKind#HANDOVER} lists before "+N more". */
  public static final int MAX_LISTED_IDS = 20;
  /** The most code points of a reason or reply copied into a message; longer ones are cut. */
  public static final int MAX_REASON_LENGTH = 160;
  /** The value of a placeholder that has nothing to show. */
  public static final String NONE = "-";

  // This class is the public face and the settings. Behind it, one job a class:
  //   EventNotifications  who is told what about each event (the table above)
  //   MessageValues       the values a template's placeholders are filled with, and dates
  //   Addressing          the recipient, language and channel of the citizen and of officers

  private final Templates templates;
  private final ZoneId zone;
  private final Set<NotificationKind> enabledKinds;
  private final Function<Complaint, Optional<Instant>> deadlines;
  private final DateTimeFormatter dateFormat;
  private final QuietHours quietHours;

  private NotificationPolicy(Builder b) {
    this.quietHours = b.quietHours;
    this.templates = b.templates;
    this.zone = b.zone;
    this.enabledKinds = Collections.unmodifiableSet(EnumSet.copyOf(b.enabledKinds));
    this.deadlines = b.deadlines;
    this.dateFormat = MessageValues.dateFormat(zone);
  }

  /**
   * A builder with the default templates, zone {@link #DEFAULT_ZONE}, every kind enabled and no
   * deadlines.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The policy with every default.
   *
   * @return {@code builder().build()}
   */
  public static NotificationPolicy defaults() {
    return builder().build();
  }

  /**
   * The templates the texts come from.
   *
   * @return the templates
   */
  public Templates templates() {
    return templates;
  }

  /**
   * The zone dates are shown in.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * When citizens are not sent messages; {@link QuietHours#none()} unless set.
   *
   * @return the quiet hours
   */
  public QuietHours quietHours() {
    return quietHours;
  }

  /**
   * The kinds this policy makes.
   *
   * @return an unmodifiable set
   */
  public Set<NotificationKind> enabledKinds() {
    return enabledKinds;
  }

  /**
   * Whether this policy makes notifications of a kind.
   *
   * @param kind the kind
   * @return true if enabled
   */
  public boolean isEnabled(NotificationKind kind) {
    return enabledKinds.contains(Texts.required(kind, "kind"));
  }

  /**
   * An instant as messages show it, in {@link #zone()}: e.g. {@code 12 Mar 2024 17:30}, English
   * month abbreviations and ASCII digits whatever the language.
   *
   * @param instant the instant
   * @return the text
   */
  public String format(Instant instant) {
    return dateFormat.format(Texts.required(instant, "instant"));
  }

  /**
   * The notifications the events appended to a complaint call for, in event order and, within an
   * event, citizen or holder first and then supervisors from the lowest up.
   *
   * @param after the complaint after the events were applied; its citizen, channel and category
   *     are used, and the deadline function is asked about it
   * @param events the events just appended, in order, all of {@code after}
   * @param posts the posts, with their current holders
   * @return the notifications, possibly none
   * @throws InvalidInputException (field {@code events}) if an event belongs to another complaint
   */
  public List<Notification> notificationsFor(Complaint after, List<ComplaintEvent> events, Posts posts) {
    Texts.required(after, "after");
    Texts.required(posts, "posts");
    for (ComplaintEvent e : Texts.required(events, "events")) {
      if (!Texts.required(e, "events").complaintId().equals(after.id())) {
        throw new InvalidInputException(
            "events", "holds event " + e.sequence() + " of complaint " + e.complaintId() + ", not of " + after.id());
      }
    }
    String deadline = deadlineOf(after);
    return Collections.unmodifiableList(EventNotifications.of(this, after, events, posts, deadline));
  }

  /**
   * The notification to an officer taking charge of a post, listing the complaints pending with it.
   * It is made whatever {@link #enabledKinds()} says; ask {@link #isEnabled} first to honour it.
   *
   * @param post the post taken over
   * @param successor the officer taking charge
   * @param pending the complaints pending with the post, in the order to list them; at least one
   * @param at when the charge was taken
   * @return the notification: kind {@link NotificationKind#HANDOVER}, role
   *     {@link RecipientRole#POST_HOLDER}, event sequence 0, about the first pending complaint, with
   *     id {@code handover:POST:OFFICER@INSTANT}; {@code {count}} is the number pending and
   *     {@code {ids}} the first {@value #MAX_LISTED_IDS} then {@code +N more}
   * @throws InvalidInputException (field {@code pending}) if nothing is pending
   */
  public Notification handover(Post post, Officer successor, List<ComplaintId> pending, Instant at) {
    return handover(TenantId.DEFAULT, post, successor, pending, at);
  }

  /**
   * The handover message of a tenant's post: as {@link #handover(Post, Officer, List, Instant)},
   * about that tenant's pending complaints, its id {@code TENANT/handover:POST:OFFICER@INSTANT}
   * for a named tenant.
   *
   * @param tenant whose complaints are pending
   * @param post the post
   * @param successor the officer taking charge
   * @param pending the complaints pending with the post, in the order to list them; at least one
   * @param at when the charge was taken
   * @return the notification
   * @throws InvalidInputException (field {@code pending}) if nothing is pending
   */
  public Notification handover(TenantId tenant, Post post, Officer successor, List<ComplaintId> pending, Instant at) {
    Texts.required(tenant, "tenant");
    Texts.required(post, "post");
    Texts.required(successor, "successor");
    Texts.required(at, "at");
    List<ComplaintId> ids = List.copyOf(Texts.required(pending, "pending"));
    if (ids.isEmpty()) {
      throw new InvalidInputException("pending", "must name at least one complaint (was empty)");
    }
    Language language = Addressing.languageOf(successor, templates, NotificationKind.HANDOVER);
    Map<String, String> values = MessageValues.blank();
    MessageValues.putPost(values, post, post.level());
    values.put("count", Integer.toString(ids.size()));
    values.put("ids", MessageValues.listIds(ids, language));
    Recipient recipient = Addressing.officer(RecipientRole.POST_HOLDER, post, successor);
    String id = Notification.idIn(tenant, "handover:" + post.id().code() + ":" + successor.id() + "@" + at);
    return new Notification(
        id, ids.get(0), 0, NotificationKind.HANDOVER, recipient, Addressing.channelOf(successor), language,
        templates.render(NotificationKind.HANDOVER, language, values), at, Optional.empty(), tenant);
  }

  /**
   * A notification about a complaint to the holder of a post in a given role, for what no single
   * event reports: a complaint overdue at the top of its ladder, told to the head of department,
   * or one flagged for the district's nodal officer.
   *
   * <p>{@code {post}} and {@code {level}} are the complaint's current post and level, not the
   * recipient's; {@code {postTitle}} is the title of the recipient's post when the complaint is at
   * it, else {@value #NONE}.
   *
   * @param kind what it is about, e.g. {@link NotificationKind#OVERDUE_AT_TOP} or
   *     {@link NotificationKind#FLAGGED}
   * @param complaint the complaint
   * @param post the post to tell
   * @param role why its holder is told; not {@link RecipientRole#CITIZEN}
   * @param reason the {@code {reason}} value; cut to {@value #MAX_REASON_LENGTH} code points
   * @param eventSequence the complaint version it is about, which makes the id
   *     {@code COMPLAINT#SEQUENCE:KIND:ROLE:POST}, e.g. {@code RPR-2024-000001#5:overdue_at_top:head:CE-ENERGY}
   * @param at when it is made
   * @return the notification, or empty if the post is vacant or the kind is not enabled
   * @throws InvalidInputException naming the field, e.g. {@code role} for the citizen
   */
  public Optional<Notification> toPost(
      NotificationKind kind, Complaint complaint, Post post, RecipientRole role, String reason, long eventSequence, Instant at) {
    return toPost(kind, complaint, post, Texts.required(post, "post").holder(), role, reason, eventSequence, at);
  }

  /**
   * As the public {@code toPost}, to {@code answering}: the post's holder, or the officer in charge
   * of it while vacant ({@link Posts#answering}); none told if empty.
   */
  Optional<Notification> toPost(
      NotificationKind kind, Complaint complaint, Post post, Optional<Officer> answering, RecipientRole role, String reason,
      long eventSequence, Instant at) {
    Texts.required(kind, "kind");
    Texts.required(complaint, "complaint");
    Texts.required(post, "post");
    Texts.required(at, "at");
    if (Texts.required(role, "role") == RecipientRole.CITIZEN) {
      throw new InvalidInputException("role", "must be an officer's role, not CITIZEN");
    }
    Texts.multiLine(reason, "reason", Integer.MAX_VALUE);
    if (eventSequence < 1) {
      throw new InvalidInputException("eventSequence", "must be at least 1 (was " + eventSequence + ")");
    }
    if (!isEnabled(kind) || answering.isEmpty()) {
      return Optional.empty();
    }
    Officer officer = answering.get();
    Language language = Addressing.languageOf(officer, templates, kind);
    Map<String, String> values = MessageValues.ofComplaint(complaint, deadlineOf(complaint), reason);
    complaint.assignment().ifPresent(a -> {
      values.put("post", a.post().code());
      values.put("level", a.level().toString());
      if (a.post().equals(post.id())) {
        values.put("postTitle", post.title());
      }
    });
    Recipient recipient = Addressing.officer(role, post, officer);
    String id = Notification.idIn(complaint.tenant(),
        complaint.id() + "#" + eventSequence + ":" + kind.name().toLowerCase(Locale.ROOT) + ":" + recipient.key());
    return Optional.of(new Notification(
        id, complaint.id(), eventSequence, kind, recipient, Addressing.channelOf(officer), language,
        templates.render(kind, language, values), at, Optional.empty(), complaint.tenant()));
  }

  private String deadlineOf(Complaint complaint) {
    Optional<Instant> deadline = deadlines.apply(complaint);
    if (deadline == null) {
      throw new InvalidInputException("deadlines", "returned null for complaint " + complaint.id() + "; return Optional.empty()");
    }
    return deadline.map(this::format).orElse(NONE);
  }

  /** One line, at most {@link #MAX_REASON_LENGTH} code points, "..." marking a cut. */
  static String shorten(String text) {
    String line = text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    if (line.codePointCount(0, line.length()) <= MAX_REASON_LENGTH) {
      return line;
    }
    return line.substring(0, line.offsetByCodePoints(0, MAX_REASON_LENGTH - 3)) + "...";
  }

  /** Builds a {@link NotificationPolicy}. Not thread-safe; use one builder per thread. */
  public static final class Builder {
    private Templates templates = Templates.defaults();
    private ZoneId zone = DEFAULT_ZONE;
    private Set<NotificationKind> enabledKinds = EnumSet.allOf(NotificationKind.class);
    private Function<Complaint, Optional<Instant>> deadlines = complaint -> Optional.empty();
    private QuietHours quietHours = QuietHours.none();

    private Builder() {}

    /**
     * The hours in which no message goes to a citizen: each such notification carries its
     * {@link QuietWindow}, and the outbox holds it until the window ends. {@link QuietHours#none()}
     * unless set. {@code Grievances} refuses quiet hours without a store that keeps an outbox.
     *
     * @param quietHours the quiet hours
     * @return this builder
     */
    public Builder quietHours(QuietHours quietHours) {
      this.quietHours = Texts.required(quietHours, "quietHours");
      return this;
    }

    /**
     * The texts; {@link Templates#defaults()} unless set.
     *
     * @param templates the templates
     * @return this builder
     */
    public Builder templates(Templates templates) {
      this.templates = Texts.required(templates, "templates");
      return this;
    }

    /**
     * The zone dates are shown in; {@link #DEFAULT_ZONE} unless set.
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      this.zone = Texts.required(zone, "zone");
      return this;
    }

    /**
     * The kinds to make; all unless set. The set is copied.
     *
     * @param kinds the kinds, possibly none
     * @return this builder
     */
    public Builder enabledKinds(Set<NotificationKind> kinds) {
      Texts.required(kinds, "enabledKinds").forEach(k -> Texts.required(k, "enabledKinds"));
      this.enabledKinds = kinds.isEmpty() ? EnumSet.noneOf(NotificationKind.class) : EnumSet.copyOf(kinds);
      return this;
    }

    /**
     * Where the {@code {deadline}} value comes from: the instant by which the complaint must be
     * resolved at its current level, e.g. its SLA deadline. Unless set, or when it returns empty,
     * the placeholder shows {@value NotificationPolicy#NONE}. It must be thread-safe and must not
     * return null.
     *
     * @param deadlines the lookup, given the complaint after the events
     * @return this builder
     */
    public Builder deadlines(Function<Complaint, Optional<Instant>> deadlines) {
      this.deadlines = Texts.required(deadlines, "deadlines");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public NotificationPolicy build() {
      return new NotificationPolicy(this);
    }
  }
}
