package org.nivaran.grievance.reference;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.store.PageCursor;

/**
 * Seals the cursors of the open Open311 list: a {@link PageCursor} names a complaint's number and
 * registration instant, and a page cut short by the read bound ends at a complaint that may not
 * have come in through Open311, so the client gets it encrypted and authenticated (AES-GCM, a
 * 256-bit key drawn at start-up, a random 96-bit nonce per cursor) and only a cursor this instance
 * sealed is taken back. A cursor does not outlive the instance: after a restart, or from another
 * instance behind the same address, it is refused and the client reads the list from its start.
 *
 * <p>Thread-safe: the key is immutable, a {@link Cipher} is made per call.
 */
final class SealedCursors {
  private static final String CIPHER = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] PURPOSE = "nivaran open311 list cursor v1".getBytes(StandardCharsets.US_ASCII);

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  /** A sealer with a fresh random key. */
  SealedCursors() {
    try {
      KeyGenerator keys = KeyGenerator.getInstance("AES");
      keys.init(256, random);
      this.key = keys.generateKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES is not available in this JVM", e);
    }
  }

  /**
   * The cursor as an opaque, URL-safe token.
   *
   * @param cursor the cursor
   * @return the sealed token
   */
  String seal(PageCursor cursor) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance(CIPHER);
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(PURPOSE);
      byte[] sealed = c.doFinal(cursor.token().getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not seal a cursor", e);
    }
  }

  /**
   * A token of {@link #seal} back as the cursor.
   *
   * @param token the token
   * @return the cursor
   * @throws InvalidInputException (field {@code cursor}) if this instance did not seal it, or it was
   *     altered
   */
  PageCursor open(String token) {
    try {
      byte[] all = Base64.getUrlDecoder().decode(token);
      if (all.length < NONCE_BYTES + TAG_BITS / 8) {
        throw refused();
      }
      Cipher c = Cipher.getInstance(CIPHER);
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      c.updateAAD(PURPOSE);
      byte[] plain = c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
      return PageCursor.parse(new String(plain, StandardCharsets.UTF_8));
    } catch (GeneralSecurityException | RuntimeException e) {
      // Never the inner message: a cursor that opened holds a complaint's number.
      throw refused();
    }
  }

  private static InvalidInputException refused() {
    return new InvalidInputException("cursor",
        "is not a cursor this service gave (or the service has restarted since): read the list again from its first page");
  }
}
