package org.nivaran.grievance.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.PhoneNumber;

/** Blocked numbers: when an entry applies, and one entry per number. */
class BlocklistTest {
  private static final PhoneNumber CALLER = PhoneNumber.parse("98000 00999");
  private static final Instant BLOCKED = Instant.parse("2024-05-20T06:30:00Z");
  private static final Instant EXPIRES = Instant.parse("2024-08-20T06:30:00Z");

  static BlockEntry entry(String phone, String blockedAt, String expiresAt) {
    return new BlockEntry(PhoneNumber.parse(phone), "three fake complaints", "NODAL-RAIPUR",
        Instant.parse(blockedAt), Optional.ofNullable(expiresAt).map(Instant::parse));
  }

  @Test
  void an_entry_applies_from_blocked_at_inclusive_to_expires_at_exclusive() {
    BlockEntry e = entry("9800000999", "2024-05-20T06:30:00Z", "2024-08-20T06:30:00Z");

    assertThat(e.isActiveAt(BLOCKED.minusNanos(1))).isFalse();
    assertThat(e.isActiveAt(BLOCKED)).isTrue();
    assertThat(e.isActiveAt(EXPIRES.minusNanos(1))).isTrue();
    assertThat(e.isActiveAt(EXPIRES)).isFalse();
  }

  @Test
  void an_entry_without_expiry_applies_for_ever() {
    BlockEntry e = entry("9800000999", "2024-05-20T06:30:00Z", null);
    assertThat(e.isActiveAt(Instant.parse("2124-01-01T00:00:00Z"))).isTrue();
  }

  @Test
  void active_entry_finds_the_number_only_while_its_entry_applies() {
    Blocklist list = Blocklist.of(List.of(entry("9800000999", "2024-05-20T06:30:00Z", "2024-08-20T06:30:00Z")));

    assertThat(list.activeEntry(CALLER, BLOCKED.plusSeconds(60))).map(BlockEntry::phone).contains(CALLER);
    assertThat(list.activeEntry(CALLER, EXPIRES)).isEmpty();
    assertThat(list.activeEntry(PhoneNumber.parse("9800000998"), BLOCKED.plusSeconds(60))).isEmpty();
  }

  @Test
  void with_replaces_the_numbers_entry_and_leaves_the_original_unchanged() {
    Blocklist first = Blocklist.empty().with(entry("9800000999", "2024-05-20T06:30:00Z", "2024-08-20T06:30:00Z"));
    Blocklist extended = first.with(entry("+91 98000 00999", "2024-05-20T06:30:00Z", "2025-05-20T06:30:00Z"));
    Instant september = Instant.parse("2024-09-01T00:00:00Z");

    assertThat(extended.all()).hasSize(1);
    assertThat(extended.activeEntry(CALLER, september)).isPresent();
    assertThat(first.activeEntry(CALLER, september)).isEmpty();
    assertThat(extended.without(CALLER).all()).isEmpty();
    assertThat(extended.all()).hasSize(1);
    assertThat(Blocklist.empty().all()).isEmpty();
  }

  @Test
  void a_second_entry_for_a_number_is_refused_by_of() {
    assertThatThrownBy(() -> Blocklist.of(List.of(
            entry("9800000999", "2024-05-20T06:30:00Z", null), entry("09800000999", "2024-06-20T06:30:00Z", null))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("blocklist[1].phone");
          // the number is masked in the message (issue 15): its country code and last four digits
          assertThat(e.reason()).contains("+91******0999").doesNotContain("9800000999");
        });
  }

  @Test
  void expiry_must_be_after_the_block_and_texts_are_validated() {
    assertThatThrownBy(() -> entry("9800000999", "2024-05-20T06:30:00Z", "2024-05-20T06:30:00Z"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("expiresAt"));
    assertThatThrownBy(() -> new BlockEntry(CALLER, " ", "NODAL", BLOCKED, Optional.empty()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    assertThatThrownBy(() -> new BlockEntry(CALLER, "fake", "NODAL", BLOCKED, null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("expiresAt"));
  }
}
