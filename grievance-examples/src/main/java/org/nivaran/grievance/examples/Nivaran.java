package org.nivaran.grievance.examples;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.nivaran.grievance.examples.simulate.Simulation;

/**
 * The examples' command line:
 *
 * <ul>
 *   <li>{@code simulate} (the default, with no arguments) runs a month of a district call centre
 *       through Nivaran and grades its departments and districts (see {@link Simulation}); options
 *       {@code --days N}, {@code --complaints N}, {@code --seed N}, {@code --out FILE};
 *   <li>{@code quickstart} tells the story of one complaint (see {@link QuickStart});
 *   <li>{@code sla <calendar.json>} answers SLA questions read from standard input (see
 *       {@link SlaCli}).
 * </ul>
 *
 * <pre>
 * ./mvnw -q -pl grievance-examples -am compile exec:java
 * ./mvnw -q -pl grievance-examples -am compile exec:java -Dexec.args="simulate --days 10 --seed 7"
 * ./mvnw -q -pl grievance-examples -am compile exec:java -Dexec.args=quickstart
 * ./mvnw -q -pl grievance-examples -am compile exec:java -Dexec.args="sla grievance-examples/calendars/cg-office.json" &lt; lines.txt
 * </pre>
 *
 * <p>Not thread-safe: a program, not a library type.
 */
public final class Nivaran {
  /** The {@code simulate} command's usage. */
  static final String SIMULATE_USAGE = "simulate [--days N] [--complaints N] [--seed N] [--out FILE]";
  /** The commands, for messages. */
  static final String COMMANDS = SIMULATE_USAGE + " (the default), quickstart, sla <calendar.json>";

  private Nivaran() {}

  /**
   * Runs a command and exits with its status if that is not 0.
   *
   * @param args the command and its arguments
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int status = run(args, System.in, out, err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs a command.
   *
   * @param args the command and its arguments; none runs {@code simulate} with its defaults
   * @param in standard input
   * @param out standard output
   * @param err standard error
   * @return the exit status: 0 on success, 1 if the simulation's report cannot be written, 2 for an
   *     unknown command or bad options
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    String command = args.length == 0 ? "simulate" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    switch (command) {
      case "simulate":
        return simulate(rest, out, err);
      case "quickstart":
        QuickStart.run(out);
        return 0;
      case "sla":
        return SlaCli.run(rest, in, out, err);
      default:
        err.println("unknown command '" + command + "'; commands: " + COMMANDS);
        return 2;
    }
  }

  private static int simulate(String[] args, PrintStream out, PrintStream err) {
    Simulation.Builder simulation = Simulation.builder();
    try {
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        if (option.equals("--help") || option.equals("-h")) {
          out.println("usage: " + SIMULATE_USAGE);
          return 0;
        }
        String value;
        int eq = option.indexOf('=');
        if (eq > 0) {
          value = option.substring(eq + 1);
          option = option.substring(0, eq);
        } else if (i + 1 < args.length && option.startsWith("--")) {
          value = args[++i];
        } else {
          throw new IllegalArgumentException(
              option.startsWith("--") ? option + " needs a value" : "unknown option '" + option + "'");
        }
        switch (option) {
          case "--days" -> simulation.days((int) number(option, value));
          case "--complaints" -> simulation.complaints((int) number(option, value));
          case "--seed" -> simulation.seed(number(option, value));
          case "--out" -> simulation.output(Path.of(value));
          default -> throw new IllegalArgumentException("unknown option '" + option + "'");
        }
      }
    } catch (IllegalArgumentException e) {
      err.println("simulate: " + e.getMessage());
      err.println("usage: " + SIMULATE_USAGE);
      return 2;
    }
    try {
      simulation.build().run(out, err);
      return 0;
    } catch (UncheckedIOException e) {
      err.println("simulate: " + e.getMessage() + ": " + e.getCause().getMessage());
      return 1;
    }
  }

  private static long number(String option, String value) {
    try {
      long n = Long.parseLong(value.replace("_", "").replace(",", ""));
      if (!option.equals("--seed") && (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE)) {
        throw new IllegalArgumentException(option + " is out of range (was " + value + ")");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number (was '" + value + "')");
    }
  }
}
