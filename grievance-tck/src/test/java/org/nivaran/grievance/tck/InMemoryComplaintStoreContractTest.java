package org.nivaran.grievance.tck;

import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/** The store contract on the in-memory store. */
class InMemoryComplaintStoreContractTest extends ComplaintStoreContract {
  @Override
  protected ComplaintStore newStore() {
    return new InMemoryComplaintStore();
  }
}
