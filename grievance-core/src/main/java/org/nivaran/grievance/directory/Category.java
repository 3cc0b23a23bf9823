package org.nivaran.grievance.directory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.complaint.Kind;
import org.nivaran.grievance.internal.Texts;
import org.nivaran.grievance.sla.Priority;

/**
 * A classified complaint type owned by one department, e.g. {@code energy.supply-interrupted},
 * "Electricity supply interrupted" / "बिजली आपूर्ति बाधित". Categories may form a tree: a category
 * names its parent, if any. The aliases are the other words citizens and agents use for it, in any
 * script, e.g. {@code bijli}, {@code light nahi hai}; {@link Categories#search} finds a category by
 * them as well as by its code and names.
 *
 * <pre>{@code
 * Category c = new Category("energy.faulty-meter", Optional.of("energy.billing"), "energy",
 *     "Faulty meter", "खराब मीटर", List.of("meter kharab", "meter fast"),
 *     Kind.COMPLAINT, "energy-7d");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the category's code: ASCII letters, digits, {@code . _ -}, at most 64 characters
 * @param parent the code of the parent category, if any; never the category's own code
 * @param department the code of the owning department
 * @param nameEn its English name, 1 to {@value #MAX_NAME_LENGTH} characters on one line
 * @param nameHi its Hindi name, 1 to {@value #MAX_NAME_LENGTH} characters on one line
 * @param aliases other names, each 1 to {@value #MAX_ALIAS_LENGTH} characters on one line, at most
 *     {@value #MAX_ALIASES}, no two equal; in the order given
 * @param defaultKind the kind a complaint of this category is registered as unless said otherwise
 * @param escalationPolicyId the id of the escalation policy that times and escalates its complaints
 *     (the {@code slaPolicy} field of the JSON and CSV forms); a configuration without it is refused
 * @param defaultPriority the priority a complaint of this category is registered with unless the
 *     agent sets one ({@link Priority#NORMAL} when not given)
 */
public record Category(
    String code,
    Optional<String> parent,
    String department,
    String nameEn,
    String nameHi,
    List<String> aliases,
    Kind defaultKind,
    String escalationPolicyId,
    Priority defaultPriority) {
  /** The most code points in a name. */
  public static final int MAX_NAME_LENGTH = 200;
  /** The most code points in an alias. */
  public static final int MAX_ALIAS_LENGTH = 100;
  /** The most aliases a category may have. */
  public static final int MAX_ALIASES = 50;

  /**
   * Validates the category; names and aliases are stripped and NFC-normalised.
   *
   * @throws InvalidInputException naming {@code code}, {@code parent}, {@code department}, {@code
   *     nameEn}, {@code nameHi}, {@code aliases} (with the index, e.g. {@code aliases[2]}),
   *     {@code defaultKind}, {@code escalationPolicyId} or {@code defaultPriority}
   * @param code the category's code
   * @param parent the parent's code, if any
   * @param department the owning department's code
   * @param nameEn its English name
   * @param nameHi its Hindi name
   * @param aliases other names
   * @param defaultKind the default kind
   * @param escalationPolicyId the escalation policy's id
   * @param defaultPriority the default priority
   */
  public Category {
    Texts.code(code, "code");
    Texts.required(parent, "parent").ifPresent(p -> Texts.code(p, "parent"));
    if (parent.isPresent() && parent.get().equals(code)) {
      throw new InvalidInputException("parent", "must not be the category itself ('" + code + "')");
    }
    Texts.code(department, "department");
    nameEn = Texts.singleLine(nameEn, "nameEn", MAX_NAME_LENGTH);
    nameHi = Texts.singleLine(nameHi, "nameHi", MAX_NAME_LENGTH);
    Texts.required(aliases, "aliases");
    if (aliases.size() > MAX_ALIASES) {
      throw new InvalidInputException(
          "aliases", "must be at most " + MAX_ALIASES + " (was " + aliases.size() + ")");
    }
    List<String> normalAliases = new ArrayList<>(aliases.size());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < aliases.size(); i++) {
      String alias = Texts.singleLine(aliases.get(i), "aliases[" + i + "]", MAX_ALIAS_LENGTH);
      if (!seen.add(alias)) {
        throw new InvalidInputException("aliases[" + i + "]", "repeats the alias '" + alias + "'");
      }
      normalAliases.add(alias);
    }
    aliases = List.copyOf(normalAliases);
    Texts.required(defaultKind, "defaultKind");
    Texts.code(escalationPolicyId, "escalationPolicyId");
    Texts.required(defaultPriority, "defaultPriority");
  }

  /**
   * A category of {@link Priority#NORMAL} default priority.
   *
   * @param code the category's code
   * @param parent the parent's code, if any
   * @param department the owning department's code
   * @param nameEn its English name
   * @param nameHi its Hindi name
   * @param aliases other names
   * @param defaultKind the default kind
   * @param escalationPolicyId the escalation policy's id
   * @throws InvalidInputException as the canonical constructor
   */
  public Category(
      String code, Optional<String> parent, String department, String nameEn, String nameHi, List<String> aliases,
      Kind defaultKind, String escalationPolicyId) {
    this(code, parent, department, nameEn, nameHi, aliases, defaultKind, escalationPolicyId, Priority.NORMAL);
  }

  /**
   * This category with another default priority.
   *
   * @param priority the priority its complaints are registered with unless the agent sets one
   * @return a copy with that default
   */
  public Category withDefaultPriority(Priority priority) {
    return new Category(code, parent, department, nameEn, nameHi, aliases, defaultKind, escalationPolicyId, priority);
  }

  /**
   * A category without a parent.
   *
   * @param code the category's code
   * @param department the owning department's code
   * @param nameEn its English name
   * @param nameHi its Hindi name
   * @param aliases other names
   * @param defaultKind the default kind
   * @param escalationPolicyId the escalation policy's id
   * @return the category
   * @throws InvalidInputException as the canonical constructor
   */
  public static Category of(
      String code,
      String department,
      String nameEn,
      String nameHi,
      List<String> aliases,
      Kind defaultKind,
      String escalationPolicyId) {
    return new Category(code, Optional.empty(), department, nameEn, nameHi, aliases, defaultKind, escalationPolicyId);
  }

  /**
   * This category under a parent.
   *
   * @param parentCode the parent's code
   * @return a copy with that parent
   * @throws InvalidInputException (field {@code parent}) if malformed or the category's own code
   */
  public Category withParent(String parentCode) {
    return new Category(
        code, Optional.of(parentCode), department, nameEn, nameHi, aliases, defaultKind, escalationPolicyId,
        defaultPriority);
  }
}
