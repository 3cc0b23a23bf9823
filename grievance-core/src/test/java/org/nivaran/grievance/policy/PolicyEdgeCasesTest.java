package org.nivaran.grievance.policy;

import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.tenant.TenantId;
import org.nivaran.grievance.GrievancesBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.complaint.Registration;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Assignment;
import org.nivaran.grievance.complaint.Attachment;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.ClosureKind;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.escalation.District;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.json.NivaranJson;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationKind;
import org.nivaran.grievance.report.GradingPeriod;
import org.nivaran.grievance.report.PostReplies;
import org.nivaran.grievance.report.ReplyQuality;
import org.nivaran.grievance.directory.BlockEntry;
import org.nivaran.grievance.directory.BlockedNumberException;
import org.nivaran.grievance.policy.DuplicatePolicy;
import org.nivaran.grievance.policy.FakeComplaintPolicy;
import org.nivaran.grievance.store.Append;
import org.nivaran.grievance.store.CallerHistory;
import org.nivaran.grievance.store.WorkLists;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.CreateResult;
import org.nivaran.grievance.store.IdempotencyConflictException;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.store.NewComplaint;
import org.nivaran.grievance.store.Page;
import org.nivaran.grievance.store.PageRequest;
import org.nivaran.grievance.policy.VerificationPolicy;
import org.junit.jupiter.api.Test;

/** Edge cases of the verification, fake-complaint and duplicate policies, one test per rule. */
class PolicyEdgeCasesTest {
  private static final Actor AGENT = Actor.agent("AGENT-7");
  private static final Actor AE_VERMA = Actor.officer("OFF-AE-1", District.AE);
  private static final PhoneNumber CALLER = PhoneNumber.parse(Fixtures.CITIZEN_PHONE);

  private final MutableClock clock = new MutableClock(ist(2024, 3, 19, 11, 0));
  private final InMemoryComplaintStore memory = new InMemoryComplaintStore();
  private final HookStore store = new HookStore(memory);
  private final List<Notification> sent = new ArrayList<>();

  private static Instant ist(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(District.IST).toInstant();
  }

  private GrievancesBuilder builder() {
    return District.grievances(store, clock).notifier(sent::add);
  }

  private static RegisterComplaint.Builder request() {
    return Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12");
  }

  private Complaint replied(Grievances g) {
    Complaint c = g.register(request().build(), AGENT);
    clock.advance(Duration.ofHours(2));
    return g.execute(c.id(), new ComplaintCommand.Resolve("ट्रांसफ़ॉर्मर बदला गया", List.of()), AE_VERMA);
  }

  private static ComplaintCommand dissatisfied() {
    return new ComplaintCommand.ReportDissatisfied(Optional.of(1), "बिजली अभी भी नहीं");
  }

  // ---------------------------------------------------------------------------------------------
  // Duplicate linking and idempotency

  /** submit's Javadoc: IdempotencyConflictException if the key was used for a different request. */
  @Test
  void D1_a_linked_key_reused_for_a_different_request_is_a_conflict() {
    Grievances g = builder().duplicatePolicy(DuplicatePolicy.linkWithin(Duration.ofDays(7))).build();
    Complaint original = g.register(request().build(), AGENT);
    assertThat(g.submit(request().idempotencyKey("wa-1").description("पहला: बिजली नहीं").build(), AGENT).outcome())
        .isEqualTo(Registration.Outcome.LINKED);
    RegisterComplaint different = request().idempotencyKey("wa-1").description("दूसरा: खंभा गिरा है").build();
    assertThatThrownBy(() -> g.submit(different, AGENT)).isInstanceOf(IdempotencyConflictException.class);
    assertThat(g.history(original.id()).stream().filter(ComplaintEvent.DuplicateLinked.class::isInstance)).hasSize(1);
  }

