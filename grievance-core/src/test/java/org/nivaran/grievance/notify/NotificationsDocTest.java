package org.nivaran.grievance.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/notifications.md tells the truth: its default texts are exactly the built-in ones. */
class NotificationsDocTest {
  private static String doc;

  @BeforeAll
  static void readDoc() throws Exception {
    Path path = Files.exists(Path.of("../docs/notifications.md"))
        ? Path.of("../docs/notifications.md")
        : Path.of("docs/notifications.md");
    doc = Files.readString(path, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(NotificationKind.class)
  void every_default_text_is_listed_verbatim(NotificationKind kind) {
    Templates.defaults().all().stream()
        .filter(t -> t.kind() == kind)
        .forEach(t -> {
          String language = t.language().name().charAt(0) + t.language().name().substring(1).toLowerCase(Locale.ROOT);
          assertThat(doc).contains("| " + kind + " | " + language + " | `" + t.text() + "` |");
        });
  }

  @Test
  void every_placeholder_is_documented() {
    assertThat(Template.PLACEHOLDERS).allSatisfy(p -> assertThat(doc).contains("| `{" + p + "}` |"));
  }

  @Test
  void the_documented_date_examples_are_what_the_policy_formats() {
    NotificationPolicy policy = NotificationPolicy.defaults();

    assertThat(doc).contains("`" + policy.format(java.time.Instant.parse("2024-03-12T12:00:00Z")) + "`");
    assertThat(doc).contains("`" + policy.format(java.time.Instant.parse("2024-09-01T20:35:00Z")) + "`");
  }
}
