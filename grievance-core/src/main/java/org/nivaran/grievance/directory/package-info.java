/**
 * The directory: who and where. The registries of a district's {@link
 * org.nivaran.grievance.directory.Departments departments}, {@link
 * org.nivaran.grievance.directory.Jurisdictions jurisdictions} (state › district › block/tehsil ›
 * panchayat/ward), complaint {@link org.nivaran.grievance.directory.Categories categories} and
 * {@link org.nivaran.grievance.directory.Posts posts} with their officers; the walk-in {@link
 * org.nivaran.grievance.directory.DutyRoster duty roster}; the {@link
 * org.nivaran.grievance.directory.Blocklist blocklist} of barred numbers; and the {@link
 * org.nivaran.grievance.directory.Router router} that finds the post for a category and place,
 * falling back up the jurisdiction tree. A {@link org.nivaran.grievance.directory.Directory}
 * holds them all; {@code org.nivaran.grievance.json.DirectoryJson} reads one from JSON.
 *
 * <p>Registries are immutable, validated when built, and fail fast on an unknown code with an
 * {@link org.nivaran.grievance.InvalidInputException} naming the field. When a registry refuses
 * one element of its input, the field names the element by its index, e.g.
 * {@code jurisdictions[2].parent}. Every reference between registries (a category's department
 * and parent, a jurisdiction's parent, a post's department, jurisdiction and supervisor, a nodal
 * officer's district, the roster's posts) is checked when the registry or the {@link
 * org.nivaran.grievance.directory.Directory} is built; a dangling one is refused, never skipped.
 * Every type here is immutable and thread-safe.
 */
package org.nivaran.grievance.directory;
