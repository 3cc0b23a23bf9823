package org.nivaran.grievance.escalation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.calendar.WeeklySchedule;
import org.nivaran.grievance.complaint.Kind;
import org.nivaran.grievance.directory.Blocklist;
import org.nivaran.grievance.directory.Categories;
import org.nivaran.grievance.directory.Category;
import org.nivaran.grievance.directory.Department;
import org.nivaran.grievance.directory.Departments;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.directory.DutyRoster;
import org.nivaran.grievance.directory.Jurisdiction;
import org.nivaran.grievance.directory.JurisdictionType;
import org.nivaran.grievance.directory.Jurisdictions;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.directory.Officer;
import org.nivaran.grievance.directory.Post;
import org.nivaran.grievance.directory.PostDuty;
import org.nivaran.grievance.directory.Posts;

/**
 * A small district for escalation tests: Raipur, an office calendar (Mon-Fri 10:00-18:00 IST,
 * Holi on Monday 25 March 2024), the MP ladder for energy and revenue, the UP ladder for water.
 */
public final class District {
  private District() {}

  public static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  public static final BusinessCalendar OFFICE =
      BusinessCalendar.builder("OFFICE", IST)
          .schedule(WeeklySchedule.builder().hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "10:00-18:00").build())
          .holiday(LocalDate.of(2024, 3, 25), "Holi")
          .build();

  public static final CalendarRegistry CALENDARS = CalendarRegistry.of(OFFICE);

  public static final LadderPolicy MP = LadderPolicy.madhyaPradesh("MP", "OFFICE");
  public static final LadderPolicy UP = LadderPolicy.uttarPradesh("UP", "OFFICE");
  public static final EscalationPolicies POLICIES = EscalationPolicies.of(MP, UP);

  public static final PostId AE = PostId.of("AE-RAIPUR-CITY");
  public static final PostId EE = PostId.of("EE-RAIPUR");
  public static final PostId SE = PostId.of("SE-RAIPUR");
  public static final PostId CE = PostId.of("CE-CG");
  public static final PostId TEHSILDAR = PostId.of("TEHSILDAR-RAIPUR");
  public static final PostId NODAL = PostId.of("NODAL-RAIPUR");
  public static final PostId ADM_1 = PostId.of("ADM-1-RAIPUR");
  public static final PostId ADM_2 = PostId.of("ADM-2-RAIPUR");
  public static final PostId JAL_DEPT = PostId.of("JAL-DEPT-RAIPUR");
  public static final PostId JAL_1 = PostId.of("JAL-L1");
  public static final PostId JAL_2 = PostId.of("JAL-L2");
  public static final PostId JAL_3 = PostId.of("JAL-L3");
  public static final PostId JAL_4 = PostId.of("JAL-L4");

  public static Officer officer(String id, String name, String phone) {
    return new Officer(id, name, PhoneNumber.parse(phone), true, Language.HINDI);
  }

  public static final Officer VERMA = officer("OFF-AE-1", "सुरेश वर्मा", "9826000001");
  public static final Officer SAHU = officer("OFF-AE-2", "अनीता साहू", "9826000002");

  public static Directory directory() {
    Departments departments = Departments.of(List.of(
        new Department("ENERGY", "Energy", "ऊर्जा"),
        new Department("REVENUE", "Revenue", "राजस्व"),
        new Department("COLLECTORATE", "Collectorate", "कलेक्टोरेट"),
        new Department("JAL", "Water Resources", "जल संसाधन")));
    Jurisdictions jurisdictions = Jurisdictions.of(List.of(
        new Jurisdiction("CG", JurisdictionType.STATE, Optional.empty(), "Chhattisgarh", "छत्तीसगढ़"),
        new Jurisdiction("RAIPUR", JurisdictionType.DISTRICT, Optional.of("CG"), "Raipur", "रायपुर"),
        new Jurisdiction("RAIPUR-TEHSIL", JurisdictionType.TEHSIL, Optional.of("RAIPUR"), "Raipur Tehsil", "रायपुर तहसील"),
        new Jurisdiction("WARD-12", JurisdictionType.WARD, Optional.of("RAIPUR-TEHSIL"), "Ward 12", "वार्ड 12")));
    Categories categories = Categories.of(List.of(
        Category.of("ENERGY.SUPPLY", "ENERGY", "Electricity supply interrupted", "बिजली आपूर्ति बाधित",
            List.of("bijli"), Kind.COMPLAINT, "MP"),
        Category.of("REVENUE.LAND", "REVENUE", "Land record correction", "भू-अभिलेख सुधार",
            List.of("khasra"), Kind.COMPLAINT, "MP"),
        Category.of("JAL.PIPE", "JAL", "Water pipeline leak", "पाइपलाइन रिसाव",
            List.of("pani"), Kind.COMPLAINT, "UP"),
        Category.of("HEARING.GENERAL", "COLLECTORATE", "Public hearing", "जनदर्शन",
            List.of("jan darshan"), Kind.COMPLAINT, "MP")),
        departments);
    Posts posts = Posts.of(List.of(
        post(AE, "Assistant Engineer, Raipur City", "ENERGY", "RAIPUR-TEHSIL", 1, EE, Set.of(), VERMA),
        post(EE, "Executive Engineer, Raipur", "ENERGY", "RAIPUR", 2, SE, Set.of(),
            officer("OFF-EE", "राजेश तिवारी", "9826000003")),
        post(SE, "Superintending Engineer, Raipur", "ENERGY", "RAIPUR", 3, CE, Set.of(),
            officer("OFF-SE", "मीना पटेल", "9826000004")),
        post(CE, "Chief Engineer, Chhattisgarh", "ENERGY", "CG", 4, null, Set.of(PostDuty.HEAD_OF_DEPARTMENT),
            officer("OFF-CE", "अरुण मिश्रा", "9826000005")),
        post(TEHSILDAR, "Tehsildar, Raipur", "REVENUE", "RAIPUR-TEHSIL", 1, null, Set.of(),
            officer("OFF-TEH", "प्रकाश ध्रुव", "9826000006")),
        post(NODAL, "District Nodal Officer, Raipur", "COLLECTORATE", "RAIPUR", 2, null, Set.of(PostDuty.NODAL_OFFICER),
            officer("OFF-NODAL", "कविता ठाकुर", "9826000007")),
        post(ADM_1, "Additional Collector 1, Raipur", "COLLECTORATE", "RAIPUR", 2, null, Set.of(),
            officer("OFF-ADM1", "विनय सिंह", "9826000008")),
        post(ADM_2, "Additional Collector 2, Raipur", "COLLECTORATE", "RAIPUR", 2, null, Set.of(),
            officer("OFF-ADM2", "रश्मि यादव", "9826000009")),
        post(JAL_DEPT, "Water Resources Department desk, Raipur", "JAL", "RAIPUR", 0, JAL_1, Set.of(),
            officer("OFF-J0", "नरेश कुमार", "9826000010")),
        post(JAL_1, "Sub-Engineer, Water", "JAL", "RAIPUR", 1, JAL_2, Set.of(), officer("OFF-J1", "J1", "9826000011")),
        post(JAL_2, "Executive Engineer, Water", "JAL", "RAIPUR", 2, JAL_3, Set.of(), officer("OFF-J2", "J2", "9826000012")),
        post(JAL_3, "Superintending Engineer, Water", "JAL", "RAIPUR", 3, JAL_4, Set.of(), officer("OFF-J3", "J3", "9826000013")),
        post(JAL_4, "Chief Engineer, Water", "JAL", "CG", 4, null, Set.of(PostDuty.HEAD_OF_DEPARTMENT),
            officer("OFF-J4", "J4", "9826000014"))),
        departments, jurisdictions);
    DutyRoster roster = DutyRoster.rotating(List.of(ADM_1, ADM_2), OFFICE, LocalDate.of(2024, 3, 18), LocalDate.of(2024, 4, 30));
    return Directory.builder()
        .departments(departments)
        .jurisdictions(jurisdictions)
        .categories(categories)
        .posts(posts)
        .roster(roster)
        .blocklist(Blocklist.empty())
        .build();
  }

  /**
   * A builder of {@code Grievances} over this district: its directory, calendars and ladders,
   * ids {@code RPR-YYYY-NNNNNN} in IST, the given store and clock.
   */
  public static org.nivaran.grievance.GrievancesBuilder grievances(
      org.nivaran.grievance.store.ComplaintStore store, java.time.Clock clock) {
    return org.nivaran.grievance.Grievances.builder()
        .store(store)
        .clock(clock)
        .idScheme(org.nivaran.grievance.complaint.ComplaintIdScheme.yearly("RPR", IST))
        .directory(directory())
        .calendars(CALENDARS)
        .escalationPolicies(POLICIES);
  }

  private static Post post(
      PostId id, String title, String dept, String jurisdiction, int level, PostId reportsTo, Set<PostDuty> duties,
      Officer holder) {
    return new Post(id, title, dept, jurisdiction, Level.of(level), Optional.ofNullable(reportsTo), duties,
        Optional.of(holder));
  }

}
