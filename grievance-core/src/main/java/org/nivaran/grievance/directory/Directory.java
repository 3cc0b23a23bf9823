package org.nivaran.grievance.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.internal.Texts;

/**
 * Everything a deployment knows about where complaints go: its departments, categories,
 * jurisdictions, posts, walk-in duty roster and blocklist, checked against one another, with the
 * {@link #router() router} over them. Read one from JSON with
 * {@code org.nivaran.grievance.json.DirectoryJson}, or build one:
 *
 * <pre>{@code
 * Directory directory = Directory.builder()
 *     .departments(departments)
 *     .jurisdictions(jurisdictions)
 *     .categories(Categories.of(categoryList, departments))
 *     .posts(Posts.of(postList, departments, jurisdictions))
 *     .build();
 * Route route = directory.router().route("energy.supply", "RAIPUR-W12", Level.L1);
 * Directory afterTransfer = directory.withPosts(directory.posts().withHolder(id, Optional.of(successor)));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Directory {
  private final Departments departments;
  private final Categories categories;
  private final Jurisdictions jurisdictions;
  private final Posts posts;
  private final DutyRoster roster;
  private final Blocklist blocklist;
  private final Router router;

  private Directory(Builder b) {
    this.departments = Texts.required(b.departments, "departments");
    this.jurisdictions = b.jurisdictions != null ? b.jurisdictions : Jurisdictions.of(List.of());
    this.categories = b.categories != null ? b.categories : Categories.of(List.of(), departments);
    this.posts = b.posts != null ? b.posts : Posts.of(List.of(), departments, jurisdictions);
    this.roster = b.roster != null ? b.roster : DutyRoster.of(Map.of());
    this.blocklist = b.blocklist != null ? b.blocklist : Blocklist.empty();
    for (Category c : categories.all()) {
      if (!departments.contains(c.department())) {
        throw new InvalidInputException(
            "categories", "category '" + c.code() + "' names the department '" + c.department() + "', which is not in departments");
      }
    }
    List<Post> postList = posts.all();
    for (int i = 0; i < postList.size(); i++) {
      Post p = postList.get(i);
      if (!departments.contains(p.department())) {
        throw new InvalidInputException(
            "posts", "post '" + p.id() + "' names the department '" + p.department() + "', which is not in departments");
      }
      if (!jurisdictions.contains(p.jurisdiction())) {
        throw new InvalidInputException(
            "posts", "post '" + p.id() + "' names the jurisdiction '" + p.jurisdiction() + "', which is not in jurisdictions");
      }
      // The posts may have been built over other jurisdictions, where the same code is a district.
      String nodalProblem = Posts.nodalProblem(p, jurisdictions);
      if (nodalProblem != null) {
        throw new InvalidInputException("posts[" + i + "].duties", nodalProblem);
      }
    }
    this.router = new Router(categories, jurisdictions, posts, roster);
  }

  /**
   * A new builder; only the departments are required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The departments.
   *
   * @return the departments
   */
  public Departments departments() {
    return departments;
  }

  /**
   * The complaint categories.
   *
   * @return the categories; empty unless set
   */
  public Categories categories() {
    return categories;
  }

  /**
   * The jurisdictions.
   *
   * @return the jurisdictions; empty unless set
   */
  public Jurisdictions jurisdictions() {
    return jurisdictions;
  }

  /**
   * The posts and their holders.
   *
   * @return the posts; empty unless set
   */
  public Posts posts() {
    return posts;
  }

  /**
   * The walk-in duty roster.
   *
   * @return the roster; empty unless set
   */
  public DutyRoster roster() {
    return roster;
  }

  /**
   * The barred numbers.
   *
   * @return the blocklist; empty unless set
   */
  public Blocklist blocklist() {
    return blocklist;
  }

  /**
   * The nodal officer's post of the district a jurisdiction lies in: the post asked to sort out
   * complaints that are stuck, unrouted or bounced between departments.
   *
   * @param jurisdictionCode the complaint's jurisdiction, known or not
   * @return the post, or empty if the code is unknown, lies in no district, or the district has
   *     no nodal officer
   */
  public Optional<Post> nodalOfficerOf(String jurisdictionCode) {
    if (!jurisdictions.contains(Texts.required(jurisdictionCode, "jurisdictionCode"))) {
      return Optional.empty();
    }
    // Looked up without the posts' own jurisdictions, which may lack this directory's district.
    return jurisdictions.districtOf(jurisdictionCode).flatMap(d -> posts.nodalLookup(d.code()));
  }

  /**
   * The router over this directory's categories, jurisdictions, posts and roster.
   *
   * @return the router
   */
  public Router router() {
    return router;
  }

  /**
   * This directory with other posts, e.g. after a transfer ({@link Posts#withHolder}). This
   * directory is unchanged.
   *
   * @param posts the posts
   * @return the new directory
   * @throws InvalidInputException as {@link Builder#build()}, e.g. (field {@code roster}) if the
   *     roster names a post no longer there, or (field {@code posts} or
   *     {@code posts[i].duties}) if a post names a department or jurisdiction not in this directory
   *     or is a nodal officer outside a district
   */
  public Directory withPosts(Posts posts) {
    return toBuilder().posts(Texts.required(posts, "posts")).build();
  }

  /**
   * This directory with another blocklist. This directory is unchanged.
   *
   * @param blocklist the blocklist
   * @return the new directory
   */
  public Directory withBlocklist(Blocklist blocklist) {
    return toBuilder().blocklist(Texts.required(blocklist, "blocklist")).build();
  }

  private Builder toBuilder() {
    return builder()
        .departments(departments)
        .categories(categories)
        .jurisdictions(jurisdictions)
        .posts(posts)
        .roster(roster)
        .blocklist(blocklist);
  }

  @Override
  public String toString() {
    return "Directory[" + departments.size() + " departments, " + categories.size() + " categories, "
        + jurisdictions.size() + " jurisdictions, " + posts.size() + " posts, " + roster.asMap().size()
        + " roster days, " + blocklist.all().size() + " blocked numbers]";
  }

  /** Builds a {@link Directory}. Not thread-safe; use one builder per thread. */
  public static final class Builder {
    private Departments departments;
    private Categories categories;
    private Jurisdictions jurisdictions;
    private Posts posts;
    private DutyRoster roster;
    private Blocklist blocklist;

    private Builder() {}

    /**
     * Sets the departments (required).
     *
     * @param departments the departments
     * @return this builder
     */
    public Builder departments(Departments departments) {
      this.departments = Texts.required(departments, "departments");
      return this;
    }

    /**
     * Sets the categories; each must belong to one of the departments.
     *
     * @param categories the categories
     * @return this builder
     */
    public Builder categories(Categories categories) {
      this.categories = Texts.required(categories, "categories");
      return this;
    }

    /**
     * Sets the jurisdictions.
     *
     * @param jurisdictions the jurisdictions
     * @return this builder
     */
    public Builder jurisdictions(Jurisdictions jurisdictions) {
      this.jurisdictions = Texts.required(jurisdictions, "jurisdictions");
      return this;
    }

    /**
     * Sets the posts; each must belong to one of the departments and serve one of the
     * jurisdictions, and a nodal officer's must be a {@link JurisdictionType#DISTRICT district}
     * there.
     *
     * @param posts the posts
     * @return this builder
     */
    public Builder posts(Posts posts) {
      this.posts = Texts.required(posts, "posts");
      return this;
    }

    /**
     * Sets the walk-in duty roster; every post it names must be one of the posts.
     *
     * @param roster the roster
     * @return this builder
     */
    public Builder roster(DutyRoster roster) {
      this.roster = Texts.required(roster, "roster");
      return this;
    }

    /**
     * Sets the blocklist.
     *
     * @param blocklist the blocklist
     * @return this builder
     */
    public Builder blocklist(Blocklist blocklist) {
      this.blocklist = Texts.required(blocklist, "blocklist");
      return this;
    }

    /**
     * Builds the directory; what was not set is empty.
     *
     * @return the directory
     * @throws InvalidInputException naming the field, with the message naming the bad
     *     reference:
     *     <ul>
     *       <li>{@code departments} if the departments were not set;
     *       <li>{@code categories} if a category names a department not in the directory;
     *       <li>{@code posts} if a post names a department or jurisdiction not in the directory;
     *       <li>{@code posts[i].duties} if the i-th post is a
     *           {@link PostDuty#NODAL_OFFICER nodal officer} whose jurisdiction is not a
     *           {@link JurisdictionType#DISTRICT district} in the directory's jurisdictions (it
     *           would never be asked for);
     *       <li>{@code roster} if the roster gives a day to a post not among the posts.
     *     </ul>
     *     The registries' own rules (an unknown parent category or jurisdiction, an unknown
     *     supervisor post, ...) are checked when each registry is built: see {@link Categories#of},
     *     {@link Jurisdictions#of} and {@link Posts#of}.
     */
    public Directory build() {
      return new Directory(this);
    }
  }
}
