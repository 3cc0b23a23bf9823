package org.nivaran.grievance.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Registration;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.jdbc.JdbcComplaintStore;
import org.nivaran.grievance.jdbc.JdbcIdScheme;
import org.nivaran.grievance.jdbc.SchemaInstaller;
import org.nivaran.grievance.policy.CallerLimitPolicy;
import org.nivaran.grievance.policy.FakeComplaintPolicy;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.SampleDistrict;

/**
 * Issue 19's caller with a long history: what a registration with the fake-complaint and
 * caller-limit policies on costs for a caller with 10 earlier complaints and for one with 1,000,
 * before and after the caller-history questions were bounded, in the same run on PostgreSQL.
 *
 * <p>One fresh schema ({@code nivaran_callers_<random>}, dropped at the end) holds background
 * complaints of 1,000 other numbers, callers with 10 earlier complaints (one per timed
 * registration, so each registers with exactly 10 before it) and one caller per variant with 1,000
 * (who gains one complaint per timed registration, so ends with 1,000 + n). Every earlier
 * complaint lies within both policies' windows (the worst case: the caller-limit policy,
 * {@code perWindow(100000, 30 days)}, counts them all and refuses none; the fake-complaint policy,
 * {@code blockAfter(3, 90 days)}, counts none). "before" is the same store behind a proxy that
 * hides the bounded questions, so the policies get {@code CallerHistory}'s defaults: one
 * {@code registeredSince} that reads every complaint document of the period, exactly what a
 * registration asked before. Variants are interleaved registration by registration. The planner's
 * statistics and the visibility map are refreshed ({@code VACUUM ANALYZE}) before the timed part,
 * and the {@code EXPLAIN (ANALYZE, BUFFERS)} of each query a registration asks is printed.
 *
 * <p>Run: {@code java -cp <benchmarks classpath> org.nivaran.grievance.benchmarks.CallerHistoryHarness
 * [url] [user] [timed] [background]} (defaults {@code jdbc:postgresql://127.0.0.1:5432/test},
 * {@code postgres}, 300, 10000). A benchmark, not a test: it asserts only that every registration
 * was created. Not thread-safe; runs on one thread.
 */
public final class CallerHistoryHarness {
  private static final Instant START = Instant.parse("2026-11-01T04:30:00Z");
  private static final long SHORT_CALLERS = 8_100_000_000L;
  private static final long LONG_CALLERS = 8_200_000_000L;

  private CallerHistoryHarness() {}

  /**
   * Runs the measurement and prints medians, 90th percentiles, their ratios and the plans.
   *
   * @param args optional: JDBC URL, user, timed registrations per variant, background complaints
   * @throws Exception if the database fails
   */
  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test";
    String user = args.length > 1 ? args[1] : "postgres";
    int timed = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    int background = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
    String schema = "nivaran_callers_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    try (Connection admin = DriverManager.getConnection(url, user, ""); Statement s = admin.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    config.setUsername(user);
    config.setMaximumPoolSize(2);
    try (HikariDataSource ds = new HikariDataSource(config)) {
      SchemaInstaller.install(ds);
      run(ds, timed, background);
    } finally {
      try (Connection admin = DriverManager.getConnection(url, user, ""); Statement s = admin.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
      System.out.println("schema " + schema + " dropped");
    }
  }

  private static void run(HikariDataSource ds, int timed, int background) throws SQLException {
    JdbcComplaintStore store = JdbcComplaintStore.builder(ds).build();
    MutableClock clock = new MutableClock(START);
    ComplaintIdScheme ids = JdbcIdScheme.yearly(ds, "RPR", SampleDistrict.IST, 100);
    Grievances plain = SampleDistrict.grievances(store, clock).idScheme(ids).build();
    long t0 = System.nanoTime();
    for (int i = 0; i < background; i++) {
      plain.register(SampleDistrict.request(i), SampleDistrict.AGENT);
      clock.advance(Duration.ofSeconds(20));
    }
    // per variant: `timed` callers with 10 earlier complaints, one caller with 1,000
    for (int variant = 0; variant < 2; variant++) {
      for (int k = 0; k < timed; k++) {
        for (int j = 0; j < 10; j++) {
          plain.register(request(SHORT_CALLERS + variant * 100_000L + k, j), SampleDistrict.AGENT);
          clock.advance(Duration.ofSeconds(1));
        }
      }
      for (int j = 0; j < 1_000; j++) {
        plain.register(request(LONG_CALLERS + variant, j), SampleDistrict.AGENT);
        clock.advance(Duration.ofSeconds(1));
      }
    }
    System.out.printf(Locale.ROOT, "preloaded %d complaints in %.1f s%n", background + 2 * (timed * 10 + 1_000),
        (System.nanoTime() - t0) / 1e9);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("VACUUM ANALYZE nivaran_complaint");
    }
    clock.advance(Duration.ofHours(1));

