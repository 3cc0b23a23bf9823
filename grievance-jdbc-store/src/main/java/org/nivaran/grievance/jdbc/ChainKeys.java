package org.nivaran.grievance.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret keys of a keyed event log: with them, each event row's hash is an HMAC-SHA256 under
 * the current key instead of a plain SHA-256, and the row records the key's id
 * ({@code nivaran_event.key_id}). Someone who can write the tables but does not hold the key cannot
 * recompute the chain after an edit; without keys anyone can, so the chain then reveals only
 * accidental or naive edits (and a {@link Checkpoint} kept elsewhere is the only defence against a
 * rewritten history).
 *
 * <pre>{@code
 * ChainKeys keys = ChainKeys.of("2026-12", secretFromTheVault);            // 32 bytes or more
 * JdbcComplaintStore store = JdbcComplaintStore.builder(dataSource).chainKeys(keys).build();
 *
 * // rotation: new events use the new key; rows signed by the old one still verify with it
 * ChainKeys rotated = keys.and("2027-06", newSecret).current("2027-06");
 * }</pre>
 *
 * <p>Give every node the same keys (a node with only the old key cannot verify the rows a newer
 * node signed, and reports them as {@link LogVerification.Alteration#KEY}); retire a key from the
 * set only when no row names it. The id is stored in the clear: it names a key, it must never be
 * one. A row whose key id the set lacks is reported, as is, by default, a row without a key id
 * (plain SHA-256: rewriting a keyed history as unkeyed would otherwise pass); a store that turns
 * keys on over rows written without them says {@link #acceptingUnkeyedRows()}.
 *
 * <p>The key bytes are copied and never shown: {@link #toString()} names the ids only, and no
 * exception or log line of the store carries a key. Immutable and thread-safe.
 */
public final class ChainKeys {
  /** The fewest bytes a key may have: 32, the size of an HMAC-SHA256 output. */
  public static final int MIN_KEY_BYTES = 32;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  /** No keys: plain SHA-256, rows without a key id. */
  static final ChainKeys NONE = new ChainKeys(Map.of(), null, true);

  private final Map<String, Key> keys;
  private final String current;
  private final boolean acceptsUnkeyed;

  private ChainKeys(Map<String, Key> keys, String current, boolean acceptsUnkeyed) {
    this.keys = keys;
    this.current = current;
    this.acceptsUnkeyed = acceptsUnkeyed;
  }

  /**
   * One key, which new events use.
   *
   * @param id the key's id, stored with each row it signs: 1 to 64 of {@code A-Z a-z 0-9 . _ : -},
   *     e.g. {@code 2026-12}; never the key itself
   * @param key the secret, at least {@value #MIN_KEY_BYTES} bytes; copied
   * @return the keys
   * @throws IllegalArgumentException if the id is malformed or the key too short
   */
  public static ChainKeys of(String id, byte[] key) {
    checkId(id);
    return new ChainKeys(Map.of(id, new Key(key)), id, false);
  }

  /**
   * These keys and one more, to verify the rows it signed (or to sign with, after
   * {@link #current(String)}).
   *
   * @param id the new key's id (see {@link #of})
   * @param key the secret, at least {@value #MIN_KEY_BYTES} bytes; copied
   * @return the keys
   * @throws IllegalArgumentException if the id is malformed or taken, or the key too short
   */
  public ChainKeys and(String id, byte[] key) {
    checkId(id);
    if (keys.containsKey(id)) {
      throw new IllegalArgumentException("there is already a key with id '" + id + "'");
    }
    Map<String, Key> more = new TreeMap<>(keys);
    more.put(id, new Key(key));
    return new ChainKeys(Collections.unmodifiableMap(more), current, acceptsUnkeyed);
  }

  /**
   * These keys, with new events signed by the key {@code id}.
   *
   * @param id the id of one of these keys
   * @return the keys
   * @throws IllegalArgumentException if there is no key with that id
   */
  public ChainKeys current(String id) {
    if (!keys.containsKey(Objects.requireNonNull(id, "id"))) {
      throw new IllegalArgumentException("there is no key with id '" + id + "' (ids: " + keys.keySet() + ")");
    }
    return new ChainKeys(keys, id, acceptsUnkeyed);
  }

  /**
   * These keys, accepting rows written without a key (plain SHA-256) as intact: for a store that
   * turned keys on over rows written before. Those rows, and only those, can then be rewritten
   * unnoticed by the chain; take a {@link Checkpoint} when turning keys on.
   *
   * @return the keys
   */
  public ChainKeys acceptingUnkeyedRows() {
    return new ChainKeys(keys, current, true);
  }

  /**
   * The id of the key new events are signed with.
   *
   * @return the id
   */
  public String currentId() {
    return current;
  }

  /**
   * The ids of every key, in order.
   *
   * @return the ids
   */
  public Set<String> ids() {
    return Collections.unmodifiableSet(new TreeSet<>(keys.keySet()));
  }

  /**
   * Whether rows without a key id are accepted (see {@link #acceptingUnkeyedRows()}).
   *
   * @return true if they are
   */
  public boolean acceptsUnkeyedRows() {
    return acceptsUnkeyed;
  }

  /** The ids and the current one; never a key. */
  @Override
  public String toString() {
    return current == null ? "ChainKeys[none]"
        : "ChainKeys[current=" + current + ", ids=" + ids() + (acceptsUnkeyed ? ", accepting unkeyed rows" : "") + "]";
  }

  // ---------------------------------------------------------------------------------------------

  /** The id of the key new rows are signed with, or null: plain SHA-256. */
  String signingId() {
    return current;
  }

  /** Whether a key id (null: none) names a key of these, or no key where none is required. */
  String problemWith(String keyId) {
    if (keyId == null) {
      return acceptsUnkeyed ? null : "was written without a key (plain SHA-256), and this store signs its rows";
    }
    if (!keys.containsKey(keyId)) {
      return current == null ? "names key '" + keyId + "', and this store was given no keys"
          : "names key '" + keyId + "', which this store was not given";
    }
    return null;
  }

  /**
   * The hash of an event row: plain SHA-256 if {@code keyId} is null, else the HMAC under that key
   * (which {@link #problemWith} accepted), over the key id and the same text.
   */
  String hash(String keyId, String previous, String complaintId, long sequence, String type, String payload) {
    String text = HashChain.text(previous, complaintId, sequence, type, payload);
    if (keyId == null) {
      return HashChain.sha256(text);
    }
    Key key = keys.get(keyId);
    if (key == null) {
      throw new IllegalStateException("no key with id '" + keyId + "'");
    }
    return key.hmac(keyId + '\n' + text);
  }

  private static void checkId(String id) {
    if (!ID.matcher(Objects.requireNonNull(id, "id")).matches()) {
      throw new IllegalArgumentException("a key id is 1 to 64 of A-Z a-z 0-9 . _ : - (it is stored in the clear)");
    }
  }

  /** One secret, with a MAC per thread: looking one up and initialising it costs more than an event. */
  private static final class Key {
    private final SecretKeySpec spec;
    private final ThreadLocal<Mac> mac;

    Key(byte[] bytes) {
      Objects.requireNonNull(bytes, "key");
      if (bytes.length < MIN_KEY_BYTES) {
        throw new IllegalArgumentException("a chain key needs at least " + MIN_KEY_BYTES + " bytes (had " + bytes.length + ")");
      }
      this.spec = new SecretKeySpec(bytes, "HmacSHA256"); // copies the bytes
      this.mac = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
      try {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(spec);
        return m;
      } catch (NoSuchAlgorithmException | InvalidKeyException e) {
        throw new IllegalStateException("every Java platform has HmacSHA256", e);
      }
    }

    String hmac(String text) {
      return HashChain.hex(mac.get().doFinal(text.getBytes(StandardCharsets.UTF_8))); // doFinal resets it
    }

    @Override
    public String toString() {
      return "Key[hidden]";
    }
  }
}
