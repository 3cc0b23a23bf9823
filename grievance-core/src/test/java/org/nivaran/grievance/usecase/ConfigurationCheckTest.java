package org.nivaran.grievance.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.escalation.District;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.escalation.LadderPolicy;
import org.nivaran.grievance.policy.VerificationPolicy;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/**
 * A configuration whose parts name each other is refused when {@code Grievances} is built, naming
 * the reference that leads nowhere: nothing is discovered later as a complaint that silently never
 * escalates.
 */
class ConfigurationCheckTest {
  private final ComplaintStore store = new InMemoryComplaintStore();

  @Test
  void a_category_naming_an_escalation_policy_not_configured_is_refused_naming_both() {
    // the district's water category names the UP ladder; only the MP ladder is given
    assertThatThrownBy(() -> District.grievances(store, Clock.systemUTC())
            .escalationPolicies(EscalationPolicies.of(District.MP)).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("escalationPolicies");
          assertThat(e.getMessage()).contains("'UP'").contains("JAL.PIPE");
        });
  }

  @Test
  void a_directory_without_any_escalation_policy_is_refused_naming_the_first_category_left_untimed() {
    assertThatThrownBy(() -> Grievances.builder().store(store).directory(District.directory()).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("escalationPolicies");
          assertThat(e.getMessage()).contains("never be timed or escalated");
        });
  }

  @Test
  void an_escalation_policy_counting_on_a_calendar_not_registered_is_refused_naming_both() {
    assertThatThrownBy(() -> District.grievances(store, Clock.systemUTC())
            .escalationPolicies(EscalationPolicies.of(District.MP, District.UP,
                LadderPolicy.madhyaPradesh("MP-NIGHT", "NIGHT-SHIFT")))
            .build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("calendars");
          assertThat(e.getMessage()).contains("'NIGHT-SHIFT'").contains("'MP-NIGHT'");
        });
    assertThatThrownBy(() -> District.grievances(store, Clock.systemUTC()).calendars(CalendarRegistry.of()).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("calendars"));
  }

  @Test
  void an_appellate_post_not_in_the_directory_is_refused_naming_it() {
    assertThatThrownBy(() -> District.grievances(store, Clock.systemUTC())
            .verificationPolicy(VerificationPolicy.builder().appealTo(PostId.of("COLLECTOR-NOWHERE")).build()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("COLLECTOR-NOWHERE");
  }

  @Test
  void the_districts_own_configuration_is_accepted() {
    assertThat(District.grievances(store, Clock.systemUTC()).build().directory()).isPresent();
  }
}
