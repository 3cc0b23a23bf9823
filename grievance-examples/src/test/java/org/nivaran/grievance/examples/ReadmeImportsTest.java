package org.nivaran.grievance.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's Java snippets show their imports: a new user can copy one into a file and compile it.
 * Each import names a class on the examples' class path, and every type a snippet names is imported,
 * in {@code java.lang} or declared by the snippet.
 */
class ReadmeImportsTest {
  private static final Pattern BLOCK = Pattern.compile("(?m)^( *)```java\\n(.*?)^ *```", Pattern.DOTALL);
  private static final Pattern IMPORT = Pattern.compile("(?m)^import ([\\w.]+);$");
  private static final Pattern TYPE = Pattern.compile("(?<![.\\w])([A-Z][A-Za-z0-9]*)\\b");
  private static final Pattern DECLARED = Pattern.compile("\\b(?:class|record|interface|enum)\\s+([A-Z]\\w*)");
  /**
   * Types the snippets name as the reader's own: a test fixture the contract-test snippet mentions
   * as the integrator's, and the host's SMS gateway in the Spring Boot snippet.
   */
  private static final Set<String> THE_READERS_OWN = Set.of("StubGateway", "SmsGateway");
  /**
   * Packages not on this module's class path: Spring's, used by the Spring Boot snippet, whose
   * beans the starter module's own tests build. Their imports are checked by name only.
   */
  private static final List<String> NOT_ON_THIS_CLASS_PATH = List.of("org.springframework.");

  private static List<String> snippets;

  @BeforeAll
  static void readTheReadme() throws IOException {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    snippets = new ArrayList<>();
    Matcher block = BLOCK.matcher(readme);
    while (block.find()) {
      String indent = block.group(1);
      snippets.add(block.group(2).lines().map(l -> l.startsWith(indent) ? l.substring(indent.length()) : l)
          .reduce("", (a, l) -> a + l + "\n"));
    }
  }

  @Test
  void the_quick_start_begins_with_its_imports() {
    assertThat(snippets).hasSizeGreaterThan(20);
    assertThat(snippets.get(0)).startsWith("import java.time.ZoneId;\n")
        .contains("import org.nivaran.grievance.Grievances;\n", "import org.nivaran.grievance.complaint.ComplaintCommand.Assign;\n")
        .contains("\n\nGrievances grievances = Grievances.builder()");
  }

  @Test
  void every_import_in_a_snippet_names_a_class_on_the_class_path() {
    List<String> missing = new ArrayList<>();
    for (String snippet : snippets) {
      Matcher i = IMPORT.matcher(snippet);
      while (i.find()) {
        if (NOT_ON_THIS_CLASS_PATH.stream().noneMatch(i.group(1)::startsWith) && !loads(i.group(1))) {
          missing.add(i.group(1));
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void every_type_a_snippet_names_is_imported_by_it() {
    List<String> unimported = new ArrayList<>();
    for (String snippet : snippets) {
      Set<String> imported = new LinkedHashSet<>();
      Matcher i = IMPORT.matcher(snippet);
      while (i.find()) {
        imported.add(i.group(1).substring(i.group(1).lastIndexOf('.') + 1));
      }
      String code = snippet.replaceAll("\"[^\"\\n]*\"", "\"\"").replaceAll("//[^\\n]*", "");
      Set<String> declared = new LinkedHashSet<>();
      Matcher d = DECLARED.matcher(code);
      while (d.find()) {
        declared.add(d.group(1));
      }
      Matcher t = TYPE.matcher(code.replaceAll("(?m)^import [^\\n]*", ""));
      while (t.find()) {
        String name = t.group(1);
        if (!name.equals(name.toUpperCase(java.util.Locale.ROOT)) && !imported.contains(name) && !declared.contains(name)
            && !THE_READERS_OWN.contains(name) && !loads("java.lang." + name)) {
          unimported.add(name + " in the snippet beginning " + snippet.lines().filter(l -> !l.startsWith("import "))
              .filter(l -> !l.isBlank()).findFirst().orElse(""));
        }
      }
    }
    assertThat(unimported).isEmpty();
  }

  /** Whether a class loads, reading the last dotted names as nested classes if need be. */
  private static boolean loads(String name) {
    String candidate = name;
    while (true) {
      try {
        Class.forName(candidate, false, ReadmeImportsTest.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException e) {
        int dot = candidate.lastIndexOf('.');
        if (dot < 0) {
          return false;
        }
        candidate = candidate.substring(0, dot) + "$" + candidate.substring(dot + 1);
      }
    }
  }
}
