package org.nivaran.grievance.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The event log's hash chain: each row's hash is taken over the previous row's hash and the row's
 * complaint id, sequence, type and payload (the event's JSON, which holds its instant), as
 * lower-case hex: plain SHA-256 without keys, HMAC-SHA256 under a key of {@link ChainKeys}
 * (which also covers the key's id) with them.
 */
final class HashChain {
  /** The previous hash of a complaint's first event. */
  static final String GENESIS = "0".repeat(64);

  private HashChain() {}

  /** One digest per thread: looking one up costs more than hashing a short event. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(HashChain::newSha256);

  static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The text a row's hash is taken over. */
  static String text(String previous, String complaintId, long sequence, String type, String payload) {
    return previous + '\n' + complaintId + '\n' + sequence + '\n' + type + '\n' + payload;
  }

  /** The plain SHA-256 hash of a row, as rows without a key id have it. */
  static String hash(String previous, String complaintId, long sequence, String type, String payload) {
    return sha256(text(previous, complaintId, sequence, type, payload));
  }

  static String sha256(String text) {
    return hex(SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8))); // digest() resets it
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
