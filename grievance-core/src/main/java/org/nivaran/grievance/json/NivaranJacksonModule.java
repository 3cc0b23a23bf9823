package org.nivaran.grievance.json;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.util.function.Function;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Assignment;
import org.nivaran.grievance.complaint.Attachment;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Closure;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.Location;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Resolution;
import org.nivaran.grievance.report.GradedUnit;
import org.nivaran.grievance.report.GradingReport;
import org.nivaran.grievance.report.GradingScheme;
import org.nivaran.grievance.report.UnitFigures;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.sla.SlaPolicy;
import org.nivaran.grievance.sla.SlaTimer;

/**
 * The Jackson module that writes and reads Nivaran's types in the format documented in
 * {@code docs/json-format.md}: {@link Complaint}, every {@link ComplaintEvent} (with a {@code type}
 * discriminator such as {@code "ComplaintRegistered"}), {@link Actor} (with a {@code role}
 * discriminator), {@link Complainant}, {@link Assignment}, {@link Resolution}, {@link Closure},
 * {@link Attachment}, {@link Location} (coordinates as JSON numbers, every digit kept), the SLA types {@link SlaTimer}, {@link SlaPolicy} and {@link SlaBudget}
 * (durations as ISO-8601 strings such as {@code "PT56H"}), and the string-valued
 * {@link PhoneNumber} (E.164, whole: the JSON form is where the number belongs, unlike
 * {@link PhoneNumber#toString()}, which is masked; also as a map key), {@link PostId}, {@link ComplaintId} and {@link Level}
 * ({@code "L2"}). It also writes, but does not read, the grading types {@link GradingReport},
 * {@link GradedUnit}, {@link UnitFigures} and {@link GradingScheme}, in their own snake_case format
 * (see {@link NivaranJson#gradingReport(GradingReport)}).
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new NivaranJacksonModule());
 * String json = mapper.writeValueAsString(complaint);
 * Complaint again = mapper.readValue(json, Complaint.class);
 * List<ComplaintEvent> log = mapper.readValue(array, new TypeReference<List<ComplaintEvent>>() {});
 * }</pre>
 *
 * <p>Every serializer and deserializer is hand-written with explicit field names and a fixed field
 * order, so the format does not follow Java class, record component or accessor names, nor the
 * mapper's naming strategy or inclusion settings. Readers ignore fields they do not know, whether
 * or not {@code FAIL_ON_UNKNOWN_PROPERTIES} is enabled (the keys of an SLA policy's {@code levels}
 * map are data, not fields, and must each be a level). A document that cannot be read raises a
 * {@link com.fasterxml.jackson.databind.JsonMappingException} whose message names the field path:
 * {@link com.fasterxml.jackson.databind.exc.MismatchedInputException} for a missing field or a
 * value of the wrong JSON shape, {@link com.fasterxml.jackson.databind.exc.InvalidFormatException}
 * for an unparsable instant, duration, level or enum constant,
 * {@link com.fasterxml.jackson.databind.exc.InvalidTypeIdException} for an unknown event type or
 * actor role, and {@link com.fasterxml.jackson.databind.exc.ValueInstantiationException} (caused by
 * the domain's {@link org.nivaran.grievance.InvalidInputException}) for a value the domain refuses.
 *
 * <p>Instants and locales are written by this module only inside Nivaran types; the module does not
 * change how the mapper writes a bare {@link java.time.Instant} or {@link java.util.Locale}.
 *
 * <p>Thread-safety: the serializers and deserializers the module registers hold no mutable state.
 * The module is complete when constructed and one instance may be registered with any number of
 * mappers (do not call the inherited {@code add...} methods on it while it is being registered
 * elsewhere). A mapper configured with it is as thread-safe as any configured
 * {@link com.fasterxml.jackson.databind.ObjectMapper}.
 */
