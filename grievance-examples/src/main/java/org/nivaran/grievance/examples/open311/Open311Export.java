package org.nivaran.grievance.examples.open311;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.nivaran.grievance.complaint.Assignment;
import org.nivaran.grievance.complaint.Closure;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.complaint.Location;
import org.nivaran.grievance.sla.SlaTimer;

/**
 * Turns complaints into Open311 GeoReport v2 "service requests", the JSON a {@code GET
 * requests.json} endpoint answers with: one object per complaint, an array for a list.
 *
 * <table>
 *   <caption>Fields</caption>
 *   <tr><th>field</th><th>value</th></tr>
 *   <tr><td>{@code service_request_id}</td><td>the complaint id, e.g. {@code RPR-2024-000001}; with
 *       {@link Builder#source(String)}, the id that source gave it if it holds one</td></tr>
 *   <tr><td>{@code status}</td><td>{@code open} while {@link org.nivaran.grievance.complaint.Status#isOpen()},
 *       else {@code closed} (closed, rejected and withdrawn alike)</td></tr>
 *   <tr><td>{@code status_notes}</td><td>closed: the closure kind, {@code of <id>} for a
 *       duplicate, then {@code : <remark>} if one was recorded, e.g. {@code SATISFIED: धन्यवाद};
 *       open: the status, e.g. {@code IN_PROGRESS}</td></tr>
 *   <tr><td>{@code service_name}</td><td>the category's name from
 *       {@link Builder#serviceNames(Function)}; the category code without one</td></tr>
 *   <tr><td>{@code service_code}</td><td>the category code, or the code
 *       {@link Builder#serviceCodes(Function)} gives it</td></tr>
 *   <tr><td>{@code description}</td><td>the complaint's description, exactly</td></tr>
 *   <tr><td>{@code agency_responsible}</td><td>the assigned department, named by
 *       {@link Builder#agencyNames(Function)} (its code without one); null before assignment</td></tr>
 *   <tr><td>{@code service_notice}</td><td>null</td></tr>
 *   <tr><td>{@code requested_datetime}, {@code updated_datetime}</td><td>when the complaint was
 *       registered and last changed</td></tr>
 *   <tr><td>{@code expected_datetime}</td><td>while open, the deadline of the current level's SLA
 *       clock if it has one ({@link SlaTimer#deadline()}); else null</td></tr>
 *   <tr><td>{@code address}</td><td>the complaint's {@linkplain Complaint#location() location}:
 *       its address line, then {@code ", near "} and its landmark if it has one (the landmark alone
 *       without an address line); without either, the jurisdiction, named by
 *       {@link Builder#addresses(Function)} (its code without one)</td></tr>
 *   <tr><td>{@code address_id}, {@code zipcode}</td><td>null: a complaint records no postal
 *       address id or code</td></tr>
 *   <tr><td>{@code lat}, {@code long}</td><td>the location's WGS84 latitude and longitude as JSON
 *       numbers with the digits they were registered with (e.g. {@code 81.62960}, never an exponent
 *       form); null for a complaint without a location</td></tr>
 *   <tr><td>{@code media_url}</td><td>null: a complaint's attachments are not public media</td></tr>
 * </table>
 *
 * <p>Every object has all of these keys, in this order; a field without a value is {@code null},
 * never left out, so that consumers see one shape. Times are ISO 8601 with the offset of the
 * export's {@linkplain Builder#zone(ZoneId) zone} (Asia/Kolkata by default), to the second, e.g.
 * {@code 2024-03-04T11:00:00+05:30}. The citizen's name, number and home address (the
 * complainant's), the officers' replies and the attachments are never exported; the place of the
 * problem, its location, is.
 *
 * <pre>{@code
 * Directory d = ...;
 * Open311Export export = Open311Export.builder()
 *     .serviceNames(code -> d.categories().find(code).map(Category::nameEn).orElse(code))
 *     .build();
 * String json = export.toJson(complaints);
 * }</pre>
 *
 * <p>Immutable and thread-safe if the name functions are.
 */