    Grievances before = policies(beforeStore(store), clock, ids);
    Grievances after = policies(store, clock, ids);
    int warm = Math.min(50, timed / 3);
    List<long[]> samples = new ArrayList<>(); // before 10, after 10, before 1000, after 1000
    for (int v = 0; v < 4; v++) {
      samples.add(new long[timed - warm]);
    }
    for (int i = 0; i < timed; i++) {
      for (int v = 0; v < 4; v++) {
        int variant = (v + i) % 4; // rotate who goes first
        boolean isAfter = variant % 2 == 1;
        boolean isLong = variant >= 2;
        Grievances g = isAfter ? after : before;
        long number = isLong ? LONG_CALLERS + (isAfter ? 1 : 0) : SHORT_CALLERS + (isAfter ? 100_000L : 0) + i;
        RegisterComplaint r = request(number, 5_000 + i);
        long start = System.nanoTime();
        Registration reg = g.submit(r, SampleDistrict.AGENT);
        long took = System.nanoTime() - start;
        if (reg.outcome() != Registration.Outcome.CREATED) {
          throw new IllegalStateException("expected a new complaint, got " + reg.outcome());
        }
        clock.advance(Duration.ofMillis(500));
        if (i >= warm) {
          samples.get(variant)[i - warm] = took;
        }
      }
    }
    String[] names = {"before, 10 earlier", "after, 10 earlier", "before, 1,000 earlier", "after, 1,000 earlier"};
    double[] p50 = new double[4];
    for (int v = 0; v < 4; v++) {
      long[] s = samples.get(v);
      Arrays.sort(s);
      p50[v] = s[s.length / 2] / 1e6;
      System.out.printf(Locale.ROOT, "%-24s n=%d  p50 %.3f ms  p90 %.3f ms  p99 %.3f ms%n", names[v], s.length, p50[v],
          s[(int) (s.length * 0.9)] / 1e6, s[(int) (s.length * 0.99)] / 1e6);
    }
    System.out.printf(Locale.ROOT, "ratio p50 1,000 / 10 earlier: before %.2fx, after %.2fx%n", p50[2] / p50[0],
        p50[3] / p50[1]);
    explain(ds, PhoneNumber.parse(String.valueOf(LONG_CALLERS + 1)), clock.instant());
  }

  private static Grievances policies(ComplaintStore store, MutableClock clock, ComplaintIdScheme ids) {
    return SampleDistrict.grievances(store, clock).idScheme(ids)
        .fakeComplaintPolicy(FakeComplaintPolicy.blockAfter(3, Duration.ofDays(90)))
        .callerLimitPolicy(CallerLimitPolicy.perWindow(100_000, Duration.ofDays(30)))
        .build();
  }

  /** A sample request from this number; {@code n} picks its category and text. */
  private static RegisterComplaint request(long number, int n) {
    RegisterComplaint sample = SampleDistrict.request(n);
    return RegisterComplaint.builder().from(sample)
        .citizen(Complainant.builder().name("नागरिक").phone(PhoneNumber.parse(String.valueOf(number)))
            .languageTag("hi").build())
        .build();
  }

  /**
   * The store as the policies saw it before: a proxy with every interface of the store that hides
   * the bounded questions, so {@code CallerHistory}'s defaults answer them through
   * {@code registeredSince}, which reads every complaint of the period.
   */
  private static ComplaintStore beforeStore(JdbcComplaintStore store) {
    Set<String> hidden = Set.of("newestRegistered", "registrationInstants");
    InvocationHandler h = (proxy, method, args) -> {
      boolean bounded = hidden.contains(method.getName())
          || method.getName().equals("registeredSince") && method.getParameterCount() == 5;
      if (bounded) {
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      try {
        return method.invoke(store, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (ComplaintStore) Proxy.newProxyInstance(CallerHistoryHarness.class.getClassLoader(),
        JdbcComplaintStore.class.getInterfaces(), h);
  }

  /** Prints the plans of the questions a registration asks now, and of the one it asked before. */
  private static void explain(HikariDataSource ds, PhoneNumber phone, Instant now) throws SQLException {
    Instant from = now.minus(Duration.ofDays(30));
    Instant fakesFrom = now.minus(Duration.ofDays(90));
    // the texts of StoreStatements (PostgreSQL dialect), with the values a registration binds
    String[][] queries = {
        {"caller limit, now: registrationInstants (limit 100000)",
            "SELECT registered_at FROM nivaran_complaint WHERE tenant_id = ? AND citizen_phone = ? "
                + "AND registered_at >= ? AND registered_at <= ? ORDER BY registered_at DESC, id DESC LIMIT 100000"},
        {"caller limit, now with a limit of 10",
            "SELECT registered_at FROM nivaran_complaint WHERE tenant_id = ? AND citizen_phone = ? "
                + "AND registered_at >= ? AND registered_at <= ? ORDER BY registered_at DESC, id DESC LIMIT 10"},
        {"duplicate policy, now: registeredSince of a category",
            "SELECT state FROM nivaran_complaint WHERE tenant_id = ? AND citizen_phone = ? AND registered_at >= ? "
                + "AND category_code = 'ENERGY.SUPPLY' AND jurisdiction_code = 'WARD-12' "
                + "ORDER BY registered_at DESC, id DESC"},
        {"fake-complaint policy: countFakeClosures",
            "SELECT COUNT(*) FROM nivaran_complaint WHERE tenant_id = ? AND citizen_phone = ? "
                + "AND fake_closed_at >= ? AND fake_closed_at <= ?"},
        {"before: registeredSince (every document of the period)",
            "SELECT state FROM nivaran_complaint WHERE tenant_id = ? AND citizen_phone = ? "
                + "AND registered_at >= ? AND registered_at <= ? ORDER BY registered_at DESC, id DESC"},
    };
    try (Connection c = ds.getConnection()) {
      for (String[] q : queries) {
        System.out.println("EXPLAIN (ANALYZE, BUFFERS) " + q[0] + ":");
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + q[1])) {
          ps.setString(1, "default");
          ps.setString(2, phone.e164());
          boolean fake = q[0].startsWith("fake");
          ps.setObject(3, OffsetDateTime.ofInstant(fake ? fakesFrom : from, ZoneOffset.UTC));
          if (q[1].chars().filter(ch -> ch == '?').count() == 4) {
            ps.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              System.out.println("  " + rs.getString(1));
            }
          }
        }
      }
    }
  }
}
