package org.nivaran.grievance.examples.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.directory.Category;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.directory.Jurisdiction;
import org.nivaran.grievance.directory.JurisdictionType;

/**
 * Who calls: a new caller drawn from the departments' shares of the calls ({@link Behaviour#PROFILES}),
 * a ward or block of Raipur or Durg, a name and a number, whether the complaint is fake or will be
 * withdrawn, a place and a portal number ({@link Portals}); or, now and then, a caller of the last
 * few days phoning again about the same problem. Every draw comes from the one random stream it
 * is given, in a fixed order, so the same seed gives the same callers.
 *
 * <p>Not thread-safe: the simulation runs on one thread.
 */
final class Callers {
  private static final String[] FIRST_NAMES = {
      "सुनीता", "रामेश्वर", "गीता", "मोहन", "लक्ष्मी", "संतोष", "कमला", "हरीश", "पार्वती", "दीपक", "सरिता",
      "बलराम", "शांति", "गणेश", "राधा", "किशोर", "अनीता", "भुवन", "सुमन", "तुलसी"};
  private static final String[] SURNAMES = {
      "वर्मा", "साहू", "यादव", "पटेल", "निषाद", "ध्रुव", "देवांगन", "चंद्राकर", "सिन्हा", "बघेल", "कुर्रे", "टंडन",
      "मरकाम", "शर्मा", "गुप्ता"};

  /** A call as the call centre remembers it, for repeat callers. */
  private record Call(Instant at, Behaviour.Caller caller) {}

  private final Directory directory;
  private final SplittableRandom calls;
  private final Portals portals;
  private final List<Call> recentCalls = new ArrayList<>();
  private final Map<String, List<String>> wardsOf = new HashMap<>();
  private final Map<String, List<String>> blocksOf = new HashMap<>();

  Callers(Directory directory, SplittableRandom calls, Portals portals) {
    this.directory = directory;
    this.calls = calls;
    this.portals = portals;
    for (Jurisdiction j : directory.jurisdictions().all()) {
      String district = directory.jurisdictions().districtOf(j.code()).map(Jurisdiction::code).orElse("");
      if (j.type() == JurisdictionType.WARD) {
        wardsOf.computeIfAbsent(district, d -> new ArrayList<>()).add(j.code());
      } else if (j.type() == JurisdictionType.BLOCK) {
        blocksOf.computeIfAbsent(district, d -> new ArrayList<>()).add(j.code());
      }
    }
  }

  /** A new complaint was registered for a caller: a later call may repeat it (not a fake one). */
  void registered(Instant at, Behaviour.Caller caller) {
    if (!caller.repeat() && !caller.fake()) {
      recentCalls.add(new Call(at, caller));
    }
  }

  /** The next call's caller: now and then one who called in the last few days, else a new one. */
  Behaviour.Caller next(Instant now) {
    if (calls.nextDouble() < Behaviour.REPEAT_RATE) {
      Instant since = now.minus(Duration.ofDays(Behaviour.REPEAT_WITHIN_DAYS));
      int from = recentCalls.size();
      while (from > 0 && recentCalls.get(from - 1).at().isAfter(since)) {
        from--;
      }
      if (from < recentCalls.size()) {
        Behaviour.Caller first = recentCalls.get(from + calls.nextInt(recentCalls.size() - from)).caller();
        return new Behaviour.Caller(first.name(), first.phone(), first.category(), first.jurisdiction(), Channel.PHONE_CALL,
            false, false, true, first.place(), Optional.empty());
      }
    }
    Behaviour.Profile profile = Behaviour.PROFILES.get(Behaviour.PROFILES.size() - 1);
    double u = calls.nextDouble();
    for (Behaviour.Profile p : Behaviour.PROFILES) {
      if (u < p.share()) {
        profile = p;
        break;
      }
      u -= p.share();
    }
    List<Category> categories = directory.categories().ofDepartment(profile.department());
    Category category = categories.get(calls.nextInt(categories.size()));
    String district = calls.nextDouble() < 0.8 ? RaipurDistrict.RAIPUR : RaipurDistrict.DURG;
    boolean urban = profile.department().equals("MUNICIPAL") || calls.nextDouble() < 0.55;
    List<String> places = urban ? wardsOf.get(district) : blocksOf.get(district);
    String jurisdiction = places.get(calls.nextInt(places.size()));
    String name = FIRST_NAMES[calls.nextInt(FIRST_NAMES.length)] + " " + SURNAMES[calls.nextInt(SURNAMES.length)];
    String phone = String.valueOf(6_000_000_000L + calls.nextLong(4_000_000_000L));
    Channel channel = calls.nextDouble() < 0.85 ? Channel.PHONE_CALL : Channel.WHATSAPP;
    boolean fake = calls.nextDouble() < Behaviour.FAKE_RATE;
    boolean withdraws = !fake && calls.nextDouble() < Behaviour.WITHDRAW_RATE;
    return new Behaviour.Caller(name, phone, category.code(), jurisdiction, channel, fake, withdraws, false,
        portals.place(jurisdiction), fake ? Optional.empty() : portals.portalReference());
  }
}
