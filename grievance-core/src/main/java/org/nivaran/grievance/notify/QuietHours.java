package org.nivaran.grievance.notify;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.internal.Texts;

/**
 * No SMS or WhatsApp message to a citizen at night: the policy that gives each such
 * {@link Notification} a {@link QuietWindow}, in which the outbox holds it until the quiet hours
 * end. Set it with {@link NotificationPolicy.Builder#quietHours}; {@link #none()} by default.
 *
 * <p>The rule, in one place ({@link #windowFor}): a notification gets a window when it goes to the
 * {@linkplain RecipientRole#CITIZEN citizen}, on one of the {@linkplain Builder#channels channels}
 * (SMS and WhatsApp unless set), and its kind is not one of the {@linkplain Builder#urgent urgent
 * kinds} (none unless set). Officers are not held: their duty hours are the SLA calendar's
 * business. The window's zone is the citizen's: the zone given for the complaint's jurisdiction
 * ({@link Builder#zone(String, ZoneId)}), else the policy's {@linkplain Builder#zone(ZoneId) zone},
 * else the notification policy's zone.
 *
 * <p>Messages can only wait where they are stored: {@code Grievances} refuses quiet hours unless
 * its store keeps a {@linkplain org.nivaran.grievance.store.TransactionalOutbox transactional
 * outbox}, and refuses a jurisdiction code its directory does not have. The outbox relay checks a
 * message's window each time it would deliver it, so a retry due at night waits too.
 *
 * <pre>{@code
 * QuietHours night = QuietHours.between(LocalTime.of(21, 0), LocalTime.of(8, 0))
 *     .urgent(Set.of(NotificationKind.CLOSED))
 *     .zone("PORT-BLAIR", ZoneId.of("Asia/Kolkata"))
 *     .build();
 * NotificationPolicy policy = NotificationPolicy.builder().quietHours(night).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class QuietHours {
  private static final QuietHours NONE = new QuietHours(null);

  private final LocalTime from;
  private final LocalTime until;
  private final Set<DeliveryChannel> channels;
  private final Set<NotificationKind> urgent;
  private final Optional<ZoneId> zone;
  private final Map<String, ZoneId> jurisdictionZones;

  private QuietHours(Builder b) {
    if (b == null) {
      from = null;
      until = null;
      channels = Set.of();
      urgent = Set.of();
      zone = Optional.empty();
      jurisdictionZones = Map.of();
      return;
    }
    from = b.from;
    until = b.until;
    channels = Collections.unmodifiableSet(EnumSet.copyOf(b.channels));
    urgent = b.urgent.isEmpty()
        ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(b.urgent));
    zone = b.zone;
    jurisdictionZones = Collections.unmodifiableMap(new LinkedHashMap<>(b.jurisdictionZones));
  }

  /**
   * No quiet hours: every message is delivered when due.
   *
   * @return the policy
   */
  public static QuietHours none() {
    return NONE;
  }

  /**
   * Quiet hours from {@code from} until {@code until} on the citizen's wall clock, across midnight
   * when {@code from} is after {@code until}.
   *
   * @param from when they begin, inclusive, e.g. 21:00
   * @param until when they end, exclusive, e.g. 08:00
   * @return a builder
   * @throws org.nivaran.grievance.InvalidInputException naming {@code quietHours.from} or
   *     {@code quietHours.until} if one is null or they are equal
   */
  public static Builder between(LocalTime from, LocalTime until) {
    new QuietWindow(from, until, ZoneId.of("UTC")); // validates, naming the field
    return new Builder(from, until);
  }

  /**
   * Whether this policy holds any message back.
   *
   * @return false for {@link #none()}
   */
  public boolean isQuiet() {
    return from != null;
  }

  /**
   * The jurisdiction codes given zones of their own, for the configuration check.
   *
   * @return the codes and their zones, in the order given
   */
  public Map<String, ZoneId> jurisdictionZones() {
    return jurisdictionZones;
  }

  /**
   * The quiet window of one message, if it has one (the rule in the class comment).
   *
   * @param complaint the complaint the message is about
   * @param kind what it is about
   * @param recipient who it goes to
   * @param channel how it travels
   * @param fallbackZone the zone when neither the jurisdiction nor this policy gives one
   * @return the window, or empty if the message may go at any hour
   */
  public Optional<QuietWindow> windowFor(
      Complaint complaint, NotificationKind kind, Recipient recipient, DeliveryChannel channel, ZoneId fallbackZone) {
    if (!isQuiet() || recipient.role() != RecipientRole.CITIZEN || !channels.contains(channel)
        || urgent.contains(kind)) {
      return Optional.empty();
    }
    ZoneId z = Optional.ofNullable(jurisdictionZones.get(complaint.jurisdictionCode())).or(() -> zone)
        .orElse(fallbackZone);
    return Optional.of(new QuietWindow(from, until, z));
  }

  @Override
  public String toString() {
    if (!isQuiet()) {
      return "QuietHours[none]";
    }
    return "QuietHours[" + from + "-" + until + ", channels=" + channels + ", urgent=" + urgent
        + zone.map(z -> ", zone=" + z).orElse("") + ", jurisdictionZones=" + jurisdictionZones + "]";
  }

  /** Builds {@link QuietHours}. Not thread-safe; use one builder per thread. */
  public static final class Builder {
    private final LocalTime from;
    private final LocalTime until;
    private Set<DeliveryChannel> channels = EnumSet.of(DeliveryChannel.SMS, DeliveryChannel.WHATSAPP);
    private Set<NotificationKind> urgent = EnumSet.noneOf(NotificationKind.class);
    private Optional<ZoneId> zone = Optional.empty();
    private final Map<String, ZoneId> jurisdictionZones = new LinkedHashMap<>();

    private Builder(LocalTime from, LocalTime until) {
      this.from = from;
      this.until = until;
    }

    /**
     * The channels held at night; SMS and WhatsApp unless set.
     *
     * @param channels at least one channel
     * @return this builder
     * @throws org.nivaran.grievance.InvalidInputException naming {@code quietHours.channels} if empty
     */
    public Builder channels(Set<DeliveryChannel> channels) {
      Texts.required(channels, "quietHours.channels").forEach(c -> Texts.required(c, "quietHours.channels"));
      if (channels.isEmpty()) {
        throw new org.nivaran.grievance.InvalidInputException("quietHours.channels",
            "must name at least one channel; for no quiet hours use QuietHours.none()");
      }
      this.channels = EnumSet.copyOf(channels);
      return this;
    }

    /**
     * The kinds delivered at any hour; none unless set.
     *
     * @param kinds the urgent kinds, possibly none
     * @return this builder
     */
    public Builder urgent(Set<NotificationKind> kinds) {
      Texts.required(kinds, "quietHours.urgent").forEach(k -> Texts.required(k, "quietHours.urgent"));
      this.urgent = kinds.isEmpty() ? EnumSet.noneOf(NotificationKind.class) : EnumSet.copyOf(kinds);
      return this;
    }

    /**
     * The citizens' zone where no jurisdiction gives one; the notification policy's zone unless
     * set.
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      this.zone = Optional.of(Texts.required(zone, "quietHours.zone"));
      return this;
    }

    /**
     * The zone of the citizens of one jurisdiction: complaints registered under exactly this
     * jurisdiction code. {@code Grievances} refuses a code its directory does not have.
     *
     * @param jurisdictionCode the jurisdiction's code
     * @param zone its citizens' zone
     * @return this builder
     */
    public Builder zone(String jurisdictionCode, ZoneId zone) {
      Texts.code(jurisdictionCode, "quietHours.jurisdiction");
      jurisdictionZones.put(jurisdictionCode, Texts.required(zone, "quietHours.zone"));
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public QuietHours build() {
      return new QuietHours(this);
    }
  }
}
