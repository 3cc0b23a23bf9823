package org.nivaran.grievance.usecase;

import org.nivaran.grievance.tenant.CrossTenantException;
import org.nivaran.grievance.tenant.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.store.ComplaintNotFoundException;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.Page;
import org.nivaran.grievance.store.WorkLists;

/** Reads complaints, their histories and the stuck list. Thread-safe if the store is. */
public final class ComplaintLookup {
  private final TenantId tenant;
  private final ComplaintStore store;
  private final Optional<WorkLists> workLists;

  ComplaintLookup(TenantId tenant, ComplaintStore store, Optional<WorkLists> workLists) {
    this.tenant = tenant;
    this.store = store;
    this.workLists = workLists;
  }

  /**
   * A complaint's current state.
   *
   * @param id the complaint
   * @return the complaint, or empty
   */
  public Optional<Complaint> find(ComplaintId id) {
    return TenantGuard.own(tenant, store.find(tenant, Objects.requireNonNull(id, "id")));
  }

  /**
   * A complaint's current state.
   *
   * @param id the complaint
   * @return the complaint
   * @throws ComplaintNotFoundException if there is none
   */
  public Complaint get(ComplaintId id) {
    return find(id).orElseThrow(() -> new ComplaintNotFoundException(tenant, id));
  }

  /**
   * A complaint's events, oldest first.
   *
   * @param id the complaint
   * @return its events; empty if there is no such complaint
   */
  public List<ComplaintEvent> history(ComplaintId id) {
    return TenantGuard.ownLog(tenant, store.events(tenant, Objects.requireNonNull(id, "id")));
  }

  /**
   * The stuck list: open complaints flagged {@code ESCALATION_BLOCKED}, oldest first.
   *
   * @param limit the most to return, at least 1
   * @return the stuck complaints
   * @throws UnsupportedOperationException if the store has no work lists
   */
  public List<Complaint> stuck(int limit) {
    WorkLists lists = workLists.orElseThrow(() -> new UnsupportedOperationException(
        "the stuck list is a work list, and the store implements no WorkLists"));
    return TenantGuard.own(tenant, Page.collect(p -> lists.flagged(tenant, ComplaintFlag.ESCALATION_BLOCKED, p), limit));
  }
}
