package org.nivaran.grievance.examples.simulate;

import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * What the simulated people will do and when: an event queue ordered by instant, and by the order
 * of scheduling among tasks due at the same instant, so a run is the same every time. Not
 * thread-safe.
 */
final class Agenda {
  private record Task(Instant at, long seq, Runnable action) {}

  private final PriorityQueue<Task> queue =
      new PriorityQueue<>(Comparator.comparing(Task::at).thenComparingLong(Task::seq));
  private long seq;

  /** Schedules an action. */
  void at(Instant at, Runnable action) {
    queue.add(new Task(at, seq++, action));
  }

  /**
   * Runs every task due at or before {@code until}, in order, moving the clock to each task's
   * instant first; tasks they schedule are run too if due by then.
   */
  void runUntil(Instant until, SimClock clock) {
    while (!queue.isEmpty() && !queue.peek().at().isAfter(until)) {
      Task task = queue.poll();
      clock.advanceTo(task.at());
      task.action().run();
    }
  }
}
