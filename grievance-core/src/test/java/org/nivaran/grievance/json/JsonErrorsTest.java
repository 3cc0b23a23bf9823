package org.nivaran.grievance.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.sla.SlaPolicy;

/** A document that cannot be read says which field is wrong and why. */
class JsonErrorsTest {
  private final ObjectMapper mapper = NivaranJson.objectMapper();

  private ObjectNode registered() {
    return mapper.valueToTree(JsonExamples.registered());
  }

  private ObjectNode escalated() {
    return mapper.valueToTree(JsonExamples.oneOfEachType().get(10));
  }

  private ObjectNode complaint() {
    return mapper.valueToTree(JsonExamples.closedComplaint());
  }

  private <E extends Throwable> E readingFails(ObjectNode tree, Class<?> as, Class<E> expected) {
    return catchThrowableOfType(expected, () -> mapper.readValue(mapper.writeValueAsString(tree), as));
  }

  // -- unknown discriminators -----------------------------------------------------------------

  @Test
  void unknown_event_type_is_refused_naming_the_type_and_the_field() {
    ObjectNode tree = registered().put("type", "ComplaintFrobnicated");

    InvalidTypeIdException e = readingFails(tree, ComplaintEvent.class, InvalidTypeIdException.class);

    assertThat(e.getTypeId()).isEqualTo("ComplaintFrobnicated");
    assertThat(e.getOriginalMessage())
        .startsWith("Cannot read ComplaintEvent: unknown event type 'ComplaintFrobnicated' in field 'type'")
        .contains("known: ComplaintRegistered, ComplaintAssigned");
  }

  @Test
  void unknown_event_type_in_a_log_also_names_the_events_index() throws Exception {
    String log = mapper.writeValueAsString(List.of(registered(), registered().put("type", "Frobnicated")));

    InvalidTypeIdException e = catchThrowableOfType(InvalidTypeIdException.class,
        () -> mapper.readValue(log, new TypeReference<List<ComplaintEvent>>() {}));

    assertThat(e.getMessage()).contains("'Frobnicated'", "field 'type'", "[1]");
  }

  @Test
  void unknown_actor_role_is_refused_naming_the_role_and_its_path() {
    ObjectNode tree = registered();
    ((ObjectNode) tree.get("actor")).put("role", "KING");

    InvalidTypeIdException e = readingFails(tree, ComplaintEvent.class, InvalidTypeIdException.class);

    assertThat(e.getTypeId()).isEqualTo("KING");
    assertThat(e.getOriginalMessage())
        .contains("unknown actor role 'KING' in field 'actor.role'", "CALL_CENTRE_AGENT");
  }

  @Test
  void reading_an_event_as_another_event_type_is_refused_naming_both() {
    InvalidTypeIdException e = readingFails(registered(), ComplaintEvent.WorkStarted.class, InvalidTypeIdException.class);

    assertThat(e.getOriginalMessage())
        .isEqualTo("Cannot read ComplaintEvent.WorkStarted: field 'type' is 'ComplaintRegistered', which is not a WorkStarted");
  }

  // -- missing fields -------------------------------------------------------------------------

  @Test
  void missing_required_field_is_refused_naming_it() {
    ObjectNode tree = registered();
    tree.remove("description");

    MismatchedInputException e = readingFails(tree, ComplaintEvent.class, MismatchedInputException.class);

    assertThat(e.getOriginalMessage()).isEqualTo("Cannot read ComplaintEvent: missing required field 'description'");
  }

  @Test
  void missing_type_is_refused_naming_the_field() {
    ObjectNode tree = registered();
    tree.remove("type");

    MismatchedInputException e = readingFails(tree, ComplaintEvent.class, MismatchedInputException.class);

    assertThat(e.getOriginalMessage()).isEqualTo("Cannot read ComplaintEvent: missing required field 'type'");
  }

  @Test
  void missing_nested_field_is_refused_naming_its_whole_path() {
    ObjectNode noPhone = registered();
    ((ObjectNode) noPhone.get("citizen")).remove("phone");
    ObjectNode noName = registered();
    ((ObjectNode) noName.get("attachments").get(0)).remove("name");
    ObjectNode noLevel = escalated();
    ((ObjectNode) noLevel.get("to")).putNull("level");

    assertThat(readingFails(noPhone, ComplaintEvent.class, MismatchedInputException.class).getOriginalMessage())
        .endsWith("missing required field 'citizen.phone'");
    assertThat(readingFails(noName, ComplaintEvent.class, MismatchedInputException.class).getOriginalMessage())
        .endsWith("missing required field 'attachments[0].name'");
    assertThat(readingFails(noLevel, ComplaintEvent.class, MismatchedInputException.class).getOriginalMessage())
        .endsWith("missing required field 'to.level'");
  }

