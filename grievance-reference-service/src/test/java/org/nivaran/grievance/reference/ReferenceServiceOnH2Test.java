package org.nivaran.grievance.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reference service on its default database, H2, over real HTTP: it starts as
 * {@code application.yml} configures it, answers the main calls, and logs no citizen's number or name.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = ReferenceServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReferenceServiceOnH2Test {
  @LocalServerPort
  int port;

  Http http;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", ReferenceDatabases::h2Url);
    registry.add("nivaran.relay.interval", () -> "200ms");
  }

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void healthIsOpenWithTheNivaranComponentAndMetricsNeedAToken() {
    Http.Answer health = http.get("/actuator/health", null);
    assertThat(health.status()).as(health.body()).isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("UP");
    assertThat(health.json().get("components").get("nivaran").get("status").asText()).isEqualTo("UP");
    assertThat(health.json().get("components").get("nivaran").has("details")).as("no counts to the public").isFalse();
    assertThat(http.get("/actuator/health/nivaran", null).status()).as("only the summary is open").isEqualTo(401);

    Http.Answer created = http.postJson("/api/staff/complaints", "agent-17-token", Map.of(
        "citizen", Map.of("name", "रमेश साहू", "phone", "94241 12399", "language", "hi"),
        "categoryCode", "water.supply", "jurisdictionCode", "RAIPUR-W12", "description", "नल में पानी नहीं",
        "idempotencyKey", "h2-metrics-1"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(http.get("/actuator/metrics/nivaran.registrations", null).status()).isEqualTo(401);
    Http.Answer metric = http.get("/actuator/metrics/nivaran.registrations?tag=outcome:registered", "agent-17-token");
    assertThat(metric.status()).as(metric.body()).isEqualTo(200);
    assertThat(metric.json().get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1.0);
    assertThat(metric.body()).doesNotContain("94241", "रमेश");
  }

  @Test
  void servicesAreListed() {
    Http.Answer a = http.get("/open311/v2/services.json", null);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.json().get(0).get("service_code").asText()).isEqualTo("energy.supply");
    assertThat(a.json().get(0).get("description").asText()).isEqualTo("बिजली आपूर्ति बाधित");
  }

  @Test
  void aRegistrationComesBackWithItsDevanagariTextAndIsRoutedAndResolved() {
    String text = ReferenceServiceOnPostgresTest.nfc("वार्ड 12 में दो दिन से नल में पानी नहीं आया; टंकी ख़ाली है");
    Http.Answer created = http.postJson("/api/staff/complaints", "agent-17-token", Map.of(
        "citizen", Map.of("name", "रमेश साहू", "phone", "94241 12345", "language", "hi"),
        "categoryCode", "water.supply", "jurisdictionCode", "RAIPUR-W12", "description", text,
        "idempotencyKey", "h2-call-1"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode c = created.json();
    assertThat(c.get("description").asText()).isEqualTo(text);
    assertThat(c.get("post").asText()).isEqualTo("AE-PHED-RAIPUR");
    String id = c.get("id").asText();

    Http.Answer retry = http.postJson("/api/staff/complaints", "agent-17-token", Map.of(
        "citizen", Map.of("name", "रमेश साहू", "phone", "94241 12345", "language", "hi"),
        "categoryCode", "water.supply", "jurisdictionCode", "RAIPUR-W12", "description", text,
        "idempotencyKey", "h2-call-1"));
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.json().get("id").asText()).isEqualTo(id);

    assertThat(http.get("/api/staff/complaints/" + id, "kavita-token").json().get("description").asText())
        .isEqualTo(text);
    Http.Answer resolved = http.postJson("/api/staff/complaints/" + id + "/resolve", "kavita-token",
        Map.of("reply", "नई पाइपलाइन जोड़ी गई"));
    assertThat(resolved.json().get("status").asText()).as(resolved.body()).isEqualTo("RESOLVED");
  }

  @Test
  void theCitizensNumberAndNameReachNoLogLine(CapturedOutput output) {
    Http.Answer created = http.postForm("/open311/v2/requests.json", "agent-17-token", Map.of(
        "service_code", "urban.streetlight", "description", "गली की बत्ती बंद", "first_name", "मीना",
        "last_name", "ध्रुव", "phone", "97531 86420"));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    String id = created.json().get(0).get("service_request_id").asText();
    assertThat(http.postJson("/api/citizen/status", null, Map.of("complaintNumber", id, "phone", "97531 86420")).status())
        .isEqualTo(200);
    assertThat(http.postJson("/api/citizen/status", null, Map.of("complaintNumber", id, "phone", "97531 00000")).status())
        .isEqualTo(404);
    // The relay logs the citizen's notification (the logging notifier): wait for it, then look.
    long until = System.nanoTime() + 15_000_000_000L;
    while (!output.getAll().contains(id + "#1:citizen") && System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    assertThat(output.getAll()).contains(id + "#1:citizen").doesNotContain("86420", "97531", "मीना", "ध्रुव");
  }

  @Test
  void withoutATokenTheStaffEndpointsAnswer401() {
    Http.Answer a = http.postJson("/api/staff/complaints", null, Map.of());
    assertThat(a.status()).isEqualTo(401);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(a.json().get("rule").asText()).isEqualTo("BEARER_TOKEN_REQUIRED");
  }
}
