package org.nivaran.grievance.examples.open311;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.complaint.Attachment;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.complaint.Location;
import org.nivaran.grievance.complaint.RegisterComplaint;

/**
 * Turns Open311 GeoReport v2 service requests (JSON) into registrations: the body of a {@code POST
 * requests} as a JSON object, or an element of a {@code GET requests} answer. Each becomes a
 * {@link RegisterComplaint} carrying an {@link ExternalReference} (the configured source, the
 * request's {@code service_request_id}), so that registering it again, from a retry or a second
 * feed, finds the complaint already made (see {@code ReferencePolicy}).
 *
 * <table>
 *   <caption>Fields read</caption>
 *   <tr><th>field</th><th>becomes</th></tr>
 *   <tr><td>{@code service_request_id}, else {@code token}</td><td>the reference's id (a JSON
 *       string or integer, kept as written); one of them is required</td></tr>
 *   <tr><td>{@code service_code}</td><td>the category code, through the
 *       {@linkplain Builder#serviceCodes(Map) service-code table}; required</td></tr>
 *   <tr><td>{@code lat}, {@code long}</td><td>the {@link Location}, WGS84, every digit kept as
 *       written (a JSON number or a numeric string); both or neither</td></tr>
 *   <tr><td>{@code address_string}, else {@code address}</td><td>with coordinates, the location's
 *       address line; without, a last line {@code Address: ...} of the description</td></tr>
 *   <tr><td>{@code description}</td><td>the description, exactly; when absent, null or blank, the
 *       {@code service_name}, else the service code</td></tr>
 *   <tr><td>{@code first_name}, {@code last_name}, {@code phone}</td><td>the complainant (the names
 *       joined by a space); without a phone, the {@linkplain Builder#defaultCitizen default
 *       citizen}, if configured</td></tr>
 *   <tr><td>{@code media_url}</td><td>an attachment referring to that URL, named by its last path
 *       segment</td></tr>
 *   <tr><td>{@code requested_datetime}</td><td>{@link Imported#requestedAt()}: a registration is
 *       stamped by the clock of {@code Grievances}, so a caller that wants the source's time sets
 *       its clock</td></tr>
 * </table>
 *
 * <p>Other fields ({@code email}, {@code status}, {@code address_id}, {@code zipcode},
 * {@code device_id}, {@code account_id}, attributes) are not read: Nivaran keeps no e-mail address,
 * and a registration has no status. The channel is {@link Channel#WEB_PORTAL} unless set, the
 * jurisdiction the one configured.
 *
 * <p>Bad input is refused with an {@link InvalidInputException} naming the Open311 field, prefixed
 * with the element's index in an array ({@code [1].service_code}); JSON that is not well formed is
 * refused naming the field being read when it broke ({@code service_code} for the GeoReport v2
 * spec's own example, which writes the code {@code 006} as a number with a leading zero, not
 * valid JSON) or {@code json}. Nothing is registered by an import: it only reads.
 *
 * <p>Immutable and thread-safe.
 */
public final class Open311Import {
  /** Keeps every digit of a coordinate: decimals as BigDecimal, trailing zeros kept. */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private final String source;
  private final Map<String, String> serviceCodes;
  private final String jurisdictionCode;
  private final Channel channel;
  private final String languageTag;
  private final Optional<Complainant> defaultCitizen;

  private Open311Import(Builder b) {
    this.source = b.source;
    this.serviceCodes = Map.copyOf(b.serviceCodes);
    this.jurisdictionCode = b.jurisdictionCode;
    this.channel = b.channel;
    this.languageTag = b.languageTag;
    this.defaultCitizen = b.defaultCitizen;
  }

  /**
   * A builder; the source, the service-code table and the jurisdiction are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A service request as a registration, with its reference and requested time.
   *
   * @param request the registration request, carrying {@link #reference}
   * @param reference the source and its {@code service_request_id}
   * @param requestedAt the request's {@code requested_datetime}, if it had one
   */
  public record Imported(RegisterComplaint request, ExternalReference reference, Optional<OffsetDateTime> requestedAt) {
    /**
     * Checks the parts.
     *
     * @param request the registration request
     * @param reference the source and its id
     * @param requestedAt when it was requested, if known
     */
    public Imported {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(requestedAt, "requestedAt");
    }
  }

  /**
   * One service request, a JSON object.
   *
   * @param json the JSON text
   * @return the registration
   * @throws InvalidInputException naming the field, as the class comment says
   */
  public Imported read(String json) {
    JsonNode tree = parse(json);
    if (!tree.isObject()) {
      throw new InvalidInputException("json", "must be a service request object (was " + tree.getNodeType() + ")");
    }
    return fromTree(tree, "");
  }

  /**
   * Service requests, a JSON array (the answer of {@code GET requests}), in order.
   *
   * @param json the JSON text
   * @return the registrations
   * @throws InvalidInputException naming the element and field, e.g. {@code [1].lat}
   */
  public List<Imported> readAll(String json) {
    JsonNode tree = parse(json);
    if (!tree.isArray()) {
      throw new InvalidInputException("json", "must be an array of service requests (was " + tree.getNodeType() + ")");
    }
    List<Imported> out = new ArrayList<>();
    for (int i = 0; i < tree.size(); i++) {
      JsonNode element = tree.get(i);
      if (!element.isObject()) {
        throw new InvalidInputException("[" + i + "]", "must be a service request object (was " + element.getNodeType() + ")");
      }
      out.add(fromTree(element, "[" + i + "]."));
    }
    return out;
  }

