package org.nivaran.grievance.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Registration;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.directory.BlockEntry;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.directory.Officer;
import org.nivaran.grievance.examples.http.HttpNotifier;
import org.nivaran.grievance.jdbc.DeadLetter;
import org.nivaran.grievance.jdbc.JdbcComplaintStore;
import org.nivaran.grievance.jdbc.JdbcIdScheme;
import org.nivaran.grievance.jdbc.OutboxAdministration;
import org.nivaran.grievance.jdbc.OutboxRelay;
import org.nivaran.grievance.jdbc.SchemaInstaller;
import org.nivaran.grievance.json.NivaranJacksonModule;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationFailedException;
import org.nivaran.grievance.notify.Notifier;
import org.nivaran.grievance.notify.RecipientRole;
import org.nivaran.grievance.policy.DuplicatePolicy;
import org.nivaran.grievance.policy.FakeComplaintPolicy;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.SampleDistrict;
import org.slf4j.LoggerFactory;

/**
 * Issue 15, "a citizen's number stays where it belongs": the main stories run with the library
 * logging at TRACE (registration with an idempotency key and its replay, a repeat linked to the
 * open complaint, a caller blocked after a fake complaint, numbers refused as input, resolve,
 * verify and close, an escalation sweep, a post changing hands, the outbox relay with failing
 * notifiers and a corrupt stored number down to dead letters, the HTTP notifier against a gateway
 * that echoes the number, and {@link QuickStart}), and no log line, no exception message (causes
 * and suppressed included), no {@code toString()} of a value involved and no line the story prints
 * may hold a phone number or a name of the story in full: the numbers are looked for as digits of
 * any script, with or without separators, and so is their hidden middle; the names whole and word
 * by word. The JSON form and what the notifier is handed must keep them whole.
 *
 * <p>Runs in its own JVM, the {@code personal-data-leak} execution of this module's pom, which sets
 * {@code org.nivaran} to TRACE for slf4j-simple before anything logs, and writes to a
 * {@code System.err} this test captures.
 */
class PersonalDataLeakTest {
  private static final String SUNITA = "सुनीता वर्मा";
  private static final String SUNITA_PHONE = "098765 43210";
  private static final String SUNITA_ADDRESS = "मकान नं. 42, गली 7, रायपुर";
  private static final String RAMESH = "Ramesh Kumar Sahu";
  private static final String RAMESH_PHONE = "+91 91234 56780";
  private static final String FATIMA = "Fatima Sheikh";
  private static final String FATIMA_PHONE = "99887-76655";
  private static final String ANITA = "Anita Desai";
  private static final String ANITA_PHONE = "90000 12345";

  /** The national digits of every number in the story: citizens, the new officer, SampleDistrict's officers. */
  private static final List<String> NUMBERS = List.of("9876543210", "9123456780", "9988776655", "9000012345",
      "9826000001", "9826000002", "9826000003", "9826000004", "9826000005", "9826000006", "9826000007",
      "9826000008", "9826000009");
  /** Every name in the story, whole; their words are looked for too. */
  private static final List<String> NAMES = List.of(SUNITA, RAMESH, FATIMA, ANITA, "सुरेश वर्मा", "राजेश तिवारी",
      "मीना पटेल", "अरुण मिश्रा", "नरेश कुमार", "कविता ठाकुर");
  private static final Pattern SEPARATORS_BETWEEN_DIGITS = Pattern.compile("(?<=[0-9])[\\s\\-.()/]{1,3}(?=[0-9])");

  /** Every text the story produced that must be masked, by what it is. */
  private final Map<String, String> texts = new LinkedHashMap<>();
  private int seen;

