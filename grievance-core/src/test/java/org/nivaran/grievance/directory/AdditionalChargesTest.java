package org.nivaran.grievance.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.PostId;

/**
 * The additional charges a directory's posts carry ({@link Posts#withCharges}), and who answers for
 * a post at an instant ({@link Posts#answering}). In {@link Raipur}'s directory only the JE of ward
 * 12 has a holder (CSPDCL-5120); the charge of the vacant EE-CITY is given to them for 30 days.
 */
class AdditionalChargesTest {
  static final PostId EE_CITY = PostId.of("EE-CITY");
  static final PostId JE_W12 = PostId.of("JE-W12");
  static final String JE = "CSPDCL-5120";
  static final Instant FROM = Instant.parse("2024-05-01T04:30:00Z"); // 10:00 IST
  static final Instant UNTIL = Instant.parse("2024-05-31T18:30:00Z"); // the end of 31 May, IST

  static AdditionalCharge charge(PostId post, String officerId) {
    return new AdditionalCharge(post, officerId, FROM, UNTIL, "CSPDCL-0001", "EE City transferred");
  }

  /** Raipur's posts, with the SE's post held by the officer who gives the charges, CSPDCL-0001. */
  static Posts raipur() {
    return Raipur.posts().withHolder(PostId.of("SE"), Optional.of(Raipur.officer("CSPDCL-0001", "अधीक्षण अभियंता", "98000 00101")));
  }

  private final Posts charged = raipur().withCharges(List.of(charge(EE_CITY, JE)));

  @Test
  void the_officer_in_charge_answers_for_the_vacant_post_from_from_until_just_before_until() {
    assertThat(charged.answering(EE_CITY, FROM.minusSeconds(1))).isEmpty();
    assertThat(charged.answering(EE_CITY, FROM)).map(Officer::id).contains(JE);
    assertThat(charged.answering(EE_CITY, UNTIL.minusNanos(1))).map(Officer::id).contains(JE);
    assertThat(charged.answering(EE_CITY, UNTIL)).isEmpty();
    assertThat(charged.answering(JE_W12, FROM)).map(Officer::id).contains(JE);
    assertThat(charged.answering(PostId.of("SE"), FROM)).map(Officer::id).contains("CSPDCL-0001"); // its holder
    assertThat(charged.answering(PostId.of("CE"), FROM)).isEmpty(); // vacant, not charged
    assertThat(charged.answering(PostId.of("NOWHERE"), FROM)).isEmpty();
  }

  @Test
  void an_officer_answers_for_the_posts_they_hold_then_those_in_their_charge() {
    assertThat(charged.answeredBy(JE, FROM)).extracting(Post::id).containsExactly(JE_W12, EE_CITY);
    assertThat(charged.answeredBy(JE, UNTIL)).extracting(Post::id).containsExactly(JE_W12);
    assertThat(charged.answeredBy("CSPDCL-0001", FROM)).extracting(Post::id).containsExactly(PostId.of("SE"));
  }

  @Property
  void a_charge_is_in_force_exactly_from_from_to_before_until(
      @ForAll @LongRange(min = 1, max = 400L * 86_400) long lengthSeconds,
      @ForAll @LongRange(min = -800L * 86_400, max = 800L * 86_400) long offsetSeconds) {
    Instant until = FROM.plusSeconds(lengthSeconds);
    Posts posts = raipur().withCharges(List.of(new AdditionalCharge(EE_CITY, JE, FROM, until, "CSPDCL-0001", "leave")));
    Instant now = FROM.plusSeconds(offsetSeconds);

    boolean inForce = offsetSeconds >= 0 && offsetSeconds < lengthSeconds;
    assertThat(posts.answering(EE_CITY, now).isPresent()).isEqualTo(inForce);
    assertThat(posts.chargeInForce(EE_CITY, now).isPresent()).isEqualTo(inForce);
    assertThat(posts.chargeOf(EE_CITY)).isPresent();
  }

  @Test
  void a_holder_joining_ends_the_posts_charge() {
    Posts joined = charged.withHolder(EE_CITY, Optional.of(Raipur.officer("CSPDCL-6001", "नए अभियंता", "98000 00107")));

    assertThat(joined.charges()).isEmpty();
    assertThat(joined.answering(EE_CITY, FROM)).map(Officer::id).contains("CSPDCL-6001");
  }

  @Test
  void an_officer_who_no_longer_holds_a_post_loses_their_charges_and_others_keep_theirs() {
    assertThat(charged.withHolder(JE_W12, Optional.empty()).charges()).isEmpty();
    assertThat(charged.withHolder(PostId.of("SE"), Optional.of(Raipur.officer("CSPDCL-7", "अधीक्षण अभियंता", "98000 00108")))
        .charges()).containsExactly(charge(EE_CITY, JE));
  }