  /**
   * One service request, already read as a Jackson tree. Coordinates keep their digits only if the
   * tree was read with decimals as {@code BigDecimal} (or holds them as strings).
   *
   * @param request the service request object
   * @return the registration
   * @throws InvalidInputException naming the field
   */
  public Imported fromTree(JsonNode request) {
    return fromTree(Objects.requireNonNull(request, "request"), "");
  }

  private Imported fromTree(JsonNode r, String at) {
    Fields f = new Fields(r, at);
    String id = f.code("service_request_id").or(() -> f.code("token"))
        .orElseThrow(() -> new InvalidInputException(at + "service_request_id", "is required (or a token)"));
    ExternalReference reference = f.named(r.hasNonNull("service_request_id") ? "service_request_id" : "token",
        () -> ExternalReference.of(source, id));
    String serviceCode = f.code("service_code")
        .orElseThrow(() -> new InvalidInputException(at + "service_code", "is required"));
    String category = serviceCodes.get(serviceCode);
    if (category == null) {
      throw new InvalidInputException(at + "service_code", "'" + serviceCode + "' is not in the service-code table");
    }
    Optional<String> lat = f.number("lat");
    Optional<String> lon = f.number("long");
    if (lat.isPresent() != lon.isPresent()) {
      String missing = lat.isPresent() ? "long" : "lat";
      throw new InvalidInputException(at + missing, "is required with " + (lat.isPresent() ? "lat" : "long"));
    }
    Optional<String> address = f.text("address_string").or(() -> f.text("address"));
    String addressField = r.hasNonNull("address_string") ? "address_string" : "address";
    Optional<Location> location = lat.map(la -> {
      try {
        Location l = Location.of(la, lon.get());
        return address.isPresent() ? l.withAddressLine(address.get()) : l;
      } catch (InvalidInputException e) { // named as Open311 names it: a bad longitude is "long"
        String field = switch (e.field()) {
          case "location.longitude" -> "long";
          case "location.addressLine" -> addressField;
          default -> "lat";
        };
        throw new InvalidInputException(at + field, e.getMessage());
      }
    });
    String description = f.text("description").filter(d -> !d.isBlank())
        .or(() -> f.text("service_name").filter(d -> !d.isBlank()))
        .orElse(serviceCode);
    if (location.isEmpty() && address.isPresent()) {
      description = description + "\nAddress: " + address.get();
    }
    Complainant citizen = citizen(f, at);
    List<Attachment> attachments = f.text("media_url").map(String::strip).filter(u -> !u.isEmpty())
        .map(u -> List.of(f.named("media_url", () -> Attachment.of(u, mediaName(u))))).orElse(List.of());
    Optional<OffsetDateTime> requestedAt = f.text("requested_datetime").map(t -> {
      try {
        return OffsetDateTime.parse(t);
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(at + "requested_datetime", "must be ISO 8601 with an offset (was '" + t + "')");
      }
    });
    String text = description;
    RegisterComplaint request = f.named("description", () -> RegisterComplaint.builder()
        .channel(channel)
        .citizen(citizen)
        .categoryCode(category)
        .jurisdictionCode(jurisdictionCode)
        .description(text)
        .attachments(attachments)
        .location(location)
        .reference(reference)
        .build());
    return new Imported(request, reference, requestedAt);
  }

  private Complainant citizen(Fields f, String at) {
    Optional<String> phone = f.text("phone").map(String::strip).filter(p -> !p.isEmpty());
    if (phone.isEmpty()) {
      return defaultCitizen.orElseThrow(() -> new InvalidInputException(at + "phone",
          "is required: Nivaran reaches a complainant by phone (or configure a default citizen)"));
    }
    String name = String.join(" ", f.text("first_name").map(String::strip).orElse(""),
        f.text("last_name").map(String::strip).orElse("")).strip();
    if (name.isEmpty()) {
      name = defaultCitizen.map(Complainant::name).orElseThrow(() -> new InvalidInputException(at + "first_name",
          "is required with a phone number (or configure a default citizen)"));
    }
    PhoneNumber number = PhoneNumber.parse(phone.get(), at + "phone");
    String given = name;
    return f.named("first_name", () -> Complainant.builder().name(given).phone(number.e164()).languageTag(languageTag).build());
  }

  private static String mediaName(String url) {
    String path = url.replaceFirst("[?#].*$", "");
    String last = path.substring(path.lastIndexOf('/') + 1);
    return last.isEmpty() ? "media" : last;
  }

