package org.nivaran.grievance.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reference service over real HTTP on PostgreSQL (a fresh schema for this class): every endpoint
 * as a client sees it, the refusals as problem+json with their rule and field, and Devanagari text
 * coming back exactly as it was sent.
 */
@SpringBootTest(classes = ReferenceServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReferenceServiceOnPostgresTest {
  static final String AGENT = "agent-17-token";
  static final String PRIYA = "priya-token";     // CSPDCL-4410, holds AE-RAIPUR (energy)
  static final String KAVITA = "kavita-token";   // PHED-0107, holds AE-PHED-RAIPUR (water)
  static final String PHONE = "98765 43210";
  static final String DESCRIPTION = nfc("तीन दिन से बिजली नहीं है, ट्रांसफ़ॉर्मर जला हुआ है। कृपया शीघ्र ठीक करें");

  private static String schema;

  @LocalServerPort
  int port;

  Http http;

  @BeforeAll
  static void createSchema() {
    schema = ReferenceDatabases.createPostgresSchema();
  }

  @AfterAll
  static void dropSchema() {
    ReferenceDatabases.dropPostgresSchema(schema);
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.profiles.active", () -> "postgres");
    registry.add("spring.datasource.url", () -> ReferenceDatabases.postgresUrl(schema));
    registry.add("spring.datasource.username", () -> ReferenceDatabases.PG_USER);
    registry.add("spring.datasource.password", () -> ReferenceDatabases.PG_PASSWORD);
    registry.add("nivaran.escalator.enabled", () -> "false");
    registry.add("nivaran.relay.enabled", () -> "false");
  }

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  static String nfc(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  /** An Open311 request as the form fields a client posts. */
  static Map<String, String> open311(String serviceCode, String description) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("service_code", serviceCode);
    form.put("description", description);
    form.put("lat", "21.2514");
    form.put("long", "81.6296");
    form.put("address_string", "स्टेशन रोड, रायपुर");
    form.put("first_name", "सुनीता");
    form.put("last_name", "वर्मा");
    form.put("phone", PHONE);
    return form;
  }

  String createOpen311(String serviceCode, String description) {
    Http.Answer a = http.postForm("/open311/v2/requests.json", AGENT, open311(serviceCode, description));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.json().get(0).get("service_request_id").asText();
  }

  JsonNode registerWater(String description) {
    Map<String, Object> body = Map.of(
        "citizen", Map.of("name", "रमेश साहू", "phone", "94241 12345", "language", "hi"),
        "categoryCode", "water.supply", "jurisdictionCode", "RAIPUR-W12", "description", description);
    Http.Answer a = http.postJson("/api/staff/complaints", AGENT, body);
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.json();
  }

  static void assertProblem(Http.Answer a, int status, String rule, String field) {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertThat(a.contentType()).startsWith("application/problem+json");
    JsonNode p = a.json();
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("rule").asText()).isEqualTo(rule);
    if (field == null) {
      assertThat(p.has("field")).isFalse();
    } else {
      assertThat(p.get("field").asText()).isEqualTo(field);
    }
    assertThat(a.body()).doesNotContain("Exception", "\tat ", "trace");
  }

  @Test
  void servicesAreTheDirectorysCategories() {
    Http.Answer a = http.get("/open311/v2/services.json", null);
    assertThat(a.status()).isEqualTo(200);
    List<String> codes = new ArrayList<>();
    a.json().forEach(s -> codes.add(s.get("service_code").asText()));
    assertThat(codes).containsExactly("energy.supply", "energy.billing", "water.supply", "urban.streetlight");
    JsonNode water = a.json().get(2);
    assertThat(water.get("service_name").asText()).isEqualTo("No drinking water supply");
    assertThat(water.get("description").asText()).isEqualTo("पेयजल आपूर्ति नहीं");
    assertThat(water.get("group").asText()).isEqualTo("Public Health Engineering Department");
    assertThat(water.get("type").asText()).isEqualTo("realtime");
  }

  @Test
  void anOpen311RequestIsCreatedThenFoundByIdAndInTheFilteredList() {
    String id = createOpen311("energy.supply", DESCRIPTION);
    assertThat(id).matches("RPR-\\d{4}-\\d{6}");

    Http.Answer one = http.get("/open311/v2/requests/" + id + ".json", null);
    assertThat(one.status()).isEqualTo(200);
    JsonNode r = one.json().get(0);
    assertThat(r.get("service_request_id").asText()).isEqualTo(id);
    assertThat(r.get("description").asText()).isEqualTo(DESCRIPTION);
    assertThat(r.get("address").asText()).isEqualTo("स्टेशन रोड, रायपुर");
    assertThat(r.get("status").asText()).isEqualTo("open");
    assertThat(r.get("agency_responsible").asText()).isEqualTo("Energy Department");
    assertThat(one.body()).doesNotContain("43210", "सुनीता");

    assertThat(ids(http.get("/open311/v2/requests.json?service_code=energy.supply&status=open", null))).contains(id);
    assertThat(ids(http.get("/open311/v2/requests.json?service_code=water.supply", null))).doesNotContain(id);
    assertThat(ids(http.get("/open311/v2/requests.json?status=closed", null))).doesNotContain(id);
    assertThat(ids(http.get("/open311/v2/requests.json?start_date=2099-01-01T00:00:00%2B05:30", null))).isEmpty();
    assertThat(ids(http.get("/open311/v2/requests.json?service_request_id=" + id, null))).containsExactly(id);
    assertProblem(http.get("/open311/v2/requests/RPR-2026-999999.json", null), 404, "COMPLAINT_NOT_FOUND", null);
  }

  @Test
  void anOpen311RequestMayBePostedAsJsonToo() {
    Map<String, Object> body = new LinkedHashMap<>(open311("urban.streetlight", nfc("गली की स्ट्रीट लाइट एक हफ़्ते से बंद है")));
    Http.Answer a = http.postJson("/open311/v2/requests.json", AGENT, body);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    String id = a.json().get(0).get("service_request_id").asText();
    assertThat(http.get("/open311/v2/requests/" + id + ".json", null).json().get(0).get("description").asText())
        .isEqualTo(nfc("गली की स्ट्रीट लाइट एक हफ़्ते से बंद है"));
  }

  @Test
  void theListIsPagedWithACursorInTheLinkHeader() {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      created.add(createOpen311("energy.billing", "बिल " + i));
    }
    List<String> seen = new ArrayList<>();
    String next = "/open311/v2/requests.json?service_code=energy.billing&page_size=2";
    int pages = 0;
    while (next != null) {
      Http.Answer a = http.get(next, null);
      assertThat(a.status()).isEqualTo(200);
      List<String> page = ids(a);
      assertThat(page.size()).isLessThanOrEqualTo(2);
      seen.addAll(page);
      String link = a.header("Link");
      next = link == null ? null : link.substring(1, link.indexOf('>'));
      pages++;
    }
    assertThat(seen).containsExactlyElementsOf(created);
    assertThat(pages).isEqualTo(2);
  }

  @Test
  void aCitizenLooksUpStatusWithNumberAndPhoneAndAWrongPhoneLooksLikeAnUnknownNumber() {
    String id = createOpen311("energy.supply", DESCRIPTION);
    Http.Answer right = http.postJson("/api/citizen/status", null, Map.of("complaintNumber", id, "phone", "+91 98765-43210"));
    assertThat(right.status()).as(right.body()).isEqualTo(200);
    assertThat(right.json().get("complaintNumber").asText()).isEqualTo(id);
    assertThat(right.json().get("status").asText()).isEqualTo("ASSIGNED");
    assertThat(right.json().get("categoryHi").asText()).isEqualTo("बिजली आपूर्ति बाधित");
    assertThat(right.json().get("departmentHi").asText()).isEqualTo("ऊर्जा विभाग");
    assertThat(right.body()).doesNotContain("43210", "सुनीता");

    Http.Answer wrongPhone = http.postJson("/api/citizen/status", null, Map.of("complaintNumber", id, "phone", "98765 00000"));
    Http.Answer unknown = http.postJson("/api/citizen/status", null, Map.of("complaintNumber", "RPR-2026-987654", "phone", PHONE));
    Http.Answer malformed = http.postJson("/api/citizen/status", null, Map.of("complaintNumber", "no such", "phone", PHONE));
    assertProblem(wrongPhone, 404, "NO_COMPLAINT_FOR_NUMBER_AND_PHONE", null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).isEqualTo(wrongPhone.body());
    assertThat(malformed.body()).isEqualTo(wrongPhone.body());
    assertThat(wrongPhone.body()).doesNotContain("00000", "43210");

    Http.Answer badPhone = http.postJson("/api/citizen/status", null, Map.of("complaintNumber", id, "phone", "98-76-X"));
    assertProblem(badPhone, 400, "INVALID_INPUT", "phone");
    assertThat(badPhone.body()).doesNotContain("98-76-X");
  }

  @Test
  void anOfficerReadsTheirOwnWorkListOnly() {
    JsonNode c = registerWater(nfc("वार्ड 12 में दो दिन से नल में पानी नहीं आया"));
    assertThat(c.get("post").asText()).isEqualTo("AE-PHED-RAIPUR");

    Http.Answer own = http.get("/api/staff/officers/PHED-0107/work-list?size=50", KAVITA);
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(own.json().get("posts").get(0).asText()).isEqualTo("AE-PHED-RAIPUR");
    List<String> items = new ArrayList<>();
    own.json().get("items").forEach(i -> items.add(i.get("id").asText()));
    assertThat(items).contains(c.get("id").asText());
    assertThat(own.body()).doesNotContain("94241", "12345");

    assertProblem(http.get("/api/staff/officers/PHED-0107/work-list", PRIYA), 403, "OWN_WORK_LIST_ONLY", "officerId");
    assertProblem(http.get("/api/staff/officers/PHED-0107/work-list", AGENT), 403, "OWN_WORK_LIST_ONLY", "officerId");
    assertProblem(http.get("/api/staff/officers/PHED-0107/work-list?size=0", KAVITA), 400, "INVALID_INPUT", "size");
  }

  @Test
  void theOfficerResolvesAndTheAgentVerifiesAsNivaranAllows() {
    String id = createOpen311("energy.supply", DESCRIPTION);
    String resolve = "/api/staff/complaints/" + id + "/resolve";
    String reply = nfc("ट्रांसफ़ॉर्मर बदला गया, आपूर्ति चालू है");

    assertProblem(http.postJson(resolve, AGENT, Map.of("reply", reply)), 403, "ROLE_MAY_ISSUE_COMMAND", null);
    assertProblem(http.postJson(resolve, KAVITA, Map.of("reply", reply)), 403, "OFFICER_HOLDS_POST_IN_DIRECTORY", null);
    long version = http.get("/api/staff/complaints/" + id, PRIYA).json().get("version").asLong();
    Http.Answer stale = http.postJson(resolve, PRIYA, Map.of("reply", reply, "version", version - 1));
    assertProblem(stale, 409, "STALE_VERSION", "version");
    assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(version);

    Http.Answer resolved = http.postJson(resolve, PRIYA, Map.of("reply", reply, "version", version));
    assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
    assertThat(resolved.json().get("status").asText()).isEqualTo("RESOLVED");
    assertThat(resolved.json().get("reply").asText()).isEqualTo(reply);

    String verify = "/api/staff/complaints/" + id + "/verify";
    assertProblem(http.postJson(verify, PRIYA, Map.of("outcome", "SATISFIED")), 403, "ROLE_MAY_ISSUE_COMMAND", null);
    assertProblem(http.postJson(verify, AGENT, Map.of("outcome", "HAPPY")), 400, "INVALID_INPUT", "outcome");
    Http.Answer closed = http.postJson(verify, AGENT, Map.of("outcome", "SATISFIED", "rating", 5, "remark", "धन्यवाद"));
    assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    assertThat(closed.json().get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.json().get("closure").asText()).isEqualTo("SATISFIED");
    assertProblem(http.postJson(verify, AGENT, Map.of("outcome", "SATISFIED")), 409, "ILLEGAL_TRANSITION", null);

    JsonNode status = http.postJson("/api/citizen/status", null, Map.of("complaintNumber", id, "phone", PHONE)).json();
    assertThat(status.get("status").asText()).isEqualTo("CLOSED");
    assertThat(status.get("reply").asText()).isEqualTo(reply);
    assertThat(ids(http.get("/open311/v2/requests.json?status=closed", null))).contains(id);
  }

  @Test
  void badInputIsAProblemNamingTheFieldWithoutThePhone() {
    Map<String, Object> unknownCategory = Map.of(
        "citizen", Map.of("name", "रमेश साहू", "phone", "94241 12345"),
        "categoryCode", "water.nothing", "jurisdictionCode", "RAIPUR-W12", "description", "पानी");
    assertProblem(http.postJson("/api/staff/complaints", AGENT, unknownCategory), 400, "INVALID_INPUT", "categoryCode");

    Map<String, Object> badPhone = Map.of(
        "citizen", Map.of("name", "रमेश साहू", "phone", "9424-1"),
        "categoryCode", "water.supply", "jurisdictionCode", "RAIPUR-W12", "description", "पानी");
    Http.Answer phone = http.postJson("/api/staff/complaints", AGENT, badPhone);
    assertProblem(phone, 400, "INVALID_INPUT", "citizen.phone");
    assertThat(phone.body()).doesNotContain("9424");

    assertProblem(http.postJson("/api/staff/complaints", AGENT, "{not json"), 400, "INVALID_INPUT", "body");
    Map<String, String> noCode = open311("energy.supply", "x");
    noCode.remove("service_code");
    assertProblem(http.postForm("/open311/v2/requests.json", AGENT, noCode), 400, "INVALID_INPUT", "service_code");
    assertProblem(http.get("/open311/v2/requests.json?status=pending", null), 400, "INVALID_INPUT", "status");
  }

  @Test
  void theStaffEndpointsAndOpen311CreateNeedAKnownBearerToken() {
    Http.Answer none = http.get("/api/staff/officers/CSPDCL-4410/work-list", null);
    assertProblem(none, 401, "BEARER_TOKEN_REQUIRED", null);
    assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertProblem(http.get("/api/staff/officers/CSPDCL-4410/work-list", "guessed-token"), 401, "BEARER_TOKEN_REQUIRED", null);
    assertProblem(http.postForm("/open311/v2/requests.json", null, open311("energy.supply", "x")), 401,
        "BEARER_TOKEN_REQUIRED", null);
    Map<String, String> withApiKey = open311("energy.supply", "api_key से");
    withApiKey.put("api_key", AGENT);
    assertThat(http.postForm("/open311/v2/requests.json", null, withApiKey).status()).isEqualTo(200);
  }

  static List<String> ids(Http.Answer a) {
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    a.json().forEach(r -> out.add(r.get("service_request_id").asText()));
    return out;
  }
}
