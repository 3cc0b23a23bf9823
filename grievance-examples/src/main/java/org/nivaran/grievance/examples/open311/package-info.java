/**
 * Publishing complaints in the Open311 GeoReport v2 format:
 * {@link org.nivaran.grievance.examples.open311.Open311Export} turns complaints into "service
 * request" JSON objects, the answer of a {@code GET requests.json} endpoint, for dashboards and
 * civic-tech tools that speak Open311. The mapping, field by field, is in {@code docs/open311.md}.
 */
package org.nivaran.grievance.examples.open311;