  /** Retries return what the first attempt stored, "whatever changed since (a block, say)". */
  @Test
  void D2_a_retry_of_a_linked_registration_after_a_block_is_replayed_not_refused() {
    Grievances g = builder().duplicatePolicy(DuplicatePolicy.linkWithin(Duration.ofDays(7))).build();
    g.register(request().build(), AGENT);
    RegisterComplaint repeat = request().idempotencyKey("wa-2").build();
    assertThat(g.submit(repeat, AGENT).outcome()).isEqualTo(Registration.Outcome.LINKED);
    g.block(new BlockEntry(CALLER, "abusive caller", "SUP-1", clock.instant(), Optional.empty()));
    Registration retry = g.submit(repeat, AGENT);
    assertThat(retry.outcome()).isEqualTo(Registration.Outcome.LINKED);
    assertThatThrownBy(() -> g.submit(request().idempotencyKey("wa-new").build(), AGENT))
        .isInstanceOf(BlockedNumberException.class);
  }

  /** Two retries of one linked registration racing each other must link it once. */
  @Test
  void D3_racing_retries_of_a_linked_registration_link_it_once() {
    Grievances g = builder().duplicatePolicy(DuplicatePolicy.linkWithin(Duration.ofDays(7))).build();
    Complaint original = g.register(request().build(), AGENT);
    RegisterComplaint repeat = request().idempotencyKey("wa-3").build();
    // the second retry runs between the first one's look at the log and its LinkDuplicate
    store.onEvents = () -> g.submit(repeat, AGENT);
    g.submit(repeat, AGENT);
    assertThat(g.history(original.id()).stream().filter(ComplaintEvent.DuplicateLinked.class::isInstance)).hasSize(1);
  }

  /** A repeat sent with a new photo: the photo must end up somewhere. */
  @Test
  void D4_a_linked_repeat_keeps_its_attachments() {
    Grievances g = builder().duplicatePolicy(DuplicatePolicy.linkWithin(Duration.ofDays(7))).build();
    Complaint original = g.register(request().build(), AGENT);
    Attachment photo = Attachment.of("s3://wa/photo-77.jpg", "photo-77.jpg");
    Registration r = g.submit(request().channel(Channel.WHATSAPP).attachments(List.of(photo)).build(), AGENT);
    assertThat(r.outcome()).isEqualTo(Registration.Outcome.LINKED);
    assertThat(g.get(original.id()).attachments()).contains(photo);
    List<ComplaintEvent> log = g.history(original.id());
    assertThat(log.get(log.size() - 1)).isInstanceOfSatisfying(ComplaintEvent.DuplicateLinked.class,
        d -> assertThat(d.attachments()).containsExactly(photo));
  }

  // ---------------------------------------------------------------------------------------------
  // Appeal

  /** Grievances.checkTarget: a move must name a post of the directory, of its department and level. */
  @Test
  void A1_an_appeal_to_a_post_the_directory_does_not_have_is_refused() {
    Grievances g = builder().build();
    Complaint c = g.execute(replied(g).id(), dissatisfied(), AGENT);
    assertThat(c.status()).isEqualTo(Status.REOPENED);
    assertThatThrownBy(() -> g.execute(c.id(),
        new ComplaintCommand.Appeal(PostId.of("NO-SUCH-POST"), "NO-SUCH-DEPT", Level.L4, "appeal"), AGENT))
        .isInstanceOf(InvalidInputException.class);
  }

  /** An appeal to a vacant appellate post: nobody is told and nothing puts it on the stuck list. */
  @Test
  void A2_an_appeal_to_a_vacant_appellate_post_is_not_parked_silently() {
    Grievances g = builder().verificationPolicy(VerificationPolicy.builder().appealTo(District.NODAL).build()).build();
    g.transferOfficer(District.NODAL, Optional.empty());
    Complaint before = replied(g);
    sent.clear();
    Complaint c = g.execute(before.id(), dissatisfied(), AGENT);
    assertThat(c.status()).isEqualTo(Status.REOPENED);
    assertThat(c.post()).contains(District.AE);
    assertThat(c.flags()).contains(ComplaintFlag.ESCALATION_BLOCKED);
    assertThat(g.stuck(10)).extracting(Complaint::id).contains(c.id());
  }

