package org.nivaran.grievance.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.internal.Texts;

/**
 * The posts of a directory, by id, in the order given, with their escalation ladders.
 *
 * <pre>{@code
 * Posts posts = Posts.of(list, departments, jurisdictions);
 * List<Post> above = posts.chainAbove(PostId.of("AE-RAIPUR-W12"));   // EE, SE, CE
 * Post hod = posts.headOf("energy").orElseThrow();
 * Posts afterTransfer = posts.withHolder(PostId.of("EE-RAIPUR-CITY"), Optional.of(successor));
 * }</pre>
 *
 * <p>Each post's department and jurisdiction must be known, and the post it reports to must exist
 * and stand exactly one level higher, which also rules out cycles. A department has at most one
 * {@link PostDuty#HEAD_OF_DEPARTMENT head}. A {@link PostDuty#NODAL_OFFICER nodal officer} serves a
 * {@link JurisdictionType#DISTRICT district}, since only a district's is ever asked for, and a
 * district has at most one. Several posts may share a department,
 * jurisdiction and level (the Additional Collectors of a district); {@link #at} then gives the
 * first of them in the order given.
 *
 * <p>The posts also carry the {@linkplain AdditionalCharge additional charges} of vacant posts
 * ({@link #withCharge}); {@link #answering} says who answers for a post at an instant, its holder
 * or the officer in charge, and every rule that asks "who acts for, or is told about, this post"
 * asks it.
 *
 * <p>Immutable and thread-safe.
 */
public final class Posts {
  private final Map<PostId, Post> byId;
  private final List<Post> all;
  /** The first post of each department, jurisdiction and level, for routing. */
  private final Map<Place, Post> byPlace = new HashMap<>();
  private final Departments departments;
  private final Jurisdictions jurisdictions;
  /** The additional charges, by post, in the order given. */
  private final Map<PostId, AdditionalCharge> charges;

  private Posts(Map<PostId, Post> byId, Departments departments, Jurisdictions jurisdictions) {
    this(byId, departments, jurisdictions, Map.of());
  }

  private Posts(
      Map<PostId, Post> byId, Departments departments, Jurisdictions jurisdictions, Map<PostId, AdditionalCharge> charges) {
    this.byId = byId;
    this.charges = charges;
    this.all = List.copyOf(byId.values());
    all.forEach(p -> byPlace.putIfAbsent(new Place(p.department(), p.jurisdiction(), p.level()), p));
    this.departments = departments;
    this.jurisdictions = jurisdictions;
  }

  /**
   * The registry of these posts, in any order (a post may come before the one it reports to).
   *
   * @param posts the posts, each id once
   * @param departments the departments they may belong to
   * @param jurisdictions the jurisdictions they may serve
   * @return the registry
   * @throws InvalidInputException naming the element and field, e.g. {@code posts[2].id} for a
   *     repeated id, {@code posts[4].department}, {@code posts[4].jurisdiction} or
   *     {@code posts[4].reportsTo} for an unknown code or a supervisor not one level up,
   *     {@code posts[6].duties} for a second head of a department, a second nodal officer of a
   *     district, or a nodal officer whose jurisdiction is not a
   *     {@link JurisdictionType#DISTRICT district} (the message names the jurisdiction and its
   *     type)
   */
  public static Posts of(Collection<Post> posts, Departments departments, Jurisdictions jurisdictions) {
    Texts.required(departments, "departments");
    Texts.required(jurisdictions, "jurisdictions");
    Map<PostId, Post> byId = new LinkedHashMap<>();
    Map<String, PostId> heads = new LinkedHashMap<>();
    Map<String, PostId> nodal = new LinkedHashMap<>();
    int i = 0;
    for (Post p : Texts.required(posts, "posts")) {
      String at = "posts[" + i++ + "]";
      Texts.required(p, at);
      if (byId.putIfAbsent(p.id(), p) != null) {
        throw new InvalidInputException(at + ".id", "repeats the id '" + p.id() + "' (ids must be unique)");
      }
      if (!departments.contains(p.department())) {
        throw new InvalidInputException(at + ".department", "unknown department '" + p.department() + "'");
      }
      if (!jurisdictions.contains(p.jurisdiction())) {
        throw new InvalidInputException(at + ".jurisdiction", "unknown jurisdiction '" + p.jurisdiction() + "'");
      }
      String nodalProblem = nodalProblem(p, jurisdictions);
      if (nodalProblem != null) {
        throw new InvalidInputException(at + ".duties", nodalProblem);
      }
      onlyOne(p, PostDuty.HEAD_OF_DEPARTMENT, heads, p.department(), at, "department");
      onlyOne(p, PostDuty.NODAL_OFFICER, nodal, p.jurisdiction(), at, "jurisdiction");
    }
    i = 0;
    for (Post p : byId.values()) {
      String at = "posts[" + i++ + "].reportsTo";
      if (p.reportsTo().isEmpty()) {
        continue;
      }
      Post up = byId.get(p.reportsTo().get());
      if (up == null) {
        throw new InvalidInputException(at, "unknown post '" + p.reportsTo().get() + "'");
      }
      if (up.level().rung() != p.level().rung() + 1) {
        throw new InvalidInputException(
            at,
            "'" + up.id() + "' is at " + up.level() + ", but the post " + p.id() + " at " + p.level()
                + " must report to a post exactly one level up, at " + p.level().next());
      }
    }
    return new Posts(byId, departments, jurisdictions);
  }

