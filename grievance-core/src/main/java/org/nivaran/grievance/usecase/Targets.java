package org.nivaran.grievance.usecase;

import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Assignment;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.directory.Post;

/**
 * With a directory, a command that moves a complaint must name a post the directory has, of the
 * department and level the command says; otherwise it is refused with
 * {@link InvalidInputException} naming the field, before anything is decided. Stateless.
 */
final class Targets {
  private Targets() {}

  static void check(Directory d, Complaint current, ComplaintCommand command) {
    if (command instanceof ComplaintCommand.Assign a) {
      checkPost(d, a.post(), "post", a.department(), "department", a.level());
    } else if (command instanceof ComplaintCommand.Transfer t) {
      checkPost(d, t.toPost(), "toPost", t.toDepartment(), "toDepartment", t.level());
    } else if (command instanceof ComplaintCommand.Appeal a) {
      checkPost(d, a.toPost(), "toPost", a.toDepartment(), "toDepartment", a.level());
    } else if (command instanceof ComplaintCommand.Reassign r && current.assignment().isPresent()) {
      checkPost(d, r.toPost(), "toPost", current.assignment().get().department(), "toPost", r.level());
    } else if (command instanceof ComplaintCommand.Escalate e && current.assignment().isPresent()) {
      Assignment from = current.assignment().get();
      checkPost(d, e.toPost(), "toPost", from.department(), "toPost", from.level().next());
    }
  }

  private static void checkPost(
      Directory d, PostId id, String postField, String department, String departmentField, Level level) {
    Post post = d.posts().find(id)
        .orElseThrow(() -> new InvalidInputException(postField, "'" + id + "' is not a post of the directory"));
    if (!post.department().equals(department)) {
      throw new InvalidInputException(
          departmentField, "post " + id + " belongs to the department '" + post.department() + "', not '" + department + "'");
    }
    if (!post.level().equals(level)) {
      throw new InvalidInputException("level", "post " + id + " is at " + post.level() + ", not " + level);
    }
  }
}
