package org.nivaran.grievance.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Kind;
import org.nivaran.grievance.actor.Level;

/**
 * A small Raipur directory for the routing tests: CG › RAIPUR › RAIPUR-TEHSIL (wards 12 and 34),
 * ARANG-TEHSIL (Samoda panchayat); the energy ladder JE (ward 12) / AE (tehsil) → EE → SE → CE, and
 * a revenue ladder whose L1 stands only at the district.
 */
final class Raipur {
  private Raipur() {}

  static Departments departments() {
    return Departments.of(List.of(
        new Department("energy", "Energy Department", "ऊर्जा विभाग"),
        new Department("revenue", "Revenue Department", "राजस्व विभाग")));
  }

  static List<Jurisdiction> jurisdictionList() {
    return List.of(
        place("CG", JurisdictionType.STATE, null),
        place("RAIPUR", JurisdictionType.DISTRICT, "CG"),
        place("RAIPUR-TEHSIL", JurisdictionType.TEHSIL, "RAIPUR"),
        place("ARANG-TEHSIL", JurisdictionType.TEHSIL, "RAIPUR"),
        place("RAIPUR-W12", JurisdictionType.WARD, "RAIPUR-TEHSIL"),
        place("RAIPUR-W34", JurisdictionType.WARD, "RAIPUR-TEHSIL"),
        place("ARANG-GP-SAMODA", JurisdictionType.PANCHAYAT, "ARANG-TEHSIL"));
  }

  static Jurisdictions jurisdictions() {
    return Jurisdictions.of(jurisdictionList());
  }

  static Jurisdiction place(String code, JurisdictionType type, String parent) {
    return new Jurisdiction(code, type, Optional.ofNullable(parent), code + " (en)", code + " (हिंदी)");
  }

  static Categories categories() {
    return Categories.of(List.of(
        Category.of("energy.supply", "energy", "Electricity supply interrupted", "बिजली आपूर्ति बाधित",
            List.of("bijli nahi hai"), Kind.COMPLAINT, "cg-7d"),
        Category.of("revenue.land-record", "revenue", "Land record correction", "भू-अभिलेख सुधार",
            List.of(), Kind.COMPLAINT, "cg-15d")), departments());
  }

  static Officer officer(String id, String name, String phone) {
    return new Officer(id, name, PhoneNumber.parse(phone), true, Language.HINDI);
  }

  static Post post(String id, String department, String jurisdiction, Level level, String reportsTo, PostDuty... duties) {
    return new Post(PostId.of(id), id + " title", department, jurisdiction, level,
        Optional.ofNullable(reportsTo).map(PostId::of), Set.of(duties), Optional.empty());
  }

  static List<Post> postList() {
    List<Post> posts = new ArrayList<>();
    posts.add(post("CE", "energy", "RAIPUR", Level.L4, null, PostDuty.HEAD_OF_DEPARTMENT));
    posts.add(post("SE", "energy", "RAIPUR", Level.L3, "CE"));
    posts.add(post("EE-CITY", "energy", "RAIPUR-TEHSIL", Level.L2, "SE"));
    posts.add(post("JE-W12", "energy", "RAIPUR-W12", Level.L1, "EE-CITY")
        .withHolder(Optional.of(officer("CSPDCL-5120", "राजेश कुमार साहू", "98000 00106"))));
    posts.add(post("AE-CITY", "energy", "RAIPUR-TEHSIL", Level.L1, "EE-CITY"));
    posts.add(post("COLLECTOR", "revenue", "RAIPUR", Level.L4, null, PostDuty.HEAD_OF_DEPARTMENT));
    posts.add(post("ADC-1", "revenue", "RAIPUR", Level.L3, "COLLECTOR"));
    posts.add(post("ADC-2", "revenue", "RAIPUR", Level.L3, "COLLECTOR"));
    posts.add(post("NODAL", "revenue", "RAIPUR", Level.L3, "COLLECTOR", PostDuty.NODAL_OFFICER));
    posts.add(post("SDM", "revenue", "RAIPUR", Level.L2, "ADC-1"));
    posts.add(post("TEHSILDAR", "revenue", "RAIPUR", Level.L1, "SDM"));
    return posts;
  }

  static Posts posts() {
    return Posts.of(postList(), departments(), jurisdictions());
  }

  static Directory directory() {
    Departments departments = departments();
    Jurisdictions jurisdictions = jurisdictions();
    return Directory.builder()
        .departments(departments)
        .jurisdictions(jurisdictions)
        .categories(categories())
        .posts(Posts.of(postList(), departments, jurisdictions))
        .build();
  }
}
