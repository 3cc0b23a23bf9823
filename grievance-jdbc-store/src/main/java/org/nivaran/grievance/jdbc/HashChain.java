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

  static String hash(String previous, String complaintId, long sequence, String type, String payload) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    String text = previous + '\n' + complaintId + '\n' + sequence + '\n' + type + '\n' + payload;
    return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
