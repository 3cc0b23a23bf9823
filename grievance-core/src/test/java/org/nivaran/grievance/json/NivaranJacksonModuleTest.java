package org.nivaran.grievance.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Assignment;
import org.nivaran.grievance.complaint.Attachment;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Closure;
import org.nivaran.grievance.complaint.ClosureKind;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.Resolution;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.sla.SlaPolicy;
import org.nivaran.grievance.sla.SlaTimer;

/** What the module writes for each type, and that it reads it back. */
class NivaranJacksonModuleTest {
  private final ObjectMapper mapper = NivaranJson.objectMapper();

  private <T> T roundTrip(T value, Class<T> as) throws Exception {
    return mapper.readValue(mapper.writeValueAsBytes(value), as);
  }

  @Test
  void the_examples_cover_every_event_type() {
    assertThat(JsonExamples.oneOfEachType().stream().<Class<?>>map(Object::getClass).collect(Collectors.toList()))
        .containsExactly(ComplaintEvent.class.getPermittedSubclasses());
  }

  @Test
  void every_event_type_round_trips_with_a_type_discriminator_equal_to_its_documented_name() throws Exception {
    List<ComplaintEvent> events = JsonExamples.oneOfEachType();
    for (int i = 0; i < events.size(); i++) {
      ComplaintEvent event = events.get(i);
      JsonNode tree = mapper.valueToTree(event);

      assertThat(tree.get("type").textValue()).isEqualTo(JsonNames.EVENT_TYPES.get(i)).isEqualTo(event.getClass().getSimpleName());
      assertThat(roundTrip(event, ComplaintEvent.class)).isEqualTo(event);
      assertThat(mapper.readValue(mapper.writeValueAsString(event), event.getClass())).isEqualTo(event);
    }
  }

  @Test
  void every_event_starts_with_the_same_envelope_in_the_same_order() {
    for (ComplaintEvent event : JsonExamples.oneOfEachType()) {
      List<String> names = fieldNames(mapper.valueToTree(event));
      assertThat(names.subList(0, 5)).containsExactly("type", "complaintId", "sequence", "occurredAt", "actor");
    }
  }

  @Test
  void actors_of_every_role_round_trip_with_a_role_discriminator_equal_to_their_role() throws Exception {
    for (Actor actor : Fixtures.actorsOfEveryRole()) {
      JsonNode tree = mapper.valueToTree(actor);

      assertThat(tree.get("role").textValue()).isEqualTo(actor.role().name());
      assertThat(roundTrip(actor, Actor.class)).isEqualTo(actor);
      assertThat(mapper.readValue(mapper.writeValueAsString(actor), actor.getClass())).isEqualTo(actor);
    }
    assertThat(fieldNames(mapper.valueToTree(JsonExamples.OFFICER))).containsExactly("role", "officerId", "post");
  }

  @Test
  void phone_post_complaint_id_and_level_are_written_as_plain_strings() throws Exception {
    assertThat(mapper.writeValueAsString(PhoneNumber.parse("098765 43210"))).isEqualTo("\"+919876543210\"");
    assertThat(mapper.writeValueAsString(PostId.of("AE-RAIPUR-ZONE-3"))).isEqualTo("\"AE-RAIPUR-ZONE-3\"");
    assertThat(mapper.writeValueAsString(ComplaintId.of("RPR-2024-000123"))).isEqualTo("\"RPR-2024-000123\"");
    assertThat(mapper.writeValueAsString(Level.of(0))).isEqualTo("\"L0\"");
    assertThat(mapper.writeValueAsString(Level.of(12))).isEqualTo("\"L12\"");

    assertThat(mapper.readValue("\"+919876543210\"", PhoneNumber.class)).isEqualTo(PhoneNumber.parse("9876543210"));
    assertThat(mapper.readValue("\"AE-RAIPUR-ZONE-3\"", PostId.class)).isEqualTo(PostId.of("AE-RAIPUR-ZONE-3"));
    assertThat(mapper.readValue("\"RPR-2024-000123\"", ComplaintId.class)).isEqualTo(ComplaintId.of("RPR-2024-000123"));
    assertThat(mapper.readValue("\"L12\"", Level.class)).isEqualTo(Level.of(12));
  }

