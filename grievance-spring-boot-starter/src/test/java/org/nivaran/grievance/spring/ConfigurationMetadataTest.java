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

  @Test
  void theReadmesApplicationYmlAndPropertyTableShowEveryPropertyAndNoOther() throws Exception {
    java.util.Set<String> known = new java.util.TreeSet<>();
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      new ObjectMapper().readTree(in).get("properties").forEach(p -> known.add(p.get("name").asText()));
    }
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));
    String section = readme.substring(readme.indexOf("## Spring Boot"), readme.indexOf("## Write your own notifier"));
    int start = section.indexOf("```yaml\n", section.indexOf("The whole `application.yml`")) + "```yaml\n".length();
    String text = section.substring(start, section.indexOf("```", start));
    Map<String, Object> yaml = new org.yaml.snakeyaml.Yaml().load(text);
    java.util.Set<String> shown = new java.util.TreeSet<>();
    flatten("", yaml, shown);
    shown.removeIf(name -> name.startsWith("spring."));
    assertThat(known).as("the README's application.yml sets only real properties").containsAll(shown);
    java.util.Set<String> commented = new java.util.TreeSet<>(known);
    commented.removeAll(shown);
    // what a production file leaves unset is shown in a comment: the CSV folder and the H2 escape hatch
    assertThat(commented).containsExactly("nivaran.allow-non-durable", "nivaran.directory-csv");
    assertThat(text).contains("# allow-non-durable: ", "or directory-csv: ");

    java.util.Set<String> tabled = new java.util.TreeSet<>();
    int table = section.indexOf("| Property | Default | Meaning |");
    String rows = section.substring(table, section.indexOf("\n\n", table));
    java.util.regex.Matcher row = java.util.regex.Pattern.compile("(?m)^\\| (`nivaran\\.[^|]*)\\|").matcher(rows);
    while (row.find()) {
      String full = null;
      for (String cell : row.group(1).split(",")) {
        String name = cell.strip().replace("`", "");
        full = name.startsWith(".") ? full.substring(0, full.lastIndexOf('.')) + name : name;
        tabled.add(full);
      }
    }
    assertThat(tabled).as("the properties in the README's table").isEqualTo(known);
  }

  @SuppressWarnings("unchecked")
  private static void flatten(String prefix, Map<String, Object> map, java.util.Set<String> out) {
    map.forEach((key, value) -> {
      String name = prefix.isEmpty() ? key : prefix + "." + key;
      if (value instanceof Map<?, ?> nested) {
        flatten(name, (Map<String, Object>) nested, out);
      } else {
        out.add(name);
      }
    });
  }
}
