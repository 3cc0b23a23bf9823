package org.nivaran.grievance.examples.simulate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.WeeklySchedule;
import org.nivaran.grievance.complaint.Kind;
import org.nivaran.grievance.escalation.LadderPolicy;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.sla.SlaBudget;
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
 * A district like Raipur, built in code: six departments with three complaint categories each,
 * the jurisdictions of Raipur and of its neighbour Durg (city wards under an urban tehsil, and
 * rural blocks), a ladder of posts L1 to L4 per department with an officer in each, an office
 * calendar, the call centre's hours, and the MP CM Helpline ladder on the office calendar.
 *
 * <ul>
 *   <li>Departments: energy (the power distribution company), public health engineering (drinking
 *       water), the municipal corporations, revenue, health, food and civil supplies; English and
 *       Hindi names.
 *   <li>Posts: an L1 post in each urban tehsil and block (the municipal corporation only in the two
 *       cities), an L2 post per district, one L3 and one L4 post per department for the state (the
 *       L4 post is the head of department). The revenue department's L2 post of each district, the
 *       Additional Collector, is the district's nodal officer.
 *   <li>{@link #OFFICE}: Monday to Saturday 10:00–18:00 in Asia/Kolkata, the 2nd and 4th Saturdays
 *       closed, and the 2024 gazetted holidays (in March: Mahashivratri on the 8th, Holi on the
 *       25th, Good Friday on the 29th).
 *   <li>{@link #CALL_CENTRE}: the call centre takes calls from 08:00 to 20:00 every day, Sundays
 *       and holidays included. The article on Raipur's call centre does not give its hours; these
 *       are an assumption of the example.
 *   <li>{@link #LADDER}: the MP ladder, 7 working days at each of L1 to L4 on the office
 *       calendar, shortened by priority: 1 working day for {@code URGENT}, 3 for {@code HIGH};
 *       every category names it. Three categories have a default priority other than
 *       {@code NORMAL}: an ambulance that did not come is {@code URGENT}, a failed transformer and
 *       no drinking water are {@code HIGH}, an excessive bill is {@code LOW}.
 * </ul>
 *
 * <p>Thread-safe: the constants are immutable and {@link #directory()} builds a new directory on
 * each call.
 */
public final class RaipurDistrict {
  private RaipurDistrict() {}

  /** India Standard Time, the zone of every calendar here. */
  public static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  /** The id of {@link #OFFICE}. */
  public static final String OFFICE_ID = "CG-OFFICE";

  /** The id of {@link #CALL_CENTRE}. */
  public static final String CALL_CENTRE_ID = "RAIPUR-CALL-CENTRE";

  /** The id of {@link #LADDER}, which every category names. */
  public static final String LADDER_ID = "MP";

  /** The offices' working hours: Monday to Saturday 10:00–18:00, 2nd and 4th Saturdays and holidays closed. */
  public static final BusinessCalendar OFFICE = BusinessCalendar.builder(OFFICE_ID, IST)
      .schedule(WeeklySchedule.builder()
          .hours(DayOfWeek.MONDAY, DayOfWeek.SATURDAY, "10:00-18:00")
          .closedSaturdays(2, 4)
          .build())
      .holiday(LocalDate.of(2024, 1, 26), "Republic Day")
      .holiday(LocalDate.of(2024, 3, 8), "Mahashivratri")
      .holiday(LocalDate.of(2024, 3, 25), "Holi")
      .holiday(LocalDate.of(2024, 3, 29), "Good Friday")
      .holiday(LocalDate.of(2024, 4, 11), "Id-ul-Fitr")
      .holiday(LocalDate.of(2024, 4, 17), "Ram Navami")
      .holiday(LocalDate.of(2024, 8, 15), "Independence Day")
      .holiday(LocalDate.of(2024, 8, 26), "Janmashtami")
      .holiday(LocalDate.of(2024, 10, 2), "Mahatma Gandhi's Birthday")
      .holiday(LocalDate.of(2024, 10, 12), "Dussehra")
      .holiday(LocalDate.of(2024, 10, 31), "Diwali")
      .holiday(LocalDate.of(2024, 12, 25), "Christmas Day")
      .build();

  /** The call centre's hours: 08:00–20:00 every day. */
  public static final BusinessCalendar CALL_CENTRE = BusinessCalendar.builder(CALL_CENTRE_ID, IST)
      .schedule(WeeklySchedule.builder().hours(DayOfWeek.MONDAY, DayOfWeek.SUNDAY, "08:00-20:00").build())
      .build();

  /**
   * The MP CM Helpline ladder on {@link #OFFICE}, L1 to L4, flagged overdue past L4: at each level
   * 1 working day for an {@code URGENT} complaint, 3 for a {@code HIGH} one and 7 otherwise.
   */
  public static final LadderPolicy LADDER = ladder();

  private static LadderPolicy ladder() {
    LadderPolicy.Builder b = LadderPolicy.builder(LADDER_ID, OFFICE_ID).entry(Level.L1).top(Level.L4)
        .otherwise(SlaBudget.workingDays(7));
    for (Level level : List.of(Level.L1, Level.L2, Level.L3, Level.L4)) {
      b.budget(level, Priority.URGENT, SlaBudget.workingDays(1)).budget(level, Priority.HIGH, SlaBudget.workingDays(3));
    }
    return b.build();
  }

  /** The state. */
  public static final String STATE = "CG";
  /** Raipur district. */
  public static final String RAIPUR = "CG.RAIPUR";
  /** Durg district, Raipur's neighbour. */
  public static final String DURG = "CG.DURG";

  private static final String[] OFFICERS = {
      "सुरेश वर्मा", "राजेश तिवारी", "मीना पटेल", "अरुण मिश्रा", "नरेश साहू", "कविता ठाकुर", "प्रकाश चंद्राकर",
      "सीमा देवांगन", "अनिल शर्मा", "रेखा सिन्हा", "विनोद यादव", "पूजा अग्रवाल", "दिनेश साहू", "संगीता नेताम",
      "महेश कश्यप", "ममता ध्रुव", "संजय गुप्ता", "उषा बघेल", "रमेश निषाद", "अंजलि श्रीवास्तव", "मनोज पांडे",
      "लता कौशिक", "अशोक बंजारे", "नीलम टंडन"};

  /**
   * The district's registries: departments, categories, jurisdictions and posts, with an empty
   * blocklist and no duty roster.
   *
   * @return a new directory
   */
  public static Directory directory() {
    Departments departments = Departments.of(List.of(
        new Department("ENERGY", "Energy (power distribution)", "ऊर्जा विभाग"),
        new Department("PHE", "Public Health Engineering (drinking water)", "लोक स्वास्थ्य यांत्रिकी विभाग"),
        new Department("MUNICIPAL", "Municipal Corporation", "नगर निगम"),
        new Department("REVENUE", "Revenue", "राजस्व विभाग"),
        new Department("HEALTH", "Health", "स्वास्थ्य विभाग"),
        new Department("FOOD", "Food and Civil Supplies", "खाद्य एवं नागरिक आपूर्ति विभाग")));
    Jurisdictions jurisdictions = Jurisdictions.of(List.of(
        place(STATE, JurisdictionType.STATE, null, "Chhattisgarh", "छत्तीसगढ़"),
        place(RAIPUR, JurisdictionType.DISTRICT, STATE, "Raipur", "रायपुर"),
        place(RAIPUR + ".CITY", JurisdictionType.TEHSIL, RAIPUR, "Raipur (urban)", "रायपुर शहर"),
        place(RAIPUR + ".WARD-12", JurisdictionType.WARD, RAIPUR + ".CITY", "Ward 12, Pandri", "वार्ड 12, पंडरी"),
        place(RAIPUR + ".WARD-27", JurisdictionType.WARD, RAIPUR + ".CITY", "Ward 27, Tatibandh", "वार्ड 27, टाटीबंध"),
        place(RAIPUR + ".WARD-45", JurisdictionType.WARD, RAIPUR + ".CITY", "Ward 45, Mowa", "वार्ड 45, मोवा"),
        place(RAIPUR + ".ABHANPUR", JurisdictionType.BLOCK, RAIPUR, "Abhanpur", "अभनपुर"),
        place(RAIPUR + ".ARANG", JurisdictionType.BLOCK, RAIPUR, "Arang", "आरंग"),
        place(RAIPUR + ".TILDA", JurisdictionType.BLOCK, RAIPUR, "Tilda", "तिल्दा"),
        place(DURG, JurisdictionType.DISTRICT, STATE, "Durg", "दुर्ग"),
        place(DURG + ".CITY", JurisdictionType.TEHSIL, DURG, "Durg (urban)", "दुर्ग शहर"),
        place(DURG + ".WARD-08", JurisdictionType.WARD, DURG + ".CITY", "Ward 8, Padmanabhpur", "वार्ड 8, पद्मनाभपुर"),
        place(DURG + ".WARD-19", JurisdictionType.WARD, DURG + ".CITY", "Ward 19, Borsi", "वार्ड 19, बोरसी"),
        place(DURG + ".PATAN", JurisdictionType.BLOCK, DURG, "Patan", "पाटन"),
        place(DURG + ".DHAMDHA", JurisdictionType.BLOCK, DURG, "Dhamdha", "धमधा")));
    Categories categories = Categories.of(List.of(
        category("ENERGY.SUPPLY.OUTAGE", "ENERGY", "Electricity supply interrupted", "बिजली आपूर्ति बाधित", "bijli nahi"),
        category("ENERGY.TRANSFORMER", "ENERGY", "Transformer failed", "ट्रांसफ़ॉर्मर ख़राब", "transformer jala")
            .withDefaultPriority(Priority.HIGH),
        category("ENERGY.BILL", "ENERGY", "Excessive electricity bill", "अधिक बिजली बिल", "bijli bill")
            .withDefaultPriority(Priority.LOW),
        category("PHE.HANDPUMP", "PHE", "Hand pump out of order", "हैंडपंप बंद", "handpump"),
        category("PHE.PIPELINE", "PHE", "Drinking water pipeline leak", "पेयजल पाइपलाइन रिसाव", "pipeline"),
        category("PHE.NO-SUPPLY", "PHE", "No drinking water supply", "पेयजल आपूर्ति नहीं", "pani nahi")
            .withDefaultPriority(Priority.HIGH),
        category("MUNICIPAL.GARBAGE", "MUNICIPAL", "Garbage not collected", "कचरा नहीं उठाया गया", "kachra"),
        category("MUNICIPAL.STREETLIGHT", "MUNICIPAL", "Street light not working", "स्ट्रीट लाइट बंद", "street light"),
        category("MUNICIPAL.DRAIN", "MUNICIPAL", "Blocked drain", "नाली जाम", "nali"),
        category("REVENUE.MUTATION", "REVENUE", "Land mutation pending", "नामांतरण लंबित", "namantaran"),
        category("REVENUE.DEMARCATION", "REVENUE", "Land demarcation not done", "सीमांकन नहीं हुआ", "seemankan"),
        category("REVENUE.CERTIFICATE", "REVENUE", "Income or caste certificate delayed", "आय/जाति प्रमाण पत्र में देरी",
            "praman patra"),
        category("HEALTH.DOCTOR", "HEALTH", "Doctor absent at the health centre", "स्वास्थ्य केंद्र में डॉक्टर अनुपस्थित",
            "doctor nahi"),
        category("HEALTH.AMBULANCE", "HEALTH", "Ambulance did not come", "एम्बुलेंस नहीं आई", "108")
            .withDefaultPriority(Priority.URGENT),
        category("HEALTH.MEDICINE", "HEALTH", "Medicines not available", "दवाइयाँ उपलब्ध नहीं", "dawai"),
        category("FOOD.RATION", "FOOD", "Ration not received", "राशन नहीं मिला", "ration"),
        category("FOOD.CARD", "FOOD", "Ration card not issued", "राशन कार्ड नहीं बना", "ration card"),
        category("FOOD.SHOP", "FOOD", "Fair price shop closed", "उचित मूल्य दुकान बंद", "ration dukan")),
        departments);
    return Directory.builder()
        .departments(departments)
        .jurisdictions(jurisdictions)
        .categories(categories)
        .posts(Posts.of(posts(jurisdictions), departments, jurisdictions))
        .blocklist(Blocklist.empty())
        .build();
  }

  /** The posts: L1 per urban tehsil and block, L2 per district, L3 and L4 for the state. */
  private static List<Post> posts(Jurisdictions places) {
    List<String> units = List.of(RAIPUR + ".CITY", RAIPUR + ".ABHANPUR", RAIPUR + ".ARANG", RAIPUR + ".TILDA",
        DURG + ".CITY", DURG + ".PATAN", DURG + ".DHAMDHA");
    List<Post> posts = new ArrayList<>();
    for (String[] d : new String[][] {
        {"ENERGY", "Assistant Engineer", "Executive Engineer", "Superintending Engineer", "Chief Engineer"},
        {"PHE", "Sub-Divisional Officer", "Executive Engineer", "Superintending Engineer", "Chief Engineer"},
        {"MUNICIPAL", "Zone Commissioner", "Municipal Commissioner", "Joint Director, Urban Administration",
            "Director, Urban Administration"},
        {"REVENUE", "Tehsildar", "Additional Collector", "Divisional Commissioner", "Secretary, Revenue"},
        {"HEALTH", "Block Medical Officer", "Chief Medical and Health Officer", "Joint Director, Health",
            "Director, Health Services"},
        {"FOOD", "Food Inspector", "District Food Controller", "Joint Director, Food", "Director, Food"}}) {
      String dept = d[0];
      posts.add(post(places, dept, Level.L4, STATE, d[4], null, Set.of(PostDuty.HEAD_OF_DEPARTMENT), posts.size()));
      posts.add(post(places, dept, Level.L3, STATE, d[3], postId(dept, Level.L4, STATE), Set.of(), posts.size()));
      for (String district : List.of(RAIPUR, DURG)) {
        Set<PostDuty> duties = dept.equals("REVENUE") ? Set.of(PostDuty.NODAL_OFFICER) : Set.of();
        posts.add(post(places, dept, Level.L2, district, d[2], postId(dept, Level.L3, STATE), duties, posts.size()));
      }
      for (String unit : units) {
        if (dept.equals("MUNICIPAL") && !unit.endsWith(".CITY")) {
          continue; // the municipal corporations serve the cities only
        }
        String district = unit.startsWith(RAIPUR + ".") ? RAIPUR : DURG;
        posts.add(post(places, dept, Level.L1, unit, d[1], postId(dept, Level.L2, district), Set.of(), posts.size()));
      }
    }
    return posts;
  }

  /**
   * The id of the post of a department at a level in a jurisdiction, e.g. {@code ENERGY-L1-RAIPUR.ARANG}.
   *
   * @param department the department's code
   * @param level the level
   * @param jurisdiction the jurisdiction's code
   * @return the post id
   */
  public static PostId postId(String department, Level level, String jurisdiction) {
    String place = jurisdiction.startsWith(STATE + ".") ? jurisdiction.substring(STATE.length() + 1) : jurisdiction;
    return PostId.of(department + "-" + level + "-" + place);
  }

  private static Post post(Jurisdictions places, String dept, Level level, String jurisdiction, String title,
      PostId reportsTo, Set<PostDuty> duties, int n) {
    PostId id = postId(dept, level, jurisdiction);
    Officer officer = new Officer("OFF-" + id.code(), OFFICERS[n % OFFICERS.length],
        PhoneNumber.parse(String.valueOf(9_826_000_000L + n)), true, Language.HINDI);
    return new Post(id, title + ", " + places.get(jurisdiction).nameEn(), dept, jurisdiction, level,
        Optional.ofNullable(reportsTo), duties, Optional.of(officer));
  }

  private static Jurisdiction place(String code, JurisdictionType type, String parent, String en, String hi) {
    return new Jurisdiction(code, type, Optional.ofNullable(parent), en, hi);
  }

  private static Category category(String code, String dept, String en, String hi, String alias) {
    return Category.of(code, dept, en, hi, List.of(alias), Kind.COMPLAINT, LADDER_ID);
  }
}
