package org.nivaran.grievance.directory;

/** A standing duty of a post besides handling the complaints assigned to it. Immutable and thread-safe. */
public enum PostDuty {
  /** The district's nodal officer for the grievance system, who watches its complaints as a whole. */
  NODAL_OFFICER,
  /** The head of its department, to whom complaints of the department's categories are reported. */
  HEAD_OF_DEPARTMENT
}
