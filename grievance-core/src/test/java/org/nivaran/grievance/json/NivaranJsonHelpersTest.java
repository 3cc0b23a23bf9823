package org.nivaran.grievance.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;

/**
 * {@link NivaranJson}'s complaint and history helpers, and the module's discovery through
 * {@code ObjectMapper.findAndRegisterModules()}.
 */
class NivaranJsonHelpersTest {

  @Test
  void a_complaint_round_trips_with_devanagari_byte_for_byte() {
    Complaint complaint = JsonExamples.closedComplaint();

    String json = NivaranJson.complaint(complaint);

    assertThat(json).contains("सुनीता वर्मा").doesNotContain("\\u");
    assertThat(NivaranJson.readComplaint(json)).isEqualTo(complaint);
  }

  @Test
  void a_history_round_trips_in_order() {
    List<ComplaintEvent> history = JsonExamples.oneOfEachType();

    String json = NivaranJson.history(history);

    assertThat(json).startsWith("[{").endsWith("}]");
    assertThat(NivaranJson.readHistory(json)).containsExactlyElementsOf(history);
    assertThat(NivaranJson.readHistory("[]")).isEmpty();
  }

  @Test
  void a_bad_complaint_is_an_unchecked_error_naming_what_and_where() {
    assertThatThrownBy(() -> NivaranJson.readComplaint("{\"id\": \"RPR-2024-000123\""))
        .isInstanceOfSatisfying(JsonReadException.class, e -> {
          assertThat(e.what()).isEqualTo("complaint");
          assertThat(e.getMessage()).startsWith("cannot read complaint (line 1, column ");
          assertThat(e.getCause()).isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        });
    assertThatThrownBy(() -> NivaranJson.readComplaint("{}"))
        .isInstanceOf(JsonReadException.class)
        .hasMessageStartingWith("cannot read complaint");
  }

  @Test
  void a_bad_event_in_a_history_is_named_by_its_index() {
    List<ComplaintEvent> history = JsonExamples.oneOfEachType();
    String good = NivaranJson.history(history.subList(0, 2));
    String broken = good.substring(0, good.length() - 1) + ",{\"type\":\"NoSuchEvent\"}]";

    assertThatThrownBy(() -> NivaranJson.readHistory(broken))
        .isInstanceOfSatisfying(JsonReadException.class, e -> {
          assertThat(e.what()).isEqualTo("history");
          assertThat(e.path()).isEqualTo("[2]");
          assertThat(e.getMessage()).startsWith("cannot read history at [2] (line 1, column ").contains("NoSuchEvent");
        });
    assertThatThrownBy(() -> NivaranJson.readHistory("[null]"))
        .isInstanceOfSatisfying(JsonReadException.class, e -> assertThat(e.path()).isEqualTo("[0]"));
    assertThatThrownBy(() -> NivaranJson.readHistory("null"))
        .isInstanceOfSatisfying(JsonReadException.class, e -> assertThat(e.path()).isEmpty());
    assertThatThrownBy(() -> NivaranJson.readHistory("{\"type\":\"ComplaintRegistered\"}"))
        .isInstanceOf(JsonReadException.class);
  }

  @Test
  void missing_arguments_are_refused_by_name() {
    List<ComplaintEvent> withNull = new ArrayList<>(JsonExamples.oneOfEachType().subList(0, 1));
    withNull.add(null);

    assertThatThrownBy(() -> NivaranJson.complaint(null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("complaint"));
    assertThatThrownBy(() -> NivaranJson.history(null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("history"));
    assertThatThrownBy(() -> NivaranJson.history(withNull))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("history[1]"));
    assertThatThrownBy(() -> NivaranJson.readComplaint(null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("json"));
    assertThatThrownBy(() -> NivaranJson.readHistory(null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("json"));
  }

  @Test
  void find_and_register_modules_discovers_the_nivaran_module() throws Exception {
    ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    Complaint complaint = JsonExamples.closedComplaint();

    assertThat(mapper.getRegisteredModuleIds()).contains("NivaranJacksonModule");
    String json = mapper.writeValueAsString(complaint);
    assertThat(json).isEqualTo(NivaranJson.complaint(complaint));
    assertThat(mapper.readValue(json, Complaint.class)).isEqualTo(complaint);
  }
}