  /**
   * Why a post cannot be a nodal officer in these jurisdictions: its jurisdiction is not a
   * district, so {@link Directory#nodalOfficerOf} would never find it.
   *
   * @param p the post, whose jurisdiction is one of {@code jurisdictions}
   * @param jurisdictions the jurisdictions
   * @return the reason, or null if the post is no nodal officer or serves a district
   */
  static String nodalProblem(Post p, Jurisdictions jurisdictions) {
    if (!p.has(PostDuty.NODAL_OFFICER)) {
      return null;
    }
    Jurisdiction served = jurisdictions.get(p.jurisdiction());
    if (served.type() == JurisdictionType.DISTRICT) {
      return null;
    }
    return "makes '" + p.id() + "' a " + PostDuty.NODAL_OFFICER + ", but its jurisdiction '" + served.code() + "' is a "
        + served.type() + ": a nodal officer must serve a " + JurisdictionType.DISTRICT
        + " (only a district's nodal officer is ever asked for)";
  }

  private static void onlyOne(Post p, PostDuty duty, Map<String, PostId> seen, String key, String at, String what) {
    if (p.has(duty)) {
      PostId first = seen.putIfAbsent(key, p.id());
      if (first != null) {
        throw new InvalidInputException(
            at + ".duties", "makes '" + p.id() + "' a second " + duty + " of " + what + " '" + key + "' (the first is '" + first + "')");
      }
    }
  }

