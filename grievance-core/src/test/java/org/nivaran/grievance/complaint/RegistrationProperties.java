package org.nivaran.grievance.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.fixtures.ComplaintArbitraries;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/** Registration of random requests: Devanagari, Latin, emoji, joiners, every channel and kind. */
class RegistrationProperties {

  @Provide
  Arbitrary<RegisterComplaint> requests() {
    return ComplaintArbitraries.requests();
  }

  @Property(tries = 300)
  void a_request_is_stored_normalised_and_registered_once_per_key(@ForAll("requests") RegisterComplaint request) {
    InMemoryComplaintStore store = new InMemoryComplaintStore();
    Grievances grievances = Fixtures.grievances(store);

    Complaint first = grievances.register(request, Fixtures.AGENT);
    RegisterComplaint retried = RegisterComplaint.builder().from(request).build();
    Complaint second = grievances.register(retried, Fixtures.AGENT);

    assertThat(retried).isEqualTo(request);
    assertThat(retried.fingerprint()).isEqualTo(request.fingerprint());
    if (request.idempotencyKey().isPresent()) {
      assertThat(second).isEqualTo(first);
      assertThat(store.size()).isEqualTo(1);
    } else {
      assertThat(second.id()).isNotEqualTo(first.id());
      assertThat(store.size()).isEqualTo(2);
    }
    assertThat(grievances.history(first.id())).hasSize(1);
    assertThat(first.description()).isEqualTo(request.description());
    assertThat(first.citizen()).isEqualTo(request.citizen());
    for (String text : new String[] {first.description(), first.citizen().name()}) {
      assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
      assertThat(text).isEqualTo(text.strip());
    }
    assertThat(first.description().codePointCount(0, first.description().length()))
        .isLessThanOrEqualTo(RegisterComplaint.MAX_DESCRIPTION_LENGTH);
  }

  @Property(tries = 200)
  void the_citizen_may_register_their_own_request_and_no_other_citizen_may(
      @ForAll("requests") RegisterComplaint request) {
    InMemoryComplaintStore store = new InMemoryComplaintStore();
    Grievances grievances = Fixtures.grievances(store);
    Actor.Citizen self = Actor.citizen(request.citizen().phone());
    Actor.Citizen other =
        request.citizen().phone().equals(Fixtures.OTHER_CITIZEN.phone()) ? Fixtures.CITIZEN : Fixtures.OTHER_CITIZEN;

    boolean otherRefused;
    try {
      grievances.register(request, other);
      otherRefused = false;
    } catch (ActorNotPermittedException e) {
      otherRefused = e.rule() == AccessRule.CITIZEN_OWNS_COMPLAINT;
    }

    assertThat(otherRefused).isTrue();
    assertThat(store.size()).isZero();
    assertThat(grievances.register(request, self).citizen().phone()).isEqualTo(request.citizen().phone());
    assertThat(store.size()).isEqualTo(1);
  }
}
