package org.nivaran.grievance.directory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.internal.Texts;

/**
 * Finds the post for a complaint: the post of the category's department at the entry level in the
 * complaint's jurisdiction, or, when there is none there, in the nearest jurisdiction above it that
 * has one. A complaint about electricity in a ward goes to the ward's junior engineer if the ward
 * has one, else to the one of its tehsil, else of the district.
 *
 * <pre>{@code
 * Router router = directory.router();
 * Route route = router.route("energy.supply", "RAIPUR-W12", Level.L1);
 * PostId assignee = route.post().id();
 * Optional<Post> janDarshan = router.walkIn(LocalDate.of(2024, 5, 7));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Router {
  private final Categories categories;
  private final Jurisdictions jurisdictions;
  private final Posts posts;
  private final DutyRoster roster;

  /**
   * A router over these registries.
   *
   * @param categories the categories
   * @param jurisdictions the jurisdictions
   * @param posts the posts; each must serve one of {@code jurisdictions}
   * @param roster the walk-in duty roster; every post it names must be in {@code posts}
   * @throws InvalidInputException naming the argument that is missing; {@code posts[i].jurisdiction}
   *     if the i-th post serves a jurisdiction not in {@code jurisdictions} (no complaint could be
   *     routed to it); {@code roster} if the roster gives a day to a post not in {@code posts}
   */
  public Router(Categories categories, Jurisdictions jurisdictions, Posts posts, DutyRoster roster) {
    this.categories = Texts.required(categories, "categories");
    this.jurisdictions = Texts.required(jurisdictions, "jurisdictions");
    this.posts = Texts.required(posts, "posts");
    this.roster = Texts.required(roster, "roster");
    List<Post> all = posts.all();
    for (int i = 0; i < all.size(); i++) {
      Post p = all.get(i);
      if (!jurisdictions.contains(p.jurisdiction())) {
        throw new InvalidInputException(
            "posts[" + i + "].jurisdiction",
            "post '" + p.id() + "' serves the jurisdiction '" + p.jurisdiction()
                + "', which is not among the router's jurisdictions (no complaint could be routed to it)");
      }
    }
    roster.asMap().forEach((date, post) -> {
      if (posts.find(post).isEmpty()) {
        throw new InvalidInputException("roster", "gives " + date + " to the unknown post '" + post + "'");
      }
    });
  }

  /**
   * The post a complaint goes to.
   *
   * @param categoryCode the complaint's category
   * @param jurisdictionCode where the complaint is about
   * @param entryLevel the level complaints enter at, usually {@link Level#L1}
   * @return the post, with the jurisdiction it serves
   * @throws InvalidInputException (field {@code categoryCode}, {@code jurisdictionCode} or
   *     {@code entryLevel}) if a code is unknown or an argument missing
   * @throws NoRouteException if neither the jurisdiction nor any above it has a post of the
   *     category's department at that level
   */
  public Route route(String categoryCode, String jurisdictionCode, Level entryLevel) {
    Category category = categories.find(Texts.required(categoryCode, "categoryCode"))
        .orElseThrow(() -> new InvalidInputException("categoryCode", "unknown category '" + categoryCode + "'"));
    jurisdictions.find(Texts.required(jurisdictionCode, "jurisdictionCode"))
        .orElseThrow(() -> new InvalidInputException("jurisdictionCode", "unknown jurisdiction '" + jurisdictionCode + "'"));
    Texts.required(entryLevel, "entryLevel");
    List<String> tried = new ArrayList<>();
    for (Jurisdiction j : jurisdictions.pathToRoot(jurisdictionCode)) {
      Optional<Post> post = posts.lookup(category.department(), j.code(), entryLevel);
      if (post.isPresent()) {
        return new Route(post.get(), category, j);
      }
      tried.add(j.code());
    }
    throw new NoRouteException(category.code(), category.department(), jurisdictionCode, entryLevel, tried);
  }

  /**
   * The post hearing walk-in complaints (Jan Darshan) on a day.
   *
   * @param date the day
   * @return the roster's post of that day, or empty if the roster gives the day to none
   */
  public Optional<Post> walkIn(LocalDate date) {
    return roster.onDuty(date).flatMap(posts::find);
  }
}
