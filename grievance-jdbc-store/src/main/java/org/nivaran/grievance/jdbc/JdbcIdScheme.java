package org.nivaran.grievance.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.tenant.TenantId;

/**
 * Complaint ids {@code PREFIX-YYYY-NNNNNN} numbered by the database, for a store that outlives
 * the JVM and is shared by several nodes: each node reserves a block of numbers per prefix and
 * year in {@code nivaran_id_block} (one short transaction per block) and issues them from memory.
 * Each tenant has its own sequences: a scheme numbers one tenant's complaints (the
 * {@linkplain TenantId#DEFAULT default tenant} unless the factory names one), and the ids of two
 * tenants may coincide, as the store allows.
 * No two nodes issue the same id, before or after a restart; a node that stops leaves the rest of
 * its block unused, so numbers can have gaps (as an idempotent retry's can).
 *
 * <pre>{@code
 * Grievances.builder().store(store).idScheme(JdbcIdScheme.yearly(dataSource, "RPR", IST, 100))...
 * }</pre>
 *
 * <p>Give it the store's database. It does not check the database's durability itself: a block is
 * reserved and committed before any complaint is numbered from it, and a database that keeps a
 * complaint's commit keeps every commit before it (H2 writes its file in commit order, PostgreSQL
 * flushes its WAL in order), so on a store {@link JdbcComplaintStore} accepted, no acknowledged
 * complaint's number is handed out again after a crash. Were a reservation lost anyway (the scheme
 * on another, non-durable database), a number issued twice is refused by the complaint table's
 * primary key ({@code DuplicateComplaintIdException}), never written over.
 *
 * <p>Thread-safe.
 */
public final class JdbcIdScheme implements ComplaintIdScheme {
  private final Jdbc jdbc;
  private final TenantId tenant;
  private final Function<RegisterComplaint, String> prefixOf;
  private final ZoneId zone;
  private final int blockSize;
  private final Map<String, long[]> blocks = new HashMap<>(); // "PREFIX|year" -> {next, end}

  private JdbcIdScheme(DataSource dataSource, TenantId tenant, Function<RegisterComplaint, String> prefixOf, ZoneId zone,
      int blockSize) {
    this.jdbc = new Jdbc(dataSource);
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.prefixOf = Objects.requireNonNull(prefixOf, "prefixOf");
    this.zone = Objects.requireNonNull(zone, "zone");
    if (blockSize < 1 || blockSize > 1_000_000) {
      throw new IllegalArgumentException("blockSize must be 1 to 1,000,000 (was " + blockSize + ")");
    }
    this.blockSize = blockSize;
  }

  /**
   * One prefix for every complaint, in the {@linkplain TenantId#DEFAULT default tenant}.
   *
   * @param dataSource the store's database
   * @param prefix e.g. {@code RPR}: capital letters, digits and hyphens
   * @param zone the zone whose calendar year starts each sequence
   * @param blockSize how many numbers a node reserves at a time, 1 to 1,000,000 (100 is a good
   *     start: one database round trip per hundred registrations)
   * @return the scheme
   */
  public static JdbcIdScheme yearly(DataSource dataSource, String prefix, ZoneId zone, int blockSize) {
    return yearly(dataSource, TenantId.DEFAULT, prefix, zone, blockSize);
  }

  /**
   * One prefix for every complaint of a tenant, numbered apart from every other tenant's: each
   * tenant's {@code RPR-2024-000001} is its own.
   *
   * @param dataSource the store's database
   * @param tenant whose numbers
   * @param prefix e.g. {@code RPR}: capital letters, digits and hyphens
   * @param zone the zone whose calendar year starts each sequence
   * @param blockSize how many numbers a node reserves at a time, 1 to 1,000,000
   * @return the scheme
   */
  public static JdbcIdScheme yearly(DataSource dataSource, TenantId tenant, String prefix, ZoneId zone, int blockSize) {
    Objects.requireNonNull(prefix, "prefix");
    ComplaintId.of(prefix + "-2024-1"); // the prefix must make valid ids
    return new JdbcIdScheme(dataSource, tenant, r -> prefix, zone, blockSize);
  }

