package org.nivaran.grievance.complaint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Masking;
import org.nivaran.grievance.internal.Texts;

/**
 * The request to register a new complaint.
 *
 * <p>One registration, four types, in the order it travels: {@code RegisterComplaint} (what the
 * caller asks), {@link org.nivaran.grievance.store.NewComplaint} (what the store is asked to
 * write), {@link org.nivaran.grievance.store.CreateResult} (what the store did: created, or
 * replayed for an idempotency key it had seen) and {@link Registration} (what the caller gets
 * back: created, replayed, or linked to the open complaint it repeats).
 *
 * <pre>{@code
 * RegisterComplaint request = RegisterComplaint.builder()
 *     .channel(Channel.PHONE_CALL)
 *     .citizen(Complainant.of("रमेश कुमार", "9876543210", "hi"))
 *     .categoryCode("ENERGY.SUPPLY.OUTAGE")
 *     .jurisdictionCode("CG.RAIPUR.WARD-12")
 *     .description("तीन दिन से बिजली नहीं है")
 *     .idempotencyKey("call-7f3a9c")
 *     .build();
 * }</pre>
 *
 * <p>Text is NFC-normalised and stripped; every failure is an {@link InvalidInputException}
 * naming the field. {@link #toString()} masks the citizen's number and name. Immutable and
 * thread-safe.
 */
@Value.Immutable
// The package's style, but with the generated builder apart from RegisterComplaint.Builder, which
// wraps it so that every setter refuses null naming its parameter (the generated ones are final).
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    validationMethod = Value.Style.ValidationMethod.NONE,
    get = {"is*", "get*"},
    defaults = @Value.Immutable(copy = true),
    typeInnerBuilder = "GeneratedBuilder",
    builder = "generatedBuilder",
    allowedClasspathAnnotations = {Override.class})
public abstract class RegisterComplaint {
  /** The most code points in a description. */
  public static final int MAX_DESCRIPTION_LENGTH = 4000;
  /** The most code points in an idempotency key. */
  public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 128;

  RegisterComplaint() {}

  /**
   * What was raised; {@link Kind#COMPLAINT} unless set.
   *
   * @return the kind
   */
  @Value.Default
  public Kind kind() {
    return Kind.COMPLAINT;
  }

  /**
   * How it arrived.
   *
   * @return the channel
   */
  public abstract Channel channel();

  /**
   * Who raised it.
   *
   * @return the citizen
   */
  public abstract Complainant citizen();

  /**
   * The classified complaint type, e.g. {@code ENERGY.SUPPLY.OUTAGE}.
   *
   * @return the category code
   */
  public abstract String categoryCode();

  /**
   * Where it is, e.g. {@code CG.RAIPUR.WARD-12}.
   *
   * @return the jurisdiction code
   */
  public abstract String jurisdictionCode();

  /**
   * The citizen's account of the problem.
   *
   * @return the description, 1 to {@value #MAX_DESCRIPTION_LENGTH} code points, may span lines
   */
  public abstract String description();

  /**
   * Documents and photos by reference.
   *
   * @return the attachments, at most {@value Attachment#MAX_PER_COMMAND}
   */
  public abstract List<Attachment> attachments();

  /**
   * A key chosen by the caller (a call id, a WhatsApp message id) so that a retried registration
   * returns the first complaint instead of creating a second one. The key is opaque (never trimmed
   * or normalised; surrounding white space is refused) and unique across the whole store: hosts
   * that share a store between call centres or tenants should prefix it, e.g. {@code RPR:call-0017}.
   *
   * @return the key, if any
   */
  public abstract Optional<String> idempotencyKey();

  /**
   * The priority the agent sets; empty for the category's default ({@code Category.defaultPriority()},
   * {@link Priority#NORMAL} without a directory). A citizen may not set one.
   *
   * @return the priority, if set
   */
  public abstract Optional<Priority> priority();

  /**
   * Where the problem is, if the citizen gave a place (see {@link Location}).
   *
   * @return the location, if any
   */
  public abstract Optional<Location> location();

  /**
   * The grievance's numbers in the systems it came through (a portal's or a helpline's own id), at
   * most one per source. Within a tenant, a reference already held by a complaint makes this
   * request a repeat of that grievance (see {@code ReferencePolicy}).
   *
   * @return the references, possibly empty
   */
  public abstract List<ExternalReference> references();

