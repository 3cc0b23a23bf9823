package org.nivaran.grievance.benchmarks;

import java.util.Objects;

/**
 * What {@link StoreLoadHarness} runs against and how much; immutable, so thread-safe.
 *
 * @param url a PostgreSQL JDBC URL, or {@code jdbc:h2:mem:} for a quick check
 * @param user the PostgreSQL user (needs CREATE on the database)
 * @param password the user's password, empty for trust authentication
 * @param rounds how many times each measurement is repeated
 * @param registrations how many registrations each registration measurement times
 * @param warmup how many registrations precede the timed ones; with {@code preload}, how many untimed runs
 *     precede the timed ones of each per-request operation (at most {@value PreloadedRuns#WARMUP})
 * @param due how many complaints each escalation measurement drains
 * @param preload when above 0, the harness instead fills one schema with this many complaints
 *     ({@link Preloader}) and measures latencies and plans at that size ({@link PreloadedRuns})
 * @param samples how many times each latency of the preloaded run is timed (fewer for grading)
 */
record Options(String url, String user, String password, int rounds, int registrations, int warmup, int due,
    int preload, int samples) {
  static final String USAGE = "java -cp benchmarks.jar org.nivaran.grievance.benchmarks.StoreLoadHarness\n"
      + "  [--url jdbc:postgresql://127.0.0.1:5432/test] [--user postgres] [--password '']\n"
      + "  [--rounds 3] [--registrations 4000] [--warmup 1000] [--due 20000]\n"
      + "  [--preload 0 (e.g. 10000: fill one schema, then latencies and EXPLAIN at that size)] [--samples 200]";

  Options {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (rounds < 1 || registrations < 1 || warmup < 0 || due < 1 || preload < 0 || samples < 1) {
      throw new IllegalArgumentException(
          "rounds, registrations, due and samples must be at least 1, warmup and preload at least 0");
    }
  }

  /** The defaults: the local PostgreSQL, 3 rounds of 4,000 registrations and 20,000 due; no preload. */
  static Options defaults() {
    return new Options("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "", 3, 4000, 1000, 20_000, 0, 200);
  }

  static Options parse(String... args) {
    Options o = defaults();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("no value after " + name + "\n" + USAGE);
      }
      String v = args[++i];
      o = switch (name) {
        case "--url" -> new Options(v, o.user, o.password, o.rounds, o.registrations, o.warmup, o.due, o.preload,
            o.samples);
        case "--user" -> new Options(o.url, v, o.password, o.rounds, o.registrations, o.warmup, o.due, o.preload,
            o.samples);
        case "--password" -> new Options(o.url, o.user, v, o.rounds, o.registrations, o.warmup, o.due, o.preload,
            o.samples);
        case "--rounds" -> o.withCounts(number(name, v), o.registrations, o.warmup, o.due, o.preload, o.samples);
        case "--registrations" -> o.withCounts(o.rounds, number(name, v), o.warmup, o.due, o.preload, o.samples);
        case "--warmup" -> o.withCounts(o.rounds, o.registrations, number(name, v), o.due, o.preload, o.samples);
        case "--due" -> o.withCounts(o.rounds, o.registrations, o.warmup, number(name, v), o.preload, o.samples);
        case "--preload" -> o.withCounts(o.rounds, o.registrations, o.warmup, o.due, number(name, v), o.samples);
        case "--samples" -> o.withCounts(o.rounds, o.registrations, o.warmup, o.due, o.preload, number(name, v));
        default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
      };
    }
    return o;
  }

  /** These options with other counts, the same database. */
  Options withCounts(int rounds, int registrations, int warmup, int due, int preload, int samples) {
    return new Options(url, user, password, rounds, registrations, warmup, due, preload, samples);
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value.replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a number, not '" + value + "'", e);
    }
  }

  /** Connections per pool: enough for the most threads any measurement runs. */
  int poolSize() {
    return StoreLoadHarness.THREADS + 2;
  }
}
