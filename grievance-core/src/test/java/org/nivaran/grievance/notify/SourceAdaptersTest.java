package org.nivaran.grievance.notify;

import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.ActorNotPermittedException;
import org.nivaran.grievance.complaint.AccessRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.store.Append;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.CreateResult;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.store.NewComplaint;
import org.nivaran.grievance.store.TransactionalOutbox;
import org.nivaran.grievance.tenant.TenantId;

/** The sources that hold a grievance hear of its action-taken reply and its closure, one message each. */
class SourceAdaptersTest {
  private static final ExternalReference CPGRAMS = ExternalReference.of("CPGRAMS", "DARPG/E/2024/0012345");
  private static final ExternalReference CMH = ExternalReference.of("CMH-181", "T-2024-778899");
  private static final Actor.Officer AE = Fixtures.AE_OFFICER;

  private final Recording cpgrams = new Recording("CPGRAMS");
  private final Recording cmh = new Recording("CMH-181");
  private final Recording unrelated = new Recording("JAN-SUNWAI");
  private final SourceAdapters sources = SourceAdapters.of(cpgrams, cmh, unrelated);
  private final List<Notification> people = new CopyOnWriteArrayList<>();

  private Grievances grievances(ComplaintStore store, boolean withNotifier) {
    var b = Grievances.builder().store(store).clock(Fixtures.clock()).sources(sources);
    return (withNotifier ? b.notifier(people::add) : b).build();
  }

  /** Registered with both references (the citizen's name in the reply), assigned, resolved, confirmed. */
  private Complaint lifecycle(Grievances g) {
    Complaint c = g.register(Fixtures.requestBuilder().references(List.of(CPGRAMS, CMH)).build(), Fixtures.AGENT);
    g.execute(c.id(), new ComplaintCommand.Assign(Fixtures.AE, Fixtures.ENERGY, Level.L1), Fixtures.ROUTER);
    String name = c.citizen().name();
    g.execute(c.id(), new ComplaintCommand.Resolve(name + " जी, ट्रांसफ़ॉर्मर बदला गया; संपर्क " + Fixtures.CITIZEN_PHONE,
        List.of()), AE);
    return g.execute(c.id(), new ComplaintCommand.ConfirmSatisfied(Optional.of(5), Optional.empty()), Fixtures.CITIZEN);
  }

  @Test
  void a_reply_entered_once_reaches_every_source_the_complaint_holds_and_so_does_the_closure() {
    Complaint c = lifecycle(grievances(new InMemoryComplaintStore(), true));

    for (Recording source : List.of(cpgrams, cmh)) {
      assertThat(source.updates).hasSize(2);
      SourceUpdate reply = source.updates.get(0);
      assertThat(reply.closed()).isFalse();
      assertThat(reply.complaintId()).isEqualTo(c.id());
      assertThat(reply.reference()).isEqualTo(source.source().equals("CPGRAMS") ? CPGRAMS : CMH);
      assertThat(reply.notes()).contains("ट्रांसफ़ॉर्मर बदला गया")
          .doesNotContain(c.citizen().name()).doesNotContain(Fixtures.CITIZEN_PHONE)
          .doesNotContain(c.citizen().phone().e164().substring(3));
      SourceUpdate closure = source.updates.get(1);
      assertThat(closure.closed()).isTrue();
      assertThat(closure.notes()).startsWith("closed (");
      assertThat(closure.eventSequence()).isGreaterThan(reply.eventSequence());
    }
    assertThat(cpgrams.updates.get(0).messageId()).isNotEqualTo(cmh.updates.get(0).messageId())
        .endsWith(":source:CPGRAMS");
    assertThat(unrelated.updates).isEmpty();
    // people's notifications are untouched, and no source message reaches the people's notifier
    assertThat(people).extracting(Notification::kind).contains(NotificationKind.RESOLVED, NotificationKind.CLOSED);
    assertThat(people).extracting(n -> n.recipient().role()).doesNotContain(RecipientRole.SOURCE);
  }

  @Test
  void sources_are_told_without_a_notifier_for_people() {
    lifecycle(grievances(new InMemoryComplaintStore(), false));
    assertThat(cpgrams.updates).hasSize(2);
    assertThat(cmh.updates).hasSize(2);
  }

