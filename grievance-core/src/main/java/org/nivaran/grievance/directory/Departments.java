package org.nivaran.grievance.directory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.internal.Texts;

/**
 * The departments of a directory, by code, in the order given.
 *
 * <pre>{@code
 * Departments departments = Departments.of(List.of(
 *     new Department("energy", "Energy Department", "ऊर्जा विभाग"),
 *     new Department("revenue", "Revenue Department", "राजस्व विभाग")));
 * Department energy = departments.get("energy");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Departments {
  private final Map<String, Department> byCode;
  private final List<Department> all;

  private Departments(Map<String, Department> byCode) {
    this.byCode = byCode;
    this.all = List.copyOf(byCode.values());
  }

  /**
   * The registry of these departments.
   *
   * @param departments the departments, each code once
   * @return the registry
   * @throws InvalidInputException naming the element, e.g. {@code departments[3].code} for a
   *     repeated code
   */
  public static Departments of(Collection<Department> departments) {
    Map<String, Department> byCode = new LinkedHashMap<>();
    int i = 0;
    for (Department d : Texts.required(departments, "departments")) {
      String at = "departments[" + i++ + "]";
      Texts.required(d, at);
      if (byCode.putIfAbsent(d.code(), d) != null) {
        throw new InvalidInputException(at + ".code", "repeats the code '" + d.code() + "' (codes must be unique)");
      }
    }
    return new Departments(byCode);
  }

  /**
   * The department with this code, if any.
   *
   * @param code the code
   * @return the department, or empty
   */
  public Optional<Department> find(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /**
   * The department with this code.
   *
   * @param code the code
   * @return the department
   * @throws InvalidInputException (field {@code department}) if no department has this code
   */
  public Department get(String code) {
    return find(code).orElseThrow(() -> new InvalidInputException("department", "unknown code '" + code + "'"));
  }

  /**
   * Whether a department has this code.
   *
   * @param code the code
   * @return true if known
   */
  public boolean contains(String code) {
    return byCode.containsKey(code);
  }

  /**
   * All departments, in the order given.
   *
   * @return an unmodifiable list
   */
  public List<Department> all() {
    return all;
  }

  /**
   * How many departments there are.
   *
   * @return the count
   */
  public int size() {
    return byCode.size();
  }

  @Override
  public String toString() {
    return "Departments" + byCode.keySet();
  }
}
