package org.nivaran.grievance.tck;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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

  /** Keeps one namespace: whatever tenant a call names, it reads and writes the default tenant's. */
  static final class OneNamespaceStore implements ComplaintStore {
    private final InMemoryComplaintStore inner = new InMemoryComplaintStore();

    private static Complaint flattened(Complaint c) {
      return Complaint.builder().from(c).tenant(TenantId.DEFAULT).build();
    }

    @Override
    public CreateResult create(NewComplaint r) {
      CreateResult result = inner.create(new NewComplaint(flattened(r.state()), r.events(), r.idempotencyKey(),
          r.fingerprint(), r.notifications()));
      return result instanceof CreateResult.Created ? new CreateResult.Created(r.state()) : result;
    }

    @Override
    public void append(Append change) {
      inner.append(new Append(flattened(change.state()), change.events(), change.expectedVersion(), change.notifications()));
    }

    @Override
    public Optional<Complaint> find(TenantId tenant, ComplaintId id) {
      return inner.find(TenantId.DEFAULT, id);
    }

    @Override
    public List<ComplaintEvent> events(TenantId tenant, ComplaintId id) {
      return inner.events(TenantId.DEFAULT, id);
    }

    @Override
    public Optional<Complaint> findByIdempotencyKey(TenantId tenant, String key, String fingerprint) {
      return inner.findByIdempotencyKey(TenantId.DEFAULT, key, fingerprint);
    }

    @Override
    public Optional<Complaint> findByReference(TenantId tenant, ExternalReference reference) {
      return inner.findByReference(TenantId.DEFAULT, reference);
    }
  }

  private final TenantContract contract = new TenantContract() {
    @Override
    protected ComplaintStore newStore() {
      return new OneNamespaceStore();
    }
  };

  @Test
  void a_store_with_one_namespace_fails_on_two_tenants_with_the_same_id() {
    contract.createTenants();
    assertThatThrownBy(contract::two_tenants_keep_complaints_with_the_same_id_apart).isNotNull();
  }

  @Test
  void a_store_with_one_namespace_fails_on_idempotency_keys() {
    contract.createTenants();
    assertThatThrownBy(contract::idempotency_keys_are_per_tenant).isInstanceOf(AssertionError.class);
  }

  @Test
  void a_store_with_one_namespace_fails_on_another_tenants_entry_point() {
    contract.createTenants();
    assertThatThrownBy(contract::one_tenants_entry_point_does_not_find_anothers_complaint).isNotNull();
  }
}
