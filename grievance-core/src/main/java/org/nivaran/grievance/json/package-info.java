/**
 * Nivaran's JSON format, as a Jackson module: {@link org.nivaran.grievance.json.NivaranJacksonModule}
 * to register with a host's {@link com.fasterxml.jackson.databind.ObjectMapper}, or
 * {@link org.nivaran.grievance.json.NivaranJson#objectMapper()} for a ready-made one.
 *
 * <p>This is the only package that depends on Jackson; the domain types carry no annotations.
 * Every type is written and read by hand-written code with explicit field names and a fixed field
 * order, so the format is independent of Java names. The format of a complaint and of each event
 * type is described, with examples, in {@code docs/json-format.md}.
 *
 * <p>Stability of the complaint and event format: within a major version fields are added, never
 * renamed or removed, and readers ignore fields they do not know. Empty optional fields are omitted; instants are ISO-8601 in UTC;
 * languages are BCP 47 tags; phone numbers are E.164; levels are {@code "L1"}-style strings.
 *
 * <p>{@link org.nivaran.grievance.json.CalendarJson} reads business calendars and calendar
 * registries from their JSON definitions, documented in {@code docs/calendar-format.md}. Unlike the
 * complaint and event readers it refuses unknown fields, and it reports every problem as an
 * {@link org.nivaran.grievance.InvalidInputException} naming the JSON path.
 *
 * <p>The module also writes and reads the SLA types a complaint records ({@code SlaTimer},
 * {@code SlaPolicy}, {@code SlaBudget}).
 *
 * <p>{@link org.nivaran.grievance.json.DirectoryJson} reads a whole routing directory (departments,
 * jurisdictions, categories, posts, roster, blocklist) from one JSON document, documented in
 * {@code docs/registry-format.md}; it too refuses unknown fields, and reports every problem as an
 * {@link org.nivaran.grievance.directory.InvalidRowException} naming the section, the row and the
 * field.
 *
 * <p>{@link org.nivaran.grievance.json.EscalationPolicyJson} reads escalation policies (ladders,
 * their calendars and budgets) from JSON, documented in {@code docs/policy-format.md}; it too refuses
 * unknown fields, and reports every problem as an {@link org.nivaran.grievance.InvalidInputException}
 * naming the JSON path.
 *
 * <p>{@link org.nivaran.grievance.json.NivaranJson#gradingReport(org.nivaran.grievance.report.GradingReport)}
 * writes a grading report in a format of its own (snake_case, every field written, empty rates as
 * {@code null}), described there; it is written only, never read.
 *
 * <p>Every public type here is immutable and thread-safe.
 */
package org.nivaran.grievance.json;
