package org.nivaran.grievance.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Role;
import org.nivaran.grievance.complaint.Assignment;
import org.nivaran.grievance.complaint.Attachment;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.ClosureKind;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.Kind;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.sla.SlaPolicy;
import org.nivaran.grievance.sla.SlaTimer;

/** docs/json-format.md tells the truth: its examples are exactly what the module writes. */
class JsonFormatDocTest {
  private static final Pattern BLOCK = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL);
  private static final Pattern INLINE = Pattern.compile("`(\\{[^`]*\\})`");

  private static String doc;
  private final ObjectMapper mapper = NivaranJson.objectMapper();

  @BeforeAll
  static void readDoc() throws Exception {
    Path path = Files.exists(Path.of("../docs/json-format.md"))
        ? Path.of("../docs/json-format.md")
        : Path.of("docs/json-format.md");
    doc = Files.readString(path, StandardCharsets.UTF_8);
  }

  private static List<String> matches(Pattern pattern) {
    List<String> out = new ArrayList<>();
    Matcher m = pattern.matcher(doc);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** Reads an example as the type its fields show, writes it again and compares the text. */
  private Object readBack(String example) throws Exception {
    // trees with exact decimals, as the module reads them, so 81.62960 keeps its trailing zero
    JsonNode tree = mapper.copy()
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
        .readTree(example);
    Class<?> type =
        tree.has("type") ? ComplaintEvent.class
            : tree.has("status") ? Complaint.class
            : tree.has("role") ? Actor.class
            : tree.has("reference") ? Attachment.class
            : tree.has("latitude") ? org.nivaran.grievance.complaint.Location.class
            : tree.has("department") ? Assignment.class
            : tree.has("phone") ? Complainant.class
            : tree.has("running") ? SlaTimer.class
            : tree.has("otherwise") ? SlaPolicy.class
            : tree.has("openTime") || tree.has("workingDays") || tree.has("lastWorkingDayOfWeek") ? SlaBudget.class
            : Object.class;
    assertThat(type).as("a Nivaran type for %s", example).isNotEqualTo(Object.class);
    Object value = mapper.treeToValue(tree, type);
    assertThat(mapper.writeValueAsString(value)).as("the module's JSON for %s", example)
        .isEqualTo(mapper.writeValueAsString(tree));
    return value;
  }

  @Test
  void every_json_block_in_the_doc_is_exactly_what_the_module_writes() throws Exception {
    List<String> blocks = matches(BLOCK);
    assertThat(blocks).hasSize(2 + JsonExamples.oneOfEachType().size());

    List<Object> values = new ArrayList<>();
    for (String block : blocks) {
      values.add(readBack(block));
    }

    List<Object> expected = new ArrayList<>();
    expected.add(JsonExamples.closedComplaint());
    expected.add(JsonExamples.flaggedComplaint());
    expected.addAll(JsonExamples.oneOfEachType());
    assertThat(values).containsExactlyElementsOf(expected);
  }

  @Test
  void every_inline_json_object_in_the_doc_is_exactly_what_the_module_writes() throws Exception {
    List<String> inline = matches(INLINE);
    assertThat(inline).hasSizeGreaterThanOrEqualTo(5);
    List<Object> values = new ArrayList<>();
    for (String example : inline) {
      values.add(readBack(example));
    }
    assertThat(values).contains(
        JsonExamples.PAUSED_TIMER, JsonExamples.ROUND_THE_CLOCK_SLA, SlaBudget.workingDays(7),
        SlaBudget.openTime(Duration.ofHours(24)), SlaBudget.lastWorkingDayOfWeek(),
        org.nivaran.grievance.complaint.Location.of("21.2514", "81.62960")
            .withAddressLine("वार्ड 12, रायपुर").withLandmark("हनुमान मंदिर के पास"));
  }

  @Test
  void the_doc_has_a_section_for_every_event_type() {
    for (Class<?> type : ComplaintEvent.class.getPermittedSubclasses()) {
      assertThat(doc).contains("### `" + type.getSimpleName() + "`");
    }
    assertThat(JsonNames.EVENT_TYPES).hasSize(ComplaintEvent.class.getPermittedSubclasses().length);
  }

  @Test
  void the_doc_lists_every_enum_value() {
    for (Class<? extends Enum<?>> type :
        List.of(Kind.class, Channel.class, Status.class, ClosureKind.class, RejectionReason.class, Role.class,
            ComplaintFlag.class, org.nivaran.grievance.sla.Priority.class)) {
      for (Enum<?> constant : type.getEnumConstants()) {
        assertThat(doc).as("%s.%s", type.getSimpleName(), constant).contains("`" + constant.name() + "`");
      }
    }
  }

  @Test
  void the_doc_states_the_stability_promise() {
    assertThat(doc)
        .contains("**Fields are added, never renamed or removed.**")
        .contains("**Readers ignore unknown fields**");
  }
}
