package org.nivaran.grievance.directory;

/** The language an officer is written to in (notifications, reminders). Immutable and thread-safe. */
public enum Language {
  /** English, tag {@code en}. */
  ENGLISH("en"),
  /** Hindi, tag {@code hi}. */
  HINDI("hi");

  private final String tag;

  Language(String tag) {
    this.tag = tag;
  }

  /**
   * The BCP 47 language tag.
   *
   * @return {@code en} or {@code hi}
   */
  public String tag() {
    return tag;
  }
}
