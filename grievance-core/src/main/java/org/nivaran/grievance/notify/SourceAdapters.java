package org.nivaran.grievance.notify;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.internal.Texts;

/**
 * The {@link SourceAdapter}s of a deployment, one per source name: which sources hold grievances
 * that are to be told of the action-taken reply and the closure, and how to reach them.
 *
 * <p>Given to {@code GrievancesBuilder.sources}, it makes every reply and closure of a complaint
 * produce one {@link RecipientRole#SOURCE source} notification per source the complaint holds a
 * reference for and that has an adapter here. Those notifications take the same path as people's:
 * stored in the transactional outbox with the change when the store keeps one, else handed over
 * once the change is stored. With an outbox, the relay's notifier must be {@link #routing} of the
 * people's notifier, so that a source's message reaches its adapter and never a phone.
 *
 * <pre>{@code
 * SourceAdapters sources = SourceAdapters.of(open311Adapter);
 * Grievances g = Grievances.builder().store(store).sources(sources).build();
 * Notifier relayNotifier = sources.routing(smsNotifier); // for the outbox relay
 * }</pre>
 *
 * <p>Immutable and thread-safe if the adapters are.
 */
public final class SourceAdapters {
  private static final SourceAdapters NONE = new SourceAdapters(Map.of());

  private final Map<String, SourceAdapter> bySource;

  private SourceAdapters(Map<String, SourceAdapter> bySource) {
    this.bySource = bySource;
  }

  /**
   * No sources are told anything (the default).
   *
   * @return the empty registry
   */
  public static SourceAdapters none() {
    return NONE;
  }

  /**
   * A registry of adapters.
   *
   * @param adapters one per source name
   * @return the registry
   * @throws org.nivaran.grievance.InvalidInputException (field {@code source}) if an adapter's
   *     source is not a valid source code, or two adapters name the same source
   */
  public static SourceAdapters of(SourceAdapter... adapters) {
    return of(java.util.Arrays.asList(Objects.requireNonNull(adapters, "adapters")));
  }

  /**
   * A registry of adapters.
   *
   * @param adapters one per source name
   * @return the registry
   * @throws org.nivaran.grievance.InvalidInputException (field {@code source}) if an adapter's
   *     source is not a valid source code, or two adapters name the same source
   */
  public static SourceAdapters of(Collection<? extends SourceAdapter> adapters) {
    Objects.requireNonNull(adapters, "adapters");
    Map<String, SourceAdapter> map = new LinkedHashMap<>();
    for (SourceAdapter a : adapters) {
      Objects.requireNonNull(a, "adapter");
      String source = Texts.code(a.source(), "source");
      if (map.putIfAbsent(source, a) != null) {
        throw new org.nivaran.grievance.InvalidInputException("source", "has two adapters: " + source);
      }
    }
    return map.isEmpty() ? NONE : new SourceAdapters(Map.copyOf(map));
  }

  /**
   * The sources that have an adapter.
   *
   * @return their codes
   */
  public Set<String> sources() {
    return bySource.keySet();
  }

  /**
   * The adapter of a source.
   *
   * @param source the source's code
   * @return the adapter, or empty if none is registered
   */
  public Optional<SourceAdapter> find(String source) {
    return Optional.ofNullable(bySource.get(source));
  }

  /**
   * The source notifications a stored change owes (see the class comment); none if no adapter is
   * registered or the change neither replies nor closes.
   *
   * @param after the complaint after the change
   * @param events the events of the change
   * @return the notifications, one per source and event
   */
  public List<Notification> notificationsFor(Complaint after, List<ComplaintEvent> events) {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(events, "events");
    return bySource.isEmpty() ? List.of() : SourceNotices.of(after, events, sources());
  }

  /**
   * Hands a source notification to its source's adapter.
   *
   * @param notification a notification to a {@link RecipientRole#SOURCE source}
   * @throws NotificationFailedException permanent if no adapter is registered for its source;
   *     else as the adapter throws
   * @throws org.nivaran.grievance.InvalidInputException if it goes to a person
   */
  public void deliver(Notification notification) {
    SourceUpdate update = SourceUpdate.of(notification);
    ExternalReference reference = update.reference();
    SourceAdapter adapter = find(reference.source()).orElseThrow(() -> new NotificationFailedException(
        notification.id(), true, "no source adapter is registered for " + reference.source()));
    adapter.deliver(update);
  }

  /**
   * A notifier that hands source notifications to their adapters and every other one to
   * {@code people}: the notifier to give an outbox relay.
   *
   * @param people the notifier for citizens and officers
   * @return the routing notifier, thread-safe if both sides are
   */
  public Notifier routing(Notifier people) {
    Objects.requireNonNull(people, "people");
    return new Notifier() {
      @Override
      public void send(Notification notification) {
        if (notification.recipient().role() == RecipientRole.SOURCE) {
          deliver(notification);
        } else {
          people.send(notification);
        }
      }

      @Override
      public boolean deliversToSources() {
        return true;
      }

      @Override
      public String toString() {
        return "SourceAdapters.routing[" + sources() + " else " + people + "]";
      }
    };
  }

  @Override
  public String toString() {
    return "SourceAdapters" + sources();
  }
}
