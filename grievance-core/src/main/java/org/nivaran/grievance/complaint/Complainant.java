package org.nivaran.grievance.complaint;

import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Masking;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.internal.Texts;

/**
 * The citizen who raised a complaint.
 *
 * <pre>{@code
 * Complainant c = Complainant.builder()
 *     .name("सुनीता वर्मा")
 *     .phone("098765 43210")          // stored as +919876543210
 *     .language(Locale.forLanguageTag("hi"))
 *     .address("Ward 12, Raipur")
 *     .build();
 * }</pre>
 *
 * <p>The name and address are NFC-normalised and stripped; control characters are refused. Every
 * failure is an {@link InvalidInputException} naming the field ({@code citizen.name}, ...).
 * {@link #toString()} masks the name, the number and the address. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class Complainant {
  /** The most code points in a name. */
  public static final int MAX_NAME_LENGTH = 100;
  /** The most code points in an address. */
  public static final int MAX_ADDRESS_LENGTH = 500;

  Complainant() {}

  /**
   * The citizen's name as they gave it.
   *
   * @return the name, 1 to {@value #MAX_NAME_LENGTH} code points
   */
  public abstract String name();

  /**
   * The number they can be reached on.
   *
   * @return the phone number
   */
  public abstract PhoneNumber phone();

  /**
   * The language to talk and write to them in; Hindi unless set.
   *
   * @return the preferred language
   */
  @Value.Default
  public Locale language() {
    return Locale.forLanguageTag("hi");
  }

  /**
   * Their address, if given.
   *
   * @return the address
   */
  public abstract Optional<String> address();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A citizen with a name, a phone number as typed, and a language tag such as {@code hi} or
   * {@code en}.
   *
   * @param name the name
   * @param phone the number, in any form {@link PhoneNumber#parse} accepts
   * @param languageTag a BCP 47 language tag
   * @return the citizen
   */
  public static Complainant of(String name, String phone, String languageTag) {
    return builder().name(name).phone(phone).languageTag(languageTag).build();
  }

  /**
   * The citizen for logs and messages, with the name as initials, the number masked and the
   * address as its length (see {@link org.nivaran.grievance.actor.Masking}):
   * {@code Complainant{name=सु. व., phone=+91******3210, language=hi, address=[redacted: 16 characters]}}.
   *
   * @return the masked description
   */
  @Override
  public String toString() {
    return "Complainant{name=" + Masking.name(name()) + ", phone=" + Masking.phone(phone()) + ", language="
        + language() + address().map(a -> ", address=" + Masking.redact(a)).orElse("") + "}";
  }

  @Value.Check
  Complainant normalise() {
    String normalName = Texts.singleLine(name(), "citizen.name", MAX_NAME_LENGTH);
    Texts.required(phone(), "citizen.phone");
    if (language() == null || language().getLanguage().isEmpty()) {
      throw new InvalidInputException("citizen.language", "must name a language (was '" + language() + "')");
    }
    Optional<String> normalAddress =
        Texts.required(address(), "citizen.address")
            .map(a -> Texts.multiLine(a, "citizen.address", MAX_ADDRESS_LENGTH));
    if (normalName.equals(name()) && normalAddress.equals(address())) {
      return this;
    }
    return ((ImmutableComplainant) ImmutableComplainant.copyOf(this)).withName(normalName).withAddress(normalAddress);
  }

  /** Builds a {@link Complainant}. Not thread-safe; use one builder per thread. */
  public static class Builder extends ImmutableComplainant.Builder {
    Builder() {}

    /**
     * Sets the phone number from text in any form {@link PhoneNumber#parse} accepts.
     *
     * @param raw the number as typed
     * @return this builder
     * @throws InvalidInputException (field {@code citizen.phone}) if it is not a valid number
     */
    public Builder phone(String raw) {
      return phone(PhoneNumber.parse(raw, "citizen.phone"));
    }

    /**
     * Sets the preferred language from a BCP 47 tag such as {@code hi}, {@code en} or {@code hi-IN}.
     *
     * @param tag the language tag
     * @return this builder
     * @throws InvalidInputException (field {@code citizen.language}) if the tag names no language
     */
    public Builder languageTag(String tag) {
      Locale locale = Locale.forLanguageTag(Texts.required(tag, "citizen.language"));
      if (locale.getLanguage().isEmpty()) {
        throw new InvalidInputException("citizen.language", "must be a BCP 47 language tag such as 'hi' (was '" + tag + "')");
      }
      return language(locale);
    }
  }
}
