package org.nivaran.grievance.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Role;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.internal.Texts;

/**
 * How many complaints one number may register per period, apart from the blocks of the
 * {@link FakeComplaintPolicy}. A registration that would exceed the limit is refused with a
 * {@link CallerLimitReachedException} saying when the number may register again; nothing is stored.
 *
 * <p>The period is either
 *
 * <ul>
 *   <li>a <b>calendar month</b> in a zone ({@link #perCalendarMonth}): the number's complaints
 *       registered from the first of the month at 00:00 in that zone count, and a number that has
 *       reached the limit may register again from the first of the next month at 00:00 (UP's "10
 *       per number per month" is {@code perCalendarMonth(10, ZoneId.of("Asia/Kolkata"))}); or
 *   <li>a <b>sliding window</b> ({@link #perWindow}): the complaints registered within the window
 *       before the registration (strictly after {@code at - window}) count, and the number may
 *       register again once the oldest of the last {@code limit} of them is a full window old.
 * </ul>
 *
 * <p>What counts: every complaint stored for the number (its {@code citizen.phone}) registered in
 * the period, except those registered through an {@linkplain #exemptingChannels exempt channel}.
 * A repeat linked to an open complaint by the {@link DuplicatePolicy} creates no complaint, so it
 * does not count, and it is linked, not refused, when the limit is reached. A retry of a
 * registration already stored (same idempotency key and request) replays it and is never refused.
 * Registrations through an exempt channel, or by an actor whose role is
 * {@linkplain #exemptingRoles exempt} (say supervisors), are never refused; a complaint an exempt
 * actor registers through a channel that is not exempt still counts for later registrations, as a
 * complaint does not record who registered it.
 *
 * <p>The limit is checked against the store before the complaint is created, not atomically with
 * it: registrations of one number racing on several threads or nodes may each pass and exceed it
 * by the number of racers. Counting needs a store with the caller's history
 * ({@link org.nivaran.grievance.store.CallerHistory#registrationInstants}): a registration reads only
 * the instants of the newest {@link #limit()} complaints of the period, from the store's index; with
 * exempt channels it reads those complaints ({@code newestRegistered}), more only while exempt ones
 * fill them.
 *
 * <p>Immutable and thread-safe.
 */
public final class CallerLimitPolicy {
  private static final CallerLimitPolicy NONE =
      new CallerLimitPolicy(0, Optional.empty(), Optional.empty(), Set.of(), Set.of());

  private final int limit;
  private final Optional<ZoneId> monthZone;
  private final Optional<Duration> window;
  private final Set<Channel> exemptChannels;
  private final Set<Role> exemptRoles;

  private CallerLimitPolicy(int limit, Optional<ZoneId> monthZone, Optional<Duration> window,
      Set<Channel> exemptChannels, Set<Role> exemptRoles) {
    this.limit = limit;
    this.monthZone = monthZone;
    this.window = window;
    this.exemptChannels = exemptChannels;
    this.exemptRoles = exemptRoles;
  }

  /**
   * No limit (the default).
   *
   * @return the policy
   */
  public static CallerLimitPolicy none() {
    return NONE;
  }

  /**
   * At most {@code limit} complaints per number per calendar month in a zone.
   *
   * @param limit at least 1
   * @param zone whose calendar months count
   * @return the policy, with no exemptions
   * @throws InvalidInputException (field {@code limit}) if less than 1
   * @throws NullPointerException if {@code zone} is null
   */
  public static CallerLimitPolicy perCalendarMonth(int limit, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    return new CallerLimitPolicy(checked(limit), Optional.of(zone), Optional.empty(), Set.of(), Set.of());
  }

  /**
   * At most {@code limit} complaints per number within any sliding window.
   *
   * @param limit at least 1
   * @param window positive
   * @return the policy, with no exemptions
   * @throws InvalidInputException (field {@code limit} or {@code window}) if out of range
   */
  public static CallerLimitPolicy perWindow(int limit, Duration window) {
    int checked = checked(limit);
    return new CallerLimitPolicy(checked, Optional.empty(), Optional.of(Texts.positive(window, "window")),
        Set.of(), Set.of());
  }

  private static int checked(int limit) {
    if (limit < 1) {
      throw new InvalidInputException("limit", "must be at least 1 (was " + limit + ")");
    }
    return limit;
  }

  /**
   * The same policy with registrations through these channels (say
   * {@link Channel#WALK_IN_HEARING}) neither refused nor counted; replaces earlier exempt channels.
   *
   * @param channels the exempt channels, none null
   * @return the policy
   * @throws NullPointerException if a channel is null
   * @throws IllegalStateException on {@link #none()}
   */
  public CallerLimitPolicy exemptingChannels(Channel... channels) {
    requireLimits();
    Set<Channel> set = EnumSet.noneOf(Channel.class);
    for (Channel c : Objects.requireNonNull(channels, "channels")) {
      set.add(Objects.requireNonNull(c, "channels[]"));
    }
    return new CallerLimitPolicy(limit, monthZone, window, Set.copyOf(set), exemptRoles);
  }

