package org.nivaran.grievance.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The event log's hash chain: each row's hash is SHA-256 over the previous row's hash and the
 * row's complaint id, sequence, type and payload (the event's JSON, which holds its instant), as
 * lower-case hex.
 */
final class HashChain {
  /** The previous hash of a complaint's first event. */
  static final String GENESIS = "0".repeat(64);

  private HashChain() {}

  /** One digest per thread: looking one up costs more than hashing a short event. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  });

  static String hash(String previous, String complaintId, long sequence, String type, String payload) {
    MessageDigest sha = SHA_256.get(); // digest() resets it for the next call
    String text = previous + '\n' + complaintId + '\n' + sequence + '\n' + type + '\n' + payload;
    return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