public final class NivaranJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** Creates the module with every Nivaran serializer and deserializer registered. */
  public NivaranJacksonModule() {
    super("NivaranJacksonModule", Version.unknownVersion());

    scalar(PhoneNumber.class, "PhoneNumber", PhoneNumber::e164, PhoneNumber::new);
    // a number as a map key: its E.164 too, not its masked toString()
    addKeySerializer(PhoneNumber.class, new WriterSerializer<>(PhoneNumber.class, (g, v) -> g.writeFieldName(v.e164())));
    scalar(PostId.class, "PostId", PostId::code, PostId::new);
    scalar(ComplaintId.class, "ComplaintId", ComplaintId::value, ComplaintId::new);
    add(Level.class, "Level", (g, l) -> g.writeString(Writers.level(l)), root -> Fields.level(Fields.text(root, ""), ""));

    object(Attachment.class, "Attachment", Writers::attachment, Readers::attachment);
    object(Complainant.class, "Complainant", Writers::citizen, Readers::citizen);
    object(Location.class, "Location", Writers::location, Readers::location);
    object(Assignment.class, "Assignment", Writers::assignment, Readers::assignment);
    object(Resolution.class, "Resolution", Writers::resolution, Readers::resolution);
    object(Closure.class, "Closure", Writers::closure, Readers::closure);
    object(SlaBudget.class, "SlaBudget", Writers::slaBudget, Readers::slaBudget);
    budget(SlaBudget.OpenTime.class, "openTime");
    budget(SlaBudget.WorkingDays.class, "workingDays");
    budget(SlaBudget.LastWorkingDayOfWeek.class, "lastWorkingDayOfWeek");
    object(SlaPolicy.class, "SlaPolicy", Writers::slaPolicy, Readers::slaPolicy);
    object(SlaTimer.class, "SlaTimer", Writers::slaTimer, Readers::slaTimer);
    object(Complaint.class, "Complaint", Writers::complaint, Readers::complaint);

    object(Actor.class, "Actor", Writers::actor, Readers::actor);
    for (Class<?> role : Actor.class.getPermittedSubclasses()) {
      subtype(role.asSubclass(Actor.class), Readers::actor, JsonNames.ROLE, JsonNames::roleOf);
    }
    object(ComplaintEvent.class, "ComplaintEvent", Writers::event, Readers::event);
    for (Class<?> type : ComplaintEvent.class.getPermittedSubclasses()) {
      subtype(type.asSubclass(ComplaintEvent.class), Readers::event, JsonNames.TYPE, JsonNames::typeOf);
    }

    writeOnly(GradingReport.class, GradingWriters::gradingReport);
    writeOnly(GradingScheme.class, GradingWriters::gradingScheme);
    writeOnly(GradedUnit.class, GradingWriters::gradedUnit);
    writeOnly(UnitFigures.class, GradingWriters::unitFigures);
  }

  private <T> void writeOnly(Class<T> type, WriterSerializer.ValueWriter<T> writer) {
    addSerializer(type, new WriterSerializer<>(type, writer));
  }

  private <T> void add(
      Class<T> type, String name, WriterSerializer.ValueWriter<T> writer, TreeDeserializer.TreeReader<T> reader) {
    addSerializer(type, new WriterSerializer<>(type, writer));
    addDeserializer(type, new TreeDeserializer<>(type, name, reader));
  }

  private <T> void scalar(Class<T> type, String name, Function<T, String> text, Function<String, T> parse) {
    add(type, name, (g, v) -> g.writeString(text.apply(v)), root -> {
      String s = Fields.text(root, "");
      return Fields.value("", () -> parse.apply(s));
    });
  }

  private <T> void object(
      Class<T> type, String name, WriterSerializer.ValueWriter<T> writer, Function<Fields, T> reader) {
    add(type, name, writer, root -> reader.apply(Fields.of(root, "")));
  }

  /**
   * Registers a deserializer for one kind of {@link SlaBudget}, which refuses a budget of the other
   * kind; a budget has no discriminator but its one field, {@code field}.
   */
  private <T extends SlaBudget> void budget(Class<T> type, String field) {
    String name = "SlaBudget." + type.getSimpleName();
    addDeserializer(type, new TreeDeserializer<>(type, name, root -> {
      SlaBudget value = Readers.slaBudget(Fields.of(root, ""));
      if (!type.isInstance(value)) {
        throw ReadFailure.wrongShape("", "an object with '" + field + "'", "a budget of " + value);
      }
      return type.cast(value);
    }));
  }

  /**
   * Registers a deserializer for one subtype of a sealed base (an event or actor record), so that
   * {@code readValue(json, WorkStarted.class)} works and refuses a document of another type. The
   * base's serializer already covers the subtype.
   */
  private <B, T extends B> void subtype(
      Class<T> type, Function<Fields, B> readBase, String discriminator, Function<B, String> nameOf) {
    String name = type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName();
    addDeserializer(type, new TreeDeserializer<>(type, name, root -> {
      B value = readBase.apply(Fields.of(root, ""));
      if (!type.isInstance(value)) {
        throw ReadFailure.notOfSubtype(discriminator, nameOf.apply(value), type);
      }
      return type.cast(value);
    }));
  }
}
