package org.nivaran.grievance.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.fixtures.Fixtures;

/** Templates loaded from files per language: a third language (Tamil), fallback, refusals, SMS parts. */
class TemplateFilesTest {
  private static final Language TAMIL = Language.of("ta");

  @TempDir Path dir;

  private static Path tamilDirectory() throws URISyntaxException {
    return Path.of(TemplateFilesTest.class.getResource("templates-ta").toURI());
  }

  private static Map<String, String> values(String reason) {
    Map<String, String> v = MessageValues.blank();
    v.put("complaintId", "RPR-2024-000123");
    v.put("category", "ENERGY.SUPPLY.OUTAGE");
    v.put("reason", reason);
    v.put("citizenName", "Kavitha");
    v.put("deadline", "12 Mar 2024 17:30");
    v.put("post", "AE-RAIPUR");
    v.put("postTitle", "Assistant Engineer");
    v.put("level", "L1");
    return v;
  }

  private TemplateFileException refused(String fileName, String... lines) throws IOException {
    Path file = dir.resolve(fileName);
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return catchThrowableOfType(TemplateFileException.class, () -> Templates.load(dir));
  }

  @Test
  void the_shipped_files_give_every_kind_in_english_and_hindi() {
    Templates defaults = Templates.defaults();
    assertThat(defaults.languages()).containsExactly(Language.ENGLISH, Language.HINDI);
    assertThat(defaults.all()).hasSize(2 * NotificationKind.values().length);
    assertThat(defaults.render(NotificationKind.CLOSED, Language.HINDI, values("ठीक")))
        .isEqualTo("आपकी शिकायत RPR-2024-000123 बंद कर दी गई है। टिप्पणी: ठीक।");
  }

  @Test
  void a_third_language_loads_from_its_file_and_keeps_english_and_hindi() throws Exception {
    Templates templates = Templates.load(tamilDirectory());

    assertThat(templates.languages()).containsExactly(Language.ENGLISH, Language.HINDI, TAMIL);
    assertThat(templates.render(NotificationKind.REGISTERED, TAMIL, values("-"))).isEqualTo(
        "உங்கள் புகார் RPR-2024-000123 (ENERGY.SUPPLY.OUTAGE) பதிவு செய்யப்பட்டது."
            + " எந்த விசாரணையிலும் இந்த எண்ணைக் குறிப்பிடவும்.");
    assertThat(templates.find(NotificationKind.REGISTERED, Language.HINDI)).isEqualTo(
        Templates.defaults().find(NotificationKind.REGISTERED, Language.HINDI));
  }

  @Test
  void a_kind_the_file_lacks_falls_back_to_english() throws Exception {
    Templates templates = Templates.load(tamilDirectory());

    assertThat(templates.find(NotificationKind.SPECIAL_CLOSURE_NOTICE, TAMIL)).isEmpty();
    assertThat(templates.templateFor(NotificationKind.SPECIAL_CLOSURE_NOTICE, TAMIL).language()).isEqualTo(Language.ENGLISH);
    assertThat(templates.render(NotificationKind.SPECIAL_CLOSURE_NOTICE, TAMIL, values("it is a duplicate")))
        .isEqualTo("Dear Kavitha, your complaint RPR-2024-000123 is being closed without further action because it is a duplicate.");
  }

  @Test
  void a_citizen_is_written_to_in_their_language_by_tag_with_region_and_without_templates() throws Exception {
    Templates tamil = Templates.load(tamilDirectory());

    assertThat(tamil.languageFor(Locale.forLanguageTag("ta"))).isEqualTo(TAMIL);
    assertThat(tamil.languageFor(Locale.forLanguageTag("ta-IN"))).isEqualTo(TAMIL);
    assertThat(tamil.languageFor(Locale.forLanguageTag("hi-IN"))).isEqualTo(Language.HINDI);
    assertThat(tamil.languageFor(Locale.forLanguageTag("bn"))).isEqualTo(Language.ENGLISH);
    assertThat(Templates.defaults().languageFor(Locale.forLanguageTag("ta"))).isEqualTo(Language.ENGLISH);
  }

  @Test
  void a_tamil_citizen_gets_the_registration_sms_in_tamil_through_the_policy() throws Exception {
    NotificationPolicy policy = NotificationPolicy.builder().templates(Templates.load(tamilDirectory())).build();
    Story story = Story.registered(Fixtures.requestBuilder().citizen(Complainant.of("Kavitha", "9123456780", "ta-IN")).build());

    assertThat(policy.notificationsFor(story.state, story.events, Story.posts())).singleElement().satisfies(n -> {
      assertThat(n.language()).isEqualTo(TAMIL);
      assertThat(n.body()).startsWith("உங்கள் புகார் RPR-2024-000123 (ENERGY.SUPPLY.OUTAGE)");
    });
    Story english = Story.registered(Fixtures.requestBuilder().citizen(Complainant.of("Kavitha", "9123456780", "ta")).build());
    assertThat(NotificationPolicy.defaults().notificationsFor(english.state, english.events, Story.posts()).get(0).language())
        .isEqualTo(Language.ENGLISH);
  }