public final class Open311Export {
  /** The zone times are written in unless the builder sets another. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Kolkata");

  /**
   * Leaves the caller's {@link Writer} open; keeps a coordinate's digits as given (no trailing
   * zeros stripped) and writes it plain, never in exponent form.
   */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private final ZoneId zone;
  private final Function<String, String> serviceNames;
  private final Function<String, String> agencyNames;
  private final Function<String, String> addresses;
  private final Function<String, String> serviceCodes;
  private final Optional<String> source;

  private Open311Export(Builder b) {
    this.zone = b.zone;
    this.serviceNames = b.serviceNames;
    this.agencyNames = b.agencyNames;
    this.addresses = b.addresses;
    this.serviceCodes = b.serviceCodes;
    this.source = b.source;
  }

  /**
   * An export with the defaults: times in {@link #DEFAULT_ZONE}, codes for names.
   *
   * @return the export
   */
  public static Open311Export ofDefaults() {
    return builder().build();
  }

  /**
   * A builder, with the defaults of {@link #ofDefaults()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * One complaint as a service request object.
   *
   * @param complaint the complaint
   * @return a new JSON object, with the keys in the order of the class comment
   */
  public ObjectNode serviceRequest(Complaint complaint) {
    Objects.requireNonNull(complaint, "complaint");
    ObjectNode o = JSON.createObjectNode();
    o.put("service_request_id", source.flatMap(s -> complaint.references().stream()
        .filter(r -> r.source().equals(s)).findFirst().map(ExternalReference::id)).orElse(complaint.id().value()));
    o.put("status", complaint.status().isOpen() ? "open" : "closed");
    o.put("status_notes", complaint.closure().map(Open311Export::notes).orElse(complaint.status().name()));
    o.put("service_name", name(serviceNames, complaint.categoryCode()));
    o.put("service_code", name(serviceCodes, complaint.categoryCode()));
    o.put("description", complaint.description());
    o.put("agency_responsible", complaint.assignment().map(Assignment::department).map(d -> name(agencyNames, d))
        .orElse(null));
    o.putNull("service_notice");
    o.put("requested_datetime", time(complaint.registeredAt()));
    o.put("updated_datetime", time(complaint.updatedAt()));
    o.put("expected_datetime", expected(complaint).map(this::time).orElse(null));
    o.put("address", complaint.location().flatMap(Open311Export::address)
        .orElseGet(() -> name(addresses, complaint.jurisdictionCode())));
    o.putNull("address_id");
    o.putNull("zipcode");
    o.put("lat", complaint.location().map(Location::latitude).orElse(null));
    o.put("long", complaint.location().map(Location::longitude).orElse(null));
    o.putNull("media_url");
    return o;
  }

  /**
   * Complaints as an array of service requests, in the order given.
   *
   * @param complaints the complaints
   * @return a new JSON array
   */
  public ArrayNode serviceRequests(List<Complaint> complaints) {
    Objects.requireNonNull(complaints, "complaints");
    ArrayNode array = JSON.createArrayNode();
    complaints.forEach(c -> array.add(serviceRequest(c)));
    return array;
  }

  /**
   * Writes complaints as a JSON array of service requests, compact, and flushes; the writer stays
   * open. Give it a UTF-8 writer: GeoReport v2 requires UTF-8, and non-ASCII text is written as
   * it is, not escaped.
   *
   * @param complaints the complaints
   * @param out where the JSON goes
   * @throws IOException if the writer fails
   */
  public void write(List<Complaint> complaints, Writer out) throws IOException {
    Objects.requireNonNull(out, "out");
    JSON.writeValue(out, serviceRequests(complaints));
    out.flush();
  }

  /**
   * Complaints as a JSON array of service requests, compact.
   *
   * @param complaints the complaints
   * @return the JSON text
   */
  public String toJson(List<Complaint> complaints) {
    try {
      return JSON.writeValueAsString(serviceRequests(complaints));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree of strings could not be written", e);
    }
  }

