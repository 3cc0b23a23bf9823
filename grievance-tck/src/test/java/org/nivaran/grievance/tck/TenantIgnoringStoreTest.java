package org.nivaran.grievance.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.store.CallerHistory;
import org.nivaran.grievance.store.Page;
import org.nivaran.grievance.store.PageRequest;
import org.nivaran.grievance.store.WorkLists;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.store.Append;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.CreateResult;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.store.NewComplaint;
import org.nivaran.grievance.tenant.TenantId;

/**
 * The tenant contract fails a store that ignores the tenant: one that keeps every complaint in one
 * namespace by id (as a store written before tenants would).
 */
class TenantIgnoringStoreTest {

  /**
   * Keeps one namespace by id, as a store written before tenants would: whatever tenant a call
   * names, it reads and writes one set of complaints, keys and lists (each complaint keeps the
   * tenant it was written with).
   */
  static final class OneNamespaceStore implements ComplaintStore, WorkLists, CallerHistory {
    private final InMemoryComplaintStore inner = new InMemoryComplaintStore();
    private final Map<ComplaintId, TenantId> tenantOf = new ConcurrentHashMap<>();

    private static Complaint in(TenantId tenant, Complaint c) {
      return Complaint.builder().from(c).tenant(tenant).build();
    }

    private Complaint restored(Complaint c) {
      return in(tenantOf.getOrDefault(c.id(), TenantId.DEFAULT), c);
    }

    private List<Complaint> restored(List<Complaint> cs) {
      return cs.stream().map(this::restored).toList();
    }

    private Page<Complaint> restored(Page<Complaint> p) {
      return new Page<>(restored(p.items()), p.next());
    }

    @Override
    public CreateResult create(NewComplaint r) {
      ComplaintRegistered first = (ComplaintRegistered) r.events().get(0);
      ComplaintRegistered flat = new ComplaintRegistered(first.complaintId(), first.sequence(), first.occurredAt(),
          first.actor(), first.kind(), first.channel(), first.citizen(), first.categoryCode(), first.jurisdictionCode(),
          first.description(), first.attachments(), first.idempotencyKey(), first.priority(), first.location());
      List<ComplaintEvent> events = new ArrayList<>(r.events());
      events.set(0, flat);
      CreateResult result = inner.create(new NewComplaint(in(TenantId.DEFAULT, r.state()), events, r.idempotencyKey(),
          r.fingerprint(), r.notifications()));
      if (result instanceof CreateResult.Created) {
        tenantOf.put(r.state().id(), r.state().tenant());
        return new CreateResult.Created(r.state());
      }
      return new CreateResult.Replayed(restored(result.complaint()));
    }

    @Override
    public void append(Append change) {
      inner.append(new Append(in(TenantId.DEFAULT, change.state()), change.events(), change.expectedVersion(),
          change.notifications()));
    }

    @Override
    public Optional<Complaint> find(TenantId tenant, ComplaintId id) {
      return inner.find(TenantId.DEFAULT, id).map(this::restored);
    }

    @Override
    public List<ComplaintEvent> events(TenantId tenant, ComplaintId id) {
      return inner.events(TenantId.DEFAULT, id);
    }

    @Override
    public Optional<Complaint> findByIdempotencyKey(TenantId tenant, String key, String fingerprint) {
      return inner.findByIdempotencyKey(TenantId.DEFAULT, key, fingerprint).map(this::restored);
    }

    @Override
    public Optional<Complaint> findByReference(TenantId tenant, ExternalReference reference) {
      return inner.findByReference(TenantId.DEFAULT, reference).map(this::restored);
    }

    @Override
    public Page<Complaint> pendingAt(TenantId tenant, PostId post, PageRequest page) {
      return restored(inner.pendingAt(TenantId.DEFAULT, post, page));
    }

    @Override
    public Page<Complaint> overdue(TenantId tenant, Instant at, PageRequest page) {
      return restored(inner.overdue(TenantId.DEFAULT, at, page));
    }

    @Override
    public Page<Complaint> flagged(TenantId tenant, ComplaintFlag flag, PageRequest page) {
      return restored(inner.flagged(TenantId.DEFAULT, flag, page));
    }

    @Override
    public Page<Complaint> byStatus(TenantId tenant, Status status, String jurisdictionCode, PageRequest page) {
      return restored(inner.byStatus(TenantId.DEFAULT, status, jurisdictionCode, page));
    }

    @Override
    public Page<Complaint> byCitizen(TenantId tenant, PhoneNumber phone, PageRequest page) {
      return restored(inner.byCitizen(TenantId.DEFAULT, phone, page));
    }

    @Override
    public List<Complaint> registeredSince(TenantId tenant, PhoneNumber phone, Instant since) {
      return restored(inner.registeredSince(TenantId.DEFAULT, phone, since));
    }

    @Override
    public int countFakeClosures(TenantId tenant, PhoneNumber phone, Instant since, Instant until) {
      return inner.countFakeClosures(TenantId.DEFAULT, phone, since, until);
    }

    @Override
    public List<Complaint> fakeClosures(TenantId tenant, PhoneNumber phone, Instant since, Instant until) {
      return restored(inner.fakeClosures(TenantId.DEFAULT, phone, since, until));
    }
  }

  private final TenantContract contract = new TenantContract() {
    @Override
    protected ComplaintStore newStore() {
      return new OneNamespaceStore();
    }
  };

  /** Every test of the tenant contract fails on a store with one namespace. */
  @TestFactory
  Stream<DynamicTest> every_tenant_test_fails_on_a_store_with_one_namespace() {
    return Stream.of(TenantContract.class.getMethods())
        .filter(m -> m.isAnnotationPresent(Test.class))
        .map(m -> DynamicTest.dynamicTest(m.getName(), () -> {
          contract.createTenants();
          assertThatThrownBy(() -> {
            try {
              m.invoke(contract);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          }).as(m.getName()).isNotInstanceOf(TestAbortedException.class)
              .isInstanceOfAny(AssertionError.class, RuntimeException.class);
        }));
  }

  @Test
  void the_contract_has_a_test_per_capability() {
    assertThat(Stream.of(TenantContract.class.getMethods()).filter(m -> m.isAnnotationPresent(Test.class)).count())
        .isGreaterThanOrEqualTo(8);
  }
}
