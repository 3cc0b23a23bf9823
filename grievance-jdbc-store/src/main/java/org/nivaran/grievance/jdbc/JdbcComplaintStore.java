package org.nivaran.grievance.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.json.NivaranJacksonModule;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.report.EventMarks;
import org.nivaran.grievance.store.Append;
import org.nivaran.grievance.store.CallerHistory;
import org.nivaran.grievance.store.ComplaintNotFoundException;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.CreateResult;
import org.nivaran.grievance.store.DuplicateReferenceException;
import org.nivaran.grievance.store.GeoBox;
import org.nivaran.grievance.store.NearbyComplaints;
import org.nivaran.grievance.store.NewComplaint;
import org.nivaran.grievance.store.Page;
import org.nivaran.grievance.store.PageRequest;
import org.nivaran.grievance.store.StaleVersionException;
import org.nivaran.grievance.store.TransactionalOutbox;
import org.nivaran.grievance.store.WorkLists;
import org.nivaran.grievance.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ComplaintStore} on PostgreSQL or H2, over plain JDBC.
 *
 * <ul>
 *   <li>One store serves many tenants: every row carries its {@code tenant_id}, which leads every
 *       primary key and index, and every statement names one tenant, so a complaint is named by its
 *       tenant and id (two tenants may each hold {@code RPR-2024-000001}, or the same idempotency
 *       key), and no read, work list, claim or count crosses tenants. The tables may be
 *       hash-partitioned by tenant ({@link SchemaLayout#PARTITIONED_BY_TENANT}) or distributed by
 *       it (Citus) with no change here.
 *   <li>A complaint's {@linkplain Complaint#references() external references} are rows of
 *       {@code nivaran_reference}, keyed by tenant, source and the source's id, written with the
 *       complaint; a reference another complaint of the tenant holds is refused with
 *       {@link DuplicateReferenceException} and nothing is written.
 *   <li>Its location, if any, is also in plain {@code latitude} and {@code longitude} columns, for
 *       {@link #openWithin}'s bounding box.
 *   <li>Each complaint is a row of {@code nivaran_complaint} (its JSON document, as
 *       {@link NivaranJacksonModule} writes it, and indexed columns for status, post, department,
 *       jurisdiction, level, deadline, registration and flags) and rows of {@code nivaran_event},
 *       unique on complaint and sequence. A create or an append writes both, and the
 *       notifications it causes to {@code nivaran_outbox}, in one transaction; an append first
 *       locks the complaint's row and checks its version.
 *   <li>The event log is tamper-evident: each row's hash chains to the previous row of its
 *       complaint (an HMAC under the host's {@link Builder#chainKeys keys}, or plain SHA-256),
 *       and the complaint row holds the last hash; {@link #audit()} checks the chain and every
 *       column replay or grading reads, and takes {@link Checkpoint}s to keep elsewhere.
 *   <li>Each event row also holds the event's {@link EventMarks} (the status and post it moves
 *       to, whether it sets or clears the SLA clock, the deadline it leaves), so that
 *       {@link JdbcGradingSource} grades a period by SQL without reading payloads. They are read
 *       off the payload, which the hash covers; the audit checks them against it.
 *   <li>{@link #claimDue} claims due complaints for one sweeper with
 *       {@code FOR UPDATE SKIP LOCKED} and a lease, so any number of nodes sweep at once.
 *   <li>{@link #appendAll} writes a batch of changes in one transaction, skipping the stale ones.
 *   <li>The {@linkplain WorkLists work lists} are keyset-paged index scans; the
 *       {@linkplain CallerHistory caller's history} is one query on an index by number per
 *       question (a count of fake closures is one {@code COUNT}).
 * </ul>
 *
 * <p>It is a {@linkplain TransactionalOutbox transactional outbox}: give {@code Grievances} no
 * notifier, and run an {@link OutboxRelay} with it instead.
 *
 * <p>Its parts: {@code StoreStatements} holds every statement and the dialects' differences,
 * {@code ComplaintRows}, {@code EventRows} and {@code ReferenceRows} map complaints, events and
 * references to rows, {@code ComplaintWrites} writes, {@code ComplaintReads} reads by id, key and
 * reference, {@code WorkListQueries} and {@code CallerHistoryQueries} answer the lists, and
 * {@link StoreAudit} audits the tables.
 *
 * <pre>{@code
 * SchemaInstaller.install(dataSource);                 // or let Flyway run db/nivaran/postgresql
 * JdbcComplaintStore store = JdbcComplaintStore.create(dataSource);
 * Grievances grievances = Grievances.builder().store(store).directory(directory)...build();
 * }</pre>
 *
 * <h2 id="durability">Durability</h2>
 *
 * <p>A write the store has acknowledged (a registration or command that returned) must survive the
 * crash of the process that made it. The store therefore reads the database's settings when it is
 * built, and refuses, with a {@link NonDurableDatabaseException} naming the setting, a database
 * that can return from a commit before the commit is safe:
 *
 * <ul>
 *   <li>H2 in memory ({@code jdbc:h2:mem:}): nothing survives the database;
 *   <li>H2 on files: with {@code WRITE_DELAY} above 0 (H2's default is 500 ms) a process killed
 *       within that time of a commit loses it, and even with {@code ;WRITE_DELAY=0} Nivaran's kill
 *       test once found the file unreadable after a {@code kill -9}. H2 is for tests and demos;
 *   <li>PostgreSQL with {@code fsync = off}, or {@code synchronous_commit = off} for the store's
 *       connections (set in {@code postgresql.conf}, for the database or role, or in the
 *       connection's options).
 * </ul>
 *
 * <p>Tests and demos on a database that is thrown away say so:
 * {@code JdbcComplaintStore.builder(dataSource).allowNonDurable("why").build()}.
 *
 * <p>H2 is atomic across a killed process only when write transactions do not overlap (a commit
 * can write another open transaction's rows to the file without what would roll them back), so on
 * H2 on files every transaction of the store's classes waits for the one before it, in this JVM.
 * Keep such a database to Nivaran and to one JVM; nodes that share a database need PostgreSQL.
 *
 * <p>The other classes on the same database need no check of their own: {@link JdbcIdScheme}
 * reserves a block of numbers in a transaction committed before any complaint numbered from it, so
 * a durable database keeps every reservation behind an acknowledged complaint (and were one lost,
 * a re-issued number would be refused by the complaint table's primary key, never written over);
 * {@link OutboxRelay} and {@link OutboxAdministration} only mark rows the store wrote, and a lost
 * mark sends a message again, which at-least-once delivery allows.
 *
 * <p>Instants are kept at the database's precision in the indexed columns (microseconds in
 * PostgreSQL) and exactly in the JSON documents. Text round-trips exactly (UTF-8 throughout).
 * A connection is taken from the data source for each call and given back before it returns.
 *
 * <p>Thread-safe.
 */
public final class JdbcComplaintStore
    implements ComplaintStore, WorkLists, CallerHistory, NearbyComplaints, TransactionalOutbox {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcComplaintStore.class);

  private final Jdbc jdbc;
  private final ComplaintRows rows;
  private final WorkListQueries workLists;
  private final CallerHistoryQueries history;
  private final ChainKeys keys;
  private final StoreAudit audit;
  private final ComplaintReads reads;
  private final ComplaintWrites writes;

  private JdbcComplaintStore(Builder b) {
    this.jdbc = new Jdbc(b.dataSource);
    this.rows = new ComplaintRows();
    Dialect dialect = jdbc.read("reading the database product and its durability settings", c -> {
      Dialect d = Dialect.of(c);
      if (b.nonDurableReason == null) {
        DurabilityCheck.require(c, d);
      }
      return d;
    });
    if (b.nonDurableReason != null) {
      LOG.info("JdbcComplaintStore built without its durability check: {}", b.nonDurableReason);
    }
    StoreStatements sql = new StoreStatements(dialect);
    this.workLists = new WorkListQueries(jdbc, sql, rows);
    this.history = new CallerHistoryQueries(jdbc, sql, rows);
    this.keys = b.chainKeys;
    this.audit = new StoreAudit(jdbc, sql, rows, keys);
    this.reads = new ComplaintReads(jdbc, rows);
    this.writes = new ComplaintWrites(jdbc, rows, keys, reads);
  }

  /**
   * A store on a data source whose schema is installed ({@link SchemaInstaller}, or the schema
   * files run by the host's migration tool), refused if the database can lose acknowledged writes
   * (see <a href="#durability">Durability</a>).
   *
   * @param dataSource a PostgreSQL or H2 data source, pooled for production (HikariCP, say)
   * @return the store
   * @throws NonDurableDatabaseException naming the setting, if the database can lose writes the
   *     store has acknowledged: H2 in memory or on files, PostgreSQL with
   *     {@code fsync} or {@code synchronous_commit} off
   * @throws IllegalArgumentException if the database is neither PostgreSQL nor H2
   * @throws JdbcStoreException if the database cannot be reached
   */
  public static JdbcComplaintStore create(DataSource dataSource) {
    return builder(dataSource).build();
  }

  /**
   * A builder of a store on a data source whose schema is installed, for the settings beyond the
   * defaults of {@link #create}.
   *
   * @param dataSource a PostgreSQL or H2 data source
   * @return the builder
   * @throws NullPointerException naming {@code dataSource} if it is null
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /**
   * Builds a {@link JdbcComplaintStore}. Not thread-safe; the store it builds is.
   */
  public static final class Builder {
    private final DataSource dataSource;
    private ChainKeys chainKeys = ChainKeys.NONE;
    private String nonDurableReason;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Signs the event log: each new row's hash is an HMAC-SHA256 under the current key. Without
     * keys it is plain SHA-256, which reveals only accidental or naive edits.
     *
     * @param keys the keys, the same on every node (see {@link ChainKeys})
     * @return this builder
     */
    public Builder chainKeys(ChainKeys keys) {
      this.chainKeys = Objects.requireNonNull(keys, "keys");
      return this;
    }

    /**
     * Builds the store without checking that the database keeps every acknowledged write: for
     * tests and demos on a database that is thrown away (H2 in memory), never for complaints
     * that must be kept. The reason is logged (at INFO) when the store is built, and says to a
     * reader of the code why the check is off.
     *
     * <pre>{@code
     * JdbcComplaintStore.builder(h2InMemory).allowNonDurable("unit tests: the database is dropped after each").build();
     * }</pre>
     *
     * @param reason why losing acknowledged writes is acceptable here
     * @return this builder
     * @throws NullPointerException naming {@code reason} if it is null
     * @throws IllegalArgumentException if the reason is blank
     */
    public Builder allowNonDurable(String reason) {
      Objects.requireNonNull(reason, "reason");
      if (reason.isBlank()) {
        throw new IllegalArgumentException("allowNonDurable needs a reason: say why losing acknowledged writes is "
            + "acceptable here");
      }
      this.nonDurableReason = reason;
      return this;
    }

    /**
     * The store, after checking that the database keeps every write the store acknowledges
     * (unless {@link #allowNonDurable} said otherwise).
     *
     * @return the store
     * @throws NonDurableDatabaseException naming the setting, if the database can lose writes the
     *     store has acknowledged: H2 in memory or on files, PostgreSQL
     *     with {@code fsync} or {@code synchronous_commit} off
     * @throws IllegalArgumentException if the database is neither PostgreSQL nor H2
     * @throws JdbcStoreException if the database cannot be reached
     */
    public JdbcComplaintStore build() {
      return new JdbcComplaintStore(this);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Writes

  @Override
  public CreateResult create(NewComplaint registration) {
    return writes.create(registration);
  }

  @Override
  public void append(Append change) {
    Objects.requireNonNull(change, "change");
    Map<ComplaintId, RuntimeException> skipped = appendAll(List.of(change));
    RuntimeException e = skipped.get(change.state().id());
    if (e != null) {
      throw e;
    }
  }

  /**
   * Writes the batch in one transaction: locks the complaints' rows (in id order), skips each
   * whose version is not the expected one, that does not exist in the changes' tenant, or whose
   * state gains a reference another complaint of the tenant holds, and writes the rest, their
   * events, their new references and their notifications.
   *
   * @param changes the changes, at most one per complaint, all of one tenant
   * @return the skipped changes by complaint: {@link StaleVersionException},
   *     {@link ComplaintNotFoundException} or {@link DuplicateReferenceException}
   * @throws IllegalArgumentException if two changes are for one complaint, or for complaints of
   *     different tenants
   * @throws JdbcStoreException if the database fails (nothing of the batch is written)
   */
  @Override
  public Map<ComplaintId, RuntimeException> appendAll(List<Append> changes) {
    return writes.appendAll(changes);
  }

  /**
   * Writes notifications that no complaint change causes (a handover) to the outbox of each one's
   * {@linkplain Notification#tenant() tenant}, in one transaction, for that tenant's relay to
   * deliver.
   *
   * @param notifications the notifications
   * @throws JdbcStoreException if the database fails (none is written)
   */
  @Override
  public void enqueue(List<Notification> notifications) {
    Objects.requireNonNull(notifications, "notifications");
    if (!notifications.isEmpty()) {
      Map<TenantId, List<Notification>> byTenant = new java.util.LinkedHashMap<>();
      for (Notification n : notifications) {
        byTenant.computeIfAbsent(n.tenant(), t -> new java.util.ArrayList<>()).add(n);
      }
      jdbc.inTransaction("enqueueing " + notifications.size() + " notification(s)", c -> {
        for (Map.Entry<TenantId, List<Notification>> e : byTenant.entrySet()) {
          OutboxRows.insert(c, e.getKey(), e.getValue());
        }
        return null;
      });
    }
  }

  /**
   * Writes notifications that no complaint change causes to a tenant's outbox, in one
   * transaction, for that tenant's relay to deliver.
   *
   * @param tenant whose outbox
   * @param notifications the notifications, each of that tenant
   * @throws JdbcStoreException if the database fails (none is written)
   * @throws IllegalArgumentException if a notification names another tenant (none is written)
   */
  public void enqueue(TenantId tenant, List<Notification> notifications) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(notifications, "notifications");
    if (!notifications.isEmpty()) {
      jdbc.inTransaction("enqueueing " + notifications.size() + " notification(s)", c -> {
        OutboxRows.insert(c, tenant, notifications);
        return null;
      });
    }
  }

  /**
   * Audits a complaint's rows in the {@linkplain TenantId#DEFAULT default tenant}; the same as
   * {@code audit().verifyLog(id)} ({@link StoreAudit#verifyLog(ComplaintId)}).
   *
   * @param id the complaint
   * @return what was found, each alteration named by its kind
   * @throws ComplaintNotFoundException if there is no such complaint
   * @throws JdbcStoreException if the database fails
   */
  public LogVerification verifyLog(ComplaintId id) {
    return audit.verifyLog(id);
  }

  /**
   * Audits a tenant's complaint's rows; the same as {@code audit().verifyLog(tenant, id)}
   * ({@link StoreAudit#verifyLog(TenantId, ComplaintId)}).
   *
   * @param tenant whose complaint
   * @param id the complaint
   * @return what was found, each alteration named by its kind
   * @throws ComplaintNotFoundException if the tenant has no such complaint
   * @throws JdbcStoreException if the database fails
   */
  public LogVerification verifyLog(TenantId tenant, ComplaintId id) {
    return audit.verifyLog(tenant, id);
  }

  /**
   * The tamper checks: a complaint's, the whole store's, and checkpoints.
   *
   * @return the audit, with this store's keys
   */
  public StoreAudit audit() {
    return audit;
  }

  // ---------------------------------------------------------------------------------------------
  // Reads

  @Override
  public Optional<Complaint> find(TenantId tenant, ComplaintId id) {
    return reads.find(tenant, id);
  }

  @Override
  public List<ComplaintEvent> events(TenantId tenant, ComplaintId id) {
    return reads.events(tenant, id);
  }

  @Override
  public Optional<Complaint> findByIdempotencyKey(TenantId tenant, String key, String fingerprint) {
    return reads.findByIdempotencyKey(tenant, key, fingerprint);
  }

  @Override
  public Optional<Complaint> findByReference(TenantId tenant, ExternalReference reference) {
    return reads.findByReference(tenant, reference);
  }

  /**
   * A tenant's open complaints of a category in a box, newest first: one range of the partial
   * index {@code nivaran_complaint_nearby} (tenant, category, latitude), the longitude checked on
   * the rows it holds; a box across the antimeridian takes the longitudes on either side of it.
   *
   * @param tenant whose complaints
   * @param categoryCode the category
   * @param box where
   * @param since the earliest registration instant
   * @param limit the most to return, at least 1
   * @return the complaints
   */
  @Override
  public List<Complaint> openWithin(TenantId tenant, String categoryCode, GeoBox box, Instant since, int limit) {
    return workLists.openWithin(tenant, categoryCode, box, since, limit);
  }

  // ---------------------------------------------------------------------------------------------
  // Work lists and the caller's history

  /**
   * Claims a tenant's due complaints for this sweeper: in one transaction, selects the due rows no
   * other sweeper holds ({@code FOR UPDATE SKIP LOCKED}, and no unexpired claim), earliest deadline
   * first, and marks them claimed for {@code lease} from now by the database's clock (whatever
   * instant the sweep is for). Appending to a complaint ends its claim; a complaint the sweeper
   * claims but leaves alone (not due after all, or failed) stays claimed until the lease ends.
   *
   * @param tenant whose complaints
   * @param at the sweep's instant
   * @param limit the most to claim, at least 1
   * @param lease how long the claim keeps other sweepers away, positive
   * @return the claimed complaints
   */
  @Override
  public List<Complaint> claimDue(TenantId tenant, Instant at, int limit, Duration lease) {
    return workLists.claimDue(tenant, at, limit, lease);
  }

  @Override
  public Page<Complaint> pendingAt(TenantId tenant, PostId post, PageRequest page) {
    return workLists.pendingAt(tenant, post, page);
  }

  @Override
  public Page<Complaint> overdue(TenantId tenant, Instant at, PageRequest page) {
    return workLists.overdue(tenant, at, page);
  }

  @Override
  public Page<Complaint> flagged(TenantId tenant, ComplaintFlag flag, PageRequest page) {
    return workLists.flagged(tenant, flag, page);
  }

  @Override
  public Page<Complaint> byStatus(TenantId tenant, Status status, String jurisdictionCode, PageRequest page) {
    return workLists.byStatus(tenant, status, jurisdictionCode, page);
  }

  @Override
  public Page<Complaint> byCitizen(TenantId tenant, PhoneNumber phone, PageRequest page) {
    return workLists.byCitizen(tenant, phone, page);
  }

  @Override
  public List<Complaint> registeredSince(TenantId tenant, PhoneNumber phone, Instant since) {
    return history.registeredSince(tenant, phone, since);
  }

  /**
   * Reads at most {@code max} rows, backwards on the index by tenant, number and registration instant.
   *
   * @param tenant whose complaints
   * @param phone the citizen's number
   * @param since the earliest registration instant, inclusive
   * @param until the latest registration instant, inclusive
   * @param max how many at most, at least 1
   * @return the complaints, newest first
   */
  @Override
  public List<Complaint> newestRegistered(TenantId tenant, PhoneNumber phone, Instant since, Instant until, int max) {
    return history.newestRegistered(tenant, phone, since, until, max);
  }

  /**
   * Reads at most {@code max} entries of the index by tenant, number and registration instant and
   * nothing else (an index-only scan on PostgreSQL).
   *
   * @param tenant whose complaints
   * @param phone the citizen's number
   * @param since the earliest registration instant, inclusive
   * @param until the latest registration instant, inclusive
   * @param max how many at most, at least 1
   * @return the instants, newest first
   */
  @Override
  public List<Instant> registrationInstants(TenantId tenant, PhoneNumber phone, Instant since, Instant until, int max) {
    return history.registrationInstants(tenant, phone, since, until, max);
  }

  /**
   * Reads the range of the index by tenant, number and registration instant and the documents of
   * only the rows of the category and jurisdiction.
   *
   * @param tenant whose complaints
   * @param phone the citizen's number
   * @param categoryCode the category code
   * @param jurisdictionCode the jurisdiction code
   * @param since the earliest registration instant, inclusive
   * @return the complaints, newest first
   */
  @Override
  public List<Complaint> registeredSince(TenantId tenant, PhoneNumber phone, String categoryCode,
      String jurisdictionCode, Instant since) {
    return history.registeredSince(tenant, phone, categoryCode, jurisdictionCode, since);
  }

  /**
   * Counts with one {@code COUNT} on the index of fake closures by tenant and number.
   *
   * @param tenant whose complaints
   * @param phone the citizen's number
   * @param since the earliest closing instant, inclusive
   * @param until the latest closing instant, inclusive
   * @return the count
   */
  @Override
  public int countFakeClosures(TenantId tenant, PhoneNumber phone, Instant since, Instant until) {
    return history.countFakeClosures(tenant, phone, since, until);
  }

  @Override
  public List<Complaint> fakeClosures(TenantId tenant, PhoneNumber phone, Instant since, Instant until) {
    return history.fakeClosures(tenant, phone, since, until);
  }
}