  @Test
  void complaint_missing_a_required_field_is_refused_naming_it() {
    ObjectNode noVersion = complaint();
    noVersion.remove("version");
    ObjectNode noFiledAt = complaint();
    ((ObjectNode) noFiledAt.get("resolution")).remove("filedAt");

    assertThat(readingFails(noVersion, Complaint.class, MismatchedInputException.class).getOriginalMessage())
        .isEqualTo("Cannot read Complaint: missing required field 'version'");
    assertThat(readingFails(noFiledAt, Complaint.class, MismatchedInputException.class).getOriginalMessage())
        .isEqualTo("Cannot read Complaint: missing required field 'resolution.filedAt'");
  }

  // -- wrong shapes and formats ---------------------------------------------------------------

  @Test
  void value_of_the_wrong_json_shape_is_refused_naming_the_field() {
    ObjectNode stringSequence = registered().put("sequence", "1");
    ObjectNode numberName = registered();
    ((ObjectNode) numberName.get("citizen")).put("name", 7);
    ObjectNode objectAttachments = registered();
    objectAttachments.putObject("attachments");

    assertThat(readingFails(stringSequence, ComplaintEvent.class, MismatchedInputException.class).getOriginalMessage())
        .endsWith("field 'sequence' must be an integer (was a string)");
    assertThat(readingFails(numberName, ComplaintEvent.class, MismatchedInputException.class).getOriginalMessage())
        .endsWith("field 'citizen.name' must be a JSON string (was the number 7)");
    assertThat(readingFails(objectAttachments, ComplaintEvent.class, MismatchedInputException.class).getOriginalMessage())
        .endsWith("field 'attachments' must be a JSON array (was an object)");
  }

  @Test
  void a_document_that_is_not_an_object_is_refused() {
    MismatchedInputException e =
        catchThrowableOfType(MismatchedInputException.class, () -> mapper.readValue("[1,2]", Complaint.class));

    assertThat(e.getOriginalMessage()).isEqualTo("Cannot read Complaint: the value must be a JSON object (was an array)");
  }

  @Test
  void unparsable_instant_level_and_enum_are_refused_naming_the_field_and_the_value() {
    ObjectNode badInstant = registered().put("occurredAt", "कल सुबह");
    ObjectNode badChannel = registered().put("channel", "FAX");
    ObjectNode badLevel = escalated();
    ((ObjectNode) badLevel.get("from")).put("level", "first");

    InvalidFormatException instant = readingFails(badInstant, ComplaintEvent.class, InvalidFormatException.class);
    InvalidFormatException channel = readingFails(badChannel, ComplaintEvent.class, InvalidFormatException.class);
    InvalidFormatException level = readingFails(badLevel, ComplaintEvent.class, InvalidFormatException.class);

    assertThat(instant.getOriginalMessage()).contains("field 'occurredAt' must be an ISO-8601 instant", "(was 'कल सुबह')");
    assertThat(instant.getValue()).isEqualTo("कल सुबह");
    assertThat(channel.getOriginalMessage()).contains("field 'channel' must be one of PHONE_CALL, WHATSAPP", "(was 'FAX')");
    assertThat(level.getOriginalMessage()).contains("field 'from.level' must be 'L' followed by the rung", "(was 'first')");
  }

  // -- SLA timers and flags -------------------------------------------------------------------

  private ObjectNode flaggedComplaint() {
    return mapper.valueToTree(JsonExamples.flaggedComplaint());
  }

  private ObjectNode sla(ObjectNode complaint) {
    return (ObjectNode) complaint.get("sla");
  }

  private ObjectNode policy(ObjectNode complaint) {
    return (ObjectNode) complaint.at("/sla/policy");
  }

