package org.nivaran.grievance.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.internal.Texts;

/**
 * The complaint categories of a directory, by code, in the order given, with a search that finds
 * them the way call-centre agents and citizens type: by code, English or Hindi name, or alias; in
 * English, Devanagari or romanised Hindi.
 *
 * <pre>{@code
 * Categories categories = Categories.of(List.of(
 *     Category.of("energy.supply", "energy", "Electricity supply interrupted",
 *         "बिजली आपूर्ति बाधित", List.of("bijli", "light nahi hai"), Kind.COMPLAINT, "energy-7d")),
 *     departments);
 * categories.search("bijlee", 5);   // finds energy.supply by its alias, spelt differently
 * categories.search("बिजली", 5);    // ... and by its Hindi name
 * }</pre>
 *
 * <p>The search index is built once, when the registry is; a search over a thousand categories
 * takes microseconds. Immutable and thread-safe: searches may run concurrently.
 */
public final class Categories {
  /** The most code points in a search query. */
  public static final int MAX_QUERY_LENGTH = 200;

  private final Departments departments;
  private final Map<String, Category> byCode;
  private final List<Category> all;
  private final Map<String, List<Category>> byDepartment;
  private final CategoryIndex index;

  private Categories(List<Category> all, Departments departments) {
    this.departments = departments;
    this.all = List.copyOf(all);
    Map<String, Category> codes = new HashMap<>();
    Map<String, List<Category>> departmentLists = new LinkedHashMap<>();
    for (Category c : this.all) {
      codes.put(c.code(), c);
      departmentLists.computeIfAbsent(c.department(), d -> new ArrayList<>()).add(c);
    }
    this.byCode = Map.copyOf(codes);
    Map<String, List<Category>> frozen = new HashMap<>();
    departmentLists.forEach((d, list) -> frozen.put(d, List.copyOf(list)));
    this.byDepartment = Map.copyOf(frozen);
    this.index = new CategoryIndex(this.all);
  }

  /**
   * The registry of these categories.
   *
   * @param categories the categories, each code once; a parent may come before or after its
   *     children
   * @param departments the departments they belong to
   * @return the registry
   * @throws InvalidInputException naming the element, e.g. {@code categories[3].department} for
   *     an unknown department, {@code categories[5].code} for a repeated code, {@code
   *     categories[7].parent} for an unknown parent or a cycle of parents
   */
  public static Categories of(Collection<Category> categories, Departments departments) {
    Texts.required(categories, "categories");
    Texts.required(departments, "departments");
    List<Category> list = new ArrayList<>(categories.size());
    int i = 0;
    for (Category c : categories) {
      list.add(Texts.required(c, "categories[" + i++ + "]"));
    }
    Problem problem = check(list, departments);
    if (problem != null) {
      throw new InvalidInputException("categories[" + problem.index() + "]." + problem.field(), problem.reason());
    }
    return new Categories(list, departments);
  }

  /**
   * What is wrong with one element of a list of categories.
   *
   * @param index the element's index
   * @param field the element's field, e.g. {@code department}
   * @param reason why it is refused
   */
  record Problem(int index, String field, String reason) {}

  /**
   * The first problem in a list of categories.
   *
   * @param categories the categories, none null
   * @param departments their departments
   * @return the problem, or null if there is none
   */
  static Problem check(List<Category> categories, Departments departments) {
    Map<String, Integer> indexOf = new HashMap<>();
    for (int i = 0; i < categories.size(); i++) {
      Category c = categories.get(i);
      if (indexOf.putIfAbsent(c.code(), i) != null) {
        return new Problem(i, "code", "repeats the code '" + c.code() + "' (codes must be unique)");
      }
      if (!departments.contains(c.department())) {
        return new Problem(i, "department", "unknown department '" + c.department() + "'");
      }
    }
    for (int i = 0; i < categories.size(); i++) {
      Category c = categories.get(i);
      if (c.parent().isPresent() && !indexOf.containsKey(c.parent().get())) {
        return new Problem(i, "parent", "unknown parent '" + c.parent().get() + "'");
      }
    }
    // Every category has at most one parent, so a cycle is found by walking up from each one.
    // Walks that reached a root are remembered, which keeps the whole check linear.
    boolean[] reachesRoot = new boolean[categories.size()];
    for (int i = 0; i < categories.size(); i++) {
      List<Integer> path = new ArrayList<>();
      int at = i;
      while (!reachesRoot[at]) {
        int seenAt = path.indexOf(at);
        if (seenAt >= 0) {
          return cycle(categories, path.subList(seenAt, path.size()));
        }
        path.add(at);
        Optional<String> parent = categories.get(at).parent();
        if (parent.isEmpty()) {
          break;
        }
        at = indexOf.get(parent.get());
      }
      for (int v : path) {
        reachesRoot[v] = true;
      }
    }
    return null;
  }

