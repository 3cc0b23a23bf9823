package org.nivaran.grievance.examples.simulate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Registration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.complaint.Location;
import org.nivaran.grievance.tenant.TenantId;

/**
 * Where the simulated complaints come from and where they are: most callers give a place (a point
 * near their district's headquarters), and some grievances arrive through the state's second
 * front door, the Jan Sunwai web portal, with the portal's own number as an external reference.
 * A quarter of those citizens also phone the helpline a few hours later quoting the portal
 * number: the reference names the complaint already registered, so no second complaint is made.
 *
 * <p>Not thread-safe: the simulation runs on one thread.
 */
final class Portals {
  /** The share of callers who give a place. */
  static final double LOCATED_RATE = 0.7;
  /** The share of new grievances that arrive through the portal instead of a call. */
  static final double PORTAL_RATE = 0.1;
  /** The share of portal grievances whose citizen also phones the helpline, quoting the portal's number. */
  static final double ALSO_PHONED_RATE = 0.25;
  /** The portal's name as a source of external references. */
  static final String SOURCE = "JANSUNWAI-CG";
  /** How far from the headquarters a place may be, in degrees either way (about 9 km). */
  private static final double SPREAD = 0.08;

  private final SplittableRandom random;
  private final Map<TenantId, Long> received = new LinkedHashMap<>();
  private long located;
  private long viaPortal;
  private long samePortal;
  /** The portal grievances numbered so far. */
  private long filed;

  Portals(SplittableRandom random) {
    this.random = random;
    received.put(Districts.RAIPUR, 0L);
    received.put(Districts.DURG, 0L);
  }

  /** Where a new caller's complaint is, if they give a place: near their district's headquarters. */
  Optional<Location> place(String jurisdiction) {
    if (random.nextDouble() >= LOCATED_RATE) {
      return Optional.empty();
    }
    boolean durg = Districts.tenantOf(jurisdiction).equals(Districts.DURG);
    double latitude = (durg ? 21.1904 : 21.2514) + SPREAD * (2 * random.nextDouble() - 1);
    double longitude = (durg ? 81.2849 : 81.6296) + SPREAD * (2 * random.nextDouble() - 1);
    return Optional.of(new Location(degrees(latitude), degrees(longitude), Optional.empty(), Optional.empty()));
  }

  private static BigDecimal degrees(double d) {
    return BigDecimal.valueOf(d).setScale(5, RoundingMode.HALF_UP);
  }

  /** The portal's number for a new grievance that arrives through it; empty for a call. */
  Optional<ExternalReference> portalReference() {
    if (random.nextDouble() >= PORTAL_RATE) {
      return Optional.empty();
    }
    filed++;
    return Optional.of(ExternalReference.of(SOURCE, String.format(Locale.ROOT, "JS/2024/%06d", 4_100 + 7 * filed)));
  }

  /** Whether the citizen of a portal grievance also phones the helpline about it. */
  boolean alsoPhones() {
    return random.nextDouble() < ALSO_PHONED_RATE;
  }

  /** A new complaint was registered. */
  void registered(Complaint c) {
    received.merge(c.tenant(), 1L, Long::sum);
    located += c.location().isPresent() ? 1 : 0;
    viaPortal += c.references().stream().anyMatch(r -> r.source().equals(SOURCE)) ? 1 : 0;
  }

  /**
   * The citizen of a portal grievance phones the helpline about it, quoting the portal's number:
   * the agent registers the call with that reference, and the district's entry point answers with
   * the complaint the portal's request made (counted), not a new one.
   */
  void phonedAbout(Districts districts, Behaviour.Caller caller, int number) {
    RegisterComplaint request = RegisterComplaint.builder()
        .channel(Channel.PHONE_CALL)
        .citizen(Complainant.builder().name(caller.name()).phone(PhoneNumber.parse(caller.phone())).languageTag("hi").build())
        .categoryCode(caller.category())
        .jurisdictionCode(caller.jurisdiction())
        .description("जन सुनवाई पोर्टल पर दर्ज शिकायत के बारे में: " + Wording.describe(caller))
        .references(caller.portal().stream().toList())
        .build();
    Actor agent = Actor.agent(String.format(Locale.ROOT, "AGENT-%02d", 1 + number % 12));
    Registration again = districts.forJurisdiction(caller.jurisdiction()).submit(request, agent);
    if (again.outcome() != Registration.Outcome.CREATED) {
      samePortal++;
    }
  }

  StateFigures figures() {
    return new StateFigures(Map.copyOf(received), located, viaPortal, samePortal);
  }
}