  @Test
  void a_complaint_without_references_tells_no_source() {
    Grievances g = grievances(new InMemoryComplaintStore(), true);
    Complaint c = g.register(Fixtures.request(), Fixtures.AGENT);
    g.execute(c.id(), new ComplaintCommand.Assign(Fixtures.AE, Fixtures.ENERGY, Level.L1), Fixtures.ROUTER);
    g.execute(c.id(), new ComplaintCommand.Resolve("ठीक किया गया", List.of()), AE);
    assertThat(cpgrams.updates).isEmpty();
    assertThat(cmh.updates).isEmpty();
  }

  @Test
  void with_an_outbox_the_source_messages_are_stored_with_the_change_and_the_routing_notifier_delivers_them() {
    OutboxStore store = new OutboxStore();
    Grievances g = Grievances.builder().store(store).clock(Fixtures.clock()).sources(sources).build();
    lifecycle(g);
    assertThat(cpgrams.updates).isEmpty(); // nothing is handed over before the relay runs

    List<Notification> toSources = store.outbox.stream().filter(n -> n.recipient().role() == RecipientRole.SOURCE).toList();
    assertThat(toSources).hasSize(4);
    assertThat(toSources).allSatisfy(n -> {
      assertThat(n.channel()).isEqualTo(DeliveryChannel.SOURCE);
      assertThat(n.recipient().post()).isPresent(); // the source's code, the recipient_post column
      assertThat(n.recipient().toString()).doesNotContain(Fixtures.CITIZEN_PHONE.substring(2));
    });

    Notifier relay = sources.routing(people::add);
    store.outbox.forEach(relay::send);
    assertThat(cpgrams.updates).extracting(SourceUpdate::closed).containsExactly(false, true);
    assertThat(cmh.updates).extracting(SourceUpdate::closed).containsExactly(false, true);
    assertThat(people).isNotEmpty().allSatisfy(n -> assertThat(n.recipient().role()).isNotEqualTo(RecipientRole.SOURCE));
  }

  @Test
  void a_source_recipient_round_trips_its_reference_and_masks_the_number() {
    PhoneNumber phone = PhoneNumber.parse(Fixtures.CITIZEN_PHONE);
    Recipient r = Recipient.source(CPGRAMS, phone);
    assertThat(r.role()).isEqualTo(RecipientRole.SOURCE);
    assertThat(r.reference()).contains(CPGRAMS);
    assertThat(r.key()).isEqualTo("source:CPGRAMS");
    assertThat(r.toString()).contains("CPGRAMS:DARPG/E/2024/0012345").doesNotContain(phone.e164());
    Recipient fromRow = new Recipient(RecipientRole.SOURCE, phone, r.post(), r.name()); // as an outbox row reads back
    assertThat(fromRow).isEqualTo(r);
    assertThat(Recipient.source(ExternalReference.of("X", "i".repeat(ExternalReference.MAX_ID_LENGTH)), phone).name())
        .hasSize(ExternalReference.MAX_ID_LENGTH);
  }