  @Test
  void malformed_sla_timer_values_are_refused_naming_their_path_and_value() {
    ObjectNode badBudget = flaggedComplaint();
    sla(badBudget).put("budget", "56 hours");
    ObjectNode badSince = flaggedComplaint();
    sla(badSince).put("since", "सोमवार");
    ObjectNode stringRunning = flaggedComplaint();
    sla(stringRunning).put("running", "true");
    ObjectNode noConsumed = flaggedComplaint();
    sla(noConsumed).remove("consumed");
    ObjectNode noPolicy = flaggedComplaint();
    sla(noPolicy).remove("policy");
    ObjectNode badLevelKey = flaggedComplaint();
    ((ObjectNode) policy(badLevelKey).get("levels")).set("level-1", mapper.createObjectNode().put("workingDays", 3));

    assertThat(readingFails(badBudget, Complaint.class, InvalidFormatException.class).getOriginalMessage())
        .isEqualTo("Cannot read Complaint: field 'sla.budget' must be an ISO-8601 duration such as 'PT56H' (was '56 hours')");
    assertThat(readingFails(badSince, Complaint.class, InvalidFormatException.class).getOriginalMessage())
        .contains("field 'sla.since' must be an ISO-8601 instant", "(was 'सोमवार')");
    assertThat(readingFails(stringRunning, Complaint.class, MismatchedInputException.class).getOriginalMessage())
        .isEqualTo("Cannot read Complaint: field 'sla.running' must be a JSON boolean (was a string)");
    assertThat(readingFails(noConsumed, Complaint.class, MismatchedInputException.class).getOriginalMessage())
        .isEqualTo("Cannot read Complaint: missing required field 'sla.consumed'");
    assertThat(readingFails(noPolicy, Complaint.class, MismatchedInputException.class).getOriginalMessage())
        .isEqualTo("Cannot read Complaint: missing required field 'sla.policy'");
    assertThat(readingFails(badLevelKey, Complaint.class, InvalidFormatException.class).getOriginalMessage())
        .isEqualTo("Cannot read Complaint: field 'sla.policy.levels.level-1' must be 'L' followed by the rung, e.g. 'L1' "
            + "(was 'level-1')");
  }

  @Test
  void a_budget_must_have_exactly_one_of_open_time_and_working_days() {
    ObjectNode both = flaggedComplaint();
    ((ObjectNode) policy(both).get("otherwise")).put("openTime", "PT24H");
    ObjectNode neither = flaggedComplaint();
    ((ObjectNode) policy(neither).get("levels")).putObject("L1").put("calendarDays", 3);
    ObjectNode noOtherwise = flaggedComplaint();
    policy(noOtherwise).remove("otherwise");
    ObjectNode levelsArray = flaggedComplaint();
    policy(levelsArray).putArray("levels");

    assertThat(readingFails(both, Complaint.class, MismatchedInputException.class).getOriginalMessage())
        .isEqualTo("Cannot read Complaint: field 'sla.policy.otherwise' must be an object with exactly one of "
            + "'openTime', 'workingDays' and 'lastWorkingDayOfWeek' (was an object with 2 of them)");
    assertThat(readingFails(neither, Complaint.class, MismatchedInputException.class).getOriginalMessage())
        .endsWith("field 'sla.policy.levels.L1' must be an object with exactly one of 'openTime', 'workingDays' "
            + "and 'lastWorkingDayOfWeek' (was an object with none of them)");
    assertThat(readingFails(noOtherwise, Complaint.class, MismatchedInputException.class).getOriginalMessage())
        .isEqualTo("Cannot read Complaint: missing required field 'sla.policy.otherwise'");
    assertThat(readingFails(levelsArray, Complaint.class, MismatchedInputException.class).getOriginalMessage())
        .endsWith("field 'sla.policy.levels' must be a JSON object (was an array)");
  }

