package org.nivaran.grievance.usecase;

import java.time.Instant;
import java.util.Optional;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.AccessRule;
import org.nivaran.grievance.complaint.ActorNotPermittedException;
import org.nivaran.grievance.complaint.Assignment;
import org.nivaran.grievance.complaint.CommandType;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.directory.Category;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.directory.Officer;
import org.nivaran.grievance.directory.Post;
import org.nivaran.grievance.directory.PostDuty;

/**
 * With a directory, the authority an officer or supervisor acts with comes from the directory in
 * force when the command is decided, never from the actor alone. {@link Actor.Officer} and
 * {@link Actor.Supervisor} name an officer id and a post; the use cases ask this class, before the
 * lifecycle decides:
 *
 * <ol>
 *   <li><b>Holder</b> ({@link AccessRule#OFFICER_HOLDS_POST_IN_DIRECTORY}), for every command an
 *       officer or supervisor issues, registration included: the officer must {@linkplain #holds
 *       hold} the post now, as its holder or by its additional charge in force. Refused: a post
 *       another officer holds, a vacant post not in their charge now (never given, ended, or past
 *       its {@code until}), a post the officer was transferred from (a handover or a replaced
 *       directory), a post the directory does not have.
 *   <li><b>Scope</b> ({@link AccessRule#SUPERVISOR_ACTS_WITHIN_SCOPE}), for a supervisor's command
 *       on a complaint (all but {@code LINK_DUPLICATE}, which only records a repeat registration,
 *       and registration itself, which concern no stored complaint's handling): the complaint must
 *       lie within the supervisor's post's reach, see {@link #checkScope}.
 * </ol>
 *
 * <p>An officer's own command is further limited by the lifecycle to complaints assigned to the
 * post they act from ({@link AccessRule#OFFICER_HOLDS_ASSIGNED_POST}), so holding the post is the
 * whole of an officer's check here. Citizens, call-centre agents and system actors are not in the
 * directory and are not checked here.
 *
 * <p>Without a directory nothing here runs: the host must make sure that an officer acts only from
 * a post they hold and a supervisor only within their reach.
 *
 * <p>Stateless and thread-safe.
 */
final class PostAuthority {
  private PostAuthority() {}

  /**
   * The one question of authority: does this officer hold this post now, in this directory? Yes if
   * the directory names them the post's holder, or if the post is vacant and its
   * {@linkplain org.nivaran.grievance.directory.AdditionalCharge additional charge} in force at
   * {@code now} is theirs ({@link org.nivaran.grievance.directory.Posts#answering}). Every check in
   * this class, and so every use case, asks this method and nothing else.
   *
   * @param d the directory in force
   * @param officerId the officer's id
   * @param post the post
   * @param now the instant the command is decided at
   * @return true if the officer holds the post, or its charge
   */
  static boolean holds(Directory d, String officerId, PostId post, Instant now) {
    return d.posts().answering(post, now).map(Officer::id).filter(officerId::equals).isPresent();
  }

  /**
   * Refuses an officer or supervisor registering a complaint from a post they do not hold; anyone
   * else passes.
   *
   * @throws ActorNotPermittedException (rule {@link AccessRule#OFFICER_HOLDS_POST_IN_DIRECTORY})
   */
  static void checkRegistration(Directory d, Actor actor, Instant now) {
    checkHolder(d, actor, CommandType.REGISTER, now);
  }

  /**
   * Refuses an officer or supervisor issuing a command on a complaint from a post they do not
   * hold, and a supervisor acting outside their reach; anyone else passes.
   *
   * @throws ActorNotPermittedException (rule {@link AccessRule#OFFICER_HOLDS_POST_IN_DIRECTORY} or
   *     {@link AccessRule#SUPERVISOR_ACTS_WITHIN_SCOPE})
   */
  static void check(Directory d, Complaint c, CommandType command, Actor actor, Instant now) {
    Optional<Post> from = checkHolder(d, actor, command, now);
    if (actor instanceof Actor.Supervisor && command != CommandType.LINK_DUPLICATE) {
      checkScope(d, from.orElseThrow(), c, command, actor);
    }
  }

  /**
   * Whether a supervisor may give or end the additional charge of a post: they hold the post they
   * act from (or its charge) and the post lies within its reach (the department and jurisdiction
   * rules of {@link #checkScope}, applied to the post's department and jurisdiction).
   *
   * @return the reason for refusing, or empty if they may
   */
  static Optional<String> chargeRefusal(Directory d, Actor.Supervisor supervisor, Post target, Instant now) {
    if (!holds(d, supervisor.officerId(), supervisor.post(), now)) {
      return Optional.of("officer " + supervisor.officerId() + " does not hold " + supervisor.post()
          + " in the directory in force");
    }
    return outsideReach(d, d.posts().get(supervisor.post()), "the post " + target.id(), Optional.of(target.department()),
        target.jurisdiction());
  }

