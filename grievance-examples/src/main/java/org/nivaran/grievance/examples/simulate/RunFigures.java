package org.nivaran.grievance.examples.simulate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.nivaran.grievance.notify.NotificationKind;
import org.nivaran.grievance.directory.Directory;

/**
 * Everything the terminal and HTML reports show about one run.
 *
 * @param result the run's result
 * @param directory the district's registries, for names
 * @param start the first simulated day
 * @param target the number of calls aimed at
 * @param perDay complaints received and disposed on each simulated day
 * @param outbox notifications delivered, by kind, in the kinds' order
 * @param documentsRequested requests for documents made by officers
 */
record RunFigures(SimulationResult result, Directory directory, LocalDate start, int target, List<DayCount> perDay,
    Map<NotificationKind, Long> outbox, long documentsRequested) {

  /**
   * One simulated day.
   *
   * @param date the day
   * @param received complaints registered on it
   * @param disposed complaints disposed on it
   */
  record DayCount(LocalDate date, long received, long disposed) {}

  /** The number of simulated days. */
  int days() {
    return perDay.size();
  }

  /** The department's English name, or its code if unknown. */
  String departmentEn(String code) {
    return directory.departments().find(code).map(d -> d.nameEn()).orElse(code);
  }

  /** The department's Hindi name, or empty if unknown. */
  String departmentHi(String code) {
    return directory.departments().find(code).map(d -> d.nameHi()).orElse("");
  }

  /** A post's title, or its code if unknown. */
  String postTitle(org.nivaran.grievance.actor.PostId post) {
    return directory.posts().find(post).map(p -> p.title()).orElse(post.code());
  }

  /** The jurisdiction's English name, or its code if unknown. */
  String placeEn(String code) {
    return directory.jurisdictions().find(code).map(j -> j.nameEn()).orElse(code);
  }

  /** The jurisdiction's Hindi name, or empty if unknown. */
  String placeHi(String code) {
    return directory.jurisdictions().find(code).map(j -> j.nameHi()).orElse("");
  }
}