  @Test
  void sla_values_the_domain_refuses_name_the_json_field() {
    ObjectNode zeroDays = flaggedComplaint();
    ((ObjectNode) policy(zeroDays).at("/levels/L1")).put("workingDays", 0);
    ObjectNode negativeOpenTime = flaggedComplaint();
    ((ObjectNode) policy(negativeOpenTime).get("otherwise")).remove("workingDays");
    ((ObjectNode) policy(negativeOpenTime).get("otherwise")).put("openTime", "-PT1H");
    ObjectNode badCalendar = flaggedComplaint();
    policy(badCalendar).put("calendar", "दफ़्तर");
    ObjectNode levelTwice = flaggedComplaint();
    ((ObjectNode) policy(levelTwice).get("levels")).putObject("L01").put("workingDays", 4);
    ObjectNode runningWithoutDeadline = flaggedComplaint();
    sla(runningWithoutDeadline).remove("deadline");
    ObjectNode zeroBudget = flaggedComplaint();
    sla(zeroBudget).put("budget", "PT0S");

    assertThat(readingFails(zeroDays, Complaint.class, ValueInstantiationException.class).getOriginalMessage())
        .isEqualTo("Cannot read Complaint: invalid value in field 'sla.policy.levels.L1.workingDays': "
            + "budget must be at least 1 working day (was 0)");
    assertThat(readingFails(negativeOpenTime, Complaint.class, ValueInstantiationException.class).getOriginalMessage())
        .startsWith("Cannot read Complaint: invalid value in field 'sla.policy.otherwise.openTime': budget must be positive");
    assertThat(readingFails(badCalendar, Complaint.class, ValueInstantiationException.class).getOriginalMessage())
        .startsWith("Cannot read Complaint: invalid value in field 'sla.policy.calendar': calendarId must be ASCII letters");
    assertThat(readingFails(levelTwice, Complaint.class, ValueInstantiationException.class).getOriginalMessage())
        .isEqualTo("Cannot read Complaint: invalid value in field 'sla.policy.levels.L01': "
            + "levels must give each level once (L1 is given as 'L1' and 'L01')");
    assertThat(readingFails(runningWithoutDeadline, Complaint.class, ValueInstantiationException.class).getOriginalMessage())
        .isEqualTo("Cannot read Complaint: invalid value in field 'sla.deadline': deadline is required while the clock runs");
    assertThat(readingFails(zeroBudget, Complaint.class, ValueInstantiationException.class).getOriginalMessage())
        .isEqualTo("Cannot read Complaint: invalid value in field 'sla.budget': budget must be positive (was PT0S)");
  }

  @Test
  void complaint_invariants_on_the_timer_and_closure_name_the_whole_path() {
    ObjectNode otherLevel = flaggedComplaint();
    sla(otherLevel).put("level", "L3");
    ObjectNode duplicateWithoutOriginal = complaint();
    ((ObjectNode) duplicateWithoutOriginal.get("closure")).put("kind", "DUPLICATE");
    duplicateWithoutOriginal.put("status", "REJECTED");

    assertThat(readingFails(otherLevel, Complaint.class, ValueInstantiationException.class).getOriginalMessage())
        .isEqualTo("Cannot read Complaint: invalid value in field 'sla.level': "
            + "sla.level must be the complaint's level L2 (was L3)");
    assertThat(readingFails(duplicateWithoutOriginal, Complaint.class, ValueInstantiationException.class).getOriginalMessage())
        .startsWith("Cannot read Complaint: invalid value in field 'closure.duplicateOf': ");
  }

  @Test
  void unknown_or_repeated_flags_are_refused_naming_the_element() {
    ObjectNode unknown = flaggedComplaint();
    ((ArrayNode) unknown.get("flags")).add("ON_FIRE");
    ObjectNode repeated = flaggedComplaint();
    ((ArrayNode) repeated.get("flags")).add("ESCALATION_BLOCKED");
    ObjectNode notAString = flaggedComplaint();
    ((ArrayNode) notAString.get("flags")).add(3);
    ObjectNode notAnArray = flaggedComplaint().put("flags", "ESCALATION_BLOCKED");
    ObjectNode flaggedEvent = mapper.valueToTree(JsonExamples.oneOfEachType().get(13));
    flaggedEvent.put("flag", "LOST");
    ObjectNode badAttention = mapper.valueToTree(JsonExamples.oneOfEachType().get(13));
    badAttention.put("attention", "कलेक्टर");

    InvalidFormatException flag = readingFails(unknown, Complaint.class, InvalidFormatException.class);
    assertThat(flag.getOriginalMessage()).isEqualTo("Cannot read Complaint: field 'flags[1]' must be one of "
        + "UNROUTED, ESCALATION_BLOCKED, OVERDUE_AT_TOP, TRANSFER_LIMIT_REACHED, FIRST_RESPONSE_MISSED, SPECIAL_CLOSURE_OVERDUE, POSSIBLE_REPEAT (was 'ON_FIRE')");
    assertThat(flag.getValue()).isEqualTo("ON_FIRE");
    assertThat(readingFails(repeated, Complaint.class, ValueInstantiationException.class).getOriginalMessage())
        .isEqualTo("Cannot read Complaint: invalid value in field 'flags[1]': "
            + "flags must not list ESCALATION_BLOCKED twice");
    assertThat(readingFails(notAString, Complaint.class, MismatchedInputException.class).getOriginalMessage())
        .endsWith("field 'flags[1]' must be a JSON string (was the number 3)");
    assertThat(readingFails(notAnArray, Complaint.class, MismatchedInputException.class).getOriginalMessage())
        .endsWith("field 'flags' must be a JSON array (was a string)");
    assertThat(readingFails(flaggedEvent, ComplaintEvent.class, InvalidFormatException.class).getOriginalMessage())
        .startsWith("Cannot read ComplaintEvent: field 'flag' must be one of UNROUTED,");
    assertThat(readingFails(badAttention, ComplaintEvent.class, ValueInstantiationException.class).getOriginalMessage())
        .startsWith("Cannot read ComplaintEvent: invalid value in field 'attention': ");
  }

