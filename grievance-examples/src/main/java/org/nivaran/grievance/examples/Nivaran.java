package org.nivaran.grievance.examples;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The examples' command line: {@code quickstart} (the default, with no arguments) tells the story
 * of one complaint; {@code sla <calendar.json>} answers SLA questions read from standard input (see
 * {@link SlaCli}).
 *
 * <pre>
 * ./mvnw -q -pl grievance-examples -am compile exec:java
 * ./mvnw -q -pl grievance-examples -am compile exec:java -Dexec.args="sla grievance-examples/calendars/cg-office.json" &lt; lines.txt
 * </pre>
 *
 * <p>Not thread-safe: a program, not a library type.
 */
public final class Nivaran {
  private Nivaran() {}

  /**
   * Runs a command and exits with its status if that is not 0.
   *
   * @param args the command and its arguments
   */
  public static void main(String[] args) {
    int status = run(args, System.in, new PrintStream(System.out, true, StandardCharsets.UTF_8), System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs a command.
   *
   * @param args the command and its arguments
   * @param in standard input
   * @param out standard output
   * @param err standard error
   * @return the exit status: 0 on success, 2 for an unknown command
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    String command = args.length == 0 ? "quickstart" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    switch (command) {
      case "quickstart":
        QuickStart.run(out);
        return 0;
      case "sla":
        return SlaCli.run(rest, in, out, err);
      default:
        err.println("unknown command '" + command + "'; commands: quickstart, sla <calendar.json>");
        return 2;
    }
  }
}
