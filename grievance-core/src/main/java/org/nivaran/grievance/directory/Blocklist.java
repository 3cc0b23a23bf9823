package org.nivaran.grievance.directory;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Masking;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.internal.Texts;

/**
 * The barred numbers, one {@link BlockEntry} per number.
 *
 * <pre>{@code
 * Blocklist blocked = Blocklist.empty().with(entry);
 * if (blocked.activeEntry(caller, clock.instant()).isPresent()) { ... refuse the call ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Blocklist {
  private static final Blocklist EMPTY = new Blocklist(new LinkedHashMap<>());

  private final Map<PhoneNumber, BlockEntry> byPhone;
  private final List<BlockEntry> all;

  private Blocklist(Map<PhoneNumber, BlockEntry> byPhone) {
    this.byPhone = byPhone;
    this.all = List.copyOf(byPhone.values());
  }

  /**
   * The blocklist without entries.
   *
   * @return the empty blocklist
   */
  public static Blocklist empty() {
    return EMPTY;
  }

  /**
   * A blocklist of these entries.
   *
   * @param entries the entries, at most one per number
   * @return the blocklist
   * @throws InvalidInputException naming the element, e.g. {@code blocklist[3].phone} for a
   *     second entry of a number
   */
  public static Blocklist of(Collection<BlockEntry> entries) {
    Map<PhoneNumber, BlockEntry> byPhone = new LinkedHashMap<>();
    int i = 0;
    for (BlockEntry e : Texts.required(entries, "blocklist")) {
      String at = "blocklist[" + i++ + "]";
      Texts.required(e, at);
      if (byPhone.putIfAbsent(e.phone(), e) != null) {
        throw new InvalidInputException(at + ".phone", "repeats the number " + Masking.phone(e.phone()) + " (one entry per number)");
      }
    }
    return new Blocklist(byPhone);
  }

  /**
   * The entry barring a number at an instant.
   *
   * @param phone the number
   * @param at the instant
   * @return the entry if the number has one that {@link BlockEntry#isActiveAt is active} then
   */
  public Optional<BlockEntry> activeEntry(PhoneNumber phone, Instant at) {
    Texts.required(at, "at");
    return Optional.ofNullable(byPhone.get(Texts.required(phone, "phone"))).filter(e -> e.isActiveAt(at));
  }

  /**
   * The blocklist with an entry added, replacing the number's earlier entry if it had one (to
   * extend, shorten or lift a bar). This blocklist is unchanged.
   *
   * @param entry the entry
   * @return the new blocklist
   */
  public Blocklist with(BlockEntry entry) {
    Texts.required(entry, "entry");
    Map<PhoneNumber, BlockEntry> copy = new LinkedHashMap<>(byPhone);
    copy.put(entry.phone(), entry);
    return new Blocklist(copy);
  }

  /**
   * The blocklist without a number's entry. This blocklist is unchanged.
   *
   * @param phone the number
   * @return the new blocklist; equal to this one if the number had no entry
   */
  public Blocklist without(PhoneNumber phone) {
    Map<PhoneNumber, BlockEntry> copy = new LinkedHashMap<>(byPhone);
    copy.remove(Texts.required(phone, "phone"));
    return new Blocklist(copy);
  }

  /**
   * All entries, expired ones included, in the order added (a replaced entry keeps its place).
   *
   * @return an unmodifiable list
   */
  public List<BlockEntry> all() {
    return all;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Blocklist other && all.equals(other.all);
  }

  @Override
  public int hashCode() {
    return all.hashCode();
  }

  /**
   * The barred numbers, {@linkplain Masking#phone masked}: {@code Blocklist[+91******2345]}.
   *
   * @return the masked description
   */
  @Override
  public String toString() {
    return "Blocklist" + byPhone.keySet().stream().map(Masking::phone).toList();
  }
}
