package org.nivaran.grievance.tck;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.GrievancesBuilder;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Kind;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.escalation.LadderPolicy;
import org.nivaran.grievance.directory.Blocklist;
import org.nivaran.grievance.directory.Categories;
import org.nivaran.grievance.directory.Category;
import org.nivaran.grievance.directory.Department;
import org.nivaran.grievance.directory.Departments;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.directory.Jurisdiction;
import org.nivaran.grievance.directory.JurisdictionType;
import org.nivaran.grievance.directory.Jurisdictions;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.directory.Officer;
import org.nivaran.grievance.directory.Post;
import org.nivaran.grievance.directory.PostDuty;
import org.nivaran.grievance.directory.Posts;

/**
 * A small, complete district for tests, benchmarks and demos: Raipur with two departments (energy
 * with posts at L1 to L4, water with L1 to L4), a round-the-clock calendar {@code 24X7} and the
 * Madhya Pradesh ladder on it (7 days at each level, flag overdue past L4), and Hindi-speaking
 * officers.
 *
 * <pre>{@code
 * Grievances g = SampleDistrict.grievances(store, clock).build();
 * Complaint c = g.register(SampleDistrict.request(1), SampleDistrict.AGENT);   // assigned to L1
 * c = g.execute(c.id(), new StartWork(), SampleDistrict.officer(c.post().orElseThrow()));  // its holder
 * }</pre>
 *
 * <p>Thread-safe: the constants are immutable and every method returns new objects.
 */
public final class SampleDistrict {
  private SampleDistrict() {}

  /** India Standard Time. */
  public static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  /** The calendar every SLA counts on: round the clock. */
  public static final BusinessCalendar ROUND_THE_CLOCK = BusinessCalendar.twentyFourSeven("24X7", IST);
  /** The escalation policy of both categories: the Madhya Pradesh ladder on {@link #ROUND_THE_CLOCK}. */
  public static final LadderPolicy LADDER = LadderPolicy.madhyaPradesh("MP", "24X7");
  /** The agent who registers complaints in the examples. */
  public static final org.nivaran.grievance.actor.Actor AGENT = org.nivaran.grievance.actor.Actor.agent("AGENT-17");
  /** The energy category, routed to {@link #ENERGY_L1}. */
  public static final String ENERGY = "ENERGY.SUPPLY";
  /** The water category, routed to {@link #WATER_L1}. */
  public static final String WATER = "JAL.PIPE";
  /** The ward complaints come from. */
  public static final String WARD = "WARD-12";
  /** The energy department's L1 post. */
  public static final PostId ENERGY_L1 = PostId.of("AE-RAIPUR");
  /** The water department's L1 post. */
  public static final PostId WATER_L1 = PostId.of("JAL-L1");
  /** The district's nodal officer's post (collectorate, Raipur): it reaches every department of the district. */
  public static final PostId NODAL = PostId.of("NODAL-RAIPUR");

  /**
   * The officer holding a post of {@link #directory()}, acting as its holder: a directory given to
   * {@code Grievances} lets an officer act only from a post it shows them holding.
   *
   * @param post a post of the district
   * @return the actor, with the holder's id ({@code OFF-} and the post's code)
   */
  public static org.nivaran.grievance.actor.Actor.Officer officer(PostId post) {
    return org.nivaran.grievance.actor.Actor.officer(holderId(post), post);
  }

  /**
   * The officer holding a post of {@link #directory()}, acting as a supervisor from it.
   *
   * @param post a post of the district
   * @return the actor, with the holder's id ({@code OFF-} and the post's code)
   */
  public static org.nivaran.grievance.actor.Actor.Supervisor supervisor(PostId post) {
    return org.nivaran.grievance.actor.Actor.supervisor(holderId(post), post);
  }

  private static String holderId(PostId post) {
    return "OFF-" + post.code();
  }