  @Test
  void the_json_form_keeps_numbers_and_names_whole_while_to_string_masks_them() throws Exception {
    Complainant citizen = JsonExamples.citizen();
    PhoneNumber phone = citizen.phone();

    // issue 15: JSON is where the number belongs; toString() is for logs
    assertThat(mapper.writeValueAsString(citizen)).contains("\"" + phone.e164() + "\"", "\"" + citizen.name() + "\"");
    assertThat(mapper.writeValueAsString(java.util.Map.of(phone, 1))).isEqualTo("{\"" + phone.e164() + "\":1}");
    assertThat(mapper.writeValueAsString(Actor.citizen(phone))).contains("\"" + phone.e164() + "\"");
    assertThat(citizen.toString()).doesNotContain(phone.e164(), citizen.name()).contains(phone.masked());
    assertThat(phone.toString()).isNotEqualTo(phone.e164());
  }

  @Test
  void value_objects_round_trip_on_their_own() throws Exception {
    Complainant citizen = JsonExamples.citizen();
    Attachment attachment = Attachment.of("s3://nivaran/a.jpg", "फ़ोटो.jpg");
    Resolution resolution = new Resolution("ठीक कर दिया", List.of(attachment), JsonExamples.AE, JsonExamples.T0);
    Closure closure = new Closure(ClosureKind.DUPLICATE, Optional.empty(), Optional.of(ComplaintId.of("RPR-2024-000001")), JsonExamples.T0);

    assertThat(roundTrip(citizen, Complainant.class)).isEqualTo(citizen);
    assertThat(roundTrip(attachment, Attachment.class)).isEqualTo(attachment);
    assertThat(roundTrip(JsonExamples.AT_EE, Assignment.class)).isEqualTo(JsonExamples.AT_EE);
    assertThat(roundTrip(resolution, Resolution.class)).isEqualTo(resolution);
    assertThat(roundTrip(closure, Closure.class)).isEqualTo(closure);
    assertThat(fieldNames(mapper.valueToTree(closure))).containsExactly("kind", "duplicateOf", "at");
  }

  @Test
  void sla_timers_policies_and_budgets_round_trip_on_their_own_in_the_documented_field_order() throws Exception {
    SlaTimer timer = JsonExamples.AT_EE_TIMER;
    SlaBudget.OpenTime openTime = new SlaBudget.OpenTime(Duration.ofMinutes(90).plusNanos(5));
    SlaBudget.WorkingDays workingDays = new SlaBudget.WorkingDays(7);

    assertThat(roundTrip(timer, SlaTimer.class)).isEqualTo(timer);
    assertThat(roundTrip(JsonExamples.PAUSED_TIMER, SlaTimer.class)).isEqualTo(JsonExamples.PAUSED_TIMER);
    assertThat(roundTrip(timer.policy(), SlaPolicy.class)).isEqualTo(timer.policy());
    assertThat(roundTrip(openTime, SlaBudget.class)).isEqualTo(openTime);
    assertThat(roundTrip(openTime, SlaBudget.OpenTime.class)).isEqualTo(openTime);
    assertThat(roundTrip(workingDays, SlaBudget.WorkingDays.class)).isEqualTo(workingDays);
    assertThat(fieldNames(mapper.valueToTree(timer)))
        .containsExactly("policy", "level", "budget", "consumed", "since", "running", "deadline");
    assertThat(fieldNames(mapper.valueToTree(timer.policy()))).containsExactly("id", "calendar", "levels", "otherwise");
    assertThat(mapper.writeValueAsString(openTime)).isEqualTo("{\"openTime\":\"PT1H30M0.000000005S\"}");
    assertThat(mapper.writeValueAsString(workingDays)).isEqualTo("{\"workingDays\":7}");
  }

  @Test
  void the_last_working_day_of_the_week_budget_is_written_as_one_true_field_and_read_back() throws Exception {
    SlaBudget byWeekEnd = SlaBudget.lastWorkingDayOfWeek();
    SlaPolicy dhar = SlaPolicy.builder("DHAR", "MP-OFFICE").level(Level.L1, byWeekEnd).otherwise(SlaBudget.workingDays(7)).build();

    assertThat(mapper.writeValueAsString(byWeekEnd)).isEqualTo("{\"lastWorkingDayOfWeek\":true}");
    assertThat(mapper.writeValueAsString(dhar)).isEqualTo("{\"id\":\"DHAR\",\"calendar\":\"MP-OFFICE\","
        + "\"levels\":{\"L1\":{\"lastWorkingDayOfWeek\":true}},\"otherwise\":{\"workingDays\":7}}");
    assertThat(mapper.readValue("{\"lastWorkingDayOfWeek\":true}", SlaBudget.class)).isEqualTo(byWeekEnd);
    assertThat(roundTrip(new SlaBudget.LastWorkingDayOfWeek(), SlaBudget.LastWorkingDayOfWeek.class)).isEqualTo(byWeekEnd);
    assertThat(roundTrip(dhar, SlaPolicy.class)).isEqualTo(dhar);
  }

