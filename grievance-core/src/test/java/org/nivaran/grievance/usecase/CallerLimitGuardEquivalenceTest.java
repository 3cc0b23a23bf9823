package org.nivaran.grievance.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.policy.CallerLimitPolicy;
import org.nivaran.grievance.policy.CallerLimitReachedException;
import org.nivaran.grievance.store.CallerHistory;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.store.NewComplaint;
import org.nivaran.grievance.tenant.TenantId;

/**
 * The caller-limit guard reads only the newest of the period (their instants,
 * {@link CallerHistory#registrationInstants}, or with exempt channels the complaints,
 * {@link CallerHistory#newestRegistered}, more only while exempt ones fill what it read); its answer must be the policy's answer over the
 * number's whole history. Checked on random histories: exempt channels, complaints registered
 * exactly at the window's start, after the registration, and at the same instant.
 */
class CallerLimitGuardEquivalenceTest {
  private static final Instant NOW = Instant.parse("2024-03-20T06:30:00Z");
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  private static final Channel[] CHANNELS = {Channel.PHONE_CALL, Channel.WHATSAPP, Channel.SMS, Channel.EMAIL};

  @Test
  void the_guard_refuses_exactly_when_and_until_the_policy_over_the_whole_history_does() {
    int refused = 0;
    for (long seed = 0; seed < 400; seed++) {
      Random random = new Random(seed);
      int limit = 1 + random.nextInt(5);
      CallerLimitPolicy policy = random.nextBoolean()
          ? CallerLimitPolicy.perWindow(limit, Duration.ofHours(1 + random.nextInt(48)))
          : CallerLimitPolicy.perCalendarMonth(limit, IST);
      if (random.nextBoolean()) {
        policy = policy.exemptingChannels(random.nextBoolean() ? Channel.WHATSAPP : Channel.SMS, Channel.EMAIL);
      }
      InMemoryComplaintStore store = new InMemoryComplaintStore();
      int n = random.nextInt(40);
      for (int i = 0; i < n; i++) {
        // whole hours around now, so some fall exactly on a window's start, some after now
        Instant at = NOW.minus(Duration.ofHours(random.nextInt(24 * 25))).plus(Duration.ofHours(random.nextInt(2)));
        create(store, "X-" + i, at, CHANNELS[random.nextInt(CHANNELS.length)]);
      }
      PhoneNumber phone = Fixtures.request().citizen().phone();
      CallerLimitPolicy p = policy;
      Optional<Instant> expected = p.refusedUntil(store.registeredSince(TenantId.DEFAULT, phone, Instant.MIN), NOW);
      AtomicInteger reads = new AtomicInteger();
      CallerRecord record = CallerRecord.of(TenantId.DEFAULT, Optional.of(counting(store, reads)), phone);

      Optional<Instant> actual = new CallerLimitGuard(p, IST).refusal(Fixtures.request(), Fixtures.AGENT, NOW, record)
          .map(CallerLimitReachedException::mayRegisterAgainAt);

      assertThat(actual).as("seed %s, %s, %s complaints", seed, p, n).isEqualTo(expected);
      assertThat(reads.get()).as("seed %s: reads", seed).isBetween(1, 1 + 32 - Integer.numberOfLeadingZeros(n + 1));
      refused += expected.isPresent() ? 1 : 0;
    }
    assertThat(refused).as("both answers are exercised").isBetween(40, 360);
  }

  private static void create(InMemoryComplaintStore store, String id, Instant at, Channel channel) {
    RegisterComplaint request = Fixtures.requestBuilder().channel(channel).description("शिकायत " + id).build();
    ComplaintRegistered r = Lifecycle.register(ComplaintId.of(id), request, Fixtures.AGENT, at);
    store.create(new NewComplaint(Lifecycle.start(r), List.of(r), Optional.empty(), request.fingerprint()));
  }

  /** The store's history, counting the reads of the newest. */
  private static CallerHistory counting(InMemoryComplaintStore store, AtomicInteger reads) {
    return new CallerHistory() {
      @Override
      public List<Complaint> registeredSince(TenantId tenant, PhoneNumber phone, Instant since) {
        throw new AssertionError("the whole history is never read");
      }

      @Override
      public List<Complaint> newestRegistered(TenantId tenant, PhoneNumber phone, Instant since, Instant until, int max) {
        reads.incrementAndGet();
        return new ArrayList<>(store.newestRegistered(tenant, phone, since, until, max));
      }

      @Override
      public List<Instant> registrationInstants(TenantId tenant, PhoneNumber phone, Instant since, Instant until, int max) {
        reads.incrementAndGet();
        return new ArrayList<>(store.registrationInstants(tenant, phone, since, until, max));
      }

      @Override
      public int countFakeClosures(TenantId tenant, PhoneNumber phone, Instant since, Instant until) {
        throw new AssertionError("not asked");
      }

      @Override
      public List<Complaint> fakeClosures(TenantId tenant, PhoneNumber phone, Instant since, Instant until) {
        throw new AssertionError("not asked");
      }
    };
  }
}