  /** The post an officer or supervisor acts from, checked to be theirs; empty for other actors. */
  private static Optional<Post> checkHolder(Directory d, Actor actor, CommandType command, Instant now) {
    String officerId;
    PostId postId;
    if (actor instanceof Actor.Officer o) {
      officerId = o.officerId();
      postId = o.post();
    } else if (actor instanceof Actor.Supervisor s) {
      officerId = s.officerId();
      postId = s.post();
    } else {
      return Optional.empty();
    }
    Optional<Post> post = d.posts().find(postId);
    if (!holds(d, officerId, postId, now)) {
      String why = post.isEmpty() ? "the directory in force has no post " + postId
          : post.get().isVacant() ? "the post " + postId + " is vacant in the directory in force"
              + d.posts().chargeOf(postId).map(ch -> " and its additional charge, to " + ch.officerId() + " until "
                  + ch.until() + ", is not theirs in force at " + now).orElse(" and in no one's additional charge")
          : "the post " + postId + " is held by another officer in the directory in force";
      throw new ActorNotPermittedException(AccessRule.OFFICER_HOLDS_POST_IN_DIRECTORY, actor, command,
          "officer " + officerId + " does not hold " + postId + ": " + why);
    }
    return post;
  }

  /**
   * Refuses a supervisor's command on a complaint outside the reach of the post they act from. The
   * reach is read from the post in the directory:
   *
   * <ul>
   *   <li><b>Department.</b> The complaint's department is the department of its assignment, or,
   *       while it has none (registered, unrouted), the department of its category in the
   *       directory. It must be the post's department, unless the post has duty
   *       {@link PostDuty#NODAL_OFFICER}: the district's nodal officer, to whom stuck, unrouted and
   *       bounced complaints of every department are named, reaches every department.
   *   <li><b>Jurisdiction.</b> The complaint's jurisdiction must be the post's jurisdiction or lie
   *       below it in the directory's tree (a district post reaches the district's tehsils, blocks,
   *       wards and panchayats; a state post the whole state), unless the post has duty
   *       {@link PostDuty#HEAD_OF_DEPARTMENT}: a department has one head per directory, who
   *       reaches its complaints everywhere.
   * </ul>
   *
   * <p>A complaint whose jurisdiction the directory does not know (the directory was replaced) is
   * outside every reach but a head of department's. A Collector reaches every department of the
   * district only through the district's {@code NODAL_OFFICER} post; no other duty widens a post's
   * department.
   */
  private static void checkScope(Directory d, Post from, Complaint c, CommandType command, Actor actor) {
    Optional<String> department = c.assignment().map(Assignment::department)
        .or(() -> d.categories().find(c.categoryCode()).map(Category::department));
    outsideReach(d, from, "complaint " + c.id(), department, c.jurisdictionCode()).ifPresent(why -> {
      throw new ActorNotPermittedException(AccessRule.SUPERVISOR_ACTS_WITHIN_SCOPE, actor, command, why);
    });
  }

  /**
   * The one rule of a post's reach, for a complaint or a post ({@code subject}) of a department
   * (empty if unknown) and jurisdiction: why it lies outside the reach of {@code from}, or empty.
   */
  private static Optional<String> outsideReach(
      Directory d, Post from, String subject, Optional<String> department, String jurisdiction) {
    if (!from.duties().contains(PostDuty.NODAL_OFFICER) && !department.filter(from.department()::equals).isPresent()) {
      return Optional.of(subject + " is of the department " + department.map(x -> "'" + x + "'").orElse("(unknown)")
          + ", outside the department '" + from.department() + "' of the post " + from.id());
    }
    if (!from.duties().contains(PostDuty.HEAD_OF_DEPARTMENT) && !within(d, jurisdiction, from.jurisdiction())) {
      return Optional.of(subject + " is of the jurisdiction '" + jurisdiction + "', outside the jurisdiction '"
          + from.jurisdiction() + "' of the post " + from.id() + " and the jurisdictions below it");
    }
    return Optional.empty();
  }

  /** Whether a jurisdiction is {@code ancestor} or lies below it in the directory's tree. */
  private static boolean within(Directory d, String jurisdiction, String ancestor) {
    return d.jurisdictions().contains(jurisdiction)
        && d.jurisdictions().pathToRoot(jurisdiction).stream().anyMatch(j -> j.code().equals(ancestor));
  }
}