  /** NEXT_LEVEL with the post above vacant: stays REOPENED, not flagged, not on the stuck list. */
  @Test
  void A3_next_level_with_a_vacant_post_above_is_not_dropped_silently() {
    Grievances g = builder().verificationPolicy(VerificationPolicy.builder().reopenAtNextLevel().build()).build();
    g.transferOfficer(District.EE, Optional.empty());
    Complaint c = g.execute(replied(g).id(), dissatisfied(), AGENT);
    assertThat(c.post()).contains(District.AE);
    assertThat(c.flags()).as("flags of %s", c.status()).contains(ComplaintFlag.ESCALATION_BLOCKED);
  }

  /** NEXT_LEVEL needs a directory and escalation policies; building without them is accepted. */
  @Test
  void A4_next_level_without_a_directory_is_refused_when_building() {
    assertThatThrownBy(() -> Grievances.builder().store(memory)
        .verificationPolicy(VerificationPolicy.builder().reopenAtNextLevel().build()).build())
        .isInstanceOf(IllegalStateException.class);
  }

  // ---------------------------------------------------------------------------------------------
  // Reopen limit bookkeeping

  // ---------------------------------------------------------------------------------------------
  // Fake-complaint policy

  /** The Reject is stored; a failing count afterwards must not make execute report a failure. */
  @Test
  void F1_a_failing_count_after_a_fake_rejection_does_not_fail_the_stored_command() {
    Grievances g = builder().fakeComplaintPolicy(FakeComplaintPolicy.blockAfter(2, Duration.ofDays(90))).build();
    Complaint c = g.register(request().build(), AGENT);
    store.failQueries = true;
    Complaint rejected = g.execute(c.id(), new ComplaintCommand.Reject(RejectionReason.FAKE, "मज़ाक", Optional.empty()), AGENT);
    assertThat(rejected.status()).isEqualTo(Status.REJECTED);
    assertThat(g.get(c.id())).isEqualTo(rejected);
  }

  /** A short manual block must not stop the policy's block for good. */
  @Test
  void F2_a_temporary_manual_block_does_not_swallow_the_policys_block() {
    Grievances g = builder().fakeComplaintPolicy(FakeComplaintPolicy.blockAfter(2, Duration.ofDays(90))).build();
    Complaint a = g.register(request().build(), AGENT);
    Complaint b = g.register(request().description("दूसरी").build(), AGENT);
    g.execute(a.id(), new ComplaintCommand.Reject(RejectionReason.FAKE, "मज़ाक", Optional.empty()), AGENT);
    g.block(new BlockEntry(CALLER, "cool-off", "SUP-1", clock.instant(), Optional.of(clock.instant().plus(Duration.ofDays(1)))));
    g.execute(b.id(), new ComplaintCommand.Reject(RejectionReason.FAKE, "फिर मज़ाक", Optional.empty()), AGENT);
    clock.advance(Duration.ofDays(2));
    assertThatThrownBy(() -> g.register(request().build(), AGENT)).isInstanceOf(BlockedNumberException.class);
  }

  /** Two nodes over one store (the documented state deployment): a policy block on one is not seen by the other. */
  @Test
  void F3_a_policy_block_holds_on_every_node_sharing_the_store() {
    ComplaintIdScheme shared = ComplaintIdScheme.yearly("RPR", District.IST); // stands in for JdbcIdScheme
    Grievances nodeA = builder().idScheme(shared).fakeComplaintPolicy(FakeComplaintPolicy.blockAfter(1, Duration.ofDays(90))).build();
    Grievances nodeB = builder().idScheme(shared).fakeComplaintPolicy(FakeComplaintPolicy.blockAfter(1, Duration.ofDays(90))).build();
    Complaint c = nodeA.register(request().build(), AGENT);
    nodeA.execute(c.id(), new ComplaintCommand.Reject(RejectionReason.FAKE, "मज़ाक", Optional.empty()), AGENT);
    assertThatThrownBy(() -> nodeA.register(request().build(), AGENT)).isInstanceOf(BlockedNumberException.class);
    assertThatThrownBy(() -> nodeB.register(request().build(), AGENT)).isInstanceOf(BlockedNumberException.class);
  }

