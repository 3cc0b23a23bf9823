package org.nivaran.grievance.escalation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.internal.Texts;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.directory.Post;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.sla.SlaPolicy;

/**
 * The stock escalation policy: a ladder of levels from an entry rung to a top rung, a budget per
 * rung counted on a chosen calendar, and what happens past the top. When a level's time runs
 * out the complaint goes to the post its post reports to, one level up; when there is no such
 * post, or it is vacant, the escalation is {@linkplain EscalationStep.Blocked blocked} and the
 * district's nodal officer is named. Asked at an instant ({@link #onDeadline(Complaint, Directory,
 * Instant)}), a vacant post whose {@linkplain org.nivaran.grievance.directory.AdditionalCharge
 * additional charge} is in force then is answered for, and the complaint moves up to it.
 *
 * <pre>{@code
 * LadderPolicy mp = LadderPolicy.madhyaPradesh("MP-ENERGY", "MP-OFFICE");     // 7 days at L1..L4
 * LadderPolicy up = LadderPolicy.uttarPradesh("UP-IGRS", "UP-OFFICE");        // 15 days at L0, then 7
 * LadderPolicy mp2024 = LadderPolicy.builder("MP-2024", "MP-OFFICE")
 *     .entry(Level.L1).top(Level.of(5))                                       // L5: the Chief Secretary
 *     .otherwise(SlaBudget.workingDays(7))
 *     .pastTop(PastTop.NOTIFY_HEAD_OF_DEPARTMENT)
 *     .build();
 * LadderPolicy energy = LadderPolicy.builder("ENERGY", "MP-OFFICE")
 *     .budget(Level.L1, Priority.URGENT, SlaBudget.openTime(Duration.ofHours(4)))
 *     .budget(Level.L2, Priority.URGENT, SlaBudget.openTime(Duration.ofHours(8)))
 *     .otherwise(SlaBudget.workingDays(7))                                    // every other case
 *     .build();
 * }</pre>
 *
 * <p>A rung's budget for a complaint of a {@link Priority} is the one given for that rung and
 * priority, else the rung's own, else the default ({@link SlaPolicy#budgetAt(Level, Priority)}).
 *
 * <p>Immutable and thread-safe.
 */
public final class LadderPolicy implements EscalationPolicy {
  private final SlaPolicy sla;
  private final Level entry;
  private final Level top;
  private final PastTop pastTop;

  private LadderPolicy(Builder b, SlaPolicy sla) {
    this.sla = sla;
    this.entry = b.entry;
    this.top = b.top;
    this.pastTop = b.pastTop;
  }

  /**
   * A builder; by default the ladder runs from L1 to L4 and flags complaints overdue past L4.
   *
   * @param id the policy's id, which categories name
   * @param calendarId the calendar its budgets are counted on
   * @return the builder
   */
  public static Builder builder(String id, String calendarId) {
    return new Builder(id, calendarId);
  }

  /**
   * The MP CM Helpline ladder: 7 working days at each of L1 to L4; past L4 the complaint is
   * flagged overdue.
   *
   * @param id the policy's id
   * @param calendarId the calendar the days are counted on (an office calendar counts working
   *     days; a round-the-clock one counts 24-hour days)
   * @return the policy
   */
  public static LadderPolicy madhyaPradesh(String id, String calendarId) {
    return builder(id, calendarId).entry(Level.L1).top(Level.L4).otherwise(SlaBudget.workingDays(7)).build();
  }

  /**
   * The UP IGRS (1076) ladder: 15 working days at the department (L0), then 7 at each of L1 to
   * L4; past L4 the complaint is flagged overdue.
   *
   * @param id the policy's id
   * @param calendarId the calendar the days are counted on
   * @return the policy
   */
  public static LadderPolicy uttarPradesh(String id, String calendarId) {
    return builder(id, calendarId)
        .entry(Level.of(0))
        .top(Level.L4)
        .budget(Level.of(0), SlaBudget.workingDays(15))
        .otherwise(SlaBudget.workingDays(7))
        .build();
  }

  @Override
  public String id() {
    return sla.id();
  }

  @Override
  public SlaPolicy sla() {
    return sla;
  }

  @Override
  public Level entryLevel() {
    return entry;
  }

  /**
   * The top rung.
   *
   * @return the top level
   */
  public Level topLevel() {
    return top;
  }

  /**
   * What happens when the top rung's time runs out.
   *
   * @return the action
   */
  public PastTop pastTop() {
    return pastTop;
  }

  /**
   * {@inheritDoc} Without an instant no additional charge is in force: a vacant post above blocks.
   */
  @Override
  public EscalationStep onDeadline(Complaint complaint, Directory directory) {
    return step(complaint, directory, p -> !p.isVacant());
  }

