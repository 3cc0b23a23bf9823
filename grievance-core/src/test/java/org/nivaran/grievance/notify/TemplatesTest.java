package org.nivaran.grievance.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.directory.Language;

/** Templates render exactly, in English and Devanagari, and refuse what would go wrong later. */
class TemplatesTest {

  private static Map<String, String> values() {
    Map<String, String> v = new HashMap<>();
    v.put("complaintId", "RPR-2024-000001");
    v.put("category", "ENERGY.SUPPLY.OUTAGE");
    v.put("post", "EE-RAIPUR-CITY");
    v.put("postTitle", "कार्यपालन अभियंता, रायपुर शहर");
    v.put("level", "L2");
    v.put("deadline", "12 Mar 2024 17:30");
    v.put("reason", "7 working days at L1 elapsed");
    v.put("count", "3");
    v.put("ids", "A, B, C");
    v.put("citizenName", "सुनीता वर्मा");
    return v;
  }

  @ParameterizedTest
  @EnumSource(NotificationKind.class)
  void the_defaults_have_an_english_and_a_hindi_text_for_every_kind(NotificationKind kind) {
    Templates defaults = Templates.defaults();

    assertThat(defaults.find(kind, Language.ENGLISH)).isPresent();
    assertThat(defaults.find(kind, Language.HINDI)).get()
        .satisfies(t -> assertThat(t.text()).matches("(?s).*[\\u0900-\\u097F].*"))
        .satisfies(t -> assertThat(Normalizer.isNormalized(t.text(), Normalizer.Form.NFC)).isTrue());
    // Every default renders with the full set of values, leaving no brace behind.
    assertThat(defaults.render(kind, Language.HINDI, values())).doesNotContain("{", "}");
    assertThat(defaults.render(kind, Language.ENGLISH, values())).doesNotContain("{", "}");
  }

  @Test
  void renders_the_english_default_exactly() {
    assertThat(Templates.defaults().render(NotificationKind.ESCALATED_TO_YOU, Language.ENGLISH, values()))
        .isEqualTo("Complaint RPR-2024-000001 (ENERGY.SUPPLY.OUTAGE) escalated to your post कार्यपालन अभियंता,"
            + " रायपुर शहर at L2. Reason: 7 working days at L1 elapsed. Resolve by 12 Mar 2024 17:30.");
  }

  @Test
  void renders_the_hindi_default_exactly() {
    assertThat(Templates.defaults().render(NotificationKind.RESOLVED, Language.HINDI, values()))
        .isEqualTo("सुनीता वर्मा जी, आपकी शिकायत RPR-2024-000001 पर निराकरण दर्ज किया गया है।"
            + " आपकी संतुष्टि जानने के लिए आपसे संपर्क किया जाएगा।");
  }

  @Test
  void devanagari_text_comes_back_exactly_as_given() {
    String text = "{citizenName} जी, शिकायत {complaintId} — स्तर {level}। ट्रांसफ़ॉर्मर बदला गया।";
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    Template template = new Template(NotificationKind.CLOSED, Language.HINDI, nfc);

    assertThat(template.text()).isEqualTo(nfc);
    assertThat(template.render(values()))
        .isEqualTo(Normalizer.normalize("सुनीता वर्मा जी, शिकायत RPR-2024-000001 — स्तर L2। ट्रांसफ़ॉर्मर बदला गया।", Normalizer.Form.NFC));
  }

  @Test
  void an_unknown_placeholder_is_refused_naming_it() {
    assertThatThrownBy(() -> new Template(NotificationKind.ASSIGNED, Language.ENGLISH, "Complaint {complaintID} assigned"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("template");
          assertThat(e.reason()).contains("{complaintID}");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"Complaint {complaintId", "Complaint complaintId}", "{{complaintId}}", "{}"})
  void a_stray_brace_is_refused(String text) {
    assertThatThrownBy(() -> new Template(NotificationKind.ASSIGNED, Language.ENGLISH, text))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("template"));
  }

  @Test
  void a_missing_value_is_an_error_naming_the_placeholder() {
    Map<String, String> values = values();
    values.remove("deadline");

    assertThatThrownBy(() -> Templates.defaults().render(NotificationKind.ASSIGNED, Language.HINDI, values))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("values");
          assertThat(e.reason()).contains("{deadline}").contains("ASSIGNED").contains("HINDI");
        });
  }

  @Test
  void values_are_inserted_once_and_unused_ones_are_ignored() {
    Template template = new Template(NotificationKind.CLOSED, Language.ENGLISH, "{complaintId}: {reason}");
    Map<String, String> values = Map.of("complaintId", "X-1", "reason", "see {complaintId}", "unused", "y");

    assertThat(template.render(values)).isEqualTo("X-1: see {complaintId}");
    assertThat(template.placeholders()).containsExactly("complaintId", "reason");
  }

  @Test
  void a_kind_without_a_hindi_text_falls_back_to_english() {
    Templates.Builder builder = Templates.builder();
    for (NotificationKind kind : NotificationKind.values()) {
      builder.add(new Template(kind, Language.ENGLISH, kind + " {complaintId}"));
    }
    builder.add(new Template(NotificationKind.CLOSED, Language.HINDI, "बंद {complaintId}"));
    Templates templates = builder.build();

    assertThat(templates.render(NotificationKind.REGISTERED, Language.HINDI, values())).isEqualTo("REGISTERED RPR-2024-000001");
    assertThat(templates.render(NotificationKind.CLOSED, Language.HINDI, values())).isEqualTo("बंद RPR-2024-000001");
    assertThat(templates.find(NotificationKind.REGISTERED, Language.HINDI)).isEmpty();
  }

  @Test
  void every_kind_needs_an_english_text() {
    Templates.Builder builder = Templates.builder().from(Templates.defaults());
    Templates.Builder onlyHindi = Templates.builder();
    Templates.defaults().all().stream().filter(t -> t.language() == Language.HINDI).forEach(onlyHindi::add);

    assertThat(builder.build()).isEqualTo(Templates.defaults());
    assertThatThrownBy(onlyHindi::build)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("templates");
          assertThat(e.reason()).contains("REGISTERED");
        });
  }

  @Test
  void with_replaces_one_template_and_leaves_the_original_unchanged() {
    Template custom = new Template(NotificationKind.REGISTERED, Language.HINDI, "शिकायत {complaintId} दर्ज।");
    Templates changed = Templates.defaults().with(custom);

    assertThat(changed.render(NotificationKind.REGISTERED, Language.HINDI, values())).isEqualTo("शिकायत RPR-2024-000001 दर्ज।");
    assertThat(Templates.defaults().render(NotificationKind.REGISTERED, Language.HINDI, values())).startsWith("आपकी शिकायत");
    assertThat(changed.all()).hasSameSizeAs(Templates.defaults().all());
  }

  @Test
  void a_template_text_is_required_and_bounded() {
    assertThatThrownBy(() -> new Template(NotificationKind.CLOSED, Language.ENGLISH, "  "))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("template"));
    assertThatThrownBy(() -> new Template(NotificationKind.CLOSED, Language.ENGLISH, "x".repeat(Template.MAX_TEXT_LENGTH + 1)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("template"));
    assertThatThrownBy(() -> new Template(null, Language.ENGLISH, "x"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("kind"));
  }
}
