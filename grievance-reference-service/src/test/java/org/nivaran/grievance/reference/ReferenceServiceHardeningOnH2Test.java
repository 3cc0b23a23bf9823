package org.nivaran.grievance.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nivaran.grievance.reference.ReferenceServiceOnPostgresTest.assertProblem;
import static org.nivaran.grievance.reference.ReferenceServiceOnPostgresTest.ids;
import static org.nivaran.grievance.reference.ReferenceServiceOnPostgresTest.open311;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.store.Page;
import org.nivaran.grievance.store.PageCursor;
import org.nivaran.grievance.store.PageRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The review's findings over real HTTP on H2: no spelling of a staff path passes the token check,
 * the open Open311 reads show only Open311's requests and read a bounded number of rows, every
 * refusal of Nivaran's has a deliberate status and the metrics' rule, and tokens stay out of URLs.
 * A directory with a department that has no post (for {@code NO_ROUTE}), an officer who holds no
 * post, and a read bound of {@value #MAX_READ} rows.
 */
@SpringBootTest(classes = ReferenceServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReferenceServiceHardeningOnH2Test {
  static final String AGENT = "agent-17-token";
  static final String PRIYA = "priya-token";
  static final String NO_POST = "no-post-token";
  /** The read bound: the least allowed, twice three jurisdictions times ten statuses. */
  static final int MAX_READ = 60;

  @Autowired
  Open311Controller open311;

  @LocalServerPort
  int port;

  Http http;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", ReferenceDatabases::h2Url);
    registry.add("nivaran.relay.enabled", () -> "false");
    registry.add("nivaran.escalator.enabled", () -> "false");
    registry.add("nivaran.directory-file", () -> "classpath:nivaran/directory-no-pwd-post.json");
    registry.add("reference.open311.max-rows-read", () -> "" + MAX_READ);
    String[][] callers = {{AGENT, "AGENT", "AGENT-17"}, {PRIYA, "OFFICER", "CSPDCL-4410"},
        {NO_POST, "OFFICER", "RETIRED-0001"}};
    for (int i = 0; i < callers.length; i++) {
      String[] c = callers[i];
      registry.add("reference.callers[" + i + "].token", () -> c[0]);
      registry.add("reference.callers[" + i + "].role", () -> c[1]);
      registry.add("reference.callers[" + i + "].id", () -> c[2]);
    }
  }

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  String byPhoneCall(String category, String jurisdiction) {
    Http.Answer a = http.postJson("/api/staff/complaints", AGENT, Map.of(
        "citizen", Map.of("name", "रमेश साहू", "phone", "94241 12345"), "categoryCode", category,
        "jurisdictionCode", jurisdiction, "description", "फ़ोन पर दर्ज शिकायत, वार्ड 12 का पता"));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.json().get("id").asText();
  }

  String byOpen311(String category) {
    Http.Answer a = http.postForm("/open311/v2/requests.json", AGENT, open311(category, "Open311 से"));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.json().get(0).get("service_request_id").asText();
  }

  @Test
  void noSpellingOfAStaffPathGetsPastTheTokenCheck() {
    String id = byPhoneCall("energy.supply", "RAIPUR");
    List<String> spellings = List.of("/api/staff;x=1/complaints/" + id, "/api/%73taff/complaints/" + id,
        "/api/staff/complaints;x=1/" + id, "/api/staff/complaints/" + id);
    assertProblem(http.get("//api/staff/complaints/" + id, null), 401, "BEARER_TOKEN_REQUIRED", null);
    for (String path : spellings) {
      Http.Answer without = http.get(path, null);
      assertProblem(without, 401, "BEARER_TOKEN_REQUIRED", null);
      assertThat(without.header("WWW-Authenticate")).isEqualTo("Bearer");
      assertThat(without.body()).doesNotContain("org.nivaran", "Caller");
      // The same spelling with a token reaches the handler: the path routes, so the 401 above is the filter's.
      Http.Answer with = http.get(path, PRIYA);
      assertThat(with.status()).as(path + " " + with.body()).isEqualTo(200);
      assertThat(with.json().get("id").asText()).isEqualTo(id);
    }
    assertProblem(http.postJson("/api/%73taff/complaints/" + id + "/resolve", null, Map.of("reply", "x")), 401,
        "BEARER_TOKEN_REQUIRED", null);
    assertProblem(http.postForm("/open311/v2/requests.json;x=1", null, open311("energy.supply", "x")), 401,
        "BEARER_TOKEN_REQUIRED", null);
    assertProblem(http.get("/no/such/path", null), 401, "BEARER_TOKEN_REQUIRED", null);
    assertThat(http.get("/open311/v2/services.json", null).status()).isEqualTo(200);
  }

  @Test
  void theOpenReadsShowOnlyOpen311RequestsAndAPhoneCallLooksUnknown() {
    String phoneCall = byPhoneCall("energy.supply", "RAIPUR");
    String fromOpen311 = byOpen311("energy.supply");
    assertThat(ids(http.get("/open311/v2/requests/" + fromOpen311 + ".json", null))).containsExactly(fromOpen311);

    Http.Answer hidden = http.get("/open311/v2/requests/" + phoneCall + ".json", null);
    assertProblem(hidden, 404, "COMPLAINT_NOT_FOUND", null);
    String unknownId = "RPR-2026-999999";
    Http.Answer unknown = http.get("/open311/v2/requests/" + unknownId + ".json", null);
    assertThat(hidden.body().replace(phoneCall, "ID")).isEqualTo(unknown.body().replace(unknownId, "ID"));
    assertThat(hidden.body()).doesNotContain("वार्ड", "energy");

    assertThat(ids(http.get("/open311/v2/requests.json?service_request_id=" + phoneCall + "," + fromOpen311, null)))
        .containsExactly(fromOpen311);
    assertThat(allPages("/open311/v2/requests.json?page_size=100")).contains(fromOpen311).doesNotContain(phoneCall);
    assertThat(http.get("/api/staff/complaints/" + phoneCall, PRIYA).status()).isEqualTo(200);
  }

  @Test
  void theListReadsABoundedNumberOfRowsAndTakesAtMostFiftyIds() {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      created.add(byOpen311("energy.billing"));
    }
    for (int i = 0; i < MAX_READ; i++) {
      byPhoneCall("energy.supply", "RAIPUR");
    }
    Http.Answer none = http.get("/open311/v2/requests.json?service_code=no.such.code", null);
    assertThat(ids(none)).isEmpty();
    assertThat(none.header("Link")).as("a page that read its bound of rows names where to read on").contains("cursor=");
    assertThat(allPages("/open311/v2/requests.json?service_code=no.such.code")).isEmpty();
    assertThat(allPages("/open311/v2/requests.json?service_code=energy.billing")).containsExactlyElementsOf(created);

    List<String> fifty = new ArrayList<>(Collections.nCopies(49, "RPR-2026-999999"));
    fifty.add(created.get(0));
    assertThat(ids(http.get("/open311/v2/requests.json?service_request_id=" + String.join(",", fifty), null)))
        .containsExactly(created.get(0));
    fifty.add("RPR-2026-999998");
    assertProblem(http.get("/open311/v2/requests.json?service_request_id=" + String.join(",", fifty), null), 400,
        "INVALID_INPUT", "service_request_id");
    assertProblem(http.get("/open311/v2/requests.json?page_size=0", null), 400, "INVALID_INPUT", "page_size");
  }

  @Test
  void emptyItemsDoNotCountTowardsTheFiftyIdsAndTheRefusalNamesTheParameter() {
    String mine = byOpen311("energy.supply");
    List<String> fifty = new ArrayList<>(Collections.nCopies(49, "RPR-2026-999999"));
    fifty.add(mine);
    // 50 ids with 99 empty items between them (149 commas): the empty items are not ids.
    assertThat(ids(http.get("/open311/v2/requests.json?service_request_id=," + String.join(",,", fifty) + ",",
        null))).containsExactly(mine);
    fifty.add("RPR-2026-999998");
    assertProblem(http.get("/open311/v2/requests.json?service_request_id=" + String.join(",,", fifty), null), 400,
        "INVALID_INPUT", "service_request_id");
    assertProblem(http.get("/open311/v2/requests.json?service_request_id=" + ",".repeat(Open311Controller.MAX_IDS_LENGTH)
        + mine, null), 400, "INVALID_INPUT", "service_request_id");
  }

  @Test
  void aPageCutShortByTheBoundNamesNoHiddenComplaintAndOnlySealedCursorsAreTaken() {
    List<String> hidden = new ArrayList<>();
    List<String> mine = new ArrayList<>();
    mine.add(byOpen311("water.supply"));
    for (int i = 0; i < MAX_READ + 5; i++) {
      hidden.add(byPhoneCall("water.supply", "RAIPUR"));
    }
    mine.add(byOpen311("water.supply"));

    List<String> links = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    String next = "/open311/v2/requests.json?service_code=water.supply&status=open&page_size=1000";
    while (next != null) {
      assertThat(links).hasSizeLessThan(200);
      Http.Answer a = http.get(next, null);
      seen.addAll(ids(a));
      String link = a.header("Link");
      next = link == null ? null : link.substring(1, link.indexOf('>'));
      if (next != null) {
        links.add(next);
      }
    }
    assertThat(seen).as("following the links finds every match").containsExactlyElementsOf(mine);
    assertThat(links).as("the bound cut some page short").isNotEmpty();
    for (String link : links) {
      String token = link.substring(link.indexOf("cursor=") + "cursor=".length());
      String decoded = new String(java.util.Base64.getUrlDecoder().decode(token), StandardCharsets.ISO_8859_1);
      for (String id : hidden) {
        assertThat(link).doesNotContain(id);
        assertThat(decoded).doesNotContain(id);
      }
      assertThat(decoded).doesNotContain("RPR-");
    }

    // A cursor made by the caller at a hidden complaint, and a sealed one altered, are refused.
    String forged = new PageCursor(Instant.now(), ComplaintId.of(hidden.get(3))).token();
    assertProblem(http.get("/open311/v2/requests.json?cursor=" + forged, null), 400, "INVALID_INPUT", "cursor");
    String sealed = links.get(0).substring(links.get(0).indexOf("cursor=") + "cursor=".length());
    char flip = sealed.charAt(20) == 'A' ? 'B' : 'A';
    String altered = sealed.substring(0, 20) + flip + sealed.substring(21);
    Http.Answer refused = http.get("/open311/v2/requests.json?cursor=" + altered, null);
    assertProblem(refused, 400, "INVALID_INPUT", "cursor");
    assertThat(refused.body()).doesNotContain("RPR-");
    assertProblem(http.get("/open311/v2/requests.json?cursor=not-a-cursor", null), 400, "INVALID_INPUT", "cursor");
  }

  @Test
  void aPageLoadsNoMoreRowsThanTheBoundWhateverItsSize() {
    for (int i = 0; i < MAX_READ + 10; i++) {
      byPhoneCall("energy.supply", "RAIPUR");
    }
    AtomicInteger loaded = new AtomicInteger();
    AtomicInteger queries = new AtomicInteger();
    List<Function<PageRequest, Page<Complaint>>> lists = open311.lists(EnumSet.allOf(Status.class)).stream()
        .<Function<PageRequest, Page<Complaint>>>map(list -> r -> {
          Page<Complaint> p = list.apply(r);
          loaded.addAndGet(p.items().size());
          queries.incrementAndGet();
          return p;
        }).toList();
    List<String> seen = new ArrayList<>();
    Optional<PageCursor> after = Optional.empty();
    int pages = 0;
    do {
      loaded.set(0);
      queries.set(0);
      Page<Complaint> page = MergedPages.page(lists, after, PageRequest.MAX_SIZE, MAX_READ, c -> true, c -> false);
      assertThat(loaded.get()).as("rows loaded for page " + pages).isLessThanOrEqualTo(MAX_READ);
      assertThat(queries.get()).as("queries for page " + pages).isLessThanOrEqualTo(MAX_READ + lists.size());
      page.items().forEach(c -> seen.add(c.id().value()));
      after = page.next();
      pages++;
      assertThat(pages).isLessThan(500);
    } while (after.isPresent());
    assertThat(pages).as("the bound split the list").isGreaterThan(1);
    assertThatThrownBy(() -> MergedPages.page(lists, Optional.empty(), 10, 2 * lists.size() - 1, c -> true,
        c -> false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice the number of lists");
    assertThat(seen).as("every complaint once").doesNotHaveDuplicates().hasSizeGreaterThan(MAX_READ + 10);
  }

  @Test
  void businessRefusalsHaveDeliberateStatusesAndTheMetricsRules() {
    // Nivaran registers a complaint no post can take and flags it UNROUTED (no NoRouteException
    // reaches the service on registration; ReferenceProblemsTest checks its 422 NO_ROUTE answer).
    Http.Answer noPost = http.postJson("/api/staff/complaints", AGENT, Map.of(
        "citizen", Map.of("name", "रमेश साहू", "phone", "94241 12345"), "categoryCode", "roads.pothole",
        "jurisdictionCode", "RAIPUR-W12", "description", "सड़क में गड्ढा"));
    assertThat(noPost.status()).as(noPost.body()).isEqualTo(201);
    assertThat(noPost.json().get("flags").toString()).contains("UNROUTED");

    String id = byOpen311("energy.supply");
    assertProblem(http.postJson("/api/staff/complaints/" + id + "/verify", AGENT, Map.of("outcome", "SATISFIED")), 409,
        "ILLEGAL_TRANSITION", null);
  }

  @Test
  void anOfficerWithNoPostIsRefusedAsInTheStaffApi() {
    assertProblem(http.postForm("/open311/v2/requests.json", NO_POST, open311("energy.supply", "x")), 403,
        "OFFICER_HOLDS_POST_IN_DIRECTORY", null);
    assertProblem(http.postJson("/api/staff/complaints", NO_POST, Map.of(
        "citizen", Map.of("name", "रमेश साहू", "phone", "94241 12345"), "categoryCode", "energy.supply",
        "jurisdictionCode", "RAIPUR", "description", "x")), 403, "OFFICER_HOLDS_POST_IN_DIRECTORY", null);
  }

  @Test
  void anApiKeyCountsOnlyInTheOpen311FormBody() {
    Map<String, String> form = open311("energy.supply", "api_key फ़ॉर्म में");
    assertProblem(http.postForm("/open311/v2/requests.json?api_key=" + AGENT, null, form), 401,
        "BEARER_TOKEN_REQUIRED", null);
    assertProblem(http.postForm("/open311/v2/requests.json?%61pi_key=" + AGENT, null, form), 401,
        "BEARER_TOKEN_REQUIRED", null);
    assertProblem(http.get("/api/staff/complaints/RPR-2026-000001?api_key=" + PRIYA, null), 401,
        "BEARER_TOKEN_REQUIRED", null);
    Map<String, Object> json = new java.util.LinkedHashMap<>(form);
    json.put("api_key", AGENT);
    assertProblem(http.postJson("/open311/v2/requests.json", null, json), 401, "BEARER_TOKEN_REQUIRED", null);
    form.put("api_key", AGENT);
    Http.Answer inBody = http.postForm("/open311/v2/requests.json", null, form);
    assertThat(inBody.status()).as(inBody.body()).isEqualTo(200);
  }

  /** Every id of a list, following its {@code Link} headers to the end. */
  List<String> allPages(String first) {
    List<String> seen = new ArrayList<>();
    String next = first;
    for (int pages = 0; next != null; pages++) {
      assertThat(pages).as("pages of " + first).isLessThan(200);
      Http.Answer a = http.get(next, null);
      seen.addAll(ids(a));
      String link = a.header("Link");
      next = link == null ? null : link.substring(1, link.indexOf('>'));
    }
    return seen;
  }
}
