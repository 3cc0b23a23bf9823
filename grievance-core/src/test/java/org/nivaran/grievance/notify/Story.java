package org.nivaran.grievance.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.directory.Department;
import org.nivaran.grievance.directory.Departments;
import org.nivaran.grievance.directory.Jurisdiction;
import org.nivaran.grievance.directory.JurisdictionType;
import org.nivaran.grievance.directory.Jurisdictions;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.directory.Officer;
import org.nivaran.grievance.directory.Post;
import org.nivaran.grievance.directory.PostDuty;
import org.nivaran.grievance.directory.Posts;

/**
 * A complaint's life told through {@link Lifecycle}, one command at a time an hour apart, and the
 * energy department's ladder in Raipur: AE (L1, Hindi, SMS) reports to EE (L2, English, WhatsApp),
 * EE to SE (L3, Hindi, WhatsApp), SE to CE (L4, English, SMS, head of department); the revenue
 * department's tehsildar (L1) is vacant.
 */
final class Story {
  static final PostId SE = PostId.of("SE-RAIPUR");
  static final PostId CE = PostId.of("CE-ENERGY");
  static final Officer AE_HOLDER = new Officer("EMP-1001", "राजेश साहू", PhoneNumber.parse("9826100011"), false, Language.HINDI);
  static final Officer EE_HOLDER = new Officer("EMP-1002", "Anita Rao", PhoneNumber.parse("9826100012"), true, Language.ENGLISH);
  static final Officer SE_HOLDER = new Officer("EMP-1003", "विनोद शर्मा", PhoneNumber.parse("9826100013"), true, Language.HINDI);
  static final Officer CE_HOLDER = new Officer("EMP-1004", "K. Menon", PhoneNumber.parse("9826100014"), false, Language.ENGLISH);
  static final Actor.SystemProcess ESCALATOR = Actor.system("escalator");

  final List<ComplaintEvent> events = new ArrayList<>();
  Complaint state;
  private Instant now = Fixtures.T0;
  private int mark;

  private Story(RegisterComplaint request) {
    ComplaintEvent.ComplaintRegistered registered = Lifecycle.register(Fixtures.ID, request, Fixtures.AGENT, now);
    events.add(registered);
    state = Lifecycle.start(registered);
  }

  /** The fixture complaint (Hindi citizen, phone call), registered. */
  static Story registered() {
    return new Story(Fixtures.request());
  }

  /** A complaint registered from {@code request}. */
  static Story registered(RegisterComplaint request) {
    return new Story(request);
  }

  /** Registered and assigned to the AE at L1. */
  static Story atAe() {
    return registered().run(new ComplaintCommand.Assign(Fixtures.AE, Fixtures.ENERGY, Level.L1), Fixtures.ROUTER);
  }

  /** Escalated from the AE to the EE at L2. */
  static Story atEe() {
    return atAe().run(new ComplaintCommand.Escalate(Fixtures.EE, "7 working days at L1 elapsed"), ESCALATOR);
  }

  /** Escalated on to the SE at L3. */
  static Story atSe() {
    return atEe().run(new ComplaintCommand.Escalate(SE, "7 working days at L2 elapsed"), ESCALATOR);
  }

  Story run(ComplaintCommand command, Actor actor) {
    mark = events.size();
    now = now.plusSeconds(3600);
    for (ComplaintEvent e : Lifecycle.decide(state, command, actor, now)) {
      events.add(e);
      state = Lifecycle.evolve(state, e);
    }
    return this;
  }

  /** The events of the latest {@link #run}. */
  List<ComplaintEvent> latest() {
    return List.copyOf(events.subList(mark, events.size()));
  }

  /** The events from position {@code from} (0-based) of the log to its end. */
  List<ComplaintEvent> since(int from) {
    return List.copyOf(events.subList(from, events.size()));
  }

  static Posts posts() {
    return postsWithout(null);
  }

  /** {@link #posts()} less one post to which no other reports: the AE or the tehsildar. */
  static Posts postsWithout(PostId missing) {
    Departments departments = Departments.of(List.of(
        new Department(Fixtures.ENERGY, "Energy", "ऊर्जा"),
        new Department(Fixtures.REVENUE, "Revenue", "राजस्व")));
    Jurisdictions jurisdictions = Jurisdictions.of(List.of(
        new Jurisdiction("CG", JurisdictionType.STATE, Optional.empty(), "Chhattisgarh", "छत्तीसगढ़"),
        new Jurisdiction("CG.RAIPUR", JurisdictionType.DISTRICT, Optional.of("CG"), "Raipur", "रायपुर")));
    List<Post> all = List.of(
        post(Fixtures.AE, "सहायक अभियंता, जोन 3", Fixtures.ENERGY, "CG.RAIPUR", Level.L1, Optional.of(Fixtures.EE), Set.of(), AE_HOLDER),
        post(Fixtures.EE, "Executive Engineer, Raipur City", Fixtures.ENERGY, "CG.RAIPUR", Level.L2, Optional.of(SE), Set.of(), EE_HOLDER),
        post(SE, "अधीक्षण अभियंता, रायपुर", Fixtures.ENERGY, "CG.RAIPUR", Level.L3, Optional.of(CE), Set.of(), SE_HOLDER),
        post(CE, "Chief Engineer", Fixtures.ENERGY, "CG", Level.L4, Optional.empty(), Set.of(PostDuty.HEAD_OF_DEPARTMENT), CE_HOLDER),
        new Post(Fixtures.TEHSILDAR, "तहसीलदार, रायपुर", Fixtures.REVENUE, "CG.RAIPUR", Level.L1, Optional.empty(), Set.of(),
            Optional.empty()));
    return Posts.of(all.stream().filter(p -> !p.id().equals(missing)).toList(), departments, jurisdictions);
  }

  private static Post post(
      PostId id, String title, String department, String jurisdiction, Level level, Optional<PostId> reportsTo,
      Set<PostDuty> duties, Officer holder) {
    return new Post(id, title, department, jurisdiction, level, reportsTo, duties, Optional.of(holder));
  }
}
