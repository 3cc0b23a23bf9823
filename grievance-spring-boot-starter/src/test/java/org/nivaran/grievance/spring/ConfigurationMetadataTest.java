package org.nivaran.grievance.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The jar carries configuration metadata, so IDEs complete and explain every {@code nivaran.*} property. */
class ConfigurationMetadataTest {

  @Test
  void everyPropertyHasMetadataWithADescriptionAndItsDefault() throws Exception {
    JsonNode root;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("spring-configuration-metadata.json on the class path").isNotNull();
      root = new ObjectMapper().readTree(in);
    }
    Map<String, JsonNode> byName = new HashMap<>();
    root.get("properties").forEach(p -> byName.put(p.get("name").asText(), p));
    assertThat(byName).containsKeys("nivaran.tenant", "nivaran.id-prefix", "nivaran.zone", "nivaran.id-block-size",
        "nivaran.directory-file", "nivaran.directory-csv", "nivaran.calendars-file", "nivaran.policies-file",
        "nivaran.allow-non-durable", "nivaran.escalator.enabled", "nivaran.escalator.interval",
        "nivaran.escalator.batch-size", "nivaran.escalator.lease", "nivaran.relay.enabled", "nivaran.relay.interval",
        "nivaran.relay.batch-size", "nivaran.relay.lease", "nivaran.relay.logging-notifier", "nivaran.schema.install");
    byName.forEach((name, p) -> assertThat(p.path("description").asText()).as(name).isNotBlank());
    assertThat(byName.get("nivaran.tenant").get("defaultValue").asText()).isEqualTo("default");
    assertThat(byName.get("nivaran.schema.install").get("defaultValue").asBoolean()).isTrue();
    assertThat(byName.get("nivaran.relay.logging-notifier").get("defaultValue").asBoolean()).isFalse();
    assertThat(byName.get("nivaran.escalator.batch-size").get("defaultValue").asInt())
        .isEqualTo(org.nivaran.grievance.escalation.Escalator.DEFAULT_BATCH_SIZE);
    assertThat(byName.get("nivaran.escalator.lease").get("defaultValue").asText()).isEqualTo("5m");
    assertThat(byName.get("nivaran.relay.batch-size").get("defaultValue").asInt()).isEqualTo(50);
  }
}
