package org.nivaran.grievance.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nivaran.grievance.escalation.District.AE;
import static org.nivaran.grievance.escalation.District.CE;
import static org.nivaran.grievance.escalation.District.EE;
import static org.nivaran.grievance.escalation.District.JAL_4;
import static org.nivaran.grievance.escalation.District.NODAL;
import static org.nivaran.grievance.escalation.District.SE;
import static org.nivaran.grievance.escalation.District.TEHSILDAR;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.sla.SlaTimer;

/** The stock ladder's budgets, its builder's checks and its decision when a level's time runs out. */
class LadderPolicyTest {
  private static final Instant AT = Instant.parse("2024-03-19T05:30:00Z"); // Tuesday 11:00 IST
  private static final Actor ROUTER = Actor.system("router");
  private static final Directory DIRECTORY = District.directory();

  /** A complaint about {@code category} in {@code jurisdiction}, assigned to {@code post}. */
  private static Complaint at(PostId post, String department, Level level, String category, String jurisdiction) {
    ComplaintEvent.ComplaintRegistered r = Lifecycle.register(
        ComplaintId.of("RPR-2024-000001"),
        Fixtures.requestBuilder().categoryCode(category).jurisdictionCode(jurisdiction).build(),
        Fixtures.AGENT, AT);
    Complaint c = Lifecycle.start(r);
    for (ComplaintEvent e : Lifecycle.decide(c, new ComplaintCommand.Assign(post, department, level), ROUTER, AT)) {
      c = Lifecycle.evolve(c, e);
    }
    return c;
  }

  private static Complaint energyAt(PostId post, Level level) {
    return at(post, "ENERGY", level, "ENERGY.SUPPLY", "WARD-12");
  }

  // ---------------------------------------------------------------------------------------------
  // Stock ladders

  @Test
  void the_mp_ladder_gives_seven_working_days_at_each_of_l1_to_l4() {
    LadderPolicy mp = LadderPolicy.madhyaPradesh("MP-ENERGY", "MP-OFFICE");

    assertThat(mp.id()).isEqualTo("MP-ENERGY");
    assertThat(mp.sla().id()).isEqualTo("MP-ENERGY");
    assertThat(mp.sla().calendarId()).isEqualTo("MP-OFFICE");
    assertThat(mp.entryLevel()).isEqualTo(Level.L1);
    assertThat(mp.topLevel()).isEqualTo(Level.L4);
    assertThat(mp.pastTop()).isEqualTo(PastTop.FLAG_OVERDUE);
    for (Level level : List.of(Level.L1, Level.L2, Level.L3, Level.L4)) {
      assertThat(mp.sla().budgetAt(level)).as("budget at %s", level).isEqualTo(SlaBudget.workingDays(7));
    }
    assertThat(mp.sla().levels()).isEmpty();
  }

  @Test
  void the_up_ladder_gives_fifteen_working_days_at_the_department_then_seven() {
    LadderPolicy up = LadderPolicy.uttarPradesh("UP-IGRS", "UP-OFFICE");

    assertThat(up.id()).isEqualTo("UP-IGRS");
    assertThat(up.sla().calendarId()).isEqualTo("UP-OFFICE");
    assertThat(up.entryLevel()).isEqualTo(Level.of(0));
    assertThat(up.topLevel()).isEqualTo(Level.L4);
    assertThat(up.pastTop()).isEqualTo(PastTop.FLAG_OVERDUE);
    assertThat(up.sla().budgetAt(Level.of(0))).isEqualTo(SlaBudget.workingDays(15));
    for (Level level : List.of(Level.L1, Level.L2, Level.L3, Level.L4)) {
      assertThat(up.sla().budgetAt(level)).as("budget at %s", level).isEqualTo(SlaBudget.workingDays(7));
    }
    assertThat(up.sla().levels()).containsOnlyKeys(Level.of(0));
  }

  // ---------------------------------------------------------------------------------------------
  // Builder

  @Test
  void a_builder_defaults_to_l1_to_l4_flagging_overdue_past_the_top() {
    LadderPolicy p = LadderPolicy.builder("X", "OFFICE").otherwise(SlaBudget.openTime(Duration.ofHours(24))).build();

    assertThat(p.entryLevel()).isEqualTo(Level.L1);
    assertThat(p.topLevel()).isEqualTo(Level.L4);
    assertThat(p.pastTop()).isEqualTo(PastTop.FLAG_OVERDUE);
    assertThat(p.sla().budgetAt(Level.L3)).isEqualTo(SlaBudget.openTime(Duration.ofHours(24)));
  }

