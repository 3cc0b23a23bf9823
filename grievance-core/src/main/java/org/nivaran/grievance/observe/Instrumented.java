package org.nivaran.grievance.observe;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work under an {@link Instrumentation} so that the instrumentation can observe it but never
 * change its result: what Nivaran's modules use, and what a host's own store adapter or relay can
 * use too. The rules are the ones {@link Instrumentation} states under "Failures"; instrumentation
 * failures are logged at WARN by this class's logger, naming the operation (tenant, kind, type,
 * complaint id), never personal data.
 *
 * <pre>{@code
 * Instrumented instrumented = Instrumented.by(instrumentation);
 * Complaint c = instrumented.call(Operation.command(tenant, id, CommandType.RESOLVE), () -> {
 *   Complaint after = doTheWork();
 *   instrumented.report(i -> i.commanded(CommandOutcome.done(tenant, CommandType.RESOLVE)));
 *   return after;
 * });
 * }</pre>
 *
 * <p>Thread-safe if the instrumentation is.
 */
public final class Instrumented {
  private static final Logger LOG = LoggerFactory.getLogger(Instrumented.class);
  private static final Instrumented NONE = new Instrumented(Instrumentation.none());

  private final Instrumentation instrumentation;

  private Instrumented(Instrumentation instrumentation) {
    this.instrumentation = instrumentation;
  }

  /**
   * Work under an instrumentation.
   *
   * @param instrumentation the host's instrumentation
   * @return the runner
   */
  public static Instrumented by(Instrumentation instrumentation) {
    Objects.requireNonNull(instrumentation, "instrumentation");
    return instrumentation == Instrumentation.none() ? NONE : new Instrumented(instrumentation);
  }

  /**
   * The instrumentation the work runs under.
   *
   * @return the instrumentation
   */
  public Instrumentation instrumentation() {
    return instrumentation;
  }

  /**
   * Runs work through {@link Instrumentation#observe}: once, whatever the instrumentation does,
   * returning the work's own result or throwing its own exception.
   *
   * @param <T> the result's type
   * @param operation what runs
   * @param work the work
   * @return what the work returned
   */
  public <T> T call(Operation operation, Supplier<T> work) {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(work, "work");
    if (this == NONE) {
      return work.get();
    }
    Once<T> once = new Once<>(work);
    boolean logged = false;
    try {
      instrumentation.observe(operation, once);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      if (e != once.failure) {
        LOG.warn("instrumentation {} failed around {}; {}", instrumentation, operation,
            once.ran ? "the operation's own result stands" : "running the operation unobserved", e);
        logged = true;
      }
    }
    if (!once.ran) {
      if (!logged) {
        LOG.warn("instrumentation {} did not run {}; running it unobserved", instrumentation, operation);
      }
      return work.get();
    }
    return once.result();
  }

  /**
   * Calls a report method of the instrumentation, logging and dropping what it throws.
   *
   * @param report the call, e.g. {@code i -> i.commanded(outcome)}
   */
  public void report(Consumer<Instrumentation> report) {
    if (this == NONE) {
      return;
    }
    try {
      report.accept(instrumentation);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      LOG.warn("instrumentation {} failed while reporting; the report is dropped", instrumentation, e);
    }
  }

  /** The work, run at most once; remembers its result or what it threw. Used on one thread. */
  private static final class Once<T> implements Runnable {
    private final Supplier<T> work;
    private boolean ran;
    private T result;
    private Throwable failure;

    Once(Supplier<T> work) {
      this.work = work;
    }

    @Override
    public void run() {
      if (ran) {
        throw new IllegalStateException("the observed operation runs once; the instrumentation called it again");
      }
      ran = true;
      try {
        result = work.get();
      } catch (RuntimeException | Error e) {
        failure = e;
        throw e;
      }
    }

    T result() {
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return result;
    }
  }
}
