package org.nivaran.grievance.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.fixtures.Fixtures;

class SmokeTest {
  @Test
  void every_state_fixture_is_reachable() {
    for (Status s : Status.values()) {
      assertThat(Fixtures.complaintIn(s).status()).isEqualTo(s);
    }
  }

  @Test
  void citizen_without_name_is_refused_naming_the_field() {
    assertThatThrownBy(() -> Complainant.builder().phone("9876543210").build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("citizen.name"));
  }
}
