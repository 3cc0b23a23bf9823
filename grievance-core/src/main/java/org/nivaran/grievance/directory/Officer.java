package org.nivaran.grievance.directory;

import org.nivaran.grievance.actor.Masking;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.internal.Texts;

/**
 * The person holding a post, and how to reach them.
 *
 * <pre>{@code
 * Officer officer = new Officer("EMP-40211", "राजेश कुमार साहू", PhoneNumber.parse("98261 00011"), true, Language.HINDI);
 * }</pre>
 *
 * <p>{@link #toString()} masks the name and the number, as for citizens. Immutable and thread-safe.
 *
 * @param id the officer's employee id: ASCII letters, digits, {@code . _ -}, at most 64 characters
 * @param name the officer's name, 1 to {@value #MAX_NAME_LENGTH} characters on one line
 * @param phone the officer's mobile number
 * @param whatsappOptIn whether the officer agreed to be told of complaints on WhatsApp
 * @param language the language to write to the officer in
 */
public record Officer(String id, String name, PhoneNumber phone, boolean whatsappOptIn, Language language) {
  /** The most code points in a name. */
  public static final int MAX_NAME_LENGTH = 100;

  /**
   * Validates the officer; the name is stripped and NFC-normalised.
   *
   * @throws org.nivaran.grievance.InvalidInputException naming {@code id}, {@code name},
   *     {@code phone} or {@code language}
   * @param id the officer's employee id
   * @param name the officer's name
   * @param phone the officer's mobile number
   * @param whatsappOptIn whether the officer may be told on WhatsApp
   * @param language the language to write in
   */
  public Officer {
    Texts.code(id, "id");
    name = Texts.singleLine(name, "name", MAX_NAME_LENGTH);
    Texts.required(phone, "phone");
    Texts.required(language, "language");
  }

  /**
   * The officer for logs and messages: the id as it is, the name as initials and the number
   * masked (see {@link Masking}), {@code Officer[id=EMP-40211, name=रा. कु. सा., phone=+91******0011, ...]}.
   * An officer's mobile is often a personal number, and the id is enough to find them.
   *
   * @return the masked description
   */
  @Override
  public String toString() {
    return "Officer[id=" + id + ", name=" + Masking.name(name) + ", phone=" + Masking.phone(phone)
        + ", whatsappOptIn=" + whatsappOptIn + ", language=" + language + "]";
  }
}
