package org.nivaran.grievance.directory;

import org.nivaran.grievance.internal.Texts;

/**
 * Where {@link Router#route} sent a complaint: the post, the category, and the jurisdiction the
 * post serves, which is an ancestor of the one asked for when no post of the category's department
 * stood at the level there.
 *
 * <p>Immutable and thread-safe.
 *
 * @param post the post the complaint is assigned to
 * @param category the complaint's category
 * @param servedFrom the jurisdiction of the post found
 */
public record Route(Post post, Category category, Jurisdiction servedFrom) {
  /**
   * Validates the route.
   *
   * @throws org.nivaran.grievance.InvalidInputException naming {@code post}, {@code category} or
   *     {@code servedFrom} if missing
   * @param post the post
   * @param category the category
   * @param servedFrom the post's jurisdiction
   */
  public Route {
    Texts.required(post, "post");
    Texts.required(category, "category");
    Texts.required(servedFrom, "servedFrom");
  }
}
