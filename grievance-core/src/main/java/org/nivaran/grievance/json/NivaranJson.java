package org.nivaran.grievance.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.List;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.internal.Texts;
import org.nivaran.grievance.report.GradingReport;

/**
 * A ready-made {@link ObjectMapper} for Nivaran's JSON format, for hosts that do not already have
 * one to register {@link NivaranJacksonModule} with.
 *
 * <pre>{@code
 * ObjectMapper mapper = NivaranJson.objectMapper();
 * byte[] utf8 = mapper.writeValueAsBytes(event);
 * ComplaintEvent again = mapper.readValue(utf8, ComplaintEvent.class);
 * }</pre>
 *
 * <p>For a complaint and its history there are helpers that need no mapper and throw no checked
 * exception: {@link #complaint(Complaint)} and {@link #history(List)} write, {@link
 * #readComplaint(String)} and {@link #readHistory(String)} read, refusing a bad document with a
 * {@link JsonReadException} that names the place.
 *
 * <pre>{@code
 * String json = NivaranJson.history(store.events(id));
 * List<ComplaintEvent> again = NivaranJson.readHistory(json);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class NivaranJson {
  /** The mapper the static writers share; configured once, so thread-safe. */
  private static final ObjectMapper MAPPER = objectMapper();

  private static final TypeReference<List<ComplaintEvent>> HISTORY = new TypeReference<>() {};

  private NivaranJson() {}

  /**
   * A new mapper with {@link NivaranJacksonModule} registered, unknown properties ignored for the
   * host's own types too ({@code FAIL_ON_UNKNOWN_PROPERTIES} disabled; Nivaran's readers ignore
   * them in any case), and characters outside the Basic Multilingual Plane (emoji) written as
   * UTF-8 rather than as {@code \\uD83D\\uDE00} escape pairs, and a field given twice in one
   * object refused rather than the last one silently winning. Output is UTF-8 JSON with non-ASCII
   * text unescaped.
   *
   * <p>Each call returns a new mapper, so the caller may configure it further. Once configured, the
   * mapper is thread-safe, and should be shared rather than created per call.
   *
   * @return a new, configured mapper
   */
  public static ObjectMapper objectMapper() {
    return JsonMapper.builder()
        .addModule(new NivaranJacksonModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
  }

  /**
   * A grading report as JSON (UTF-8 text, no white space). Field names are snake_case, every
   * field is always written, and the units keep the report's order:
   *
   * <pre>{@code
   * {"period":{"from":"2024-02-29T18:30:00Z","to":"2024-03-31T18:30:00Z"},
   *  "scheme":{"weights":{"disposal":25.0,"sla_compliance":25.0,"satisfaction":30.0,"returned":10.0,"reopened":10.0,
   *                       "first_response":0.0},
   *            "bands":{"a":80.0,"b":60.0,"c":40.0},"peer_groups":[99,499]},
   *  "departments":[
   *   {"kind":"DEPARTMENT","code":"REVENUE","rank":1,"grade":"B","score":79.17,
   *    "received":4,"disposed":2,"disposed_within_sla":1,"pending":1,
   *    "pending_beyond_sla":{"L1":1},"pending_beyond_sla_total":1,
   *    "replies":1,"returns":0,"satisfied":1,"dissatisfied":0,"reopens":0,
   *    "disposal_rate":0.6667,"sla_compliance_rate":0.5000,"satisfaction_rate":1.0000,
   *    "returned_rate":0.0000,"reopened_rate":0.0000,"median_resolution":"PT192H",
   *    "first_responses_due":0,"first_responses_in_time":0,"first_response_rate":null,
   *    "peer_group":{"number":1,"lowest":0,"highest":99,"label":"0–99 received"},"peer_rank":1,"peer_count":3,
   *    "breakdown":[{"indicator":"disposal","measure":0.6667,"weight":25.0,"points":16.67},
   *                 {"indicator":"sla_compliance","measure":0.5000,"weight":25.0,"points":12.50}, ...]}, ...],
   *  "districts":[ ... ]}
   * }</pre>
   *
   * <p>The period's bounds are ISO-8601 instants in UTC. A score is a number with 2 decimal
   * places, a rate a number with 4 (the digits of the report's CSV), or {@code null} when the rate
   * is empty; {@code pending_beyond_sla} holds the levels with a count above 0, in level order;
   * {@code median_resolution} is an ISO-8601 duration to the second, or {@code null} when nothing
   * was disposed. {@code peer_groups} holds the scheme's {@linkplain
   * org.nivaran.grievance.report.GradingScheme#peerGroupBounds() peer group bounds} (empty for one
   * group of every unit); each unit's {@code peer_group} its group's number, bounds in complaints
   * received ({@code highest} {@code null} for the last group) and label, {@code peer_rank} and
   * {@code peer_count} its place among its peers; {@code breakdown} one entry per indicator, by
   * its key, with its measure (4 decimal places, {@code null} when left out), its weight and its
   * points (2 decimal places, adding up to {@code score}). Nivaran writes this format but does not
   * read it back.
   *
   * @param report the report
   * @return the JSON text
   * @throws org.nivaran.grievance.InvalidInputException (field {@code report}) if the report is
   *     missing
   */
  public static String gradingReport(GradingReport report) {
    Texts.required(report, "report");
    try {
      return MAPPER.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("the grading report could not be written as JSON", e);
    }
  }

  /**
   * A complaint as JSON (UTF-8 text, no white space), in the format of {@code docs/json-format.md}.
   *
   * @param complaint the complaint
   * @return the JSON text
   * @throws org.nivaran.grievance.InvalidInputException (field {@code complaint}) if it is missing
   */
  public static String complaint(Complaint complaint) {
    return write(Texts.required(complaint, "complaint"), "complaint");
  }

  /**
   * A complaint's history (its events, oldest first) as a JSON array (UTF-8 text, no white
   * space), each event in the format of {@code docs/json-format.md}.
   *
   * @param history the events; written in the given order
   * @return the JSON text
   * @throws org.nivaran.grievance.InvalidInputException (field {@code history}, or {@code
   *     history[i]} for a missing event) if it or an event is missing
   */
  public static String history(List<? extends ComplaintEvent> history) {
    Texts.required(history, "history");
    for (int i = 0; i < history.size(); i++) {
      Texts.required(history.get(i), "history[" + i + "]");
    }
    return write(history, "history");
  }

  /**
   * Reads a complaint written by {@link #complaint(Complaint)} (or by any mapper with
   * {@link NivaranJacksonModule}). Unknown fields are ignored.
   *
   * @param json the JSON text
   * @return the complaint
   * @throws org.nivaran.grievance.InvalidInputException (field {@code json}) if it is missing
   * @throws JsonReadException naming the place if the text is not a complaint in Nivaran's format
   */
  public static Complaint readComplaint(String json) {
    Texts.required(json, "json");
    try {
      return MAPPER.readValue(json, Complaint.class);
    } catch (JsonProcessingException e) {
      throw readFailure("complaint", e);
    }
  }

  /**
   * Reads a history written by {@link #history(List)}: a JSON array of events. The events are
   * read as they are; whether they form a valid log is the business of
   * {@link org.nivaran.grievance.complaint.Lifecycle#replay(List)}.
   *
   * @param json the JSON text
   * @return the events, in the array's order; unmodifiable
   * @throws org.nivaran.grievance.InvalidInputException (field {@code json}) if it is missing
   * @throws JsonReadException naming the place (e.g. {@code [2]} for the third event) if the text
   *     is not an array of events in Nivaran's format, or holds a null
   */
  public static List<ComplaintEvent> readHistory(String json) {
    Texts.required(json, "json");
    List<ComplaintEvent> events;
    try {
      events = MAPPER.readValue(json, HISTORY);
    } catch (JsonProcessingException e) {
      throw readFailure("history", e);
    }
    if (events == null) {
      throw new JsonReadException("history", "", "cannot read history: the document is null, not an array", null);
    }
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i) == null) {
        String path = "[" + i + "]";
        throw new JsonReadException("history", path, "cannot read history at " + path + ": the event is null", null);
      }
    }
    return List.copyOf(events);
  }

  private static String write(Object value, String what) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("the " + what + " could not be written as JSON", e);
    }
  }

  private static JsonReadException readFailure(String what, JsonProcessingException e) {
    StringBuilder path = new StringBuilder();
    if (e instanceof JsonMappingException m) {
      for (JsonMappingException.Reference r : m.getPath()) {
        if (r.getIndex() >= 0) {
          path.append('[').append(r.getIndex()).append(']');
        } else if (r.getFieldName() != null) {
          path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
        }
      }
    }
    String at = path.length() == 0 ? "" : " at " + path;
    String message =
        "cannot read " + what + at + " (" + ParserPlaces.where(e.getLocation()) + "): " + e.getOriginalMessage();
    return new JsonReadException(what, path.toString(), message, e);
  }
}
