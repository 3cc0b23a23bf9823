package org.nivaran.grievance.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nivaran.grievance.jdbc.TenantFixtures.KANPUR;
import static org.nivaran.grievance.jdbc.TenantFixtures.LUCKNOW;
import static org.nivaran.grievance.jdbc.TenantFixtures.T0;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.RecipientRole;
import org.nivaran.grievance.notify.SourceAdapter;
import org.nivaran.grievance.notify.SourceAdapters;
import org.nivaran.grievance.notify.SourceUpdate;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.SampleDistrict;

/**
 * A reply and a closure reach each source that holds the grievance through the JDBC outbox: stored
 * with the change, in the complaint's tenant, and handed by that tenant's relay to the source's
 * adapter, never to the people's notifier.
 */
class JdbcSourceUpdatesTest {
  private static final ExternalReference CPGRAMS = ExternalReference.of("CPGRAMS", "DARPG/E/2024/0012345");
  private static final ExternalReference PORTAL = ExternalReference.of("JANSUNWAI-UP", "JS/2024/000777");

  /** Records what it is given. */
  private record Recording(String source, List<SourceUpdate> updates) implements SourceAdapter {
    Recording(String source) {
      this(source, new CopyOnWriteArrayList<>());
    }

    @Override
    public void deliver(SourceUpdate update) {
      updates.add(update);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_reply_and_a_closure_reach_every_source_through_the_outbox_of_the_complaints_tenant(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      MutableClock clock = new MutableClock(T0);
      Recording cpgrams = new Recording("CPGRAMS");
      Recording portal = new Recording("JANSUNWAI-UP");
      SourceAdapters sources = SourceAdapters.of(cpgrams, portal);
      Grievances lucknow = SampleDistrict.grievances(db.store(), clock).tenant(LUCKNOW)
          .idScheme(ComplaintIdScheme.yearly("LKO", SampleDistrict.IST)).sources(sources).build();
      RegisterComplaint request =
          RegisterComplaint.builder().from(SampleDistrict.request(2)).references(List.of(CPGRAMS, PORTAL)).build();

      Complaint c = lucknow.register(request, SampleDistrict.AGENT);
      PostId post = c.post().orElseThrow();
      Actor officer = Actor.officer(lucknow.directory().orElseThrow().posts().get(post).holder().orElseThrow().id(), post);
      clock.advance(Duration.ofHours(2));
      lucknow.execute(c.id(), new ComplaintCommand.Resolve("ट्रांसफ़ॉर्मर बदला गया", List.of()), officer);
      clock.advance(Duration.ofHours(2));
      lucknow.execute(c.id(), new ComplaintCommand.ConfirmSatisfied(Optional.of(5), Optional.empty()), SampleDistrict.AGENT);

      List<Notification> people = new CopyOnWriteArrayList<>();
      OutboxRelay kanpurRelay = OutboxRelay.builder().dataSource(db.dataSource()).tenant(KANPUR).clock(clock)
          .notifier(sources.routing(people::add)).build();
      kanpurRelay.drain();
      assertThat(cpgrams.updates()).as("another tenant's relay sends nothing of Lucknow's").isEmpty();

      OutboxRelay relay = OutboxRelay.builder().dataSource(db.dataSource()).tenant(LUCKNOW).clock(clock)
          .notifier(sources.routing(people::add)).build();
      relay.drain();

      for (Recording source : List.of(cpgrams, portal)) {
        assertThat(source.updates()).as(source.source()).hasSize(2);
        assertThat(source.updates().get(0).closed()).isFalse();
        assertThat(source.updates().get(0).notes()).contains("ट्रांसफ़ॉर्मर बदला गया");
        assertThat(source.updates().get(0).reference()).isEqualTo(source.source().equals("CPGRAMS") ? CPGRAMS : PORTAL);
        assertThat(source.updates().get(1).closed()).isTrue();
        assertThat(source.updates()).allSatisfy(u -> {
          assertThat(u.complaintId()).isEqualTo(c.id());
          assertThat(u.messageId()).startsWith(LUCKNOW.value() + "/");
        });
      }
      assertThat(people).isNotEmpty().allSatisfy(n -> {
        assertThat(n.recipient().role()).isNotEqualTo(RecipientRole.SOURCE);
        assertThat(n.tenant()).isEqualTo(LUCKNOW);
      });
      assertThat(OutboxAdministration.create(db.dataSource(), LUCKNOW).counts().pending()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_relay_whose_notifier_does_not_route_sources_keeps_their_messages_dead_and_sends_them_to_nobody(
      TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      MutableClock clock = new MutableClock(T0);
      Recording cpgrams = new Recording("CPGRAMS");
      SourceAdapters sources = SourceAdapters.of(cpgrams);
      Grievances g = SampleDistrict.grievances(db.store(), clock).tenant(LUCKNOW)
          .idScheme(ComplaintIdScheme.yearly("LKO", SampleDistrict.IST)).sources(sources).build();
      Complaint c = g.register(RegisterComplaint.builder().from(SampleDistrict.request(2)).references(List.of(CPGRAMS)).build(),
          SampleDistrict.AGENT);
      PostId post = c.post().orElseThrow();
      Actor officer = Actor.officer(g.directory().orElseThrow().posts().get(post).holder().orElseThrow().id(), post);
      clock.advance(Duration.ofHours(1));
      g.execute(c.id(), new ComplaintCommand.Resolve("ट्रांसफ़ॉर्मर बदला गया", List.of()), officer);
      List<Notification> sms = new CopyOnWriteArrayList<>();

      OutboxRelay.builder().dataSource(db.dataSource()).tenant(LUCKNOW).clock(clock).notifier(sms::add).build().drain();

      assertThat(sms).isNotEmpty().allSatisfy(n -> assertThat(n.recipient().role()).isNotEqualTo(RecipientRole.SOURCE));
      OutboxAdministration admin = OutboxAdministration.create(db.dataSource(), LUCKNOW);
      assertThat(admin.dead(10)).singleElement().satisfies(d -> {
        assertThat(d.notification().recipient().role()).isEqualTo(RecipientRole.SOURCE);
        assertThat(d.lastError()).contains("does not deliver to sources");
      });
      assertThat(admin.redriveAll()).isEqualTo(1);
      OutboxRelay.builder().dataSource(db.dataSource()).tenant(LUCKNOW).clock(clock).notifier(sources.routing(sms::add))
          .build().drain();
      assertThat(cpgrams.updates()).singleElement().satisfies(u -> assertThat(u.reference()).isEqualTo(CPGRAMS));
    }
  }
}