  // ---------------------------------------------------------------------------------------------
  // Notifications, reply quality

  /** The citizen's closing SMS is in their language (Hindi here), like the other closings. */
  @Test
  void N1_closed_without_confirmation_is_told_in_the_citizens_language() {
    Grievances g = builder().verificationPolicy(VerificationPolicy.builder().closeAfterUnreachable(1).build()).build();
    Complaint c = replied(g);
    sent.clear();
    g.execute(c.id(), new ComplaintCommand.RecordUnreachable(Optional.empty()), AGENT);
    Notification closed = sent.stream().filter(n -> n.kind() == NotificationKind.CLOSED).findFirst().orElseThrow();
    assertThat(closed.language().toString()).isEqualTo("HINDI");
    assertThat(closed.body()).as(closed.body()).doesNotContain("could not be reached");
  }

  /** One reply, accepted twice: ReplyQuality must not count more acceptances than replies. */
  @Test
  void Q1_a_reply_is_accepted_at_most_once() {
    Grievances g = builder().build();
    Complaint c = replied(g);
    g.execute(c.id(), new ComplaintCommand.AcceptReply(Optional.empty()), AGENT);
    g.execute(c.id(), new ComplaintCommand.AcceptReply(Optional.empty()), AGENT);
    g.execute(c.id(), new ComplaintCommand.ReturnReply("फ़ोटो नहीं"), AGENT);
    List<PostReplies> q = ReplyQuality.of(memory.histories(TenantId.DEFAULT),
        new GradingPeriod(clock.instant().minus(Duration.ofDays(1)), clock.instant().plus(Duration.ofDays(1))));
    assertThat(q).containsExactly(new PostReplies(District.AE, "ENERGY", 1, 1, 1));
  }

  // ---------------------------------------------------------------------------------------------
  // Things that hold (sanity)

  @Test
  void S1_linking_finds_the_original_behind_more_than_a_page_of_newer_complaints() {
    Grievances g = builder().duplicatePolicy(DuplicatePolicy.linkWithin(Duration.ofDays(7))).build();
    Complaint original = g.register(request().build(), AGENT);
    for (int i = 0; i < 120; i++) {
      clock.advance(Duration.ofMinutes(1));
      g.register(request().categoryCode("REVENUE.LAND").description("other " + i).build(), AGENT);
    }
    Registration r = g.submit(request().build(), AGENT);
    assertThat(r.outcome()).isEqualTo(Registration.Outcome.LINKED);
    assertThat(r.complaint().id()).isEqualTo(original.id());
  }

