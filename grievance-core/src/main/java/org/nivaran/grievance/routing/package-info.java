/**
 * Where a complaint goes: the registries of a district's {@link
 * org.nivaran.grievance.routing.Departments departments}, {@link
 * org.nivaran.grievance.routing.Jurisdictions jurisdictions} (state › district › block/tehsil ›
 * panchayat/ward), complaint {@link org.nivaran.grievance.routing.Categories categories} and
 * {@link org.nivaran.grievance.routing.Posts posts} with their officers; the walk-in {@link
 * org.nivaran.grievance.routing.DutyRoster duty roster}; the {@link
 * org.nivaran.grievance.routing.Blocklist blocklist} of barred numbers; and the {@link
 * org.nivaran.grievance.routing.Router router} that finds the post for a category and place,
 * falling back up the jurisdiction tree. A {@link org.nivaran.grievance.routing.Directory}
 * holds them all; {@code org.nivaran.grievance.json.DirectoryJson} reads one from JSON.
 *
 * <p>Registries are immutable, validated when built, and fail fast on an unknown code with an
 * {@link org.nivaran.grievance.InvalidInputException} naming the field. When a registry refuses
 * one element of its input, the field names the element by its index, e.g.
 * {@code jurisdictions[2].parent}. Every type here is immutable and thread-safe.
 */
package org.nivaran.grievance.routing;