  @Test
  void a_level_key_given_twice_in_the_text_is_refused_by_the_ready_made_mapper() {
    String json = mapper.valueToTree(JsonExamples.ENERGY_SLA).toString()
        .replace("\"levels\":{", "\"levels\":{\"L1\":{\"workingDays\":9},");

    StreamReadException e = catchThrowableOfType(StreamReadException.class, () -> mapper.readValue(json, SlaPolicy.class));

    assertThat(json).contains("\"L1\":{\"workingDays\":9},\"L1\":{\"workingDays\":3}");
    assertThat(e).hasMessageContaining("Duplicate field 'L1'");
  }

  @Test
  void reading_a_budget_as_the_other_kind_is_refused() {
    MismatchedInputException e = catchThrowableOfType(MismatchedInputException.class,
        () -> mapper.readValue("{\"workingDays\": 7}", SlaBudget.OpenTime.class));

    assertThat(e.getOriginalMessage())
        .isEqualTo("Cannot read SlaBudget.OpenTime: the value must be an object with 'openTime' (was a budget of 7 working day(s))");
  }

  @Test
  void a_last_working_day_of_the_week_budget_must_be_exactly_true_and_alone() {
    MismatchedInputException notTrue = catchThrowableOfType(MismatchedInputException.class,
        () -> mapper.readValue("{\"lastWorkingDayOfWeek\": false}", SlaBudget.class));
    MismatchedInputException notBoolean = catchThrowableOfType(MismatchedInputException.class,
        () -> mapper.readValue("{\"lastWorkingDayOfWeek\": \"yes\"}", SlaBudget.class));
    MismatchedInputException withDays = catchThrowableOfType(MismatchedInputException.class,
        () -> mapper.readValue("{\"lastWorkingDayOfWeek\": true, \"workingDays\": 7}", SlaBudget.class));
    MismatchedInputException asOther = catchThrowableOfType(MismatchedInputException.class,
        () -> mapper.readValue("{\"lastWorkingDayOfWeek\": true}", SlaBudget.WorkingDays.class));

    assertThat(notTrue.getOriginalMessage())
        .isEqualTo("Cannot read SlaBudget: field 'lastWorkingDayOfWeek' must be true (was the boolean false)");
    assertThat(notBoolean.getOriginalMessage())
        .isEqualTo("Cannot read SlaBudget: field 'lastWorkingDayOfWeek' must be true (was a string)");
    assertThat(withDays.getOriginalMessage()).isEqualTo("Cannot read SlaBudget: the value must be an object with "
        + "exactly one of 'openTime', 'workingDays' and 'lastWorkingDayOfWeek' (was an object with 2 of them)");
    assertThat(asOther.getOriginalMessage()).isEqualTo("Cannot read SlaBudget.WorkingDays: the value must be an object "
        + "with 'workingDays' (was a budget of by the last working day of the week)");
  }

  // -- values the domain refuses --------------------------------------------------------------

  @Test
  void bad_phone_surfaces_the_domain_message_naming_the_field() {
    ObjectNode tree = registered();
    ((ObjectNode) tree.get("citizen")).put("phone", "12345");

    ValueInstantiationException e = readingFails(tree, ComplaintEvent.class, ValueInstantiationException.class);

    assertThat(e.getCause()).isInstanceOf(InvalidInputException.class);
    assertThat(e.getOriginalMessage())
        .isEqualTo("Cannot read ComplaintEvent: invalid value in field 'citizen.phone': " + e.getCause().getMessage());
    // the refused input is described by its shape, never repeated (issue 15)
    assertThat(e.getCause().getMessage()).isEqualTo("phone must be E.164, '+' then 8 to 15 digits (was 5 characters)");
  }