  @Test
  void policy_levels_are_written_in_level_order_keyed_by_level() throws Exception {
    SlaPolicy policy = SlaPolicy.builder("UP-1076", "UP-OFFICE")
        .level(Level.of(12), SlaBudget.workingDays(2))
        .level(Level.of(0), SlaBudget.workingDays(15))
        .level(Level.L2, SlaBudget.openTime(Duration.ofHours(16)))
        .otherwise(SlaBudget.workingDays(7))
        .build();

    JsonNode tree = mapper.valueToTree(policy);

    assertThat(fieldNames(tree.get("levels"))).containsExactly("L0", "L2", "L12");
    assertThat(tree.get("otherwise").get("workingDays").intValue()).isEqualTo(7);
    assertThat(roundTrip(policy, SlaPolicy.class)).isEqualTo(policy);
  }

  @Test
  void complaint_flags_are_written_in_declaration_order_whatever_the_order_they_were_set_in() throws Exception {
    Complaint complaint = Complaint.builder().from(JsonExamples.flaggedComplaint())
        .flags(List.of(ComplaintFlag.TRANSFER_LIMIT_REACHED, ComplaintFlag.UNROUTED, ComplaintFlag.OVERDUE_AT_TOP))
        .build();

    JsonNode tree = mapper.valueToTree(complaint);

    assertThat(tree.get("flags").toString()).isEqualTo("[\"UNROUTED\",\"OVERDUE_AT_TOP\",\"TRANSFER_LIMIT_REACHED\"]");
    assertThat(fieldNames(tree).subList(fieldNames(tree).indexOf("unreachableAttempts"), fieldNames(tree).size()))
        .containsExactly("unreachableAttempts", "sla", "flags", "registeredAt", "updatedAt", "version");
    assertThat(roundTrip(complaint, Complaint.class)).isEqualTo(complaint);
  }

  @Test
  void instants_are_iso_8601_in_utc_and_keep_their_nanoseconds() throws Exception {
    Instant precise = Instant.parse("2024-03-04T05:30:00.123456789Z");
    Assignment assignment = new Assignment(JsonExamples.AE, "ENERGY", Level.L1, precise);

    JsonNode tree = mapper.valueToTree(assignment);

    assertThat(tree.get("since").textValue()).isEqualTo("2024-03-04T05:30:00.123456789Z");
    assertThat(roundTrip(assignment, Assignment.class).since()).isEqualTo(precise);
  }

  @Test
  void language_is_written_as_a_bcp47_tag() throws Exception {
    Complainant citizen = Complainant.builder().from(JsonExamples.citizen()).language(Locale.forLanguageTag("hi-Latn-IN")).build();

    JsonNode tree = mapper.valueToTree(citizen);

    assertThat(tree.get("language").textValue()).isEqualTo("hi-Latn-IN");
    assertThat(roundTrip(citizen, Complainant.class).language()).isEqualTo(citizen.language());
  }

  @Test
  void a_complaint_in_every_state_round_trips() throws Exception {
    for (Status status : Status.values()) {
      Complaint complaint = Fixtures.complaintIn(status);
      assertThat(roundTrip(complaint, Complaint.class)).isEqualTo(complaint);
    }
  }

  @Test
  void the_format_does_not_follow_the_mappers_naming_or_inclusion_settings() throws Exception {
    ObjectMapper unusual = new ObjectMapper()
        .registerModule(new NivaranJacksonModule())
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY));

    for (ComplaintEvent event : JsonExamples.oneOfEachType()) {
      assertThat(unusual.writeValueAsString(event)).isEqualTo(mapper.writeValueAsString(event));
    }
    assertThat(unusual.writeValueAsString(JsonExamples.oneOfEachType().get(5))).contains("\"attachments\":[]");
    assertThat(unusual.writeValueAsString(JsonExamples.registered())).isEqualTo(JsonGoldenTest.REGISTERED);
  }

  @Test
  void the_module_registers_once_per_mapper() {
    ObjectMapper twice = new ObjectMapper().registerModule(new NivaranJacksonModule()).registerModule(new NivaranJacksonModule());

    assertThat(twice.getRegisteredModuleIds()).containsExactly("NivaranJacksonModule");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