  /**
   * A digest of everything in the request but the idempotency key: two requests with the same key
   * must have the same fingerprint, or the second is refused.
   *
   * @return a SHA-256 hex digest
   */
  public String fingerprint() {
    StringBuilder canonical = new StringBuilder();
    Complainant c = citizen();
    for (Object part :
        new Object[] {
          kind(), channel(), c.name(), c.phone().e164(), c.language().toLanguageTag(),
          c.address().orElse("\u0000"), categoryCode(), jurisdictionCode(), description()
        }) {
      canonical.append(part).append('\u001f');
    }
    for (Attachment a : attachments()) {
      canonical.append(a.reference()).append('\u001e').append(a.name()).append('\u001f');
    }
    // Only when present, so that the fingerprints of requests without a place stay as they were.
    location().ifPresent(l -> canonical.append("location").append('\u001e')
        .append(l.latitude().toPlainString()).append('\u001e').append(l.longitude().toPlainString())
        .append('\u001e').append(l.addressLine().orElse("\u0000"))
        .append('\u001e').append(l.landmark().orElse("\u0000")).append('\u001f'));
    // Likewise only when present.
    for (ExternalReference r : references().stream()
        .sorted(java.util.Comparator.comparing(ExternalReference::source)).toList()) { // in any order: the same request
      canonical.append("reference").append('\u001e').append(r.source()).append('\u001e').append(r.id()).append('\u001f');
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * The request for logs and messages: every attribute, with the citizen masked (see
   * {@link Complainant#toString()}) and the citizen's number and name masked wherever else they
   * appear, e.g. in the description (see {@link org.nivaran.grievance.actor.Masking#scrub}).
   *
   * @return the masked description
   */
  @Override
  public String toString() {
    String plain = "RegisterComplaint{kind=" + kind() + ", channel=" + channel() + ", citizen=" + citizen()
        + ", categoryCode=" + categoryCode() + ", jurisdictionCode=" + jurisdictionCode()
        + ", description=" + description() + ", attachments=" + attachments()
        + idempotencyKey().map(k -> ", idempotencyKey=" + k).orElse("")
        + priority().map(p -> ", priority=" + p).orElse("")
        + location().map(l -> ", location=" + l).orElse("")
        + (references().isEmpty() ? "" : ", references=" + references()) + "}";
    return Masking.scrub(plain, citizen().phone(), citizen().name());
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  RegisterComplaint normalise() {
    Texts.required(kind(), "kind");
    Texts.required(channel(), "channel");
    Texts.required(citizen(), "citizen");
    Texts.required(location(), "location");
    ExternalReference.distinctSources(references(), "references");
    Texts.code(categoryCode(), "categoryCode");
    Texts.code(jurisdictionCode(), "jurisdictionCode");
    if (attachments().size() > Attachment.MAX_PER_COMMAND) {
      throw new InvalidInputException(
          "attachments", "must hold at most " + Attachment.MAX_PER_COMMAND + " (was " + attachments().size() + ")");
    }
    String normalDescription = Texts.multiLine(description(), "description", MAX_DESCRIPTION_LENGTH);
    Optional<String> normalKey =
        Texts.required(idempotencyKey(), "idempotencyKey")
            .map(k -> Texts.opaque(k, "idempotencyKey", MAX_IDEMPOTENCY_KEY_LENGTH));
    if (normalDescription.equals(description()) && normalKey.equals(idempotencyKey())) {
      return this;
    }
    return ((ImmutableRegisterComplaint) ImmutableRegisterComplaint.copyOf(this))
        .withDescription(normalDescription)
        .withIdempotencyKey(normalKey);
  }

  /**
   * Builds a {@link RegisterComplaint}; each setter refuses {@code null} naming its parameter, and
   * {@link #build()} checks the whole request. Not thread-safe; use one builder per thread.
   */
  public static final class Builder {
    private final ImmutableRegisterComplaint.Builder values = ImmutableRegisterComplaint.generatedBuilder();

    Builder() {}

    /**
     * Starts from the values of another request.
     *
     * @param instance the request
     * @return this builder
     */
    public Builder from(RegisterComplaint instance) {
      values.from(Objects.requireNonNull(instance, "instance"));
      return this;
    }

    /**
     * Sets the kind ({@link Kind#COMPLAINT} unless set).
     *
     * @param kind the kind
     * @return this builder
     */
    public Builder kind(Kind kind) {
      values.kind(Objects.requireNonNull(kind, "kind"));
      return this;
    }

    /**
     * Sets the channel the complaint came by.
     *
     * @param channel the channel
     * @return this builder
     */
    public Builder channel(Channel channel) {
      values.channel(Objects.requireNonNull(channel, "channel"));
      return this;
    }

    /**
     * Sets the citizen who complains.
     *
     * @param citizen the citizen
     * @return this builder
     */
    public Builder citizen(Complainant citizen) {
      values.citizen(Objects.requireNonNull(citizen, "citizen"));
      return this;
    }

    /**
     * Sets the category's code.
     *
     * @param categoryCode the code
     * @return this builder
     */
    public Builder categoryCode(String categoryCode) {
      values.categoryCode(Objects.requireNonNull(categoryCode, "categoryCode"));
      return this;
    }

    /**
     * Sets the jurisdiction's code.
     *
     * @param jurisdictionCode the code
     * @return this builder
     */
    public Builder jurisdictionCode(String jurisdictionCode) {
      values.jurisdictionCode(Objects.requireNonNull(jurisdictionCode, "jurisdictionCode"));
      return this;
    }

    /**
     * Sets the citizen's account of the problem.
     *
     * @param description the description
     * @return this builder
     */
    public Builder description(String description) {
      values.description(Objects.requireNonNull(description, "description"));
      return this;
    }

    /**
     * Replaces the attachments.
     *
     * @param attachments the attachments, none null
     * @return this builder
     */
    public Builder attachments(Iterable<? extends Attachment> attachments) {
      values.attachments(nonNull(attachments, "attachments"));
      return this;
    }

    /**
     * Adds attachments.
     *
     * @param attachments the attachments, none null
     * @return this builder
     */
    public Builder addAttachments(Attachment... attachments) {
      values.addAllAttachments(nonNull(Arrays.asList(Objects.requireNonNull(attachments, "attachments")), "attachments"));
      return this;
    }

    /**
     * Adds attachments.
     *
     * @param attachments the attachments, none null
     * @return this builder
     */
    public Builder addAllAttachments(Iterable<? extends Attachment> attachments) {
      values.addAllAttachments(nonNull(attachments, "attachments"));
      return this;
    }

    /**
     * Sets the caller's idempotency key.
     *
     * @param idempotencyKey the key
     * @return this builder
     */
    public Builder idempotencyKey(String idempotencyKey) {
      values.idempotencyKey(Objects.requireNonNull(idempotencyKey, "idempotencyKey"));
      return this;
    }

    /**
     * Sets or clears the caller's idempotency key.
     *
     * @param idempotencyKey the key, or empty for none
     * @return this builder
     */
    public Builder idempotencyKey(Optional<String> idempotencyKey) {
      values.idempotencyKey(Objects.requireNonNull(idempotencyKey, "idempotencyKey"));
      return this;
    }

    /**
     * Sets the priority (the category's default unless set).
     *
     * @param priority the priority
     * @return this builder
     */
    public Builder priority(Priority priority) {
      values.priority(Objects.requireNonNull(priority, "priority"));
      return this;
    }

    /**
     * Sets or clears the priority.
     *
     * @param priority the priority, or empty for the category's default
     * @return this builder
     */
    public Builder priority(Optional<Priority> priority) {
      values.priority(Objects.requireNonNull(priority, "priority"));
      return this;
    }

    /**
     * Sets where the problem is.
     *
     * @param location the location
     * @return this builder
     */
    public Builder location(Location location) {
      values.location(Objects.requireNonNull(location, "location"));
      return this;
    }

    /**
     * Sets or clears where the problem is.
     *
     * @param location the location, or empty for none
     * @return this builder
     */
    public Builder location(Optional<Location> location) {
      values.location(Objects.requireNonNull(location, "location"));
      return this;
    }

    /**
     * Adds a reference: the grievance's number in another system.
     *
     * @param reference the reference
     * @return this builder
     */
    public Builder reference(ExternalReference reference) {
      values.addReferences(Objects.requireNonNull(reference, "reference"));
      return this;
    }

    /**
     * Replaces the references.
     *
     * @param references the references, none null, at most one per source
     * @return this builder
     */
    public Builder references(Iterable<? extends ExternalReference> references) {
      values.references(nonNull(references, "references"));
      return this;
    }

    /**
     * The request.
     *
     * @return the request
     * @throws InvalidInputException naming the field, for a missing or bad value
     */
    public RegisterComplaint build() {
      return values.build();
    }

    private static <T> List<T> nonNull(Iterable<? extends T> items, String name) {
      List<T> out = new java.util.ArrayList<>();
      for (T item : Objects.requireNonNull(items, name)) {
        out.add(Texts.required(item, name));
      }
      return out;
    }
  }
}