  @Test
  void domain_refusals_inside_nested_objects_name_the_json_path_and_keep_the_domain_message() {
    ObjectNode blankName = registered();
    ((ObjectNode) blankName.get("citizen")).put("name", "   ");
    ObjectNode badDepartment = escalated();
    ((ObjectNode) badDepartment.get("from")).put("department", "ऊर्जा विभाग");
    ObjectNode deepLevel = escalated();
    ((ObjectNode) deepLevel.get("to")).put("level", "L100");
    ObjectNode blankAttachment = registered();
    ((ObjectNode) blankAttachment.get("attachments").get(0)).put("reference", "");
    ObjectNode badComponent = escalated();
    ((ObjectNode) badComponent.get("actor")).put("component", "रूटर");

    assertThat(readingFails(blankName, ComplaintEvent.class, ValueInstantiationException.class).getOriginalMessage())
        .contains("field 'citizen.name': citizen.name must not be blank");
    assertThat(readingFails(badDepartment, ComplaintEvent.class, ValueInstantiationException.class).getOriginalMessage())
        .contains("field 'from.department': department must be ASCII letters");
    assertThat(readingFails(deepLevel, ComplaintEvent.class, ValueInstantiationException.class).getOriginalMessage())
        .contains("field 'to.level': level must be between 0 and 99 (was 100)");
    assertThat(readingFails(blankAttachment, ComplaintEvent.class, ValueInstantiationException.class).getOriginalMessage())
        .contains("field 'attachments[0].reference': attachment.reference must not be blank");
    assertThat(readingFails(badComponent, ComplaintEvent.class, ValueInstantiationException.class).getOriginalMessage())
        .contains("field 'actor.component': actor.component must be ASCII letters");
  }

  @Test
  void complaint_breaking_an_invariant_is_refused_naming_the_attribute() {
    ObjectNode openButClosed = complaint().put("status", "IN_PROGRESS");
    ObjectNode badRating = complaint().put("rating", 9);
    ObjectNode version0 = complaint().put("version", 0);

    assertThat(readingFails(openButClosed, Complaint.class, ValueInstantiationException.class).getOriginalMessage())
        .isEqualTo("Cannot read Complaint: invalid value in field 'closure': closure must be empty in open state IN_PROGRESS");
    assertThat(readingFails(badRating, Complaint.class, ValueInstantiationException.class).getOriginalMessage())
        .contains("field 'rating': rating must be between 1 and 5 (was 9)");
    assertThat(readingFails(version0, Complaint.class, ValueInstantiationException.class).getOriginalMessage())
        .contains("field 'version': version must be at least 1 (was 0)");
  }

  @Test
  void bad_string_valued_types_read_on_their_own_surface_the_domain_message() {
    ValueInstantiationException phone =
        catchThrowableOfType(ValueInstantiationException.class, () -> mapper.readValue("\"98765\"", PhoneNumber.class));
    InvalidFormatException level =
        catchThrowableOfType(InvalidFormatException.class, () -> mapper.readValue("\"Level 2\"", Level.class));
    MismatchedInputException number =
        catchThrowableOfType(MismatchedInputException.class, () -> mapper.readValue("2", Level.class));

    assertThat(phone.getOriginalMessage()).isEqualTo(
        "Cannot read PhoneNumber: invalid value: phone must be E.164, '+' then 8 to 15 digits (was 5 characters)");
    assertThat(level.getOriginalMessage()).isEqualTo(
        "Cannot read Level: the value must be 'L' followed by the rung, e.g. 'L1' (was 'Level 2')");
    assertThat(number.getOriginalMessage()).isEqualTo("Cannot read Level: the value must be a JSON string (was the number 2)");
  }

  @Test
  void every_read_failure_is_a_jackson_mapping_exception() {
    ArrayNode notAnEvent = mapper.createArrayNode();

    JsonMappingException e =
        catchThrowableOfType(JsonMappingException.class, () -> mapper.treeToValue(notAnEvent, ComplaintEvent.class));

    assertThat(e).isInstanceOf(MismatchedInputException.class);
    assertThat(e.getOriginalMessage()).isEqualTo("Cannot read ComplaintEvent: the value must be a JSON object (was an array)");
  }
}
