package org.nivaran.grievance.examples;

import org.nivaran.grievance.examples.simulate.Simulation;

/**
 * The help texts of the examples' command line: the program's usage and each command's options,
 * as {@code --help} prints them. Constants only; thread-safe.
 */
final class Usage {
  /** The program's usage: its commands and how to ask each for its options. */
  static final String PROGRAM = String.join("\n",
      "usage: nivaran [--help] <command> [options]",
      "",
      "commands:",
      "  simulate    run a month of a district call centre through Nivaran and write an HTML report (the default)",
      "  quickstart  tell the story of one complaint, from the citizen's call to a satisfied closure",
      "  sla         answer SLA questions (plus, between) on a calendar file, one per line of standard input",
      "",
      "Run '<command> --help' for a command's options, e.g. 'simulate --help'.");

  /** The {@code simulate} command's options. */
  static final String SIMULATE = String.join("\n",
      "usage: simulate [--days N] [--complaints N] [--seed N] [--out FILE]",
      "",
      "options (also written --name=value):",
      "  --days N         days to simulate, 1 to 366 (default " + Simulation.DEFAULT_DAYS + ")",
      "  --complaints N   about how many calls to aim at over the run (default " + Simulation.DEFAULT_COMPLAINTS + ")",
      "  --seed N         the random seed; the same options write the same report (default "
          + Simulation.DEFAULT_SEED + ")",
      "  --out FILE       where the HTML report goes (default " + Simulation.DEFAULT_OUTPUT + ")",
      "  -h, --help       print this help and exit");

  /** The {@code quickstart} command's options. */
  static final String QUICKSTART = String.join("\n",
      "usage: quickstart",
      "",
      "Tells the story of one complaint in an in-memory database; takes no options.",
      "  -h, --help       print this help and exit");

  private Usage() {}
}
