package org.nivaran.grievance.notify;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.directory.Post;

/**
 * The values a message's {@link Template} placeholders are filled with: the complaint's, the
 * post's, a list of complaint numbers, and dates as messages show them. Every placeholder not
 * given a value shows {@link NotificationPolicy#NONE}.
 */
final class MessageValues {
  private static final Map<Long, String> MONTHS = months();

  private MessageValues() {}

  /** Dates as {@code 12 Mar 2024 17:30} in a zone: English months and ASCII digits whatever the language. */
  static DateTimeFormatter dateFormat(ZoneId zone) {
    return new DateTimeFormatterBuilder()
        .appendValue(ChronoField.DAY_OF_MONTH)
        .appendLiteral(' ')
        .appendText(ChronoField.MONTH_OF_YEAR, MONTHS)
        .appendLiteral(' ')
        .appendValue(ChronoField.YEAR, 4, 9, SignStyle.NORMAL)
        .appendLiteral(' ')
        .appendValue(ChronoField.HOUR_OF_DAY, 2)
        .appendLiteral(':')
        .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
        .toFormatter(Locale.ROOT)
        .withZone(zone);
  }

  /** Every placeholder, valued {@link NotificationPolicy#NONE}. */
  static Map<String, String> blank() {
    Map<String, String> values = new LinkedHashMap<>();
    Template.PLACEHOLDERS.forEach(p -> values.put(p, NotificationPolicy.NONE));
    return values;
  }

  /** The complaint's number, category and citizen, its deadline, and the reason cut to one short line. */
  static Map<String, String> ofComplaint(Complaint complaint, String deadline, String reason) {
    Map<String, String> values = blank();
    values.put("complaintId", complaint.id().value());
    values.put("category", complaint.categoryCode());
    values.put("citizenName", complaint.citizen().name());
    values.put("deadline", deadline);
    values.put("reason", NotificationPolicy.shorten(reason));
    return values;
  }

  /** The post's code and title, and the level the complaint is at. */
  static void putPost(Map<String, String> values, Post post, Level level) {
    values.put("post", post.id().code());
    values.put("postTitle", post.title());
    values.put("level", level.toString());
  }

  /** The first {@link NotificationPolicy#MAX_LISTED_IDS} numbers, then "+N more". */
  static String listIds(List<ComplaintId> ids, Language language) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(ids.size(), NotificationPolicy.MAX_LISTED_IDS); i++) {
      out.append(i == 0 ? "" : ", ").append(ids.get(i).value());
    }
    int more = ids.size() - NotificationPolicy.MAX_LISTED_IDS;
    if (more > 0) {
      out.append(" +").append(more).append(language == Language.HINDI ? " और" : " more");
    }
    return out.toString();
  }

  private static Map<Long, String> months() {
    String[] names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    Map<Long, String> months = new HashMap<>();
    for (int m = 1; m <= 12; m++) {
      months.put((long) m, names[m - 1]);
    }
    return Map.copyOf(months);
  }
}
