package org.nivaran.grievance.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.jdbc.EventRows.EventRow;
import org.nivaran.grievance.jdbc.EventRows.Head;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.store.Append;
import org.nivaran.grievance.store.ComplaintNotFoundException;
import org.nivaran.grievance.store.CreateResult;
import org.nivaran.grievance.store.DuplicateComplaintIdException;
import org.nivaran.grievance.store.DuplicateReferenceException;
import org.nivaran.grievance.store.NewComplaint;
import org.nivaran.grievance.store.StaleVersionException;
import org.nivaran.grievance.tenant.TenantId;

/**
 * The writes of {@link JdbcComplaintStore}: a registration (its idempotency key, complaint row,
 * references, events and notifications in one transaction) and a batch of appends (the rows locked
 * in id order, each change checked against its version and its new references, in one
 * transaction). Every row written is of the complaint's tenant.
 *
 * <p>Thread-safe.
 */
final class ComplaintWrites {
  private final Jdbc jdbc;
  private final ComplaintRows rows;
  private final ChainKeys keys;
  private final ComplaintReads reads;

  ComplaintWrites(Jdbc jdbc, ComplaintRows rows, ChainKeys keys, ComplaintReads reads) {
    this.jdbc = jdbc;
    this.rows = rows;
    this.keys = keys;
    this.reads = reads;
  }

  /** See {@link JdbcComplaintStore#create}. */
  CreateResult create(NewComplaint registration) {
    Objects.requireNonNull(registration, "registration");
    Complaint state = registration.state();
    TenantId tenant = state.tenant();
    List<EventRow> events = EventRows.chain(rows, keys, state.id(), registration.events(), 0, HashChain.GENESIS);
    String stateJson = rows.write(state);
    Optional<String> key = registration.idempotencyKey();
    try {
      return jdbc.inTransaction("registering " + state.id(), c -> {
        if (key.isPresent()) {
          claimKey(c, key.get(), registration.fingerprint(), state);
        }
        try (PreparedStatement ps = c.prepareStatement(StoreStatements.INSERT_COMPLAINT)) {
          int i = ComplaintRows.bindColumns(ps, state);
          ps.setString(i++, events.get(events.size() - 1).hash());
          ps.setString(i++, stateJson);
          ps.setString(i++, tenant.value());
          ps.setString(i++, state.id().value());
          ps.setLong(i, state.version());
          ps.executeUpdate();
        } catch (SQLException e) {
          if (Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) {
            throw new DuplicateComplaintIdException(state.id());
          }
          throw e;
        }
        ReferenceRows.claim(c, tenant, state.id(), state.references());
        EventRows.insert(c, tenant, events);
        OutboxRows.insert(c, tenant, registration.notifications());
        return new CreateResult.Created(state);
      });
    } catch (KeyTaken taken) { // rolled back; the key's first complaint is committed by now
      return reads.findByIdempotencyKey(tenant, key.get(), registration.fingerprint())
          .<CreateResult>map(CreateResult.Replayed::new)
          .orElseThrow(() -> new IllegalStateException("idempotency key '" + key.get() + "' is taken by a complaint "
              + "that cannot be read"));
    } catch (ReferenceRows.Taken taken) { // rolled back; the reference's holder is committed by now
      throw duplicate(tenant, taken.reference());
    }
  }

  /** The refusal of a reference another complaint claimed concurrently, naming its holder. */
  private DuplicateReferenceException duplicate(TenantId tenant, ExternalReference reference) {
    ComplaintId holder = jdbc.read("reading who holds reference " + reference,
        c -> ReferenceRows.holder(c, tenant, reference))
        .orElseThrow(() -> new IllegalStateException("reference " + reference + " was claimed by a transaction "
            + "that did not commit; try again"));
    return new DuplicateReferenceException(reference, holder);
  }

  private static void claimKey(Connection c, String key, String fingerprint, Complaint state) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(StoreStatements.INSERT_IDEMPOTENCY)) {
      ps.setString(1, state.tenant().value());
      ps.setString(2, key);
      ps.setString(3, fingerprint);
      ps.setString(4, state.id().value());
      Jdbc.setInstant(ps, 5, state.registeredAt());
      ps.executeUpdate();
    } catch (SQLException e) {
      if (Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new KeyTaken();
      }
      throw e;
    }
  }

  /** Another transaction holds the idempotency key; thrown to roll this one back. */
  private static final class KeyTaken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KeyTaken() {
      super(null, null, false, false);
    }
  }

  /** See {@link JdbcComplaintStore#appendAll}. */
  Map<ComplaintId, RuntimeException> appendAll(List<Append> changes) {
    Append.checkBatch(changes);
    if (changes.isEmpty()) {
      return Map.of();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return appendOnce(changes);
      } catch (ReferenceRows.Taken taken) { // rolled back: read again, now that the claim is committed
        if (attempt == 3) {
          throw duplicate(changes.get(0).state().tenant(), taken.reference());
        }
      }
    }
  }

  private Map<ComplaintId, RuntimeException> appendOnce(List<Append> changes) {
    TenantId tenant = changes.get(0).state().tenant();
    Map<ComplaintId, String> states = new LinkedHashMap<>();
    for (Append a : changes) {
      states.put(a.state().id(), rows.write(a.state()));
    }
    String what = changes.size() == 1 ? "appending to " + changes.get(0).state().id() : "appending a batch of " + changes.size();
    return jdbc.inTransaction(what, c -> {
      Map<ComplaintId, Head> heads = EventRows.lockHeads(c, tenant, states.keySet());
      Map<ComplaintId, RuntimeException> skipped = new LinkedHashMap<>();
      List<EventRow> events = new ArrayList<>();
      List<Notification> notifications = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(StoreStatements.UPDATE_COMPLAINT)) {
        for (Append a : changes) {
          ComplaintId id = a.state().id();
          Head head = heads.get(id);
          if (head == null) {
            skipped.put(id, new ComplaintNotFoundException(id));
            continue;
          }
          if (head.version() != a.expectedVersion()) {
            skipped.put(id, new StaleVersionException(id, a.expectedVersion(), head.version()));
            continue;
          }
          try {
            ReferenceRows.claim(c, tenant, id, a.state().references());
          } catch (DuplicateReferenceException e) { // nothing of this change inserted yet
            skipped.put(id, e);
            continue;
          }
          List<EventRow> added = EventRows.chain(rows, keys, id, a.events(), a.expectedVersion(), head.hash());
          events.addAll(added);
          notifications.addAll(a.notifications());
          int i = ComplaintRows.bindColumns(ps, a.state());
          ps.setString(i++, added.get(added.size() - 1).hash());
          ps.setString(i++, states.get(id));
          ps.setLong(i++, a.state().version());
          ps.setString(i++, tenant.value());
          ps.setString(i++, id.value());
          ps.setLong(i, a.expectedVersion());
          ps.addBatch();
        }
        if (!events.isEmpty()) {
          ps.executeBatch();
        }
      }
      EventRows.insert(c, tenant, events);
      OutboxRows.insert(c, tenant, notifications);
      return skipped;
    });
  }
}