  @Test
  void no_phone_number_or_name_leaves_in_a_log_line_a_message_or_a_to_string() throws Exception {
    assertThat(LoggerFactory.getLogger("org.nivaran.grievance.usecase.Intake").isTraceEnabled())
        .as("org.nivaran logs at TRACE: run by the personal-data-leak execution of grievance-examples' pom")
        .isTrue();
    PrintStream originalErr = System.err;
    ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(logBytes, true, StandardCharsets.UTF_8));
    try {
      story();
    } finally {
      System.setErr(originalErr);
    }
    String log = logBytes.toString(StandardCharsets.UTF_8);

    // the log was captured, at DEBUG and INFO, from every part of the story
    assertThat(log)
        .contains("registered RPR-2024-", "linked to open complaint", "blocked ", "now held by", "escalation sweep at")
        .contains("outbox message");
    texts.put("the log", log);

    // everything looked at, for a reader of a failure
    StringBuilder dump = new StringBuilder();
    texts.forEach((what, text) -> dump.append("==== ").append(what).append('\n').append(text).append('\n'));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "personal-data-leak.txt"), dump, StandardCharsets.UTF_8);

    List<String> leaks = new ArrayList<>();
    texts.forEach((what, text) -> leaks.addAll(leaks(what, text)));
    assertThat(leaks).as("numbers and names in full, in %d texts (all in target/personal-data-leak.txt)", texts.size())
        .isEmpty();
  }

  private void story() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2024-03-04T05:30:00Z"));
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:leak-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    SchemaInstaller.install(ds);
    JdbcComplaintStore store = JdbcComplaintStore.builder(ds).allowNonDurable("a test database in memory").build();
    Grievances g = SampleDistrict.grievances(store, clock)
        .idScheme(JdbcIdScheme.yearly(ds, "RPR", SampleDistrict.IST, 100))
        .fakeComplaintPolicy(FakeComplaintPolicy.blockAfter(1, Duration.ofDays(90)))
        .duplicatePolicy(DuplicatePolicy.linkWithin(Duration.ofDays(30)))
        .build();
    Actor agent = SampleDistrict.AGENT;
    Actor aeOfficer = Actor.officer("OFF-AE-RAIPUR", SampleDistrict.ENERGY_L1);
    Actor jalOfficer = Actor.officer("OFF-JAL-L1", SampleDistrict.WATER_L1);

    // -- registration with an idempotency key, its replay, a conflicting reuse of the key ----------
    Complainant sunita = Complainant.builder().name(SUNITA).phone(SUNITA_PHONE).languageTag("hi")
        .address(SUNITA_ADDRESS).build();
    Actor sunitaHerself = Actor.citizen(sunita.phone());
    RegisterComplaint first = RegisterComplaint.builder()
        .channel(Channel.PHONE_CALL)
        .citizen(sunita)
        .categoryCode(SampleDistrict.ENERGY)
        .jurisdictionCode(SampleDistrict.WARD)
        .description("तीन दिन से बिजली नहीं है। मेरा नंबर 98765 43210 है, नाम सुनीता वर्मा; +91-98765-43210 पर कॉल करें।")
        .idempotencyKey("call-2024-03-04-0017")
        .build();
    Registration created = g.submit(first, agent);
    assertThat(created.outcome()).isEqualTo(Registration.Outcome.CREATED);
    Registration replayed = g.submit(first, agent);
    assertThat(replayed.outcome()).isEqualTo(Registration.Outcome.REPLAYED);
    attempt("a key reused for another request",
        () -> g.submit(RegisterComplaint.builder().from(first).description("another story").build(), agent));
    ComplaintId sunitasComplaint = created.complaint().id();
    see(sunita, sunita.phone(), sunitaHerself, first, created, replayed);

    // -- a repeat from the same number is linked to the open complaint ----------------------------
    RegisterComplaint repeat = RegisterComplaint.builder()
        .channel(Channel.WHATSAPP)
        .citizen(sunita)
        .categoryCode(SampleDistrict.ENERGY)
        .jurisdictionCode(SampleDistrict.WARD)
        .description("बिजली अब भी नहीं आई")
        .idempotencyKey("wa-7f3a9c")
        .build();
    Registration linked = g.submit(repeat, sunitaHerself);
    assertThat(linked.outcome()).isEqualTo(Registration.Outcome.LINKED);
    see(repeat, linked);

    // -- resolve, verify and close; a citizen acting on someone else's complaint -------------------
    Complainant ramesh = Complainant.of(RAMESH, RAMESH_PHONE, "en");
    Actor rameshHimself = Actor.citizen(ramesh.phone());
    RegisterComplaint water = RegisterComplaint.builder()
        .channel(Channel.WHATSAPP)
        .citizen(ramesh)
        .categoryCode(SampleDistrict.WATER)
        .jurisdictionCode(SampleDistrict.WARD)
        .description("The pipe near the school has burst; call 91234-56780, Ramesh Kumar Sahu.")
        .build();
    Complaint rameshs = g.register(water, rameshHimself);
    see(ramesh, ramesh.phone(), rameshHimself, water, rameshs);
    clock.advance(Duration.ofHours(3));
    g.execute(rameshs.id(), new ComplaintCommand.StartWork(), jalOfficer);
    g.execute(rameshs.id(), new ComplaintCommand.Resolve("Pipe replaced.", List.of()), jalOfficer);
    attempt("another citizen's withdrawal",
        () -> g.execute(sunitasComplaint, new ComplaintCommand.Withdraw(Optional.empty()), rameshHimself));
    Complaint closed = g.execute(rameshs.id(),
        new ComplaintCommand.ConfirmSatisfied(Optional.of(5), Optional.of("Thanks")), rameshHimself);
    assertThat(closed.status()).isEqualTo(Status.CLOSED);
    see(closed);

    // -- a fake complaint blocks the number; the next registration from it is refused ----------------
    Complainant fatima = Complainant.of(FATIMA, FATIMA_PHONE, "en");
    RegisterComplaint prank = RegisterComplaint.builder()
        .channel(Channel.PHONE_CALL)
        .citizen(fatima)
        .categoryCode(SampleDistrict.ENERGY)
        .jurisdictionCode(SampleDistrict.WARD)
        .description("Transformer on fire")
        .build();
    Complaint fake = g.register(prank, agent);
    clock.advance(Duration.ofHours(1));
    Complaint rejected = g.execute(fake.id(), new ComplaintCommand.Reject(RejectionReason.FAKE, "No fire; a prank call",
        Optional.empty()), aeOfficer);
    see(fatima, prank, fake, rejected);
    clock.advance(Duration.ofMinutes(5));
    attempt("a registration from a blocked number",
        () -> g.submit(RegisterComplaint.builder().from(prank).description("Again").build(), agent));
    List<BlockEntry> blocks = g.directory().orElseThrow().blocklist().all();
    assertThat(blocks).hasSize(1);
    see(blocks, g.directory().orElseThrow().blocklist(), blocks.get(0), blocks.get(0).phone());

    // -- numbers refused as input ------------------------------------------------------------------
    attempt("a letter in a number", () -> Complainant.of(RAMESH, "91234 5678O", "en"));
    attempt("an extension", () -> Complainant.builder().name(SUNITA).phone("98765 43210 ext 5"));
    attempt("11 digits after +91", () -> PhoneNumber.parse("+91 98765 432100"));
    attempt("a number that is not E.164", () -> new PhoneNumber("919876543210"));
    attempt("a number with spaces", () -> new PhoneNumber("+91 98765 43210"));
    attempt("0 after +91", () -> PhoneNumber.parse("+91 09876 54321", "citizen.phone"));
    attempt("a block without a reason", () -> new BlockEntry(PhoneNumber.parse(SUNITA_PHONE), " ", "NODAL-RAIPUR",
        clock.instant(), Optional.empty()));

    // -- a post changes hands ----------------------------------------------------------------------
    Officer anita = new Officer("OFF-AE-RAIPUR-2", ANITA, PhoneNumber.parse(ANITA_PHONE), true, Language.ENGLISH);
    List<Complaint> inherited = g.transferOfficer(SampleDistrict.ENERGY_L1, Optional.of(anita));
    see(anita, anita.phone(), inherited, g.directory().orElseThrow().posts().all());

    // -- the escalation sweep ------------------------------------------------------------------------
    clock.advance(Duration.ofDays(8));
    see(g.escalator().sweep());
    for (ComplaintId id : List.of(sunitasComplaint, rameshs.id(), fake.id())) {
      see(g.get(id));
      g.history(id).forEach(this::see);
    }
    Complaint escalated = g.get(sunitasComplaint);
    assertThat(escalated.level().orElseThrow().toString()).isEqualTo("L2");

    // the JSON form keeps the number and the name whole
    String json = new ObjectMapper().registerModule(new NivaranJacksonModule()).writeValueAsString(escalated);
    assertThat(json).contains("\"+919876543210\"", SUNITA, SUNITA_ADDRESS);

    // -- the outbox relay: a notifier refusing citizens for good, one breaking its contract ----------
    List<Notification> handed = new ArrayList<>();
    Notifier failing = n -> {
      handed.add(n);
      see(n, n.recipient(), n.recipient().phone());
      if (n.recipient().role() == RecipientRole.CITIZEN) {
        throw new NotificationFailedException(n.id(), true,
            "gateway refused " + n.recipient().phone().e164() + " (" + n.recipient().name() + "): not on WhatsApp");
      }
      if (n.recipient().name().equals(ANITA)) {
        IOException cause = new IOException(ANITA + " at " + n.recipient().phone().e164().substring(3) + " unreachable");
        cause.addSuppressed(new IllegalStateException("retry to +91 90000-12345 failed"));
        throw new IllegalStateException("socket closed while sending to " + n.recipient().phone().e164(), cause);
      }
    };
    OutboxRelay relay = OutboxRelay.builder().dataSource(ds).notifier(failing).clock(clock).maxAttempts(1).build();
    int relayed = relay.drain();
    assertThat(relayed).isPositive();
    // the notifier is handed the number and the name whole
    assertThat(handed).anySatisfy(n -> assertThat(n.recipient().phone().e164()).isEqualTo("+919876543210"));
    assertThat(handed).anySatisfy(n -> assertThat(n.recipient().name()).isEqualTo(ANITA));
    OutboxAdministration outbox = OutboxAdministration.create(ds);
    List<DeadLetter> dead = outbox.dead(100);
    assertThat(dead).isNotEmpty();
    for (DeadLetter letter : dead) {
      see(letter, letter.lastError(), letter.notification());
    }
    see(outbox.counts());

    // -- a stored number that no longer reads: the relay makes its message dead --------------------
    long corrupt = dead.get(0).seq();
    outbox.redrive(corrupt);
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("UPDATE nivaran_outbox SET recipient_phone = ? WHERE seq = ?")) {
      ps.setString(1, "+91 98765-43210");
      ps.setLong(2, corrupt);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
    see(relay.relayOnce());
    outbox.dead(100).forEach(letter -> see(letter, letter.lastError()));

    // -- the HTTP notifier, against a gateway that echoes the number and the name -------------------
    HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ObjectMapper plain = new ObjectMapper();
    gateway.createContext("/", exchange -> {
      // echoes the number it was sent, as WhatsApp's "not in allowed list" does, and Sunita's name
      String to = plain.readTree(exchange.getRequestBody().readAllBytes()).path("to").asText();
      String who = to.endsWith("9876543210") ? " (" + SUNITA + ")" : "";
      byte[] body = ("{\"error\":{\"message\":\"Recipient phone number " + to + who
          + " not in allowed list\",\"code\":131030}}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(400, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    gateway.start();
    try {
      HttpNotifier http = HttpNotifier.builder()
          .baseUri(URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/v1"))
          .bearerToken("test-token")
          .build();
      Notification toSunita = handed.stream()
          .filter(n -> n.recipient().role() == RecipientRole.CITIZEN && n.complaintId().equals(sunitasComplaint))
          .findFirst().orElseThrow();
      attempt("the gateway's echo", () -> {
        http.send(toSunita);
        return null;
      });
      outbox.redriveAll();
      see(OutboxRelay.builder().dataSource(ds).notifier(http).clock(clock).maxAttempts(1).build().relayOnce());
      outbox.dead(100).forEach(letter -> see(letter, letter.lastError()));
    } finally {
      gateway.stop(0);
    }

    // -- without an outbox: a failing notifier is logged by the facade --------------------------------
    Grievances inMemory = SampleDistrict.grievances(new InMemoryComplaintStore(), clock)
        .notifier(n -> {
          throw new IllegalStateException("SMS to " + n.recipient().phone().e164().substring(1) + " for "
              + n.recipient().name() + " failed");
        })
        .build();
    see(inMemory.register(water, agent));

    // -- QuickStart's story, as it prints it ----------------------------------------------------------
    ByteArrayOutputStream story = new ByteArrayOutputStream();
    see(QuickStart.run(new PrintStream(story, true, StandardCharsets.UTF_8)));
    texts.put("QuickStart's output", story.toString(StandardCharsets.UTF_8));
  }

  /** Records the {@code toString()} of each value. */
  private void see(Object... values) {
    for (Object value : values) {
      texts.put("toString #" + (++seen) + " (" + (value == null ? "null" : value.getClass().getSimpleName()) + ")",
          String.valueOf(value));
    }
  }

  /** Runs {@code action}, recording its result, or the exception it threw with every cause and suppressed one. */
  private void attempt(String what, Callable<?> action) {
    try {
      see(action.call());
    } catch (Exception e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      StringBuilder messages = new StringBuilder();
      for (Throwable t = e; t != null; t = t.getCause()) {
        messages.append(t.getMessage()).append('\n').append(t).append('\n');
      }
      texts.put("exception: " + what, messages + trace.toString());
    }
  }

  /** Every number or name of the story found whole in {@code text}. */
  private static List<String> leaks(String what, String text) {
    List<String> found = new ArrayList<>();
    String digits = asciiDigits(text);
    String joined = SEPARATORS_BETWEEN_DIGITS.matcher(digits).replaceAll("");
    for (String number : NUMBERS) {
      String hidden = number.substring(0, 6); // what the mask hides: everything but the last four digits
      for (String wanted : List.of(number, hidden)) {
        int at = joined.indexOf(wanted);
        if (at >= 0) {
          found.add(what + ": the number " + number + " ('" + wanted + "') in: " + around(joined, at));
        }
      }
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (String name : NAMES) {
      List<String> parts = new ArrayList<>(List.of(name));
      for (String word : name.split(" ")) {
        if (word.codePointCount(0, word.length()) >= 3) {
          parts.add(word);
        }
      }
      for (String part : parts) {
        Matcher m = Pattern.compile("(?<![\\p{L}\\p{M}])" + Pattern.quote(part.toLowerCase(Locale.ROOT))
            + "(?![\\p{L}\\p{M}])").matcher(lower);
        if (m.find()) {
          found.add(what + ": the name " + name + " ('" + part + "') in: " + around(lower, m.start()));
        }
      }
    }
    if (text.contains(SUNITA_ADDRESS)) {
      found.add(what + ": the address in: " + around(text, text.indexOf(SUNITA_ADDRESS)));
    }
    return found;
  }

  private static String asciiDigits(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      int d = Character.digit(cp, 10);
      if (d >= 0 && !(cp >= '0' && cp <= '9')) {
        out.append((char) ('0' + d));
      } else {
        out.appendCodePoint(cp);
      }
    });
    return out.toString();
  }

  private static String around(String text, int at) {
    String excerpt = text.substring(Math.max(0, at - 80), Math.min(text.length(), at + 80));
    return "..." + excerpt.replace('\n', ' ') + "...";
  }
}