  @Test
  void S2_new_events_round_trip_through_json_with_empty_optionals() throws Exception {
    ObjectMapper m = NivaranJson.objectMapper();
    ComplaintId id = ComplaintId.of("RPR-2024-000123");
    Instant t = Instant.parse("2024-03-05T00:30:00Z");
    Assignment from = new Assignment(District.AE, "ENERGY", Level.L1, t);
    Assignment to = new Assignment(District.NODAL, "COLLECTORATE", Level.L2, t);
    List<ComplaintEvent> events = List.of(
        new ComplaintEvent.ReplyAccepted(id, 2, t, AGENT, Optional.empty()),
        new ComplaintEvent.ReplyAccepted(id, 2, t, AGENT, Optional.of("उत्तर ठीक है 😀")),
        new ComplaintEvent.ComplaintAppealed(id, 3, t, Actor.system("verification-policy"), from, to, "असंतुष्ट"),
        new ComplaintEvent.ComplaintClosedUnverified(id, 4, t, Actor.system("verification-policy"),
            ClosureKind.NOT_SATISFIED, "नागरिक असंतुष्ट"),
        new ComplaintEvent.DuplicateLinked(id, 5, t, Actor.citizen(CALLER), Channel.SMS, "फिर से", List.of(), Optional.empty()));
    for (ComplaintEvent e : events) {
      String json = m.writeValueAsString(e);
      assertThat(m.readValue(json, ComplaintEvent.class)).as(json).isEqualTo(e);
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** A store that forwards to the in-memory one, with hooks. */
  static final class HookStore implements ComplaintStore, WorkLists, CallerHistory {
    private final InMemoryComplaintStore d;
    Runnable onEvents;
    boolean failQueries;

    HookStore(InMemoryComplaintStore d) {
      this.d = d;
    }

    @Override public CreateResult create(NewComplaint r) { return d.create(r); }
    @Override public void append(Append change) { d.append(change); }
    @Override public Map<ComplaintId, RuntimeException> appendAll(List<Append> changes) { return d.appendAll(changes); }
    @Override public Optional<Complaint> find(TenantId tenant, ComplaintId id) { return d.find(tenant, id); }
    @Override public Optional<Complaint> findByReference(TenantId tenant, ExternalReference r) { return d.findByReference(tenant, r); }

    @Override
    public List<ComplaintEvent> events(TenantId tenant, ComplaintId id) {
      List<ComplaintEvent> read = d.events(tenant, id);
      Runnable hook = onEvents;
      onEvents = null;
      if (hook != null) {
        hook.run();
      }
      return read;
    }

    @Override public Optional<Complaint> findByIdempotencyKey(TenantId tenant, String k, String f) { return d.findByIdempotencyKey(tenant, k, f); }
    @Override public Page<Complaint> flagged(TenantId tenant, ComplaintFlag f, PageRequest r) { return d.flagged(tenant, f, r); }
    @Override public Page<Complaint> pendingAt(TenantId tenant, PostId p, PageRequest r) { return d.pendingAt(tenant, p, r); }
    @Override public Page<Complaint> overdue(TenantId tenant, Instant at, PageRequest r) { return d.overdue(tenant, at, r); }
    @Override public Page<Complaint> byStatus(TenantId tenant, Status s, String j, PageRequest r) { return d.byStatus(tenant, s, j, r); }

    @Override public Page<Complaint> byCitizen(TenantId tenant, PhoneNumber phone, PageRequest r) { return d.byCitizen(tenant, phone, r); }

    @Override
    public List<Complaint> registeredSince(TenantId tenant, PhoneNumber phone, Instant since) {
      failIfAsked();
      return d.registeredSince(tenant, phone, since);
    }

    @Override
    public List<Complaint> newestRegistered(TenantId tenant, PhoneNumber phone, Instant since, Instant until, int max) {
      failIfAsked();
      return d.newestRegistered(tenant, phone, since, until, max);
    }

    @Override
    public List<Instant> registrationInstants(TenantId tenant, PhoneNumber phone, Instant since, Instant until, int max) {
      failIfAsked();
      return d.registrationInstants(tenant, phone, since, until, max);
    }

    @Override
    public List<Complaint> registeredSince(TenantId tenant, PhoneNumber phone, String category, String jurisdiction,
        Instant since) {
      failIfAsked();
      return d.registeredSince(tenant, phone, category, jurisdiction, since);
    }

    @Override
    public int countFakeClosures(TenantId tenant, PhoneNumber phone, Instant since, Instant until) {
      failIfAsked();
      return d.countFakeClosures(tenant, phone, since, until);
    }

    @Override
    public List<Complaint> fakeClosures(TenantId tenant, PhoneNumber phone, Instant since, Instant until) {
      failIfAsked();
      return d.fakeClosures(tenant, phone, since, until);
    }

    private void failIfAsked() {
      if (failQueries) {
        throw new IllegalStateException("database connection lost");
      }
    }
  }
}