  @Test
  void tamil_sms_is_ucs2_in_parts_of_67_after_a_single_70() throws Exception {
    Templates templates = Templates.load(tamilDirectory());
    // "உங்கள் புகார் RPR-2024-000123 முடித்து வைக்கப்பட்டது. குறிப்பு: " is 65 UTF-16 units, "." one more.
    String seventy = templates.render(NotificationKind.CLOSED, TAMIL, values("fixed"));
    String seventyOne = templates.render(NotificationKind.CLOSED, TAMIL, values("fixed!"));
    String registered = templates.render(NotificationKind.REGISTERED, TAMIL, values("-"));

    assertThat(SmsSegments.encodingOf(seventy)).isEqualTo(SmsEncoding.UCS_2);
    assertThat(seventy).hasSize(70);
    assertThat(SmsSegments.count(seventy)).isEqualTo(1);
    assertThat(seventyOne).hasSize(71);
    assertThat(SmsSegments.count(seventyOne)).isEqualTo(2);
    assertThat(registered).hasSize(120); // 67 + 53: two parts
    assertThat(SmsSegments.count(registered)).isEqualTo(2);
  }

  @Test
  void an_unknown_placeholder_is_refused_naming_file_line_and_key() throws IOException {
    TemplateFileException e = refused("ta.properties",
        "# Tamil", "REGISTERED = உங்கள் புகார் {complaintId} பதிவு செய்யப்பட்டது.", "CLOSED = உங்கள் புகார் {complaintNo} முடிந்தது.");

    assertThat(e.file()).isEqualTo("ta.properties");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.key()).isEqualTo("CLOSED");
    assertThat(e.getMessage()).startsWith("ta.properties:3 CLOSED: ").contains("{complaintNo}");
  }

  @Test
  void an_unknown_kind_a_repeated_kind_and_a_line_without_equals_are_refused() throws IOException {
    TemplateFileException unknown = refused("ta.properties", "", "REGISTRED = {complaintId}");
    assertThat(unknown.line()).isEqualTo(2);
    assertThat(unknown.key()).isEqualTo("REGISTRED");
    assertThat(unknown.getMessage()).contains("not a notification kind");

    TemplateFileException twice = refused("ta.properties", "CLOSED = a {complaintId}", "CLOSED = b {complaintId}");
    assertThat(twice.line()).isEqualTo(2);
    assertThat(twice.getMessage()).contains("given twice");

    TemplateFileException noEquals = refused("ta.properties", "CLOSED {complaintId}");
    assertThat(noEquals.line()).isEqualTo(1);
    assertThat(noEquals.key()).isEmpty();
  }

  @Test
  void a_file_not_named_by_a_language_tag_is_refused() throws IOException {
    TemplateFileException e = refused("tamil.properties", "CLOSED = {complaintId}");
    assertThat(e.file()).isEqualTo("tamil.properties");
    assertThat(e.line()).isZero();
    assertThat(e.getMessage()).contains("BCP 47");

    Files.delete(dir.resolve("tamil.properties"));
    TemplateFileException upper = refused("TA.properties", "CLOSED = {complaintId}");
    assertThat(upper.getMessage()).contains("canonical tag ta.properties");
  }

  @Test
  void an_english_file_must_give_every_kind() throws IOException {
    String allButHandover = Stream.of(NotificationKind.values())
        .filter(k -> k != NotificationKind.HANDOVER)
        .map(k -> k.name() + " = " + k + " {complaintId}")
        .collect(Collectors.joining("\n"));
    TemplateFileException e = refused("en.properties", allButHandover);
    assertThat(e.file()).isEqualTo("en.properties");
    assertThat(e.key()).isEqualTo("HANDOVER");
    assertThat(e.getMessage()).contains("English is the fallback");

    Files.writeString(dir.resolve("en.properties"), allButHandover + "\nHANDOVER = Charge of {post}\n");
    Templates replaced = Templates.load(dir);
    assertThat(replaced.render(NotificationKind.HANDOVER, Language.ENGLISH, values("-"))).isEqualTo("Charge of AE-RAIPUR");
    assertThat(replaced.find(NotificationKind.HANDOVER, Language.HINDI)).isPresent();
  }

  @Test
  void a_language_is_any_well_formed_tag_in_canonical_form_and_the_shipped_ones_are_single() {
    assertThat(Language.of("hi")).isSameAs(Language.HINDI);
    assertThat(Language.of("EN")).isSameAs(Language.ENGLISH);
    assertThat(Language.of("mr-in").tag()).isEqualTo("mr-IN");
    assertThat(Language.of("mr-IN").base()).isEqualTo(Language.of("mr"));
    assertThat(Language.of("ta").name()).isEqualTo("ta");
    assertThat(Language.HINDI.name()).isEqualTo("HINDI");
    for (String bad : new String[] {"", "hindi", "e", "en_IN", "x-private", "en-Latn-IN-u-ca-gregory"}) {
      assertThat(catchThrowableOfType(InvalidInputException.class, () -> Language.of(bad)).field())
          .as(bad).isEqualTo("language");
    }
  }
}
