package org.nivaran.grievance.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.Kind;
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
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.store.ComplaintStore;

/**
 * Two districts of Madhya Pradesh for grading tests: Dhar and Indore, each with one ward; the
 * energy ladder AE (L1) › EE (L2) of each district › SE (L3, state, vacant) › CE (L4, state);
 * revenue with a tehsildar (L1) in each district and an SDM (L2) above Dhar's only; water (JAL)
 * with no post at all, so its complaints stay unrouted.
 *
 * <p>SLA: 7 days at every level, counted around the clock in IST, so a deadline is the level's
 * start plus 7 × 24 hours, plus any time the clock was paused.
 */
final class TwoDistricts {
  private TwoDistricts() {}

  static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  static final BusinessCalendar ROUND_THE_CLOCK = BusinessCalendar.twentyFourSeven("IST-24X7", IST);
  static final LadderPolicy CM_HELPLINE =
      LadderPolicy.builder("CMH", "IST-24X7").otherwise(SlaBudget.openTime(Duration.ofDays(7))).build();

  static final String ENERGY = "ENERGY";
  static final String REVENUE = "REVENUE";

  static final String DHAR_WARD = "DHAR-W1";
  static final String INDORE_WARD = "INDORE-W5";

  static final PostId AE_DHAR = PostId.of("AE-DHAR");
  static final PostId EE_DHAR = PostId.of("EE-DHAR");
  static final PostId SE_MP = PostId.of("SE-MP");
  static final PostId CE_MP = PostId.of("CE-MP");
  static final PostId AE_INDORE = PostId.of("AE-INDORE");
  static final PostId EE_INDORE = PostId.of("EE-INDORE");
  static final PostId TEHSILDAR_DHAR = PostId.of("TEHSILDAR-DHAR");
  static final PostId SDM_DHAR = PostId.of("SDM-DHAR");
  static final PostId TEHSILDAR_INDORE = PostId.of("TEHSILDAR-INDORE");

  static final Actor AGENT = Actor.agent("AGENT-181");
  static final Actor AE_DHAR_OFFICER = Actor.officer("OFF-AE-DHAR", AE_DHAR);
  static final Actor EE_DHAR_OFFICER = Actor.officer("OFF-EE-DHAR", EE_DHAR);
  static final Actor AE_INDORE_OFFICER = Actor.officer("OFF-AE-INDORE", AE_INDORE);
  static final Actor TEHSILDAR_INDORE_OFFICER = Actor.officer("OFF-TEHSILDAR-INDORE", TEHSILDAR_INDORE);

  static Instant ist(int year, int month, int day, int hour, int minute) {
    return LocalDateTime.of(year, month, day, hour, minute).atZone(IST).toInstant();
  }

  static Directory directory() {
    Departments departments = Departments.of(List.of(
        new Department(ENERGY, "Energy", "ऊर्जा"),
        new Department(REVENUE, "Revenue", "राजस्व"),
        new Department("JAL", "Water Resources", "जल संसाधन")));
    Jurisdictions jurisdictions = jurisdictions();
    Categories categories = Categories.of(List.of(
        Category.of("ENERGY.SUPPLY", ENERGY, "Electricity supply interrupted", "बिजली आपूर्ति बाधित",
            List.of("bijli"), Kind.COMPLAINT, "CMH"),
        Category.of("REVENUE.LAND", REVENUE, "Land record correction", "भू-अभिलेख सुधार",
            List.of("khasra"), Kind.COMPLAINT, "CMH"),
        Category.of("JAL.SUPPLY", "JAL", "Drinking water supply", "पेयजल आपूर्ति",
            List.of("pani"), Kind.COMPLAINT, "CMH")),
        departments);
    Posts posts = Posts.of(List.of(
        post(AE_DHAR, "Assistant Engineer, Dhar", ENERGY, "DHAR", 1, EE_DHAR, "9826100001"),
        post(EE_DHAR, "Executive Engineer, Dhar", ENERGY, "DHAR", 2, SE_MP, "9826100002"),
        new Post(SE_MP, "Superintending Engineer, Madhya Pradesh", ENERGY, "MP", Level.L3, Optional.of(CE_MP),
            Set.of(), Optional.empty()), // vacant: escalations from L2 are blocked
        new Post(CE_MP, "Chief Engineer, Madhya Pradesh", ENERGY, "MP", Level.L4, Optional.empty(),
            Set.of(PostDuty.HEAD_OF_DEPARTMENT), Optional.of(officer("OFF-CE-MP", "9826100004"))),
        post(AE_INDORE, "Assistant Engineer, Indore", ENERGY, "INDORE", 1, EE_INDORE, "9826100005"),
        post(EE_INDORE, "Executive Engineer, Indore", ENERGY, "INDORE", 2, SE_MP, "9826100006"),
        post(TEHSILDAR_DHAR, "Tehsildar, Dhar", REVENUE, "DHAR", 1, SDM_DHAR, "9826100007"),
        post(SDM_DHAR, "Sub-Divisional Magistrate, Dhar", REVENUE, "DHAR", 2, null, "9826100008"),
        post(TEHSILDAR_INDORE, "Tehsildar, Indore", REVENUE, "INDORE", 1, null, "9826100009")),
        departments, jurisdictions);
    return Directory.builder()
        .departments(departments)
        .jurisdictions(jurisdictions)
        .categories(categories)
        .posts(posts)
        .blocklist(Blocklist.empty())
        .build();
  }

  static Jurisdictions jurisdictions() {
    return Jurisdictions.of(List.of(
        new Jurisdiction("MP", JurisdictionType.STATE, Optional.empty(), "Madhya Pradesh", "मध्य प्रदेश"),
        new Jurisdiction("DHAR", JurisdictionType.DISTRICT, Optional.of("MP"), "Dhar", "धार"),
        new Jurisdiction(DHAR_WARD, JurisdictionType.WARD, Optional.of("DHAR"), "Ward 1, Dhar", "वार्ड 1, धार"),
        new Jurisdiction("INDORE", JurisdictionType.DISTRICT, Optional.of("MP"), "Indore", "इंदौर"),
        new Jurisdiction(INDORE_WARD, JurisdictionType.WARD, Optional.of("INDORE"), "Ward 5, Indore",
            "वार्ड 5, इंदौर")));
  }

  /** An entry point over the store with the two districts, the 7-day ladder and ids {@code MPH-2024-NNNNNN}. */
  static Grievances grievances(ComplaintStore store, Clock clock) {
    return Grievances.builder()
        .store(store)
        .clock(clock)
        .idScheme(ComplaintIdScheme.yearly("MPH", IST))
        .directory(directory())
        .calendars(CalendarRegistry.of(ROUND_THE_CLOCK))
        .escalationPolicies(EscalationPolicies.of(CM_HELPLINE))
        .build();
  }

  private static Officer officer(String id, String phone) {
    return new Officer(id, id, PhoneNumber.parse(phone), true, Language.HINDI);
  }

  private static Post post(
      PostId id, String title, String department, String jurisdiction, int level, PostId reportsTo, String phone) {
    return new Post(id, title, department, jurisdiction, Level.of(level), Optional.ofNullable(reportsTo), Set.of(),
        Optional.of(officer("OFF-" + id.code(), phone)));
  }
}