  /**
   * The same policy with registrations by actors of these roles (say {@link Role#SUPERVISOR})
   * never refused; replaces earlier exempt roles.
   *
   * @param roles the exempt roles, none null
   * @return the policy
   * @throws NullPointerException if a role is null
   * @throws IllegalStateException on {@link #none()}
   */
  public CallerLimitPolicy exemptingRoles(Role... roles) {
    requireLimits();
    Set<Role> set = EnumSet.noneOf(Role.class);
    for (Role r : Objects.requireNonNull(roles, "roles")) {
      set.add(Objects.requireNonNull(r, "roles[]"));
    }
    return new CallerLimitPolicy(limit, monthZone, window, exemptChannels, Set.copyOf(set));
  }

  private void requireLimits() {
    if (!limits()) {
      throw new IllegalStateException("CallerLimitPolicy.none() limits no one");
    }
  }

  /**
   * Whether the policy ever refuses.
   *
   * @return false for {@link #none()}
   */
  public boolean limits() {
    return limit > 0;
  }

  /**
   * How many complaints a number may register per period.
   *
   * @return at least 1, or 0 for {@link #none()}
   */
  public int limit() {
    return limit;
  }

  /**
   * The zone of a calendar-month policy.
   *
   * @return the zone, or empty for a sliding window or {@link #none()}
   */
  public Optional<ZoneId> calendarMonthZone() {
    return monthZone;
  }

  /**
   * The window of a sliding-window policy.
   *
   * @return the window, or empty for a calendar month or {@link #none()}
   */
  public Optional<Duration> window() {
    return window;
  }

  /**
   * The channels whose registrations are neither refused nor counted.
   *
   * @return the channels
   */
  public Set<Channel> exemptChannels() {
    return exemptChannels;
  }

  /**
   * The roles whose registrations are never refused.
   *
   * @return the roles
   */
  public Set<Role> exemptRoles() {
    return exemptRoles;
  }

  /**
   * Whether a registration through a channel by an actor is checked against the limit.
   *
   * @param channel the request's channel
   * @param actor who registers it
   * @return false for {@link #none()}, an exempt channel or an exempt actor's role
   */
  public boolean applies(Channel channel, Actor actor) {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(actor, "actor");
    return limits() && !exemptChannels.contains(channel) && !exemptRoles.contains(actor.role());
  }

  /**
   * The earliest registration instant that counts toward the limit at {@code at}: the start of the
   * calendar month in the zone, or {@code at} minus the window (exclusive: a complaint registered
   * exactly then no longer counts).
   *
   * @param at the instant of the registration
   * @return the instant
   * @throws IllegalStateException on {@link #none()}
   */
  public Instant countsFrom(Instant at) {
    Objects.requireNonNull(at, "at");
    requireLimits();
    if (window.isPresent()) {
      return at.minus(window.get());
    }
    return startOfMonth(at.atZone(monthZone.orElseThrow())).toInstant();
  }

  /**
   * Whether a registration at {@code at} is refused, and if so from when the number may register
   * again: with a calendar month, the first of the next month at 00:00 in the zone; with a window,
   * the instant the {@code limit}-th newest counted complaint is a full window old.
   *
   * @param registered the number's complaints registered since at least {@link #countsFrom}, in
   *     any order; those registered before the period, after {@code at}, or through an exempt
   *     channel are ignored
   * @param at the instant of the registration
   * @return when the number may register again, or empty if this registration is within the limit
   */
  public Optional<Instant> refusedUntil(List<Complaint> registered, Instant at) {
    Objects.requireNonNull(registered, "registered");
    return refusedUntilRegisteredAt(registered.stream()
        .filter(c -> !exemptChannels.contains(c.channel()))
        .map(Complaint::registeredAt)
        .toList(), at);
  }

  /**
   * {@link #refusedUntil} from the registration instants alone, for a history whose channels are
   * already known to count: what a store can answer from its index by number and instant without
   * reading a complaint.
   *
   * @param registeredAt when the number's counted complaints (none through an exempt channel) were
   *     registered, since at least {@link #countsFrom}, in any order; instants before the period or
   *     after {@code at} are ignored
   * @param at the instant of the registration
   * @return when the number may register again, or empty if this registration is within the limit
   */
  public Optional<Instant> refusedUntilRegisteredAt(List<Instant> registeredAt, Instant at) {
    Objects.requireNonNull(registeredAt, "registeredAt");
    Objects.requireNonNull(at, "at");
    if (!limits()) {
      return Optional.empty();
    }
    Instant from = countsFrom(at);
    List<Instant> counted = registeredAt.stream()
        .filter(t -> !t.isAfter(at) && (window.isPresent() ? t.isAfter(from) : !t.isBefore(from)))
        .sorted(Comparator.reverseOrder())
        .toList();
    if (counted.size() < limit) {
      return Optional.empty();
    }
    if (window.isPresent()) {
      return Optional.of(counted.get(limit - 1).plus(window.get()));
    }
    return Optional.of(startOfMonth(at.atZone(monthZone.orElseThrow())).plusMonths(1).toInstant());
  }

  private static ZonedDateTime startOfMonth(ZonedDateTime t) {
    return t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
  }

  @Override
  public String toString() {
    if (!limits()) {
      return "CallerLimitPolicy[none]";
    }
    return "CallerLimitPolicy[" + limit + " per " + window.map(w -> "window of " + w)
        .orElseGet(() -> "calendar month in " + monthZone.orElseThrow()) + ", exempt channels " + exemptChannels
        + ", exempt roles " + exemptRoles + "]";
  }
}
