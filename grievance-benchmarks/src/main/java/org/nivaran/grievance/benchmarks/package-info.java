/**
 * JMH micro-benchmarks of grievance-core and a load harness of the JDBC store, never published: {@link
 * org.nivaran.grievance.benchmarks.CalendarPlusBenchmark} times {@code BusinessCalendar.plus}
 * against a {@link org.nivaran.grievance.benchmarks.DaySteppingPlus day-stepping baseline} on the
 * {@link org.nivaran.grievance.benchmarks.OfficeCalendar office calendar}; {@link
 * org.nivaran.grievance.benchmarks.CategorySearchBenchmark} times the category search over 1,000
 * categories against a plain substring scan.
 *
 * <p>{@link org.nivaran.grievance.benchmarks.StoreLoadHarness} is no JMH benchmark but a load
 * harness of the JDBC store on a real database: registrations, escalations and outbox messages
 * per second, and registrations next to a bare-JDBC ceiling. Run it with {@code java -cp
 * grievance-benchmarks/target/benchmarks.jar org.nivaran.grievance.benchmarks.StoreLoadHarness}
 * ({@code --help} lists its options). With {@code --preload N} it instead fills one schema with N
 * complaints ({@link org.nivaran.grievance.benchmarks.Preloader}) and reports latencies, rates and
 * the plans of every query at that size ({@link org.nivaran.grievance.benchmarks.PreloadedRuns}).
 *
 * <p>{@link org.nivaran.grievance.benchmarks.CallerHistoryHarness} times, on PostgreSQL in one
 * run, a registration with the fake-complaint and caller-limit policies for a caller with 10
 * earlier complaints and for one with 1,000, with the caller-history questions as they are and as
 * they were (every complaint of the period read), and prints the plans of those questions.
 *
 * <p>Build and run: {@code ./mvnw -B -q -pl grievance-benchmarks -am package -DskipTests && java
 * -jar grievance-benchmarks/target/benchmarks.jar CalendarPlusBenchmark -f 2 -wi 3 -w 2s -i 5 -r
 * 2s}. {@code ./mvnw verify} compiles them and runs their tests, never the benchmarks.
 */
package org.nivaran.grievance.benchmarks;