  @Test
  void a_budget_per_priority_is_looked_up_for_the_rung_and_falls_back_to_the_rung_then_the_default() {
    LadderPolicy p = LadderPolicy.builder("ENERGY", "OFFICE")
        .entry(Level.of(0))
        .budget(Level.of(0), SlaBudget.workingDays(15))
        .budget(Level.L1, org.nivaran.grievance.sla.Priority.URGENT, SlaBudget.openTime(Duration.ofHours(4)))
        .budget(Level.L4, org.nivaran.grievance.sla.Priority.LOW, SlaBudget.workingDays(10))
        .otherwise(SlaBudget.workingDays(7))
        .build();

    assertThat(p.sla().budgetAt(Level.L1, org.nivaran.grievance.sla.Priority.URGENT))
        .isEqualTo(SlaBudget.openTime(Duration.ofHours(4)));
    assertThat(p.sla().budgetAt(Level.L1, org.nivaran.grievance.sla.Priority.HIGH)).isEqualTo(SlaBudget.workingDays(7));
    assertThat(p.sla().budgetAt(Level.of(0), org.nivaran.grievance.sla.Priority.URGENT))
        .isEqualTo(SlaBudget.workingDays(15));
    assertThat(p.sla().budgetAt(Level.L4, org.nivaran.grievance.sla.Priority.LOW)).isEqualTo(SlaBudget.workingDays(10));
  }

