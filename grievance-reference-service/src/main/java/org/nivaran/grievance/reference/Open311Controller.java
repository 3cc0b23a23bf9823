package org.nivaran.grievance.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.directory.Category;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.examples.open311.Open311Export;
import org.nivaran.grievance.examples.open311.Open311Import;
import org.nivaran.grievance.jdbc.JdbcComplaintStore;
import org.nivaran.grievance.store.ComplaintNotFoundException;
import org.nivaran.grievance.store.Page;
import org.nivaran.grievance.store.PageCursor;
import org.nivaran.grievance.store.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Open311 GeoReport v2 (JSON) over the configured directory and the store, through the mapping of
 * {@code grievance-examples} ({@link Open311Import}, {@link Open311Export}):
 *
 * <ul>
 *   <li>{@code GET /open311/v2/services.json}: every category as a service, its code as
 *       {@code service_code};
 *   <li>{@code POST /open311/v2/requests.json}: a request, form-encoded as the spec says (or a JSON
 *       object), registered by the caller of its bearer token (a form may carry it as its
 *       {@code api_key} field instead, in the body, never in the URL); answers
 *       {@code [{"service_request_id": ..., "service_notice": null, "account_id": null}]};
 *   <li>{@code GET /open311/v2/requests.json}: the requests, filtered by {@code service_request_id}
 *       (comma-separated, at most {@value #MAX_IDS} non-empty ids in at most
 *       {@value #MAX_IDS_LENGTH} characters; the other filters are then ignored, as the spec says), {@code service_code},
 *       {@code status} ({@code open}, {@code closed}), {@code start_date} and {@code end_date} (ISO 8601
 *       with an offset, on {@code requested_datetime}), oldest first, {@code page_size} at a time
 *       (50 by default); a next page is named by a {@code Link: <...>; rel="next"} header carrying a
 *       {@code cursor}, sealed ({@link SealedCursors}: opaque, and refused with a 400 on
 *       {@code cursor} if not one this instance gave). One request loads at most
 *       {@code reference.open311.max-rows-read} rows from the store (2000 by default; at least twice
 *       the number of jurisdictions times statuses, checked at start-up): a filter that matches few ends
 *       its page early, perhaps empty, with a {@code Link} to read on from;
 *   <li>{@code GET /open311/v2/requests/{id}.json}: one request, as a one-element array.
 * </ul>
 *
 * <p>The reads are open to anyone, so they show only the requests that came in through Open311
 * (those holding a reference of the configured source, {@code reference.open311.source}): a
 * complaint registered otherwise, on a call to the helpline, is answered exactly as an unknown
 * number (a 404 {@code COMPLAINT_NOT_FOUND}, absent from lists), since its description and place
 * are the citizen's and numbers are sequential. The citizen's name and number are never in an
 * answer ({@link Open311Export} leaves them out).
 * Thread-safe: stateless beyond its thread-safe collaborators.
 */
@RestController
@RequestMapping(path = "/open311/v2", produces = MediaType.APPLICATION_JSON_VALUE)
public class Open311Controller {
  private static final int DEFAULT_PAGE_SIZE = 50;
  /** The most ids one {@code service_request_id} may name. */
  public static final int MAX_IDS = 50;
  /** The longest {@code service_request_id} text taken, in characters. */
  public static final int MAX_IDS_LENGTH = MAX_IDS * 41;

  private final Grievances grievances;
  private final JdbcComplaintStore store;
  private final Open311Import importer;
  private final Open311Export export;
  private final ObjectMapper json;
  private final java.time.Clock clock;
  private final String source;
  private final int maxRowsRead;
  private final SealedCursors cursors = new SealedCursors();

  /**
   * Created by Spring.
   *
   * @param grievances the starter's entry point
   * @param store the starter's store, for the lists
   * @param importer requests to registrations
   * @param export complaints to requests
   * @param json Spring's mapper
   * @param clock the starter's clock
   * @param properties the Open311 source and the read bound
   */
  public Open311Controller(Grievances grievances, JdbcComplaintStore store, Open311Import importer,
      Open311Export export, ObjectMapper json, java.time.Clock clock, ReferenceProperties properties) {
    this.grievances = grievances;
    this.store = store;
    this.importer = importer;
    this.export = export;
    this.json = json;
    this.clock = clock;
    this.source = properties.getOpen311().getSource();
    this.maxRowsRead = properties.getOpen311().getMaxRowsRead();
    if (maxRowsRead < 1) {
      throw new IllegalStateException("reference.open311.max-rows-read must be at least 1 (was " + maxRowsRead + ")");
    }
    int lists = grievances.directory().map(d -> d.jurisdictions().all().size()).orElse(0) * Status.values().length;
    if (maxRowsRead < 2 * lists) {
      throw new IllegalStateException("reference.open311.max-rows-read must be at least twice the number of lists "
          + "the Open311 list merges, 2 x jurisdictions x statuses = " + 2 * lists + " (was " + maxRowsRead + ")");
    }
  }

  /**
   * The services: the directory's categories.
   *
   * @return the GeoReport v2 service list
   */
  @GetMapping("/services.json")
  public ArrayNode services() {
    Directory d = directory();
    ArrayNode out = json.createArrayNode();
    for (Category c : d.categories().all()) {
      ObjectNode s = out.addObject();
      s.put("service_code", c.code());
      s.put("service_name", c.nameEn());
      s.put("description", c.nameHi());
      s.put("metadata", false);
      s.put("type", "realtime");
      s.put("keywords", String.join(",", c.aliases()));
      s.put("group", d.departments().find(c.department()).map(x -> x.nameEn()).orElse(c.department()));
    }
    return out;
  }

  /**
   * Creates a request from form fields.
   *
   * @param caller the caller
   * @param form the fields ({@code service_code}, {@code lat}, {@code long}, {@code address_string},
   *     {@code description}, {@code first_name}, {@code last_name}, {@code phone}, {@code media_url})
   * @return the GeoReport v2 answer
   */
  @PostMapping(path = "/requests.json", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  public ArrayNode createFromForm(Caller caller,
      @RequestParam MultiValueMap<String, String> form) {
    ObjectNode request = json.createObjectNode();
    for (Map.Entry<String, List<String>> e : form.entrySet()) {
      if (!e.getValue().isEmpty() && !e.getKey().equals("api_key")) {
        request.put(e.getKey(), e.getValue().get(0));
      }
    }
    return create(caller, request);
  }

  /**
   * Creates a request from a JSON object with the same fields as the form.
   *
   * @param caller the caller
   * @param body the request object
   * @return the GeoReport v2 answer
   */
  @PostMapping(path = "/requests.json", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ArrayNode createFromJson(Caller caller, @RequestBody JsonNode body) {
    if (!(body instanceof ObjectNode request)) {
      throw new InvalidInputException("json", "must be a service request object");
    }
    request.remove("api_key");
    return create(caller, request.deepCopy());
  }

  /**
   * The requests, filtered and paged.
   *
   * @param ids {@code service_request_id}: comma-separated complaint numbers, at most {@value #MAX_IDS}
   *     non-empty ones
   * @param serviceCode {@code service_code}
   * @param status {@code status}: {@code open}, {@code closed} or both, comma-separated
   * @param startDate {@code start_date}: requested at or after
   * @param endDate {@code end_date}: requested at or before
   * @param pageSize {@code page_size}: 1 to 1000
   * @param cursor {@code cursor}: from the previous page's {@code Link} header, sealed
   * @return the array of requests, with a {@code Link} header to the next page if there is one
   * @throws InvalidInputException naming {@code service_request_id} beyond {@value #MAX_IDS} ids or
   *     {@value #MAX_IDS_LENGTH} characters, or {@code page_size}, {@code status}, {@code start_date},
   *     {@code end_date}, {@code cursor} if malformed (a cursor: if this instance did not seal it)
   */
  @GetMapping("/requests.json")
  public ResponseEntity<String> requests(@RequestParam(name = "service_request_id", required = false) String ids,
      @RequestParam(name = "service_code", required = false) String serviceCode,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "start_date", required = false) String startDate,
      @RequestParam(name = "end_date", required = false) String endDate,
      @RequestParam(name = "page_size", defaultValue = "" + DEFAULT_PAGE_SIZE) int pageSize,
      @RequestParam(name = "cursor", required = false) String cursor) {
    if (ids != null) {
      return ok(export.toJson(byIds(ids)), null);
    }
    int size = StaffController.pageSize(pageSize, "page_size");
    Set<Status> statuses = statuses(status);
    Optional<Instant> start = date(startDate, "start_date");
    Optional<Instant> end = date(endDate, "end_date");
    Optional<PageCursor> after = Optional.ofNullable(cursor).map(cursors::open);
    Page<Complaint> page = MergedPages.page(lists(statuses), after, size, maxRowsRead,
        c -> cameThroughOpen311(c) && (serviceCode == null || serviceCode.equals(c.categoryCode()))
            && start.map(t -> !c.registeredAt().isBefore(t)).orElse(true),
        c -> end.map(t -> c.registeredAt().isAfter(t)).orElse(false));
    String next = page.next().map(c -> UriComponentsBuilder.fromPath("/open311/v2/requests.json")
        .queryParamIfPresent("service_code", Optional.ofNullable(serviceCode))
        .queryParamIfPresent("status", Optional.ofNullable(status))
        .queryParamIfPresent("start_date", Optional.ofNullable(startDate))
        .queryParamIfPresent("end_date", Optional.ofNullable(endDate))
        .queryParam("page_size", size)
        .queryParam("cursor", cursors.seal(c))
        .encode().build().toUriString()).orElse(null);
    return ok(export.toJson(page.items()), next);
  }

  /**
   * The lists the open list merges: one per jurisdiction and status, in the store's order.
   *
   * @param statuses the statuses asked for
   * @return the lists
   */
  List<Function<PageRequest, Page<Complaint>>> lists(Set<Status> statuses) {
    List<Function<PageRequest, Page<Complaint>>> lists = new ArrayList<>();
    for (var j : directory().jurisdictions().all()) {
      for (Status s : statuses) {
        lists.add(r -> store.byStatus(grievances.tenant(), s, j.code(), r));
      }
    }
    return lists;
  }

  /** The Open311 requests among the comma-separated numbers; empty items are skipped. */
  private List<Complaint> byIds(String ids) {
    if (ids.length() > MAX_IDS_LENGTH) {
      throw new InvalidInputException("service_request_id", "is at most " + MAX_IDS_LENGTH + " characters (was "
          + ids.length() + ")");
    }
    List<String> wanted = Arrays.stream(ids.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    if (wanted.size() > MAX_IDS) {
      throw new InvalidInputException("service_request_id", "names at most " + MAX_IDS + " ids (was "
          + wanted.size() + ")");
    }
    List<Complaint> found = new ArrayList<>();
    for (String id : wanted) {
      ComplaintId cid;
      try {
        cid = ComplaintId.of(id);
      } catch (InvalidInputException e) {
        throw new InvalidInputException("service_request_id", "holds an item that is not a complaint number");
      }
      grievances.find(cid).filter(this::cameThroughOpen311).ifPresent(found::add);
    }
    return found;
  }

  /**
   * One request.
   *
   * @param id the complaint number
   * @return a one-element array
   * @throws ComplaintNotFoundException if there is none, or it did not come in through Open311
   */
  @GetMapping("/requests/{id}.json")
  public ResponseEntity<String> request(@PathVariable String id) {
    ComplaintId cid = ComplaintId.of(id);
    Complaint c = grievances.find(cid).filter(this::cameThroughOpen311)
        .orElseThrow(() -> new ComplaintNotFoundException(cid));
    return ok(export.toJson(List.of(c)), null);
  }

  /** Whether a complaint holds a reference of the Open311 source: only those are shown to anyone. */
  private boolean cameThroughOpen311(Complaint c) {
    return c.references().stream().anyMatch(r -> r.source().equals(source));
  }

  private ArrayNode create(Caller caller, ObjectNode request) {
    // The server numbers a new request; the client's own id, if any, is not trusted. A fresh token
    // is the request's reference in the source, so a feed of these requests back finds them.
    request.remove("service_request_id");
    request.put("token", UUID.randomUUID().toString());
    Open311Import.Imported imported = importer.fromTree(request);
    Actor actor = caller.role() == Caller.Role.AGENT ? Actor.agent(caller.id())
        : caller.actor(StaffController.firstPost(grievances, clock, caller));
    Complaint c = grievances.register(imported.request(), actor);
    ArrayNode out = json.createArrayNode();
    ObjectNode o = out.addObject();
    o.put("service_request_id", c.id().value());
    o.putNull("service_notice");
    o.putNull("account_id");
    return out;
  }

  private Directory directory() {
    return grievances.directory().orElseThrow(() -> new IllegalStateException("no directory configured"));
  }

  private static ResponseEntity<String> ok(String body, String next) {
    ResponseEntity.BodyBuilder b = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
    if (next != null) {
      b.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
    }
    return b.body(body);
  }

  private static Set<Status> statuses(String status) {
    if (status == null || status.isBlank()) {
      return EnumSet.allOf(Status.class);
    }
    Set<Status> out = EnumSet.noneOf(Status.class);
    for (String s : status.split(",")) {
      switch (s.strip()) {
        case "open" -> Arrays.stream(Status.values()).filter(Status::isOpen).forEach(out::add);
        case "closed" -> Arrays.stream(Status.values()).filter(x -> !x.isOpen()).forEach(out::add);
        default -> throw new InvalidInputException("status", "must be open or closed (was '" + s.strip() + "')");
      }
    }
    return out;
  }

  private static Optional<Instant> date(String text, String field) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "must be ISO 8601 with an offset, e.g. 2026-12-01T00:00:00+05:30 (was '"
          + text + "')");
    }
  }
}
