/**
 * Nivaran and Open311 GeoReport v2, both ways:
 * {@link org.nivaran.grievance.examples.open311.Open311Export} turns complaints into "service
 * request" JSON objects, the answer of a {@code GET requests.json} endpoint, for dashboards and
 * civic-tech tools that speak Open311; {@link org.nivaran.grievance.examples.open311.Open311Import}
 * turns service requests into registrations carrying the source's id as an external reference;
 * {@link org.nivaran.grievance.examples.open311.Open311UpdateAdapter} tells the source server of
 * the action-taken reply and the closure. The mapping, field by field, is in
 * {@code docs/open311.md}.
 *
 * <p>Every type here is immutable and thread-safe, except the builders.
 */
package org.nivaran.grievance.examples.open311;