  /**
   * The post with this id, if any.
   *
   * @param id the id
   * @return the post, or empty
   */
  public Optional<Post> find(PostId id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * The post with this id.
   *
   * @param id the id
   * @return the post
   * @throws InvalidInputException (field {@code post}) if no post has this id
   */
  public Post get(PostId id) {
    return find(id).orElseThrow(() -> new InvalidInputException("post", "unknown post '" + id + "'"));
  }

  /**
   * All posts, in the order given.
   *
   * @return an unmodifiable list
   */
  public List<Post> all() {
    return all;
  }

  /**
   * How many posts there are.
   *
   * @return the count
   */
  public int size() {
    return byId.size();
  }

  /**
   * The post a post reports to.
   *
   * @param id the post's id
   * @return its supervisor's post, or empty at the top of its ladder
   * @throws InvalidInputException (field {@code post}) if the id is unknown
   */
  public Optional<Post> supervisorOf(PostId id) {
    return get(id).reportsTo().map(byId::get);
  }

  /**
   * The escalation ladder above a post: its supervisor, the supervisor's supervisor, and so on to
   * the top.
   *
   * @param id the post's id
   * @return an unmodifiable list, lowest level first; empty at the top
   * @throws InvalidInputException (field {@code post}) if the id is unknown
   */
  public List<Post> chainAbove(PostId id) {
    List<Post> chain = new ArrayList<>();
    for (Optional<Post> up = supervisorOf(id); up.isPresent(); up = up.get().reportsTo().map(byId::get)) {
      chain.add(up.get());
    }
    return List.copyOf(chain);
  }

  /**
   * The post of a department at a level in a jurisdiction itself (not above it; see
   * {@link Router} for the fallback); the first in the order given if there are several.
   *
   * @param department the department's code
   * @param jurisdiction the jurisdiction's code
   * @param level the level
   * @return the post, or empty
   * @throws InvalidInputException (field {@code department} or {@code jurisdiction}) if a code is
   *     unknown
   */
  public Optional<Post> at(String department, String jurisdiction, Level level) {
    departments.get(department);
    jurisdictions.get(jurisdiction);
    return lookup(department, jurisdiction, Texts.required(level, "level"));
  }

  /** {@link #at} without checking the codes. */
  Optional<Post> lookup(String department, String jurisdiction, Level level) {
    return Optional.ofNullable(byPlace.get(new Place(department, jurisdiction, level)));
  }

  private record Place(String department, String jurisdiction, Level level) {}

  /**
   * The district's nodal officer's post: the post with duty {@link PostDuty#NODAL_OFFICER} whose
   * jurisdiction is that district.
   *
   * @param districtCode the district's code
   * @return the post, or empty if the district has none
   * @throws InvalidInputException (field {@code jurisdiction}) if the code is unknown
   */
  public Optional<Post> nodalOfficerFor(String districtCode) {
    jurisdictions.get(districtCode);
    return nodalLookup(districtCode);
  }

  /** {@link #nodalOfficerFor} without checking the code against this registry's jurisdictions. */
  Optional<Post> nodalLookup(String districtCode) {
    return all.stream().filter(p -> p.has(PostDuty.NODAL_OFFICER) && p.jurisdiction().equals(districtCode)).findFirst();
  }

  /**
   * The post with duty {@link PostDuty#HEAD_OF_DEPARTMENT} of a department.
   *
   * @param department the department's code
   * @return the post, or empty if the department has none
   * @throws InvalidInputException (field {@code department}) if the code is unknown
   */
  public Optional<Post> headOf(String department) {
    departments.get(department);
    return all.stream().filter(p -> p.has(PostDuty.HEAD_OF_DEPARTMENT) && p.department().equals(department)).findFirst();
  }

  /**
   * The posts with one post's holder changed: a transfer, a new posting or a vacancy. The post keeps
   * its id, so the complaints assigned to it stay with it and pass to the new holder. A holder
   * joining ends the post's {@linkplain AdditionalCharge additional charge}, and an officer who no
   * longer holds any post loses the charges they held. This registry is unchanged.
   *
   * @param id the post's id
   * @param holder the new holder, or empty for a vacancy
   * @return the new registry
   * @throws InvalidInputException (field {@code post}) if the id is unknown
   */
  public Posts withHolder(PostId id, Optional<Officer> holder) {
    Post changed = get(id).withHolder(Texts.required(holder, "holder"));
    Map<PostId, Post> copy = new LinkedHashMap<>(byId);
    copy.put(id, changed);
    Posts withoutCharges = new Posts(copy, departments, jurisdictions);
    Map<PostId, AdditionalCharge> kept = new LinkedHashMap<>();
    for (AdditionalCharge c : charges.values()) {
      if (withoutCharges.byId.get(c.post()).isVacant() && withoutCharges.officer(c.officerId()).isPresent()) {
        kept.put(c.post(), c);
      }
    }
    return new Posts(copy, departments, jurisdictions, kept);
  }

  // -- additional charges ---------------------------------------------------------------------

  /**
   * The additional charges, whether in force or not, in the order given.
   *
   * @return an unmodifiable list
   */
  public List<AdditionalCharge> charges() {
    return List.copyOf(charges.values());
  }

  /**
   * The additional charge of a post, whether in force or not.
   *
   * @param id the post's id
   * @return the charge, or empty if the post has none
   */
  public Optional<AdditionalCharge> chargeOf(PostId id) {
    return Optional.ofNullable(charges.get(Texts.required(id, "id")));
  }

  /**
   * The additional charge of a post in force at an instant: the post is vacant (a post with a
   * charge always is) and the instant is within the charge's time.
   *
   * @param id the post's id
   * @param now the instant
   * @return the charge, or empty
   */
  public Optional<AdditionalCharge> chargeInForce(PostId id, Instant now) {
    Texts.required(now, "now");
    return chargeOf(id).filter(c -> c.inForceAt(now));
  }

  /**
   * Who answers for a post at an instant: its holder, or, while it is vacant, the officer holding
   * its additional charge in force then. The one rule behind who may act from a post, who is told
   * of its complaints and whether an escalation or appeal to it proceeds.
   *
   * @param id the post's id
   * @param now the instant
   * @return the officer, or empty if the post is unknown, or vacant with no charge in force
   */
  public Optional<Officer> answering(PostId id, Instant now) {
    Post post = byId.get(Texts.required(id, "id"));
    if (post == null) {
      return Optional.empty();
    }
    return post.holder().or(() -> chargeInForce(id, now).flatMap(c -> officer(c.officerId())));
  }

  /**
   * The officer with this id, as they hold a post of these posts (the first in the order given).
   *
   * @param officerId the officer's id
   * @return the officer, or empty if they hold none of the posts
   */
  public Optional<Officer> officer(String officerId) {
    Texts.required(officerId, "officerId");
    return all.stream().flatMap(p -> p.holder().stream()).filter(o -> o.id().equals(officerId)).findFirst();
  }

  /**
   * The posts an officer answers for at an instant: those they hold, then those whose additional
   * charge they hold in force then, each in the order given. Their work list is the pending
   * complaints of these posts.
   *
   * @param officerId the officer's id
   * @param now the instant
   * @return an unmodifiable list, empty if they answer for none
   */
  public List<Post> answeredBy(String officerId, Instant now) {
    Texts.required(officerId, "officerId");
    Texts.required(now, "now");
    List<Post> out = new ArrayList<>();
    all.stream().filter(p -> p.holder().filter(o -> o.id().equals(officerId)).isPresent()).forEach(out::add);
    charges.values().stream()
        .filter(c -> c.officerId().equals(officerId) && c.inForceAt(now))
        .forEach(c -> out.add(byId.get(c.post())));
    return List.copyOf(out);
  }

  /**
   * These posts with the given additional charges in place of any they had. This registry is
   * unchanged.
   *
   * @param charges the charges, at most one per post
   * @return the new registry
   * @throws InvalidInputException naming the element and field: {@code charges[i].post} for an
   *     unknown post, a post with a holder, or a post charged twice; {@code charges[i].officerId}
   *     for an officer who holds none of the posts; {@code charges[i].givenBy} for a giver who
   *     holds none of them
   */
  public Posts withCharges(Collection<AdditionalCharge> charges) {
    Map<PostId, AdditionalCharge> checked = new LinkedHashMap<>();
    int i = 0;
    for (AdditionalCharge c : Texts.required(charges, "charges")) {
      String at = "charges[" + i++ + "]";
      Texts.required(c, at);
      checkCharge(c, at + ".");
      if (checked.putIfAbsent(c.post(), c) != null) {
        throw new InvalidInputException(at + ".post", "repeats the post '" + c.post() + "' (a post has at most one charge)");
      }
    }
    return new Posts(new LinkedHashMap<>(byId), departments, jurisdictions, checked);
  }

  /**
   * These posts with an additional charge given, replacing any the post had. This registry is
   * unchanged.
   *
   * @param charge the charge
   * @return the new registry
   * @throws InvalidInputException (field {@code post}) if the post is unknown or has a holder,
   *     (field {@code officerId}) if the officer holds none of the posts, (field {@code givenBy}) if
   *     the giver holds none of them
   */
  public Posts withCharge(AdditionalCharge charge) {
    Texts.required(charge, "charge");
    checkCharge(charge, "");
    Map<PostId, AdditionalCharge> copy = new LinkedHashMap<>(this.charges);
    copy.put(charge.post(), charge);
    return new Posts(new LinkedHashMap<>(byId), departments, jurisdictions, copy);
  }

  /**
   * These posts without the additional charge of a post (none to end is no error). This registry
   * is unchanged.
   *
   * @param id the post's id
   * @return the new registry
   * @throws InvalidInputException (field {@code post}) if the id is unknown
   */
  public Posts withoutCharge(PostId id) {
    get(id);
    Map<PostId, AdditionalCharge> copy = new LinkedHashMap<>(this.charges);
    copy.remove(id);
    return new Posts(new LinkedHashMap<>(byId), departments, jurisdictions, copy);
  }

  /** Why these posts cannot take a charge, the message naming the bad id; null if they can. */
  /**
   * Refuses a charge these posts cannot hold, naming the field after {@code prefix}: an unknown or
   * held post ({@code post}), an officer who holds none of the posts ({@code officerId}), a giver
   * who is not an officer of the directory ({@code givenBy}).
   */
  private void checkCharge(AdditionalCharge c, String prefix) {
    Post post = byId.get(c.post());
    if (post == null) {
      throw new InvalidInputException(prefix + "post", "unknown post '" + c.post() + "'");
    }
    if (!post.isVacant()) {
      throw new InvalidInputException(prefix + "post", "the post '" + c.post() + "' has a holder ('"
          + post.holder().get().id() + "'): only a vacant post's charge is given");
    }
    if (officer(c.officerId()).isEmpty()) {
      throw new InvalidInputException(prefix + "officerId", "officer '" + c.officerId()
          + "' holds no post of the directory, so cannot hold the charge of '" + c.post() + "'");
    }
    if (officer(c.givenBy()).isEmpty()) {
      throw new InvalidInputException(prefix + "givenBy", "officer '" + c.givenBy()
          + "' holds no post of the directory, so cannot have given the charge of '" + c.post() + "'");
    }
  }

  @Override
  public String toString() {
    return "Posts" + byId.keySet() + (charges.isEmpty() ? "" : " charges" + charges.keySet());
  }
}