  @Test
  void a_budget_per_priority_outside_the_ladders_rungs_is_refused_naming_the_level() {
    assertThatThrownBy(() -> LadderPolicy.builder("X", "OFFICE")
            .entry(Level.L1).top(Level.L3)
            .budget(Level.L4, org.nivaran.grievance.sla.Priority.URGENT, SlaBudget.workingDays(1))
            .otherwise(SlaBudget.workingDays(7)).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("budget");
          assertThat(e).hasMessageContaining("L4").hasMessageContaining("L1 to L3");
        });
    assertThatThrownBy(() -> LadderPolicy.builder("X", "OFFICE")
            .budget(Level.of(0), org.nivaran.grievance.sla.Priority.HIGH, SlaBudget.workingDays(1))
            .otherwise(SlaBudget.workingDays(7)).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e).hasMessageContaining("L0"));
    assertThatThrownBy(() -> LadderPolicy.builder("X", "OFFICE")
            .budget(Level.L1, null, SlaBudget.workingDays(1)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("priority"));
  }

  @Test
  void an_entry_above_the_top_is_refused_naming_the_top() {
    assertThatThrownBy(() -> LadderPolicy.builder("X", "OFFICE")
            .entry(Level.L3).top(Level.L2).otherwise(SlaBudget.workingDays(7)).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("top"));
    // a one-rung ladder is fine
    LadderPolicy oneRung = LadderPolicy.builder("X", "OFFICE")
        .entry(Level.L2).top(Level.L2).otherwise(SlaBudget.workingDays(7)).build();
    assertThat(oneRung.entryLevel()).isEqualTo(oneRung.topLevel());
  }

  @Test
  void a_ladder_without_a_default_budget_is_refused_naming_otherwise() {
    assertThatThrownBy(() -> LadderPolicy.builder("X", "OFFICE").budget(Level.L1, SlaBudget.workingDays(7)).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("otherwise"));
  }

  @Test
  void missing_builder_parts_are_refused_by_name() {
    LadderPolicy.Builder b = LadderPolicy.builder("X", "OFFICE");

    assertThatThrownBy(() -> b.entry(null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("entry"));
    assertThatThrownBy(() -> b.top(null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("top"));
    assertThatThrownBy(() -> b.pastTop(null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("pastTop"));
    assertThatThrownBy(() -> LadderPolicy.builder(" ", "OFFICE"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("id"));
  }

  // ---------------------------------------------------------------------------------------------
  // onDeadline

  @Test
  void below_the_top_a_complaint_moves_up_to_the_post_its_post_reports_to() {
    EscalationStep fromAe = District.MP.onDeadline(energyAt(AE, Level.L1), DIRECTORY);
    EscalationStep fromSe = District.MP.onDeadline(energyAt(SE, Level.L3), DIRECTORY);

    assertThat(fromAe).isInstanceOfSatisfying(EscalationStep.MoveUp.class, up -> {
      assertThat(up.to().id()).isEqualTo(EE);
      assertThat(up.to().level()).isEqualTo(Level.L2);
    });
    assertThat(fromSe).isInstanceOfSatisfying(EscalationStep.MoveUp.class, up -> assertThat(up.to().id()).isEqualTo(CE));
  }

  @Test
  void no_post_above_blocks_the_escalation_and_names_the_districts_nodal_officer() {
    Complaint c = at(TEHSILDAR, "REVENUE", Level.L1, "REVENUE.LAND", "WARD-12");

    EscalationStep step = District.MP.onDeadline(c, DIRECTORY);

    assertThat(step).isInstanceOfSatisfying(EscalationStep.Blocked.class, b -> {
      assertThat(b.reason()).contains("no post above").contains(TEHSILDAR.code());
      assertThat(b.attention()).contains(NODAL);
    });
  }

  @Test
  void a_vacant_post_above_blocks_the_escalation_and_names_the_nodal_officer() {
    Directory eeVacant = DIRECTORY.withPosts(DIRECTORY.posts().withHolder(EE, Optional.empty()));

    EscalationStep step = District.MP.onDeadline(energyAt(AE, Level.L1), eeVacant);

    assertThat(step).isInstanceOfSatisfying(EscalationStep.Blocked.class, b -> {
      assertThat(b.reason()).contains("vacant").contains(EE.code());
      assertThat(b.attention()).contains(NODAL);
    });
    // the same complaint moves up once the post is filled again
    assertThat(District.MP.onDeadline(energyAt(AE, Level.L1), DIRECTORY)).isInstanceOf(EscalationStep.MoveUp.class);
  }

  @Test
  void a_post_missing_from_the_directory_blocks_the_escalation_and_names_the_nodal_officer() {
    PostId gone = PostId.of("AE-ABOLISHED");

    EscalationStep step = District.MP.onDeadline(energyAt(gone, Level.L1), DIRECTORY);

    assertThat(step).isInstanceOfSatisfying(EscalationStep.Blocked.class, b -> {
      assertThat(b.reason()).contains("not in the directory").contains(gone.code());
      assertThat(b.attention()).contains(NODAL);
    });
  }

  @Test
  void a_blocked_escalation_names_nobody_when_the_complaint_lies_in_no_district_of_the_directory() {
    Complaint stateLevel = at(TEHSILDAR, "REVENUE", Level.L1, "REVENUE.LAND", "CG"); // above any district
    Complaint unknownPlace = at(TEHSILDAR, "REVENUE", Level.L1, "REVENUE.LAND", "BILASPUR");

    assertThat(District.MP.onDeadline(stateLevel, DIRECTORY))
        .isInstanceOfSatisfying(EscalationStep.Blocked.class, b -> assertThat(b.attention()).isEmpty());
    assertThat(District.MP.onDeadline(unknownPlace, DIRECTORY))
        .isInstanceOfSatisfying(EscalationStep.Blocked.class, b -> assertThat(b.attention()).isEmpty());
  }

  @Test
  void at_the_top_rung_a_flag_overdue_ladder_names_nobody() {
    EscalationStep step = District.MP.onDeadline(energyAt(CE, Level.L4), DIRECTORY);

    assertThat(step).isEqualTo(new EscalationStep.AtTop(PastTop.FLAG_OVERDUE, Optional.empty()));
  }

  @Test
  void at_the_top_rung_a_notify_ladder_names_the_head_of_the_department_if_it_has_one() {
    LadderPolicy notify = LadderPolicy.builder("N", "OFFICE")
        .otherwise(SlaBudget.workingDays(7)).pastTop(PastTop.NOTIFY_HEAD_OF_DEPARTMENT).build();
    LadderPolicy notifyAtL1 = LadderPolicy.builder("N1", "OFFICE")
        .top(Level.L1).otherwise(SlaBudget.workingDays(7)).pastTop(PastTop.NOTIFY_HEAD_OF_DEPARTMENT).build();

    assertThat(notify.onDeadline(energyAt(CE, Level.L4), DIRECTORY))
        .isEqualTo(new EscalationStep.AtTop(PastTop.NOTIFY_HEAD_OF_DEPARTMENT, Optional.of(CE)));
    assertThat(notify.onDeadline(at(JAL_4, "JAL", Level.L4, "JAL.PIPE", "WARD-12"), DIRECTORY))
        .isEqualTo(new EscalationStep.AtTop(PastTop.NOTIFY_HEAD_OF_DEPARTMENT, Optional.of(JAL_4)));
    // revenue has no head of department
    assertThat(notifyAtL1.onDeadline(at(TEHSILDAR, "REVENUE", Level.L1, "REVENUE.LAND", "WARD-12"), DIRECTORY))
        .isEqualTo(new EscalationStep.AtTop(PastTop.NOTIFY_HEAD_OF_DEPARTMENT, Optional.empty()));
  }

  @Test
  void at_the_top_rung_a_stay_ladder_names_nobody() {
    LadderPolicy stay = LadderPolicy.builder("S", "OFFICE").otherwise(SlaBudget.workingDays(7)).pastTop(PastTop.STAY).build();

    assertThat(stay.onDeadline(energyAt(CE, Level.L4), DIRECTORY))
        .isEqualTo(new EscalationStep.AtTop(PastTop.STAY, Optional.empty()));
  }

  @Test
  void a_complaint_at_or_above_the_top_is_at_the_top_even_if_a_post_above_exists() {
    LadderPolicy shortLadder = LadderPolicy.builder("SHORT", "OFFICE").top(Level.L2).otherwise(SlaBudget.workingDays(7)).build();

    assertThat(shortLadder.onDeadline(energyAt(EE, Level.L2), DIRECTORY)).isInstanceOf(EscalationStep.AtTop.class);
    assertThat(shortLadder.onDeadline(energyAt(SE, Level.L3), DIRECTORY)).isInstanceOf(EscalationStep.AtTop.class);
    assertThat(shortLadder.onDeadline(energyAt(AE, Level.L1), DIRECTORY)).isInstanceOf(EscalationStep.MoveUp.class);
  }

  @Test
  void an_unassigned_complaint_is_refused() {
    Complaint registered = Lifecycle.start(Lifecycle.register(
        ComplaintId.of("RPR-2024-000001"), Fixtures.request(), Fixtures.AGENT, AT));

    assertThatThrownBy(() -> District.MP.onDeadline(registered, DIRECTORY))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("complaint"));
  }

  // ---------------------------------------------------------------------------------------------
  // EscalationPolicies

  @Test
  void two_policies_with_one_id_are_refused_naming_policies() {
    LadderPolicy again = LadderPolicy.uttarPradesh("MP", "OTHER");

    assertThatThrownBy(() -> EscalationPolicies.of(District.MP, District.UP, again))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("policies"));
    assertThatThrownBy(() -> EscalationPolicies.of(List.of(District.MP, again)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("policies"));
  }

  @Test
  void policies_are_found_by_id_and_listed_in_the_order_given() {
    EscalationPolicies policies = EscalationPolicies.of(District.UP, District.MP);

    assertThat(policies.find("MP")).containsSame(District.MP);
    assertThat(policies.find("UP")).containsSame(District.UP);
    assertThat(policies.find("BIHAR")).isEmpty();
    assertThat(policies.all()).containsExactly(District.UP, District.MP);
    assertThat(EscalationPolicies.none().all()).isEmpty();
  }

  @Test
  void the_policy_of_a_complaint_is_the_one_it_recorded_before_the_one_its_category_names() {
    Complaint energy = energyAt(AE, Level.L1); // ENERGY.SUPPLY names MP
    SlaTimer upTimer = SlaTimer.start(District.UP.sla(), Level.L1, District.OFFICE, AT);
    Complaint recordedUp = Lifecycle.evolve(energy, Lifecycle.decide(
        energy, new ComplaintCommand.SetSlaTimer(upTimer), Actor.system("timekeeper"), AT).get(0));

    assertThat(District.POLICIES.forComplaint(energy, DIRECTORY.categories())).containsSame(District.MP);
    assertThat(District.POLICIES.forComplaint(recordedUp, DIRECTORY.categories())).containsSame(District.UP);
    // a recorded policy no longer configured is not replaced by the category's
    assertThat(EscalationPolicies.of(District.MP).forComplaint(recordedUp, DIRECTORY.categories())).isEmpty();
  }

  @Test
  void a_complaint_of_an_unknown_category_without_a_recorded_policy_has_none() {
    Complaint unknown = at(AE, "ENERGY", Level.L1, "ENERGY.METER", "WARD-12");

    assertThat(District.POLICIES.forComplaint(unknown, DIRECTORY.categories())).isEmpty();
  }
}