  /**
   * The prefix chosen per registration (by district, say), in the {@linkplain TenantId#DEFAULT
   * default tenant}.
   *
   * @param dataSource the store's database
   * @param prefixOf picks the prefix
   * @param zone the zone whose calendar year starts each sequence
   * @param blockSize how many numbers a node reserves at a time, 1 to 1,000,000
   * @return the scheme
   */
  public static JdbcIdScheme yearly(
      DataSource dataSource, Function<RegisterComplaint, String> prefixOf, ZoneId zone, int blockSize) {
    return yearly(dataSource, TenantId.DEFAULT, prefixOf, zone, blockSize);
  }

  /**
   * The prefix chosen per registration, for a tenant's complaints, numbered apart from every other
   * tenant's.
   *
   * @param dataSource the store's database
   * @param tenant whose numbers
   * @param prefixOf picks the prefix
   * @param zone the zone whose calendar year starts each sequence
   * @param blockSize how many numbers a node reserves at a time, 1 to 1,000,000
   * @return the scheme
   */
  public static JdbcIdScheme yearly(DataSource dataSource, TenantId tenant, Function<RegisterComplaint, String> prefixOf,
      ZoneId zone, int blockSize) {
    return new JdbcIdScheme(dataSource, tenant, prefixOf, zone, blockSize);
  }

  /**
   * The next id for a registration.
   *
   * @param request the registration
   * @param registeredAt when
   * @return a fresh id
   * @throws InvalidInputException (field {@code prefix}) if the chosen prefix is too long
   * @throws JdbcStoreException if a new block cannot be reserved
   */
  @Override
  public ComplaintId next(RegisterComplaint request, Instant registeredAt) {
    String prefix = Objects.requireNonNull(prefixOf.apply(request), "prefix");
    if (prefix.isEmpty() || prefix.length() > 32) {
      throw new InvalidInputException("prefix", "must be 1 to 32 characters (was '" + prefix + "')");
    }
    int year = registeredAt.atZone(zone).getYear();
    long n;
    synchronized (blocks) {
      long[] block = blocks.get(prefix + "|" + year);
      if (block == null || block[0] >= block[1]) {
        long start = reserve(prefix, year);
        block = new long[] {start, start + blockSize};
        blocks.put(prefix + "|" + year, block);
      }
      n = block[0]++;
    }
    String digits = Long.toString(n); // ASCII whatever the default locale
    StringBuilder id = new StringBuilder(prefix.length() + 13 + digits.length()).append(prefix).append('-').append(year)
        .append('-');
    for (int pad = digits.length(); pad < 6; pad++) {
      id.append('0');
    }
    return ComplaintId.of(id.append(digits).toString());
  }

  /** Reserves the next block; returns its first number. */
  private long reserve(String prefix, int year) {
    for (int attempt = 0; ; attempt++) {
      try {
        return jdbc.inTransaction("reserving complaint numbers for " + prefix + "-" + year, c -> {
          try (PreparedStatement ps = c.prepareStatement(
              "SELECT next_value FROM nivaran_id_block WHERE tenant_id = ? AND prefix = ? AND id_year = ? FOR UPDATE")) {
            ps.setString(1, tenant.value());
            ps.setString(2, prefix);
            ps.setInt(3, year);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                long start = rs.getLong(1);
                try (PreparedStatement up = c.prepareStatement(
                    "UPDATE nivaran_id_block SET next_value = ? WHERE tenant_id = ? AND prefix = ? AND id_year = ?")) {
                  up.setLong(1, start + blockSize);
                  up.setString(2, tenant.value());
                  up.setString(3, prefix);
                  up.setInt(4, year);
                  up.executeUpdate();
                }
                return start;
              }
            }
          }
          try (PreparedStatement ins = c.prepareStatement(
              "INSERT INTO nivaran_id_block (tenant_id, prefix, id_year, next_value) VALUES (?, ?, ?, ?)")) {
            ins.setString(1, tenant.value());
            ins.setString(2, prefix);
            ins.setInt(3, year);
            ins.setLong(4, 1L + blockSize);
            ins.executeUpdate();
          }
          return 1L;
        });
      } catch (JdbcStoreException e) {
        // two nodes started the year's sequence at once: the loser reads the winner's row
        if (!Jdbc.UNIQUE_VIOLATION.equals(e.sqlState()) || attempt > 2) {
          throw e;
        }
      }
    }
  }
}
