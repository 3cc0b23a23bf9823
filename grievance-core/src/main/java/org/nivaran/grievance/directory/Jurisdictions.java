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
 * The jurisdiction tree of a directory: states, districts, blocks and tehsils, panchayats and
 * wards, by code, in the order given.
 *
 * <pre>{@code
 * Jurisdictions places = Jurisdictions.of(list);
 * List<Jurisdiction> up = places.pathToRoot("RAIPUR-W12");   // the ward, its tehsil, RAIPUR, CG
 * Jurisdiction district = places.districtOf("RAIPUR-W12").orElseThrow();
 * }</pre>
 *
 * <p>Every parent must be in the registry, and every child must be of a
 * {@link JurisdictionType#depth() deeper} type than its parent, which also rules out cycles. A
 * jurisdiction without a parent is a root; a directory for one district may start at the district.
 *
 * <p>Immutable and thread-safe.
 */
public final class Jurisdictions {
  private final Map<String, Jurisdiction> byCode;
  private final Map<String, List<Jurisdiction>> children;
  private final List<Jurisdiction> all;

  private Jurisdictions(Map<String, Jurisdiction> byCode) {
    this.byCode = byCode;
    this.all = List.copyOf(byCode.values());
    Map<String, List<Jurisdiction>> kids = new HashMap<>();
    for (Jurisdiction j : all) {
      j.parent().ifPresent(p -> kids.computeIfAbsent(p, k -> new ArrayList<>()).add(j));
    }
    kids.replaceAll((k, v) -> List.copyOf(v));
    this.children = kids;
  }

  /**
   * The registry of these jurisdictions, in any order (a child may come before its parent).
   *
   * @param jurisdictions the jurisdictions, each code once
   * @return the registry
   * @throws InvalidInputException naming the element, e.g. {@code jurisdictions[3].code} for a
   *     repeated code, {@code jurisdictions[5].parent} for an unknown parent or a child not deeper
   *     than its parent
   */
  public static Jurisdictions of(Collection<Jurisdiction> jurisdictions) {
    Map<String, Jurisdiction> byCode = new LinkedHashMap<>();
    int i = 0;
    for (Jurisdiction j : Texts.required(jurisdictions, "jurisdictions")) {
      String at = "jurisdictions[" + i++ + "]";
      Texts.required(j, at);
      if (byCode.putIfAbsent(j.code(), j) != null) {
        throw new InvalidInputException(at + ".code", "repeats the code '" + j.code() + "' (codes must be unique)");
      }
    }
    i = 0;
    for (Jurisdiction j : byCode.values()) {
      String at = "jurisdictions[" + i++ + "].parent";
      if (j.parent().isEmpty()) {
        continue;
      }
      Jurisdiction parent = byCode.get(j.parent().get());
      if (parent == null) {
        throw new InvalidInputException(at, "unknown jurisdiction '" + j.parent().get() + "'");
      }
      if (parent.type().depth() >= j.type().depth()) {
        throw new InvalidInputException(
            at,
            "'" + parent.code() + "' is a " + parent.type() + ", which cannot be above the " + j.type() + " '" + j.code()
                + "': a child must be deeper in state › district › block/tehsil › panchayat/ward than its parent");
      }
    }
    return new Jurisdictions(byCode);
  }

  /**
   * The jurisdiction with this code, if any.
   *
   * @param code the code
   * @return the jurisdiction, or empty
   */
  public Optional<Jurisdiction> find(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /**
   * The jurisdiction with this code.
   *
   * @param code the code
   * @return the jurisdiction
   * @throws InvalidInputException (field {@code jurisdiction}) if no jurisdiction has this code
   */
  public Jurisdiction get(String code) {
    return find(code).orElseThrow(() -> new InvalidInputException("jurisdiction", "unknown code '" + code + "'"));
  }

  /**
   * Whether a jurisdiction has this code.
   *
   * @param code the code
   * @return true if known
   */
  public boolean contains(String code) {
    return byCode.containsKey(code);
  }

  /**
   * The jurisdiction and those above it: itself first, then its parent, up to its root.
   *
   * @param code the code
   * @return an unmodifiable list, never empty
   * @throws InvalidInputException (field {@code jurisdiction}) if the code is unknown
   */
  public List<Jurisdiction> pathToRoot(String code) {
    List<Jurisdiction> path = new ArrayList<>();
    for (Jurisdiction j = get(code); j != null; j = j.parent().map(byCode::get).orElse(null)) {
      path.add(j);
    }
    return List.copyOf(path);
  }

  /**
   * The district a jurisdiction lies in: itself if a district, else its nearest
   * {@link JurisdictionType#DISTRICT DISTRICT} ancestor.
   *
   * @param code the code
   * @return the district, or empty for a state or a tree without districts above it
   * @throws InvalidInputException (field {@code jurisdiction}) if the code is unknown
   */
  public Optional<Jurisdiction> districtOf(String code) {
    return pathToRoot(code).stream().filter(j -> j.type() == JurisdictionType.DISTRICT).findFirst();
  }

  /**
   * The jurisdictions directly below one, in the order given.
   *
   * @param code the code
   * @return an unmodifiable list, empty for a leaf
   * @throws InvalidInputException (field {@code jurisdiction}) if the code is unknown
   */
  public List<Jurisdiction> children(String code) {
    get(code);
    return children.getOrDefault(code, List.of());
  }

  /**
   * All jurisdictions, in the order given.
   *
   * @return an unmodifiable list
   */
  public List<Jurisdiction> all() {
    return all;
  }

  /**
   * How many jurisdictions there are.
   *
   * @return the count
   */
  public int size() {
    return byCode.size();
  }

  @Override
  public String toString() {
    return "Jurisdictions" + byCode.keySet();
  }
}