  /**
   * {@inheritDoc} A vacant post above whose additional charge is in force at {@code now} does not
   * block: the complaint moves up to it, and the officer in charge answers for it.
   */
  @Override
  public EscalationStep onDeadline(Complaint complaint, Directory directory, Instant now) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(directory, "directory");
    return step(complaint, directory, p -> directory.posts().answering(p.id(), now).isPresent());
  }

  private EscalationStep step(Complaint complaint, Directory directory, Predicate<Post> answered) {
    Objects.requireNonNull(complaint, "complaint");
    Objects.requireNonNull(directory, "directory");
    Level level = complaint.level()
        .orElseThrow(() -> new InvalidInputException("complaint", complaint.id() + " is not assigned"));
    String department = complaint.assignment().orElseThrow().department();
    if (level.compareTo(top) >= 0) {
      Optional<PostId> head =
          pastTop == PastTop.NOTIFY_HEAD_OF_DEPARTMENT && directory.departments().contains(department)
              ? directory.posts().headOf(department).map(Post::id)
              : Optional.empty();
      return new EscalationStep.AtTop(pastTop, head);
    }
    var postId = complaint.post().orElseThrow();
    Optional<Post> post = directory.posts().find(postId);
    Optional<PostId> nodal = directory.nodalOfficerOf(complaint.jurisdictionCode()).map(Post::id);
    if (post.isEmpty()) {
      return new EscalationStep.Blocked("post " + postId + " is not in the directory", nodal);
    }
    Optional<Post> above = directory.posts().supervisorOf(postId);
    if (above.isEmpty()) {
      return new EscalationStep.Blocked("no post above " + postId + " (" + level + ") is configured", nodal);
    }
    if (!above.get().department().equals(department)) {
      return new EscalationStep.Blocked(
          "the post above " + postId + ", " + above.get().id() + ", belongs to the department "
              + above.get().department() + ", not " + department, nodal);
    }
    if (!answered.test(above.get())) {
      return new EscalationStep.Blocked(
          "the post above " + postId + ", " + above.get().id() + " (" + above.get().level() + "), is vacant"
              + (directory.posts().chargeOf(above.get().id()).isPresent() ? " and its additional charge is not in force" : ""),
          nodal);
    }
    return new EscalationStep.MoveUp(above.get());
  }

  @Override
  public String toString() {
    return "LadderPolicy[" + sla + ", " + entry + " to " + top + ", past the top: " + pastTop + "]";
  }

  /** Builds a {@link LadderPolicy}. Not thread-safe. */
  public static final class Builder {
    private final SlaPolicy.Builder sla;
    private Level entry = Level.L1;
    private Level top = Level.L4;
    private PastTop pastTop = PastTop.FLAG_OVERDUE;
    private final java.util.SortedSet<Level> priorityLevels = new java.util.TreeSet<>();

    private Builder(String id, String calendarId) {
      this.sla = SlaPolicy.builder(id, calendarId);
    }

    /**
     * The level new complaints are assigned at.
     *
     * @param entry the entry level
     * @return this builder
     */
    public Builder entry(Level entry) {
      this.entry = Texts.required(entry, "entry");
      return this;
    }

    /**
     * The top rung: past its time, {@link #pastTop} applies.
     *
     * @param top the top level
     * @return this builder
     */
    public Builder top(Level top) {
      this.top = Texts.required(top, "top");
      return this;
    }

    /**
     * The budget of one rung.
     *
     * @param level the rung
     * @param budget its budget
     * @return this builder
     */
    public Builder budget(Level level, SlaBudget budget) {
      sla.level(level, budget);
      return this;
    }

    /**
     * The budget of one rung for complaints of one priority.
     *
     * @param level the rung, from the entry to the top rung (checked at {@link #build()})
     * @param priority the priority
     * @param budget its budget
     * @return this builder
     */
    public Builder budget(Level level, Priority priority, SlaBudget budget) {
      sla.level(level, priority, budget);
      priorityLevels.add(level);
      return this;
    }

    /**
     * The budget of every rung not given its own.
     *
     * @param budget the budget
     * @return this builder
     */
    public Builder otherwise(SlaBudget budget) {
      sla.otherwise(budget);
      return this;
    }

    /**
     * What happens past the top rung.
     *
     * @param pastTop the action
     * @return this builder
     */
    public Builder pastTop(PastTop pastTop) {
      this.pastTop = Texts.required(pastTop, "pastTop");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws InvalidInputException if no default budget was given, the entry is above the top, or
     *     a budget per priority is given for a level outside the ladder (field {@code budget},
     *     naming the level)
     */
    public LadderPolicy build() {
      if (entry.compareTo(top) > 0) {
        throw new InvalidInputException("top", "must not be below the entry level " + entry + " (was " + top + ")");
      }
      for (Level level : priorityLevels) {
        if (level.compareTo(entry) < 0 || level.compareTo(top) > 0) {
          throw new InvalidInputException("budget", "per priority is given for " + level
              + ", outside the ladder's rungs " + entry + " to " + top);
        }
      }
      return new LadderPolicy(this, sla.build());
    }
  }
}
