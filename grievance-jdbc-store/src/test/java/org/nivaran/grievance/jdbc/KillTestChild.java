package org.nivaran.grievance.jdbc;

import org.nivaran.grievance.tenant.TenantId;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.store.PageRequest;
import org.nivaran.grievance.tck.SampleDistrict;

/**
 * The process {@link ProcessKillTest} kills: registers complaints and runs commands on them through
 * {@code Grievances} and the JDBC store, on several threads, until it is killed, and prints to standard
 * output, flushed, a line for each write after the call returned:
 *
 * <ul>
 *   <li>{@code READY} once the store is built;
 *   <li>{@code LOAD <id> <version>} for each open complaint of an earlier run it takes up, as read;
 *   <li>{@code ACK <id> <version> <key>} after a registration returned (its idempotency key);
 *   <li>{@code ACK <id> <version> -} after a command returned;
 *   <li>{@code ERR <message>} if a call fails (the test fails on any).
 * </ul>
 *
 * <p>Arguments: the JDBC URL, user, password, a tag that makes its idempotency keys unique, the
 * number of writing threads (each on a connection of its own), and optionally
 * {@code allow-non-durable} to build the store without its durability check.
 */
final class KillTestChild {
  private static final PrintStream OUT = new PrintStream(System.out, false, StandardCharsets.UTF_8);
  /** The posts whose open complaints a run takes up. */
  private static final PostId[] POSTS = {SampleDistrict.ENERGY_L1, SampleDistrict.WATER_L1};

  private KillTestChild() {}

  public static void main(String[] args) throws Exception {
    String tag = args[3];
    int threads = Integer.parseInt(args[4]);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(args[0]);
    config.setUsername(args[1]);
    config.setPassword(args[2]);
    config.setMaximumPoolSize(threads + 1);
    HikariDataSource ds = new HikariDataSource(config); // never closed: the process is killed
    JdbcComplaintStore.Builder builder = JdbcComplaintStore.builder(ds);
    if (args.length > 5 && args[5].equals("allow-non-durable")) {
      builder.allowNonDurable("ProcessKillTest's demonstration of what a non-durable database loses");
    }
    JdbcComplaintStore store = builder.build();
    Grievances g = SampleDistrict.grievances(store, Clock.systemUTC())
        .idScheme(JdbcIdScheme.yearly(ds, "RPR", SampleDistrict.IST, 7)) // small blocks: many reservations
        .build();
    // the open complaints earlier runs left, dealt out: no two threads write to one complaint
    List<List<Complaint>> open = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      open.add(new ArrayList<>());
    }
    int dealt = 0;
    for (PostId post : POSTS) {
      for (Complaint c : store.pendingAt(TenantId.DEFAULT, post, PageRequest.first(20)).items()) {
        open.get(dealt++ % threads).add(c);
        print("LOAD " + c.id() + " " + c.version());
      }
    }
    print("READY");
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      writers.add(new Thread(() -> work(g, open.get(thread), thread, tag), "writer-" + t));
    }
    writers.forEach(Thread::start);
    for (Thread t : writers) {
      t.join();
    }
  }

  private static void work(Grievances g, List<Complaint> open, int thread, String tag) {
    SplittableRandom random = new SplittableRandom(tag.hashCode() * 31L + thread);
    for (int n = 0; ; n++) {
      try {
        if (open.size() < 4 || random.nextInt(10) < 3) {
          String key = tag + "-" + thread + "-" + n;
          RegisterComplaint request = RegisterComplaint.builder()
              .from(SampleDistrict.request(random.nextInt(1_000)))
              .idempotencyKey(key)
              .build();
          Complaint c = g.register(request, SampleDistrict.AGENT);
          print("ACK " + c.id() + " " + c.version() + " " + key);
          open.add(c);
        } else {
          int i = random.nextInt(open.size());
          Complaint c = open.get(i);
          Complaint after = g.execute(c.id(), c.version(), next(c, random), actorFor(c));
          print("ACK " + after.id() + " " + after.version() + " -");
          if (after.status().isOpen()) {
            open.set(i, after);
          } else {
            open.remove(i);
          }
        }
      } catch (RuntimeException e) {
        print("ERR " + e);
        return;
      }
    }
  }

  /** A command the complaint's status allows, going round: work, ask, answer, resolve, return. */
  private static ComplaintCommand next(Complaint c, SplittableRandom random) {
    return switch (c.status()) {
      case ASSIGNED, RETURNED, REOPENED -> new ComplaintCommand.StartWork();
      case IN_PROGRESS -> random.nextBoolean()
          ? new ComplaintCommand.RequestInformation("कृपया बिल की प्रति भेजें")
          : new ComplaintCommand.Resolve("ट्रांसफ़ॉर्मर बदला गया", List.of());
      case AWAITING_CITIZEN -> new ComplaintCommand.ProvideInformation("बिल भेज दिया", List.of());
      case RESOLVED -> random.nextInt(4) == 0
          ? new ComplaintCommand.ConfirmSatisfied(Optional.of(4), Optional.empty())
          : new ComplaintCommand.ReturnReply("उत्तर अपूर्ण है");
      default -> throw new IllegalStateException(c.id() + " is " + c.status());
    };
  }

  private static Actor actorFor(Complaint c) {
    return switch (c.status()) {
      case AWAITING_CITIZEN, RESOLVED -> SampleDistrict.AGENT;
      default -> Actor.officer("OFF-" + c.post().orElseThrow().code(), c.post().orElseThrow());
    };
  }

  private static void print(String line) {
    synchronized (OUT) {
      OUT.print(line + "\n");
      OUT.flush();
    }
  }
}
