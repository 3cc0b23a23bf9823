package org.nivaran.grievance.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.GrievancesBuilder;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.calendar.WeeklySchedule;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.directory.Categories;
import org.nivaran.grievance.directory.Departments;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.directory.Jurisdictions;
import org.nivaran.grievance.directory.Posts;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.escalation.Escalator;
import org.nivaran.grievance.escalation.LadderPolicy;
import org.nivaran.grievance.notify.NotificationPolicy;
import org.nivaran.grievance.notify.Templates;
import org.nivaran.grievance.policy.DuplicatePolicy;
import org.nivaran.grievance.policy.FakeComplaintPolicy;
import org.nivaran.grievance.policy.TransferPolicy;
import org.nivaran.grievance.policy.VerificationPolicy;
import org.nivaran.grievance.report.GradingScheme;
import org.nivaran.grievance.sla.SlaPolicy;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.store.PageRequest;

/**
 * Every public entry point of grievance-core names the parameter it was given {@code null} for
 * ({@link NullArguments} over the core's public packages, with the sample district's values).
 */
class CoreNullArgumentsTest {
  private static final Instant T0 = Instant.parse("2024-03-04T05:30:00Z");

  @Test
  void every_public_entry_point_of_the_core_names_the_parameter_it_was_given_null_for() {
    MutableClock clock = new MutableClock(T0);
    InMemoryComplaintStore store = new InMemoryComplaintStore();
    Grievances grievances = SampleDistrict.grievances(store, clock).build();
    Complaint complaint = grievances.register(SampleDistrict.request(2), SampleDistrict.AGENT);
    Directory directory = SampleDistrict.directory();

    NullArguments.Report report = NullArguments.of(Grievances.class)
        .skipping("org.nivaran.grievance.internal")
        .skipping("org.nivaran.grievance.usecase")
        .sample(Instant.class, T0)
        .sample(Duration.class, Duration.ofHours(1))
        .sample(ZoneId.class, SampleDistrict.IST)
        .sample(ZoneOffset.class, ZoneOffset.UTC)
        .sample(LocalDate.class, LocalDate.of(2024, 3, 4))
        .sample(LocalTime.class, LocalTime.of(10, 0))
        .sample(YearMonth.class, YearMonth.of(2024, 3))
        .sample(DayOfWeek.class, DayOfWeek.MONDAY)
        .sample(Locale.class, Locale.ROOT)
        .sample(Clock.class, clock)
        .sample(Path.class, Path.of("does-not-exist.json"))
        .sample(Function.class, Function.identity())
        .sample(Predicate.class, x -> true)
        .sample(Supplier.class, () -> null)
        .sample(PhoneNumber.class, complaint.citizen().phone())
        .sample(PostId.class, SampleDistrict.ENERGY_L1)
        .sample(Level.class, Level.L1)
        .sample(ComplaintId.class, complaint.id())
        .sample(Actor.class, SampleDistrict.AGENT)
        .sample(Complaint.class, complaint)
        .sample(RegisterComplaint.class, SampleDistrict.request(4))
        .sample(BusinessCalendar.class, SampleDistrict.ROUND_THE_CLOCK)
        .sample(CalendarRegistry.class, CalendarRegistry.of(SampleDistrict.ROUND_THE_CLOCK))
        .sample(EscalationPolicies.class, EscalationPolicies.of(SampleDistrict.LADDER))
        .sample(PageRequest.class, PageRequest.first(10))
        .sample(Grievances.class, grievances)
        .sample(InMemoryComplaintStore.class, store)
        .sample(Status.class, Status.ASSIGNED)
        .sample(Directory.class, directory)
        .sample(Departments.class, directory.departments())
        .sample(Categories.class, directory.categories())
        .sample(Jurisdictions.class, directory.jurisdictions())
        .sample(Posts.class, directory.posts())
        .sample(Directory.Builder.class, Directory.builder())
        .sample(Escalator.class, grievances.escalator())
        .sample(Escalator.Builder.class, Escalator.builder())
        .sample(GrievancesBuilder.class, Grievances.builder())
        .sample(RegisterComplaint.Builder.class, RegisterComplaint.builder())
        .sample(Complainant.class, complaint.citizen())
        .sample(Complainant.Builder.class, Complainant.builder())
        .sample(BusinessCalendar.Builder.class, BusinessCalendar.builder("C", SampleDistrict.IST))
        .sample(WeeklySchedule.Builder.class, WeeklySchedule.builder())
        .sample(NotificationPolicy.class, NotificationPolicy.defaults())
        .sample(NotificationPolicy.Builder.class, NotificationPolicy.builder())
        .sample(Templates.class, Templates.defaults())
        .sample(Templates.Builder.class, Templates.builder())
        .sample(VerificationPolicy.class, VerificationPolicy.standard())
        .sample(VerificationPolicy.Builder.class, VerificationPolicy.builder())
        .sample(DuplicatePolicy.class, DuplicatePolicy.none())
        .sample(FakeComplaintPolicy.class, FakeComplaintPolicy.none())
        .sample(TransferPolicy.class, TransferPolicy.unlimited())
        .sample(SlaPolicy.Builder.class, SlaPolicy.builder("S", "24X7"))
        .sample(LadderPolicy.class, SampleDistrict.LADDER)
        .sample(LadderPolicy.Builder.class, LadderPolicy.builder("L", "24X7"))
        .sample(GradingScheme.class, GradingScheme.standard())
        .sample(GradingScheme.Builder.class, GradingScheme.builder())
        .check();

    assertThat(report.calls()).as("calls with one null argument").isGreaterThan(300);
    assertThat(report.unnamed()).as("entry points that do not name the null parameter").isEmpty();
  }
}
