package org.nivaran.grievance.sla;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.internal.Texts;

/**
 * The SLA of a category: the calendar its time is counted on and the budget at each level.
 *
 * <pre>{@code
 * SlaPolicy mp = SlaPolicy.builder("MP-CM-HELPLINE", "MP-OFFICE")
 *     .otherwise(SlaBudget.workingDays(7))                 // 7 working days at every level
 *     .build();
 * SlaPolicy up = SlaPolicy.builder("UP-1076", "UP-OFFICE")
 *     .level(Level.of(0), SlaBudget.workingDays(15))       // 15 days at the department
 *     .otherwise(SlaBudget.workingDays(7))                 // then 7 at each of L1 to L4
 *     .build();
 * SlaPolicy raipur = SlaPolicy.builder("RAIPUR-24H", "24X7")
 *     .otherwise(SlaBudget.openTime(Duration.ofHours(24)))
 *     .build();
 * SlaPolicy energy = SlaPolicy.builder("ENERGY", "MP-OFFICE")
 *     .level(Level.L1, Priority.URGENT, SlaBudget.openTime(Duration.ofHours(4))) // a hospital's outage
 *     .otherwise(SlaBudget.workingDays(7))
 *     .build();
 * }</pre>
 *
 * <p>The budget of a level for a complaint of a given {@link Priority} is, in this order: the one
 * given for that level and priority ({@link Builder#level(Level, Priority, SlaBudget)}), else the
 * one given for the level, else the {@linkplain #otherwise() default}.
 *
 * <p>Immutable and thread-safe.
 */
public final class SlaPolicy {
  private final String id;
  private final String calendarId;
  private final Map<Level, SlaBudget> byLevel;
  private final Map<Level, Map<Priority, SlaBudget>> byPriority;
  private final SlaBudget otherwise;

  private SlaPolicy(Builder b) {
    this.id = b.id;
    this.calendarId = b.calendarId;
    this.byLevel = Map.copyOf(b.byLevel);
    Map<Level, Map<Priority, SlaBudget>> p = new TreeMap<>();
    b.byPriority.forEach((level, budgets) -> p.put(level, Map.copyOf(budgets)));
    this.byPriority = Map.copyOf(p);
    this.otherwise = b.otherwise;
  }

  /**
   * A builder.
   *
   * @param id the policy's id
   * @param calendarId the id of the calendar its time is counted on
   * @return the builder
   */
  public static Builder builder(String id, String calendarId) {
    return new Builder(id, calendarId);
  }

  /**
   * The policy's id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The calendar its time is counted on.
   *
   * @return the calendar's id
   */
  public String calendarId() {
    return calendarId;
  }

  /**
   * The budget at a level: the one given for it, else the default.
   *
   * @param level the level
   * @return the budget
   */
  public SlaBudget budgetAt(Level level) {
    return byLevel.getOrDefault(Objects.requireNonNull(level, "level"), otherwise);
  }

  /**
   * The budget at a level for a complaint of a priority: the one given for that level and
   * priority, else {@link #budgetAt(Level) the level's}.
   *
   * @param level the level
   * @param priority the complaint's priority
   * @return the budget
   */
  public SlaBudget budgetAt(Level level, Priority priority) {
    Objects.requireNonNull(priority, "priority");
    SlaBudget own = byPriority.getOrDefault(Objects.requireNonNull(level, "level"), Map.of()).get(priority);
    return own != null ? own : budgetAt(level);
  }

  /**
   * The budgets set for a level and a priority, level by level.
   *
   * @return the budgets by level, in level order, and by priority, most urgent first
   */
  public java.util.SortedMap<Level, java.util.SortedMap<Priority, SlaBudget>> priorities() {
    java.util.SortedMap<Level, java.util.SortedMap<Priority, SlaBudget>> all = new TreeMap<>();
    byPriority.forEach((level, budgets) ->
        all.put(level, java.util.Collections.unmodifiableSortedMap(new TreeMap<>(budgets))));
    return java.util.Collections.unmodifiableSortedMap(all);
  }

  /**
   * The budgets set level by level (not the {@link #otherwise() default}).
   *
   * @return the budgets by level, in level order
   */
  public java.util.SortedMap<Level, SlaBudget> levels() {
    return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(byLevel));
  }

  /**
   * The budget at every level not {@linkplain #levels() set}.
   *
   * @return the default budget
   */
  public SlaBudget otherwise() {
    return otherwise;
  }

  /**
   * Two policies are equal when id, calendar and every budget are.
   *
   * @param o the other object
   * @return whether equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof SlaPolicy p
        && id.equals(p.id) && calendarId.equals(p.calendarId) && byLevel.equals(p.byLevel)
        && byPriority.equals(p.byPriority) && otherwise.equals(p.otherwise);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, calendarId, byLevel, byPriority, otherwise);
  }

  @Override
  public String toString() {
    return "SlaPolicy[" + id + " on " + calendarId + ", " + new TreeMap<>(byLevel)
        + (byPriority.isEmpty() ? "" : ", by priority " + priorities()) + ", otherwise " + otherwise + "]";
  }

  /** Builds an {@link SlaPolicy}. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final String calendarId;
    private final Map<Level, SlaBudget> byLevel = new TreeMap<>();
    private final Map<Level, Map<Priority, SlaBudget>> byPriority = new TreeMap<>();
    private SlaBudget otherwise;

    private Builder(String id, String calendarId) {
      this.id = Texts.code(id, "id");
      this.calendarId = Texts.code(calendarId, "calendarId");
    }

    /**
     * The budget at one level.
     *
     * @param level the level
     * @param budget its budget
     * @return this builder
     */
    public Builder level(Level level, SlaBudget budget) {
      byLevel.put(Texts.required(level, "level"), Texts.required(budget, "budget"));
      return this;
    }

    /**
     * The budget at one level for complaints of one priority; complaints of the other priorities
     * get the level's budget ({@link #level(Level, SlaBudget)}, else the default).
     *
     * @param level the level
     * @param priority the priority
     * @param budget its budget
     * @return this builder
     */
    public Builder level(Level level, Priority priority, SlaBudget budget) {
      Texts.required(level, "level");
      Texts.required(priority, "priority");
      Texts.required(budget, "budget");
      byPriority.computeIfAbsent(level, l -> new java.util.EnumMap<>(Priority.class)).put(priority, budget);
      return this;
    }

    /**
     * The budget at every level not given with {@link #level}.
     *
     * @param budget the default budget
     * @return this builder
     */
    public Builder otherwise(SlaBudget budget) {
      this.otherwise = Texts.required(budget, "budget");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws InvalidInputException (field {@code otherwise}) without a default budget
     */
    public SlaPolicy build() {
      if (otherwise == null) {
        throw new InvalidInputException("otherwise", "is required: the budget at levels not listed");
      }
      return new SlaPolicy(this);
    }
  }
}