  /**
   * The zone times are written in.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return zone;
  }

  private static Optional<String> address(Location location) {
    if (location.addressLine().isEmpty()) {
      return location.landmark();
    }
    return Optional.of(location.addressLine().get() + location.landmark().map(l -> ", near " + l).orElse(""));
  }

  private static String notes(Closure closure) {
    StringBuilder notes = new StringBuilder(closure.kind().name());
    closure.duplicateOf().ifPresent(id -> notes.append(" of ").append(id.value()));
    closure.remark().ifPresent(r -> notes.append(": ").append(r));
    return notes.toString();
  }

  private static Optional<Instant> expected(Complaint c) {
    return c.status().isOpen() ? c.sla().flatMap(SlaTimer::deadline) : Optional.empty();
  }

  private String time(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
  }

  private static String name(Function<String, String> names, String code) {
    String name = names.apply(code);
    return name == null || name.isBlank() ? code : name;
  }

  /**
   * Builds an {@link Open311Export}; {@link #build()} copies what was set. Not thread-safe.
   */
  public static final class Builder {
    private ZoneId zone = DEFAULT_ZONE;
    private Function<String, String> serviceNames = Function.identity();
    private Function<String, String> agencyNames = Function.identity();
    private Function<String, String> addresses = Function.identity();
    private Function<String, String> serviceCodes = Function.identity();
    private Optional<String> source = Optional.empty();

    private Builder() {}

    /**
     * The zone whose offset the times carry; {@link #DEFAULT_ZONE} by default.
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Names a category for {@code service_name}, e.g. from a directory:
     * {@code code -> directory.categories().find(code).map(Category::nameEn).orElse(code)}. A
     * {@code null} or blank name falls back to the code.
     *
     * @param serviceNames category code to display name
     * @return this builder
     */
    public Builder serviceNames(Function<String, String> serviceNames) {
      this.serviceNames = Objects.requireNonNull(serviceNames, "serviceNames");
      return this;
    }

    /**
     * Names a department for {@code agency_responsible}, e.g.
     * {@code code -> directory.departments().find(code).map(Department::nameEn).orElse(code)}. A
     * {@code null} or blank name falls back to the code.
     *
     * @param agencyNames department code to display name
     * @return this builder
     */
    public Builder agencyNames(Function<String, String> agencyNames) {
      this.agencyNames = Objects.requireNonNull(agencyNames, "agencyNames");
      return this;
    }

    /**
     * Describes a jurisdiction for {@code address}, e.g. its name and its district's. A
     * {@code null} or blank text falls back to the code.
     *
     * @param addresses jurisdiction code to a human-readable place
     * @return this builder
     */
    public Builder addresses(Function<String, String> addresses) {
      this.addresses = Objects.requireNonNull(addresses, "addresses");
      return this;
    }

    /**
     * The Open311 {@code service_code} of a category, for a feed whose consumers know the
     * source's service list (the reverse of {@link Open311Import}'s table); the category code by
     * default. A {@code null} or blank code falls back to the category code.
     *
     * @param serviceCodes category code to service code
     * @return this builder
     */
    public Builder serviceCodes(Function<String, String> serviceCodes) {
      this.serviceCodes = Objects.requireNonNull(serviceCodes, "serviceCodes");
      return this;
    }

    /**
     * Exports, as {@code service_request_id}, the id a source gave the grievance: a complaint
     * holding an {@linkplain Complaint#references() external reference} of this source is written
     * under that id, any other under its complaint id. For a feed back to the Open311 server the
     * requests came from ({@link Open311Import}).
     *
     * @param source the source's code, as in the complaints' references
     * @return this builder
     */
    public Builder source(String source) {
      this.source = Optional.of(Objects.requireNonNull(source, "source"));
      return this;
    }

    /**
     * Builds the export.
     *
     * @return a new export
     */
    public Open311Export build() {
      return new Open311Export(this);
    }
  }
}