  /** The problem of a cycle of parents, named at the member that comes first in the input. */
  private static Problem cycle(List<Category> categories, List<Integer> members) {
    int first = 0;
    for (int k = 1; k < members.size(); k++) {
      if (members.get(k) < members.get(first)) {
        first = k;
      }
    }
    List<String> codes = new ArrayList<>();
    for (int k = 0; k <= members.size(); k++) {
      codes.add(categories.get(members.get((first + k) % members.size())).code());
    }
    return new Problem(members.get(first), "parent", "forms a cycle of parents: " + String.join(" -> ", codes));
  }

  /**
   * The category with this code, if any.
   *
   * @param code the code
   * @return the category, or empty
   */
  public Optional<Category> find(String code) {
    return Optional.ofNullable(code == null ? null : byCode.get(code));
  }

  /**
   * The category with this code.
   *
   * @param code the code
   * @return the category
   * @throws InvalidInputException (field {@code category}) if no category has this code
   */
  public Category get(String code) {
    return find(code).orElseThrow(() -> new InvalidInputException("category", "unknown code '" + code + "'"));
  }

  /**
   * Whether a category has this code.
   *
   * @param code the code
   * @return true if known
   */
  public boolean contains(String code) {
    return code != null && byCode.containsKey(code);
  }

  /**
   * All categories, in the order given.
   *
   * @return an unmodifiable list
   */
  public List<Category> all() {
    return all;
  }

  /**
   * How many categories there are.
   *
   * @return the count
   */
  public int size() {
    return all.size();
  }

  /**
   * The categories a department owns, in the order given.
   *
   * @param departmentCode the department's code
   * @return an unmodifiable list, empty if the department owns none
   * @throws InvalidInputException (field {@code department}) if the directory has no such
   *     department
   */
  public List<Category> ofDepartment(String departmentCode) {
    departments.get(departmentCode);
    return byDepartment.getOrDefault(departmentCode, List.of());
  }

  /**
   * The categories that best match a query, best first.
   *
   * <p>A query matches a category's code, English name, Hindi name or any alias. Case, accents
   * (diacritics) and punctuation are ignored, and so are the spaces between words, so {@code
   * streetlight} finds "Street light". Devanagari text is also compared in romanised form, with
   * common spelling variants folded together ({@code ee}/{@code i}, {@code oo}/{@code u}, {@code
   * aa}/{@code a}, {@code w}/{@code v}, {@code ph}/{@code f}, {@code z}/{@code j}, doubled
   * letters), so {@code bijli}, {@code bijlee} and {@code बिजली} find the same categories. Results
   * are ranked by {@link CategoryMatch#score() score}: the code, then a whole name or alias, then
   * the start of one, the start of a word inside one, text inside one, and last words that only
   * sound alike; equal scores are ordered by code.
   *
   * @param query what was typed, 1 to {@value #MAX_QUERY_LENGTH} characters on one line
   * @param limit the most results wanted, at least 1
   * @return up to {@code limit} matches, best first; empty if nothing matches
   * @throws InvalidInputException (field {@code query}) if the query is null, blank or too long;
   *     (field {@code limit}) if the limit is below 1
   */
  public List<CategoryMatch> search(String query, int limit) {
    String q = Texts.singleLine(query, "query", MAX_QUERY_LENGTH);
    if (limit < 1) {
      throw new InvalidInputException("limit", "must be at least 1 (was " + limit + ")");
    }
    return index.search(q, limit);
  }

  @Override
  public String toString() {
    return "Categories[" + all.size() + "]";
  }
}