  @Test
  void an_update_for_a_source_without_an_adapter_fails_permanently_and_a_person_is_no_source() {
    Notification n = new Notification("X#1:source:OTHER", ComplaintId.of("RPR-2024-000001"), 1,
        NotificationKind.RESOLVED, Recipient.source(ExternalReference.of("OTHER", "1"), PhoneNumber.parse(Fixtures.CITIZEN_PHONE)),
        DeliveryChannel.SOURCE, org.nivaran.grievance.directory.Language.ENGLISH, "done", Fixtures.T0);
    assertThatThrownBy(() -> sources.deliver(n)).isInstanceOfSatisfying(NotificationFailedException.class,
        e -> assertThat(e.permanent()).isTrue());
    Notification toCitizen = new Notification("X#1:citizen", ComplaintId.of("RPR-2024-000001"), 1, NotificationKind.RESOLVED,
        new Recipient(RecipientRole.CITIZEN, PhoneNumber.parse(Fixtures.CITIZEN_PHONE), Optional.empty(), "सुनीता"),
        DeliveryChannel.SMS, org.nivaran.grievance.directory.Language.ENGLISH, "done", Fixtures.T0);
    assertThatThrownBy(() -> SourceUpdate.of(toCitizen)).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.field()).isEqualTo("recipient.role"));
  }

  @Test
  void two_adapters_for_one_source_are_refused_naming_it() {
    assertThatThrownBy(() -> SourceAdapters.of(new Recording("CPGRAMS"), new Recording("CPGRAMS")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("source"))
        .hasMessageContaining("CPGRAMS");
    assertThatThrownBy(() -> SourceAdapters.of(new Recording("not a code")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("source"));
  }

  @Test
  void a_source_update_hides_its_notes_in_to_string() {
    SourceUpdate u = new SourceUpdate("m", ComplaintId.of("RPR-2024-000001"), 3, CPGRAMS, false, "सुनीता जी, काम हुआ",
        org.nivaran.grievance.directory.Language.HINDI, Fixtures.T0);
    assertThat(u.toString()).doesNotContain("सुनीता").contains("CPGRAMS");
  }

  @Test
  void a_reply_of_the_longest_allowed_length_reaches_the_source_whole() {
    Grievances g = grievances(new InMemoryComplaintStore(), true);
    Complaint c = g.register(Fixtures.requestBuilder().references(List.of(CPGRAMS)).build(), Fixtures.AGENT);
    g.execute(c.id(), new ComplaintCommand.Assign(Fixtures.AE, Fixtures.ENERGY, Level.L1), Fixtures.ROUTER);
    String reply = "ट्रांसफ़ॉर्मर बदला गया। ".repeat(400).substring(0, ComplaintCommand.MAX_REPLY_LENGTH).strip();

    g.execute(c.id(), new ComplaintCommand.Resolve(reply, List.of()), AE);

    assertThat(cpgrams.updates).singleElement().satisfies(u -> assertThat(u.notes()).isEqualTo(reply));
  }

  @Test
  void a_citizen_may_not_quote_a_reference() {
    Grievances g = grievances(new InMemoryComplaintStore(), true);
    RegisterComplaint own = Fixtures.requestBuilder().references(List.of(CPGRAMS)).build();

    assertThatThrownBy(() -> g.register(own, Actor.citizen(own.citizen().phone())))
        .isInstanceOfSatisfying(ActorNotPermittedException.class,
            e -> assertThat(e.rule()).isEqualTo(AccessRule.REFERENCES_SET_BY_STAFF));
  }

  @Test
  void only_the_routing_notifier_says_it_delivers_to_sources() {
    Notifier plain = n -> { };
    assertThat(plain.deliversToSources()).isFalse();
    assertThat(sources.routing(plain).deliversToSources()).isTrue();
  }


  /** An adapter that keeps what it is handed. */
  static final class Recording implements SourceAdapter {
    private final String source;
    final List<SourceUpdate> updates = new CopyOnWriteArrayList<>();

    Recording(String source) {
      this.source = source;
    }

    @Override
    public String source() {
      return source;
    }

    @Override
    public void deliver(SourceUpdate update) {
      updates.add(update);
    }
  }

  /** An in-memory store that keeps an outbox: the notifications written with each change. */
  private static final class OutboxStore implements ComplaintStore, TransactionalOutbox {
    private final InMemoryComplaintStore d = new InMemoryComplaintStore();
    final List<Notification> outbox = new CopyOnWriteArrayList<>();

    @Override
    public CreateResult create(NewComplaint r) {
      CreateResult result = d.create(new NewComplaint(r.state(), r.events(), r.idempotencyKey(), r.fingerprint(), List.of()));
      if (result instanceof CreateResult.Created) {
        outbox.addAll(r.notifications());
      }
      return result;
    }

    @Override
    public void append(Append change) {
      d.append(new Append(change.state(), change.events(), change.expectedVersion(), List.of()));
      outbox.addAll(change.notifications());
    }

    @Override public void enqueue(List<Notification> notifications) { outbox.addAll(notifications); }
    @Override public Optional<Complaint> find(TenantId t, ComplaintId id) { return d.find(t, id); }
    @Override public List<ComplaintEvent> events(TenantId t, ComplaintId id) { return d.events(t, id); }
    @Override public Optional<Complaint> findByIdempotencyKey(TenantId t, String k, String f) { return d.findByIdempotencyKey(t, k, f); }
    @Override public Optional<Complaint> findByReference(TenantId t, ExternalReference r) { return d.findByReference(t, r); }
  }
}