  @Test
  void a_charge_is_given_replaced_and_ended() {
    AdditionalCharge later = new AdditionalCharge(EE_CITY, JE, UNTIL, UNTIL.plus(Duration.ofDays(30)), "CSPDCL-0001", "extended");

    assertThat(charged.withCharge(later).charges()).containsExactly(later);
    assertThat(charged.withoutCharge(EE_CITY).charges()).isEmpty();
    assertThat(charged.withoutCharge(PostId.of("SE")).charges()).containsExactly(charge(EE_CITY, JE));
    assertThatThrownBy(() -> charged.withoutCharge(PostId.of("NOWHERE")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("post"));
  }

  @Test
  void the_directory_keeps_its_charges_through_its_changes() {
    Directory d = Raipur.directory();
    Directory withCharge = d.withPosts(raipur().withCharges(List.of(charge(EE_CITY, JE))));

    assertThat(withCharge.withBlocklist(Blocklist.empty()).posts().charges()).containsExactly(charge(EE_CITY, JE));
    assertThat(withCharge.withPosts(withCharge.posts()).posts().chargeOf(EE_CITY)).isPresent();
  }

  @Test
  void a_charge_is_refused_naming_the_element_field_and_bad_id() {
    Posts posts = raipur();
    refused(() -> posts.withCharges(List.of(charge(PostId.of("EE-RURAL"), JE))), "charges[0].post", "unknown post 'EE-RURAL'");
    refused(() -> posts.withCharges(List.of(new AdditionalCharge(EE_CITY, JE, FROM, UNTIL, "CSPDCL-404", "r"))),
        "charges[0].givenBy", "officer 'CSPDCL-404' holds no post of the directory");
    refused(() -> posts.withCharge(new AdditionalCharge(EE_CITY, JE, FROM, UNTIL, "CSPDCL-404", "r")),
        "givenBy", "officer 'CSPDCL-404'");
    refused(() -> posts.withCharges(List.of(charge(JE_W12, "CSPDCL-9"))),
        "charges[0].post", "the post 'JE-W12' has a holder ('CSPDCL-5120')");
    refused(() -> posts.withCharges(List.of(charge(PostId.of("CE"), JE), charge(EE_CITY, "CSPDCL-9"))),
        "charges[1].officerId", "officer 'CSPDCL-9' holds no post of the directory");
    refused(() -> posts.withCharges(List.of(charge(EE_CITY, JE), charge(EE_CITY, JE))),
        "charges[1].post", "repeats the post 'EE-CITY'");
    refused(() -> posts.withCharge(charge(JE_W12, "CSPDCL-9")), "post", "has a holder");
    refused(() -> posts.withCharge(charge(EE_CITY, "CSPDCL-9")), "officerId", "'CSPDCL-9'");
  }

  @Test
  void a_charge_must_end_after_it_starts_and_not_be_given_to_oneself() {
    refused(() -> new AdditionalCharge(EE_CITY, JE, FROM, FROM, "CSPDCL-0001", "r"), "until", "must be after from");
    refused(() -> new AdditionalCharge(EE_CITY, JE, FROM, FROM.minusSeconds(1), "CSPDCL-0001", "r"), "until", "EE-CITY");
    refused(() -> new AdditionalCharge(EE_CITY, JE, FROM, UNTIL, JE, "r"), "givenBy", "no one gives a charge to themselves");
    refused(() -> new AdditionalCharge(EE_CITY, "not an id", FROM, UNTIL, "CSPDCL-0001", "r"), "officerId", "");
    refused(() -> new AdditionalCharge(EE_CITY, JE, FROM, UNTIL, "CSPDCL-0001", "  "), "reason", "");
  }

  // ---------------------------------------------------------------------------------------------
  // The CSV table

  static final String HEADER = "post,officerId,from,until,givenBy,reason\n";

  private static Posts fromCsv(String rows) {
    return CsvTables.additionalCharges(new StringReader(HEADER + rows), "additional-charges.csv", raipur());
  }

  @Test
  void a_charges_table_is_read_onto_the_posts() {
    Posts posts = fromCsv("EE-CITY, CSPDCL-5120 ,2024-05-01T04:30:00Z,2024-05-31T18:30:00Z,CSPDCL-0001,EE City transferred\n");

    assertThat(posts.charges()).containsExactly(charge(EE_CITY, JE));
    assertThat(posts.answering(EE_CITY, FROM)).map(Officer::id).contains(JE);
    assertThat(fromCsv("").charges()).isEmpty();
  }

  @Test
  void a_charges_table_names_the_line_and_column_of_a_bad_charge() {
    csvRefused("JE-W12,CSPDCL-9,2024-05-01T04:30:00Z,2024-05-31T18:30:00Z,CSPDCL-0001,r\n", 2, "post", "has a holder ('CSPDCL-5120')");
    csvRefused("EE-CITY,CSPDCL-9,2024-05-01T04:30:00Z,2024-05-31T18:30:00Z,CSPDCL-0001,r\n", 2, "officerId", "'CSPDCL-9'");
    csvRefused("EE-CITY,CSPDCL-5120,2024-05-01,2024-05-31T18:30:00Z,CSPDCL-0001,r\n", 2, "from", "ISO-8601 instant");
    csvRefused("EE-CITY,CSPDCL-5120,2024-05-01T04:30:00Z,2024-04-30T18:30:00Z,CSPDCL-0001,r\n", 2, "until", "must be after from");
    csvRefused("EE-CITY,CSPDCL-5120,2024-05-01T04:30:00Z,2024-05-31T18:30:00Z,CSPDCL-0001,r\n"
        + "SE,CSPDCL-5120,2024-05-01T04:30:00Z,2024-05-31T18:30:00Z,CSPDCL-0001,r\n"
        + "EE-CITY,CSPDCL-5120,2024-05-01T04:30:00Z,2024-05-31T18:30:00Z,CSPDCL-0001,r\n", 4, "post", "of row 2");
  }

  private static void csvRefused(String rows, int line, String column, String reason) {
    assertThatThrownBy(() -> fromCsv(rows)).isInstanceOfSatisfying(InvalidRowException.class, e -> {
      assertThat(e.source()).isEqualTo("additional-charges.csv");
      assertThat(e.row()).isEqualTo(line);
      assertThat(e.field()).isEqualTo(column);
      assertThat(e.reason()).contains(reason);
    });
  }

  private static void refused(Runnable build, String field, String reason) {
    assertThatThrownBy(build::run).isInstanceOfSatisfying(InvalidInputException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.reason()).contains(reason);
    });
  }
}
