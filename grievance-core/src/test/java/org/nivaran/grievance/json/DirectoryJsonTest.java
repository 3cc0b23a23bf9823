package org.nivaran.grievance.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Kind;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.directory.AdditionalCharge;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.directory.InvalidRowException;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.directory.Post;
import org.nivaran.grievance.directory.PostDuty;
import org.nivaran.grievance.directory.Route;

/**
 * DirectoryJson reads docs/samples/directory.json and the examples of docs/registry-format.md, and
 * names the source, section, row and field of every problem.
 */
class DirectoryJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL);

  /** A small valid directory; the error cases below each change one thing in it. */
  private static final String BASE = """
      {
        "departments": [
          {"code": "energy", "nameEn": "Energy Department", "nameHi": "ऊर्जा विभाग"},
          {"code": "revenue", "nameEn": "Revenue Department", "nameHi": "राजस्व विभाग"}
        ],
        "jurisdictions": [
          {"code": "CG", "type": "STATE", "nameEn": "Chhattisgarh", "nameHi": "छत्तीसगढ़"},
          {"code": "RAIPUR", "type": "DISTRICT", "parent": "CG", "nameEn": "Raipur", "nameHi": "रायपुर"},
          {"code": "RAIPUR-W12", "type": "WARD", "parent": "RAIPUR", "nameEn": "Ward 12", "nameHi": "वार्ड 12"}
        ],
        "categories": [
          {"code": "energy.supply", "department": "energy", "nameEn": "Supply interrupted", "nameHi": "बिजली आपूर्ति बाधित",
           "aliases": ["bijli nahi hai"], "defaultKind": "COMPLAINT", "slaPolicy": "cg-7d"}
        ],
        "posts": [
          {"id": "EE-RAIPUR", "title": "Executive Engineer, Raipur", "department": "energy", "jurisdiction": "RAIPUR", "level": "L2"},
          {"id": "AE-RAIPUR", "title": "Assistant Engineer, Raipur", "department": "energy", "jurisdiction": "RAIPUR", "level": "L1",
           "reportsTo": "EE-RAIPUR", "duties": ["NODAL_OFFICER"],
           "holder": {"id": "E-1", "name": "राजेश कुमार साहू", "phone": "98000 00106", "whatsapp": true, "language": "hi"}},
          {"id": "SE-DURG", "title": "Superintending Engineer", "department": "energy", "jurisdiction": "RAIPUR", "level": "L3", "holder": {"id": "E-9", "name": "Suresh Patel", "phone": "98000 00109", "language": "en"}}
        ],
        "additionalCharges": [
          {"post": "EE-RAIPUR", "officerId": "E-1", "from": "2024-05-01T04:30:00Z", "until": "2024-05-31T18:30:00Z",
           "givenBy": "E-9", "reason": "EE Raipur transferred"}
        ],
        "roster": [
          {"date": "2024-05-06", "post": "EE-RAIPUR"},
          {"date": "2024-05-07", "post": "AE-RAIPUR"}
        ],
        "blocklist": [
          {"phone": "+919800000999", "reason": "fake complaints", "blockedBy": "AE-RAIPUR", "blockedAt": "2024-05-20T06:30:00Z"}
        ]
      }
      """;

  private static String doc;

  @BeforeAll
  static void readDoc() throws IOException {
    doc = Files.readString(moduleRelative("../docs/registry-format.md"), StandardCharsets.UTF_8);
  }

  private static Path moduleRelative(String path) {
    Path p = Path.of(path);
    return Files.exists(p) ? p : Path.of(path.substring(3));
  }

  @Test
  void the_sample_directory_of_raipur_loads_and_routes() throws IOException {
    Directory raipur = DirectoryJson.read(moduleRelative("../docs/samples/directory.json"));

    assertThat(raipur.departments().all()).extracting(d -> d.code()).containsExactly("energy", "revenue", "municipal");
    assertThat(raipur.jurisdictions().districtOf("DHARSIWA-GP-SILYARI")).map(j -> j.code()).contains("RAIPUR");
    Route ward12 = raipur.router().route("energy.supply", "RAIPUR-W12", Level.L1);
    assertThat(ward12.post().id()).isEqualTo(PostId.of("JE-TATYAPARA"));
    assertThat(ward12.post().holder().orElseThrow().name()).isEqualTo("राजेश कुमार साहू");
    Route ward34 = raipur.router().route("energy.supply", "RAIPUR-W34", Level.L1);
    assertThat(ward34.post().id()).isEqualTo(PostId.of("AE-RAIPUR-CITY"));
    assertThat(ward34.servedFrom().code()).isEqualTo("RAIPUR-TEHSIL");
    Route silyari = raipur.router().route("energy.supply", "DHARSIWA-GP-SILYARI", Level.L1);
    assertThat(silyari.post().id()).isEqualTo(PostId.of("AE-RAIPUR-RURAL"));
    assertThat(silyari.servedFrom().nameHi()).isEqualTo("रायपुर");
    assertThat(raipur.router().route("revenue.land-record", "ARANG-GP-SAMODA", Level.L1).post().id())
        .isEqualTo(PostId.of("TEHSILDAR-ARANG"));
    assertThat(raipur.router().route("energy.supply", "ARANG-GP-SAMODA", Level.L1).post().isVacant()).isTrue();

    assertThat(raipur.posts().chainAbove(PostId.of("JE-TATYAPARA"))).extracting(p -> p.id().code())
        .containsExactly("EE-RAIPUR-CITY-DIV", "SE-RAIPUR-CITY-CIRCLE", "CE-RAIPUR-REGION");
    assertThat(raipur.posts().headOf("energy")).map(p -> p.id().code()).contains("CE-RAIPUR-REGION");
    assertThat(raipur.posts().nodalOfficerFor("RAIPUR")).map(p -> p.id().code()).contains("NODAL-RAIPUR");
    assertThat(raipur.router().walkIn(LocalDate.of(2024, 5, 7))).map(p -> p.title()).contains("Additional Collector (2), Raipur");
    assertThat(raipur.blocklist().activeEntry(PhoneNumber.parse("98000 00999"), Instant.parse("2024-06-01T00:00:00Z"))).isPresent();
    assertThat(raipur.categories().get("energy.new-connection").defaultKind()).isEqualTo(Kind.DEMAND);
  }

  @Test
  void every_field_is_read() {
    Directory d = DirectoryJson.read(BASE);

    Post ae = d.posts().get(PostId.of("AE-RAIPUR"));
    assertThat(ae.title()).isEqualTo("Assistant Engineer, Raipur");
    assertThat(ae.level()).isEqualTo(Level.L1);
    assertThat(ae.reportsTo()).contains(PostId.of("EE-RAIPUR"));
    assertThat(ae.duties()).containsExactly(PostDuty.NODAL_OFFICER);
    assertThat(ae.holder().orElseThrow().phone().e164()).isEqualTo("+919800000106");
    assertThat(ae.holder().orElseThrow().whatsappOptIn()).isTrue();
    assertThat(ae.holder().orElseThrow().language()).isEqualTo(Language.HINDI);
    assertThat(d.posts().get(PostId.of("EE-RAIPUR")).isVacant()).isTrue();
    assertThat(d.jurisdictions().get("RAIPUR").parent()).contains("CG");
    assertThat(d.categories().get("energy.supply").aliases()).containsExactly("bijli nahi hai");
    assertThat(d.categories().get("energy.supply").escalationPolicyId()).isEqualTo("cg-7d");
    assertThat(d.roster().onDuty(LocalDate.of(2024, 5, 6))).contains(PostId.of("EE-RAIPUR"));
    assertThat(d.posts().charges()).containsExactly(new AdditionalCharge(PostId.of("EE-RAIPUR"), "E-1",
        Instant.parse("2024-05-01T04:30:00Z"), Instant.parse("2024-05-31T18:30:00Z"), "E-9", "EE Raipur transferred"));
    assertThat(d.posts().answering(PostId.of("EE-RAIPUR"), Instant.parse("2024-05-10T00:00:00Z")))
        .map(o -> o.id()).contains("E-1");
    assertThat(d.blocklist().all()).singleElement().satisfies(e -> {
      assertThat(e.blockedBy()).isEqualTo("AE-RAIPUR");
      assertThat(e.expiresAt()).isEmpty();
    });
  }

  @Test
  void only_departments_are_required_and_a_level_may_be_a_number() throws IOException {
    Directory d = DirectoryJson.read(new StringReader("{\"departments\": []}"));
    assertThat(d.departments().size()).isZero();
    assertThat(d.posts().size()).isZero();

    Directory numeric = DirectoryJson.read(BASE.replace("\"level\": \"L2\"", "\"level\": 2"));
    assertThat(numeric.posts().get(PostId.of("EE-RAIPUR")).level()).isEqualTo(Level.L2);
  }

  @Provide
  Arbitrary<String> devanagari() {
    return Arbitraries.strings().withCharRange('\u0900', '\u097F').withChars('\u200C', '\u200D', ' ').ofMinLength(1).ofMaxLength(40)
        .filter(s -> !s.isBlank());
  }

  @Property(tries = 300)
  void devanagari_names_come_back_exactly_as_written_in_nfc(@ForAll("devanagari") String raw) throws IOException {
    String name = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
    ObjectNode root = (ObjectNode) MAPPER.readTree(BASE);
    ((ObjectNode) root.at("/departments/0")).put("nameHi", name);
    ((ObjectNode) root.at("/posts/1/holder")).put("name", name);
    ((ObjectNode) root.at("/jurisdictions/2")).put("nameHi", name);

    Directory d = DirectoryJson.read(MAPPER.writeValueAsString(root));

    assertThat(d.departments().get("energy").nameHi()).isEqualTo(name);
    assertThat(d.posts().get(PostId.of("AE-RAIPUR")).holder().orElseThrow().name()).isEqualTo(name);
    assertThat(d.jurisdictions().get("RAIPUR-W12").nameHi()).isEqualTo(name);
  }

  @Test
  void decomposed_devanagari_is_stored_composed() {
    String decomposed = "\u0928\u093C\u0908 \u0926\u093F\u0932\u094D\u0932\u0940"; // NA + NUKTA
    Directory d = DirectoryJson.read(BASE.replace("ऊर्जा विभाग", decomposed));
    assertThat(d.departments().get("energy").nameHi()).isEqualTo(Normalizer.normalize(decomposed, Normalizer.Form.NFC)).startsWith("\u0929");
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        err("unknown section", "\"departments\": [", "\"department\": [", "directory.json", 0, "department", "is not a section"),
        err("not JSON", "\"departments\": [", "\"departments\" [", "directory.json", 0, "departments", "is not valid JSON at line 2"),
        err("a field twice", "\"level\": \"L2\"", "\"level\": \"L2\", \"level\": \"L3\"", "directory.json#posts", 1, "level", "Duplicate field 'level'"),
        err("repeated department", "{\"code\": \"revenue\"", "{\"code\": \"energy\"", "directory.json#departments", 2, "code", "repeats the code 'energy'"),
        err("blank Hindi name", "\"nameHi\": \"राजस्व विभाग\"", "\"nameHi\": \"  \"", "directory.json#departments", 2, "nameHi", "blank"),
        err("unknown jurisdiction type", "\"type\": \"WARD\"", "\"type\": \"Ward\"", "directory.json#jurisdictions", 3, "type", "one of STATE, DISTRICT"),
        err("unknown parent", "\"parent\": \"RAIPUR\"", "\"parent\": \"DURG\"", "directory.json#jurisdictions", 3, "parent", "unknown jurisdiction 'DURG'"),
        err("child not deeper", "\"type\": \"WARD\"", "\"type\": \"DISTRICT\"", "directory.json#jurisdictions", 3, "parent", "cannot be above"),
        err("category of unknown department", "\"department\": \"energy\", \"nameEn\": \"Supply", "\"department\": \"power\", \"nameEn\": \"Supply",
            "directory.json#categories", 1, "department", "unknown department 'power'"),
        err("bad SLA policy id", "\"slaPolicy\": \"cg-7d\"", "\"slaPolicy\": \"cg 7d\"", "directory.json#categories", 1, "slaPolicy", "ASCII"),
        err("bad alias", "\"aliases\": [\"bijli nahi hai\"]", "\"aliases\": [\"bijli\", 7]", "directory.json#categories", 1, "aliases[1]", "JSON string"),
        err("unknown kind", "\"defaultKind\": \"COMPLAINT\"", "\"defaultKind\": \"GRIEVANCE\"", "directory.json#categories", 1, "defaultKind", "COMPLAINT, SUGGESTION, DEMAND"),
        err("misspelt field", "\"reportsTo\": \"EE-RAIPUR\"", "\"reportTo\": \"EE-RAIPUR\"", "directory.json#posts", 2, "reportTo", "is not a field of an element of posts; allowed: id, title"),
        err("unknown post department", "\"department\": \"energy\", \"jurisdiction\": \"RAIPUR\", \"level\": \"L2\"",
            "\"department\": \"health\", \"jurisdiction\": \"RAIPUR\", \"level\": \"L2\"", "directory.json#posts", 1, "department", "unknown department 'health'"),
        err("unknown post jurisdiction", "\"jurisdiction\": \"RAIPUR\", \"level\": \"L1\"", "\"jurisdiction\": \"DURG\", \"level\": \"L1\"",
            "directory.json#posts", 2, "jurisdiction", "unknown jurisdiction 'DURG'"),
        err("supervisor not one level up", "\"level\": \"L2\"", "\"level\": \"L3\"", "directory.json#posts", 2, "reportsTo", "exactly one level up, at L2"),
        err("unknown supervisor", "\"reportsTo\": \"EE-RAIPUR\"", "\"reportsTo\": \"SE-RAIPUR\"", "directory.json#posts", 2, "reportsTo", "unknown post 'SE-RAIPUR'"),
        err("bad level", "\"level\": \"L2\"", "\"level\": \"Level 2\"", "directory.json#posts", 1, "level", "'L' followed by the rung"),
        err("level out of range", "\"level\": \"L2\"", "\"level\": 100", "directory.json#posts", 1, "level", "between 0 and 99"),
        err("bad duty", "[\"NODAL_OFFICER\"]", "[\"NODAL_OFFICER\", \"NODAL\"]", "directory.json#posts", 2, "duties[1]", "one of NODAL_OFFICER, HEAD_OF_DEPARTMENT"),
        err("bad phone", "\"phone\": \"98000 00106\"", "\"phone\": \"12345\"", "directory.json#posts", 2, "holder.phone", "10-digit Indian number"),
        err("bad language", "\"language\": \"hi\"", "\"language\": \"hindi\"", "directory.json#posts", 2, "holder.language", "2- or 3-letter ISO 639 language code"),
        err("unknown holder field", "\"whatsapp\": true", "\"whatsApp\": true", "directory.json#posts", 2, "holder.whatsApp", "allowed: id, name, phone, whatsapp, language"),
        err("holder without name", "\"name\": \"राजेश कुमार साहू\", ", "", "directory.json#posts", 2, "holder.name", "is required"),
        err("charge of a post with a holder", "{\"post\": \"EE-RAIPUR\", \"officerId\"", "{\"post\": \"AE-RAIPUR\", \"officerId\"",
            "directory.json#additionalCharges", 1, "post", "the post 'AE-RAIPUR' has a holder ('E-1')"),
        err("charge of an unknown post", "{\"post\": \"EE-RAIPUR\", \"officerId\"", "{\"post\": \"SE-RAIPUR\", \"officerId\"",
            "directory.json#additionalCharges", 1, "post", "unknown post 'SE-RAIPUR'"),
        err("charge to an unknown officer", "\"officerId\": \"E-1\"", "\"officerId\": \"E-7\"",
            "directory.json#additionalCharges", 1, "officerId", "officer 'E-7' holds no post"),
        err("charge given to oneself", "\"givenBy\": \"E-9\"", "\"givenBy\": \"E-1\"",
            "directory.json#additionalCharges", 1, "givenBy", "no one gives a charge to themselves"),
        err("charge ending before it starts", "\"until\": \"2024-05-31T18:30:00Z\"", "\"until\": \"2024-04-30T18:30:00Z\"",
            "directory.json#additionalCharges", 1, "until", "must be after from"),
        err("misspelt charge field", "\"givenBy\"", "\"given\"",
            "directory.json#additionalCharges", 1, "given", "is not a field of an element of additionalCharges"),
        err("roster of unknown post", "\"post\": \"AE-RAIPUR\"", "\"post\": \"JE-RAIPUR\"", "directory.json#roster", 2, "post", "unknown post 'JE-RAIPUR'"),
        err("roster date twice", "\"date\": \"2024-05-07\"", "\"date\": \"2024-05-06\"", "directory.json#roster", 2, "date", "repeats the date 2024-05-06 of row 1"),
        err("roster date that does not exist", "\"date\": \"2024-05-07\"", "\"date\": \"2024-02-30\"", "directory.json#roster", 2, "date", "YYYY-MM-DD"),
        err("block expiring before it starts", "\"blockedAt\": \"2024-05-20T06:30:00Z\"", "\"blockedAt\": \"2024-05-20T06:30:00Z\", \"expiresAt\": \"2024-05-01T00:00:00Z\"",
            "directory.json#blocklist", 1, "expiresAt", "must be after blockedAt"),
        err("block instant not ISO", "\"blockedAt\": \"2024-05-20T06:30:00Z\"", "\"blockedAt\": \"20/05/2024\"", "directory.json#blocklist", 1, "blockedAt", "ISO-8601"));
  }

  private static Arguments err(String name, String find, String replace, String source, int row, String field, String reason) {
    return Arguments.of(name, find, replace, source, row, field, reason);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void each_error_names_the_source_row_and_field(
      String name, String find, String replace, String source, int row, String field, String reason) {
    assertThat(BASE).contains(find);
    String json = BASE.replaceFirst(Pattern.quote(find), Matcher.quoteReplacement(replace));
    String text = json;

    assertThatThrownBy(() -> DirectoryJson.read(text))
        .isInstanceOfSatisfying(InvalidRowException.class, e -> {
          assertThat(e.source()).isEqualTo(source);
          assertThat(e.row()).isEqualTo(row);
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.reason()).contains(reason);
          assertThat(e.getMessage()).isEqualTo(source + (row > 0 ? " row " + row : "") + ", field " + field + ": " + e.reason());
        });
  }

  @Test
  void a_file_names_itself_as_the_source(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("raipur-directory.json");
    Files.writeString(file, BASE.replace("\"level\": \"L2\"", "\"level\": \"L9\""), StandardCharsets.UTF_8);

    assertThatThrownBy(() -> DirectoryJson.read(file))
        .isInstanceOfSatisfying(InvalidRowException.class, e -> assertThat(e.getMessage())
            .startsWith("raipur-directory.json#posts row 2, field reportsTo: 'EE-RAIPUR' is at L9"));
    assertThatThrownBy(() -> DirectoryJson.read(dir.resolve("missing.json")))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("missing.json")
        .hasCauseInstanceOf(NoSuchFileException.class);
  }

  @Test
  void a_document_that_is_not_an_object_or_is_empty_is_refused() {
    for (String text : List.of("", "[]", "{\"departments\": []} {}", "{\"jurisdictions\": []}", "{\"departments\": {}}")) {
      assertThatThrownBy(() -> DirectoryJson.read(text))
          .as(text)
          .isInstanceOfSatisfying(InvalidRowException.class, e -> {
            assertThat(e.row()).isZero();
            assertThat(e.source()).isEqualTo("directory.json");
            assertThat(e.field()).isIn("document", "departments");
            assertThat(e.reason()).containsAnyOf("is empty", "must be a JSON object", "more than one JSON value", "is required", "must be a JSON array");
          });
    }
  }

  @Test
  void the_format_page_documents_every_field_and_its_examples_read() throws IOException {
    DirectoryReader.fieldsByObject().forEach((object, fields) -> {
      for (String field : fields) {
        assertThat(doc).as(object + "." + field).contains("| `" + field + "` |");
      }
    });
    List<String> examples = new ArrayList<>();
    Matcher m = JSON_BLOCK.matcher(doc);
    while (m.find()) {
      examples.add(m.group(1));
    }
    assertThat(examples).isNotEmpty();
    Directory example = DirectoryJson.read(examples.get(0));
    assertThat(example.router().route("energy.supply", "RAIPUR-W12", Level.L1).servedFrom().code()).isEqualTo("RAIPUR-TEHSIL");
    assertThat(MAPPER.readTree(Files.readString(moduleRelative("../docs/samples/directory.json")))).isNotNull();
    assertThat(doc).contains("directory.json#posts row");
  }
}