  /**
   * The district's registries.
   *
   * @return a new directory
   */
  public static Directory directory() {
    Departments departments = Departments.of(List.of(
        new Department("ENERGY", "Energy", "ऊर्जा"),
        new Department("JAL", "Water Resources", "जल संसाधन"),
        new Department("COLLECTORATE", "Collectorate", "कलेक्टोरेट")));
    Jurisdictions jurisdictions = Jurisdictions.of(List.of(
        new Jurisdiction("CG", JurisdictionType.STATE, Optional.empty(), "Chhattisgarh", "छत्तीसगढ़"),
        new Jurisdiction("RAIPUR", JurisdictionType.DISTRICT, Optional.of("CG"), "Raipur", "रायपुर"),
        new Jurisdiction(WARD, JurisdictionType.WARD, Optional.of("RAIPUR"), "Ward 12", "वार्ड 12")));
    Categories categories = Categories.of(List.of(
        Category.of(ENERGY, "ENERGY", "Electricity supply interrupted", "बिजली आपूर्ति बाधित",
            List.of("bijli"), Kind.COMPLAINT, "MP"),
        Category.of(WATER, "JAL", "Water pipeline leak", "पाइपलाइन रिसाव", List.of("pani"), Kind.COMPLAINT, "MP")),
        departments);
    List<Post> posts = new ArrayList<>();
    posts.add(post("AE-RAIPUR", "ENERGY", "RAIPUR", 1, "EE-RAIPUR", Set.of(), "सुरेश वर्मा", "9826000001"));
    posts.add(post("EE-RAIPUR", "ENERGY", "RAIPUR", 2, "SE-RAIPUR", Set.of(), "राजेश तिवारी", "9826000002"));
    posts.add(post("SE-RAIPUR", "ENERGY", "RAIPUR", 3, "CE-CG", Set.of(), "मीना पटेल", "9826000003"));
    posts.add(post("CE-CG", "ENERGY", "CG", 4, null, Set.of(PostDuty.HEAD_OF_DEPARTMENT), "अरुण मिश्रा", "9826000004"));
    posts.add(post("JAL-L1", "JAL", "RAIPUR", 1, "JAL-L2", Set.of(), "नरेश कुमार", "9826000005"));
    posts.add(post("JAL-L2", "JAL", "RAIPUR", 2, "JAL-L3", Set.of(), "J2", "9826000006"));
    posts.add(post("JAL-L3", "JAL", "RAIPUR", 3, "JAL-L4", Set.of(), "J3", "9826000007"));
    posts.add(post("JAL-L4", "JAL", "CG", 4, null, Set.of(PostDuty.HEAD_OF_DEPARTMENT), "J4", "9826000008"));
    posts.add(post("NODAL-RAIPUR", "COLLECTORATE", "RAIPUR", 2, null, Set.of(PostDuty.NODAL_OFFICER), "कविता ठाकुर",
        "9826000009"));
    return Directory.builder()
        .departments(departments)
        .jurisdictions(jurisdictions)
        .categories(categories)
        .posts(Posts.of(posts, departments, jurisdictions))
        .blocklist(Blocklist.empty())
        .build();
  }

  private static Post post(String id, String dept, String jurisdiction, int level, String reportsTo,
      Set<PostDuty> duties, String holder, String phone) {
    Officer officer = new Officer(holderId(PostId.of(id)), holder, PhoneNumber.parse(phone), true, Language.HINDI);
    return new Post(PostId.of(id), id + " (" + dept + ")", dept, jurisdiction, Level.of(level),
        Optional.ofNullable(reportsTo).map(PostId::of), duties, Optional.of(officer));
  }

  /**
   * A {@code Grievances} builder set up for the district (directory, calendar, ladder, clock,
   * store, zone); add an id scheme or a notifier and build.
   *
   * @param store the store
   * @param clock the clock
   * @return the builder
   */
  public static GrievancesBuilder grievances(org.nivaran.grievance.store.ComplaintStore store, Clock clock) {
    return Grievances.builder()
        .store(store)
        .clock(clock)
        .zone(IST)
        .directory(directory())
        .calendars(CalendarRegistry.of(ROUND_THE_CLOCK))
        .escalationPolicies(EscalationPolicies.of(LADDER));
  }

  /**
   * The {@code n}th sample registration: energy for even {@code n}, water for odd, from one of
   * 1,000 citizens, with a Devanagari description; no idempotency key.
   *
   * @param n any number
   * @return the request
   */
  public static RegisterComplaint request(int n) {
    int citizen = Math.floorMod(n, 1000);
    return RegisterComplaint.builder()
        .channel(Channel.PHONE_CALL)
        .citizen(Complainant.builder()
            .name("नागरिक " + citizen)
            .phone(PhoneNumber.parse(String.valueOf(9_000_000_000L + citizen)))
            .languageTag(Language.HINDI.tag())
            .build())
        .categoryCode(n % 2 == 0 ? ENERGY : WATER)
        .jurisdictionCode(WARD)
        .description((n % 2 == 0 ? "तीन दिन से बिजली नहीं है" : "पाइपलाइन से पानी बह रहा है") + " — शिकायत " + n)
        .build();
  }
}
