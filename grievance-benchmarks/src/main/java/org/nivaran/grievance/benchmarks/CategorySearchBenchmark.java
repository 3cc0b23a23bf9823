package org.nivaran.grievance.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.nivaran.grievance.complaint.Kind;
import org.nivaran.grievance.directory.Categories;
import org.nivaran.grievance.directory.Category;
import org.nivaran.grievance.directory.CategoryMatch;
import org.nivaran.grievance.directory.Department;
import org.nivaran.grievance.directory.Departments;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Categories#search(String, int)} over {@value #CATEGORIES} categories, the size of a large
 * state helpline (UP's 1076 has 396 complaint types), asking for the top 10.
 *
 * <p>The categories are built from {@value #SUBJECTS} subjects (electricity, hand pump, ration,
 * ...) times {@value #PROBLEMS} problems (not working, not received, ...) times {@value #PLACES}
 * places, each with an English name, a Hindi name in Devanagari and a romanised Hindi alias, spread
 * over 52 departments. Each operation is one search with the next of the {@code language}'s
 * queries (cycled through); the queries mix whole names, prefixes, single words and misspellings.
 * The search index is built in setup, so building it is not measured.
 *
 * <pre>{@code
 * java -jar grievance-benchmarks/target/benchmarks.jar CategorySearchBenchmark -f 2 -wi 5 -w 2s -i 5 -r 2s
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class CategorySearchBenchmark {
  /** How many categories are searched. */
  public static final int CATEGORIES = 1000;
  /** How many subjects the categories are built from. */
  public static final int SUBJECTS = 20;
  /** How many problems each subject has. */
  public static final int PROBLEMS = 10;
  /** How many places each problem is told apart by. */
  public static final int PLACES = 5;
  /** How many results each search asks for. */
  public static final int LIMIT = 10;

  // English, Devanagari, romanised Hindi.
  private static final String[][] SUBJECT = {
    {"Electricity", "बिजली", "bijli"}, {"Hand pump", "हैंडपंप", "handpump"}, {"Ration", "राशन", "rashan"},
    {"Road", "सड़क", "sadak"}, {"Meter", "मीटर", "meter"}, {"Street light", "स्ट्रीट लाइट", "street light"},
    {"Pension", "पेंशन", "pension"}, {"Scholarship", "छात्रवृत्ति", "chhatravritti"}, {"Drain", "नाली", "nali"},
    {"Drinking water", "पेयजल", "peyjal"}, {"Hospital", "अस्पताल", "aspatal"}, {"School", "स्कूल", "school"},
    {"Transformer", "ट्रांसफार्मर", "transformer"}, {"Garbage", "कचरा", "kachra"}, {"Ration card", "राशन कार्ड", "ration card"},
    {"Land record", "भू-अभिलेख", "bhu abhilekh"}, {"Bus", "बस", "bus"}, {"Anganwadi", "आंगनवाड़ी", "anganwadi"},
    {"Toilet", "शौचालय", "shauchalay"}, {"Tap connection", "नल कनेक्शन", "nal connection"},
  };
  private static final String[][] PROBLEM = {
    {"not working", "खराब", "kharab"}, {"not received", "नहीं मिला", "nahi mila"}, {"delayed", "में देरी", "deri"},
    {"interrupted", "बाधित", "band hai"}, {"overcharged", "अधिक शुल्क", "jyada paisa"}, {"dirty", "गंदा", "ganda"},
    {"damaged", "क्षतिग्रस्त", "toota"}, {"staff absent", "कर्मचारी अनुपस्थित", "karmchari nahi"},
    {"wrong entry", "गलत प्रविष्टि", "galat entry"}, {"new one needed", "नए की मांग", "naya chahiye"},
  };
  private static final String[][] PLACE = {
    {"in village", "गांव में", "gaon mein"}, {"in city ward", "शहर के वार्ड में", "shahar ward"},
    {"in block", "विकासखंड में", "block mein"}, {"on highway", "राजमार्ग पर", "highway par"},
    {"at district office", "जिला कार्यालय में", "zila karyalay"},
  };

  private static final String[] ENGLISH = {
    "electricity", "Hand pump not working", "street light", "streetlight", "ration card not received", "meter",
    "pension delayed", "scholarship", "transformer damaged", "garbage in village", "drinking wat", "tap",
  };
  private static final String[] DEVANAGARI = {
    "बिजली", "हैंडपंप खराब", "स्ट्रीट लाइट", "राशन नहीं मिला", "मीटर", "पेंशन में देरी", "छात्रवृत्ति", "नाली गंदा",
    "ट्रांसफार्मर", "कचरा गांव में", "पेयजल", "नल",
  };
  private static final String[] ROMANISED = {
    "bijli", "bijlee kharab", "handpump kharab", "rashan nahi mila", "meter kharab", "penshan deri",
    "chhatravriti", "nali ganda", "transformar", "kachra gaon", "peyjal", "nal conection",
  };

  /** The language the queries are typed in. */
  @Param({"english", "devanagari", "romanised"})
  public String language;

  private Categories categories;
  private String[] queries;
  private int next;

  /** Builds the categories and their search index. */
  @Setup(Level.Trial)
  public void setUp() {
    List<Department> departments = new ArrayList<>();
    for (int d = 1; d <= 52; d++) {
      departments.add(new Department("dept-" + d, "Department " + d, "विभाग " + d));
    }
    List<Category> list = new ArrayList<>(CATEGORIES);
    for (int s = 0; s < SUBJECTS; s++) {
      for (int p = 0; p < PROBLEMS; p++) {
        for (int w = 0; w < PLACES; w++) {
          String[] subject = SUBJECT[s];
          String[] problem = PROBLEM[p];
          String[] place = PLACE[w];
          list.add(Category.of(
              "c" + s + "." + p + "." + w,
              "dept-" + (1 + (s * PROBLEMS + p) % 52),
              subject[0] + " " + problem[0] + " " + place[0],
              subject[1] + " " + problem[1] + " " + place[1],
              List.of(subject[2] + " " + problem[2], subject[2] + " " + place[2]),
              Kind.COMPLAINT,
              "cmh-7d"));
        }
      }
    }
    categories = Categories.of(list, Departments.of(departments));
    queries = switch (language) {
      case "english" -> ENGLISH;
      case "devanagari" -> DEVANAGARI;
      case "romanised" -> ROMANISED;
      default -> throw new IllegalArgumentException(language);
    };
    next = 0;
  }

  /**
   * One search.
   *
   * @return the top matches
   */
  @Benchmark
  public List<CategoryMatch> search() {
    String query = queries[next];
    next = next + 1 == queries.length ? 0 : next + 1;
    return categories.search(query, LIMIT);
  }

  /**
   * The baseline, in the same run: what a portal writes by hand, a lower-cased substring test of
   * the query against every category's names and aliases, keeping the first {@value #LIMIT}. It
   * ranks nothing and finds no misspelt or romanised match, so it is a floor on the work a scan
   * does, not an equal.
   *
   * @return the first matches in table order
   */
  @Benchmark
  public List<Category> naiveScan() {
    String query = queries[next].toLowerCase(Locale.ROOT);
    next = next + 1 == queries.length ? 0 : next + 1;
    List<Category> found = new ArrayList<>(LIMIT);
    for (Category c : categories.all()) {
      if (matches(c, query)) {
        found.add(c);
        if (found.size() == LIMIT) {
          break;
        }
      }
    }
    return found;
  }

  private static boolean matches(Category c, String query) {
    if (c.nameEn().toLowerCase(Locale.ROOT).contains(query) || c.nameHi().contains(query)) {
      return true;
    }
    for (String alias : c.aliases()) {
      if (alias.toLowerCase(Locale.ROOT).contains(query)) {
        return true;
      }
    }
    return false;
  }
}