  private static JsonNode parse(String json) {
    Objects.requireNonNull(json, "json");
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      String field = "json";
      if (e.getProcessor() instanceof JsonParser p && p.getParsingContext() != null
          && p.getParsingContext().getCurrentName() != null) {
        field = p.getParsingContext().getCurrentName();
      }
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new InvalidInputException(field, "is not well-formed JSON" + where + ": " + e.getOriginalMessage());
    }
  }

  /** The fields of one request object; errors name {@code at + field}. */
  private static final class Fields {
    private final JsonNode node;
    private final String at;

    Fields(JsonNode node, String at) {
      this.node = node;
      this.at = at;
    }

    /** A string field; absent or null is empty; another type is refused. */
    Optional<String> text(String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return Optional.empty();
      }
      if (!v.isTextual()) {
        throw new InvalidInputException(at + field, "must be a string (was " + v.getNodeType() + ")");
      }
      return Optional.of(v.textValue());
    }

    /** An id or code: a string, or an integer written as its digits. */
    Optional<String> code(String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return Optional.empty();
      }
      if (v.isIntegralNumber()) {
        return Optional.of(v.bigIntegerValue().toString());
      }
      if (!v.isTextual() || v.textValue().isBlank()) {
        throw new InvalidInputException(at + field, "must be a non-blank string or an integer (was " + v + ")");
      }
      return Optional.of(v.textValue().strip());
    }

    /** A coordinate: a number or a numeric string, as its digits. */
    Optional<String> number(String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return Optional.empty();
      }
      if (v.isNumber()) {
        return Optional.of(v.isIntegralNumber() ? v.bigIntegerValue().toString() : v.decimalValue().toPlainString());
      }
      if (v.isTextual()) {
        return Optional.of(v.textValue().strip());
      }
      throw new InvalidInputException(at + field, "must be a number (was " + v.getNodeType() + ")");
    }

    /** Runs a domain constructor, naming {@code field} in place of the domain's own field. */
    <T> T named(String field, java.util.function.Supplier<T> make) {
      try {
        return make.get();
      } catch (InvalidInputException e) {
        throw new InvalidInputException(at + field, e.getMessage());
      }
    }
  }

  /**
   * Builds an {@link Open311Import}; {@link #build()} copies what was set. Not thread-safe.
   */
  public static final class Builder {
    private String source;
    private Map<String, String> serviceCodes;
    private String jurisdictionCode;
    private Channel channel = Channel.WEB_PORTAL;
    private String languageTag = "hi";
    private Optional<Complainant> defaultCitizen = Optional.empty();

    private Builder() {}

    /**
     * The source the requests come from, the {@code source} of their references, e.g.
     * {@code OPEN311-RAIPUR}.
     *
     * @param source ASCII letters, digits, {@code . _ -}, at most 64 characters
     * @return this builder
     * @throws InvalidInputException (field {@code reference.source}) if malformed
     */
    public Builder source(String source) {
      this.source = ExternalReference.of(source, "x").source();
      return this;
    }

    /**
     * The table from Open311 {@code service_code} to Nivaran category code; a code not in it is
     * refused.
     *
     * @param serviceCodes service code to category code
     * @return this builder
     */
    public Builder serviceCodes(Map<String, String> serviceCodes) {
      this.serviceCodes = Map.copyOf(Objects.requireNonNull(serviceCodes, "serviceCodes"));
      return this;
    }

    /**
     * The jurisdiction every imported request is registered in (the Open311 server's area).
     *
     * @param jurisdictionCode the jurisdiction code
     * @return this builder
     */
    public Builder jurisdiction(String jurisdictionCode) {
      this.jurisdictionCode = Objects.requireNonNull(jurisdictionCode, "jurisdictionCode");
      return this;
    }

    /**
     * The channel registrations arrive on; {@link Channel#WEB_PORTAL} by default.
     *
     * @param channel the channel
     * @return this builder
     */
    public Builder channel(Channel channel) {
      this.channel = Objects.requireNonNull(channel, "channel");
      return this;
    }

    /**
     * The language of complainants made from a request's name and phone; {@code hi} by default.
     *
     * @param languageTag a BCP 47 tag
     * @return this builder
     */
    public Builder languageTag(String languageTag) {
      this.languageTag = Objects.requireNonNull(languageTag, "languageTag");
      return this;
    }

    /**
     * The complainant of a request without a phone number (a {@code GET requests} element never
     * has one), e.g. the source's grievance desk; none by default, so such a request is refused
     * naming {@code phone}.
     *
     * @param citizen the complainant to register such requests under
     * @return this builder
     */
    public Builder defaultCitizen(Complainant citizen) {
      this.defaultCitizen = Optional.of(Objects.requireNonNull(citizen, "citizen"));
      return this;
    }

    /**
     * Builds the import.
     *
     * @return a new import
     * @throws IllegalStateException naming the missing setting: {@code source},
     *     {@code serviceCodes} or {@code jurisdiction}
     */
    public Open311Import build() {
      if (source == null) {
        throw new IllegalStateException("source is required");
      }
      if (serviceCodes == null || serviceCodes.isEmpty()) {
        throw new IllegalStateException("serviceCodes is required and must not be empty");
      }
      if (jurisdictionCode == null) {
        throw new IllegalStateException("jurisdiction is required");
      }
      return new Open311Import(this);
    }
  }
}
