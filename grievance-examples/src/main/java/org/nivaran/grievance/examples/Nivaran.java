package org.nivaran.grievance.examples;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
 * <p>{@code --help} (or {@code -h}) prints the usage and {@code <command> --help} a command's
 * options, both with exit status 0; an unknown command or option is refused by name with status 2
 * and nothing runs.
 *
 * <pre>
 * ./mvnw -q -pl grievance-examples -am compile exec:java -Dexec.args=--help
 * ./mvnw -q -pl grievance-examples -am compile exec:java
 * ./mvnw -q -pl grievance-examples -am compile exec:java -Dexec.args="simulate --days 10 --seed 7"
 * ./mvnw -q -pl grievance-examples -am compile exec:java -Dexec.args=quickstart
 * ./mvnw -q -pl grievance-examples -am compile exec:java -Dexec.args="sla grievance-examples/calendars/cg-office.json" &lt; lines.txt
 * </pre>
 *
 * <p>Not thread-safe: a program, not a library type.
 */
public final class Nivaran {
  /** The commands, for messages. */
  static final String COMMANDS = "simulate (the default), quickstart, sla";

  private static final List<String> HELP = List.of("--help", "-h");
  private static final List<String> SIMULATE_OPTIONS = List.of("--days", "--complaints", "--seed", "--out");

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
   * Runs a command. {@code --help} (or {@code -h}) alone prints the usage; after a command it
   * prints that command's options. An unknown command or option is refused by name and nothing
   * runs.
   *
   * @param args the command and its arguments; none runs {@code simulate} with its defaults
   * @param in standard input
   * @param out standard output
   * @param err standard error
   * @return the exit status: 0 on success or after help, 1 if the simulation's report cannot be
   *     written (or, for {@code sla}, if some line got an error answer), 2 for an unknown command or
   *     bad options
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      return simulate(args, out, err);
    }
    String command = args[0];
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    if (HELP.contains(command)) {
      out.println(Usage.PROGRAM);
      return 0;
    }
    if (command.startsWith("-")) {
      err.println("unknown option " + command + "; see --help (a command's options go after it, "
          + "e.g. simulate --days 3)");
      return 2;
    }
    switch (command) {
      case "simulate":
        return simulate(rest, out, err);
      case "quickstart":
        return quickstart(rest, out, err);
      case "sla":
        return sla(rest, in, out, err);
      default:
        err.println("unknown command '" + command + "'; commands: " + COMMANDS + "; see --help");
        return 2;
    }
  }

  private static int quickstart(String[] args, PrintStream out, PrintStream err) {
    return QuickStart.run(args, out, err);
  }

  private static int sla(String[] args, InputStream in, PrintStream out, PrintStream err) {
    if (Arrays.stream(args).anyMatch(HELP::contains)) {
      return SlaCli.run(new String[] {"--help"}, in, out, err);
    }
    return SlaCli.run(args, in, out, err);
  }

  private static int simulate(String[] args, PrintStream out, PrintStream err) {
    if (Arrays.stream(args).anyMatch(HELP::contains)) {
      out.println(Usage.SIMULATE);
      return 0;
    }
    Simulation.Builder simulation = Simulation.builder();
    try {
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        String value = null;
        int eq = option.indexOf('=');
        if (option.startsWith("--") && eq > 0) {
          value = option.substring(eq + 1);
          option = option.substring(0, eq);
        }
        if (!SIMULATE_OPTIONS.contains(option)) {
          err.println(unknown("simulate", option));
          return 2;
        }
        if (value == null) {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
          }
          value = args[++i];
        }
        switch (option) {
          case "--days" -> simulation.days((int) number(option, value));
          case "--complaints" -> simulation.complaints((int) number(option, value));
          case "--seed" -> simulation.seed(number(option, value));
          default -> simulation.output(Path.of(value));
        }
      }
    } catch (IllegalArgumentException e) {
      err.println("simulate: " + e.getMessage() + "; see simulate --help");
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

  /** The refusal of an argument a command does not take, naming both. */
  private static String unknown(String command, String arg) {
    return (arg.startsWith("-") ? "unknown option " : "unexpected argument ") + arg + " for " + command
        + "; see " + command + " --help";
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
