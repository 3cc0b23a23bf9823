package org.nivaran.grievance.directory;

import org.nivaran.grievance.internal.Texts;

/**
 * One result of {@link Categories#search}: the category, how well it matched, and the text of it
 * that matched.
 *
 * <p>Scores order the results; a higher score is a better match. The bands, best first, are: the
 * query is the code ({@value #EXACT_CODE}); it is a whole name or alias (from {@value #EXACT});
 * it starts a name or alias (from {@value #PREFIX}); it starts a word inside one (from {@value
 * #WORD_PREFIX}); it occurs inside one (from {@value #SUBSTRING}); its words sound like words of
 * the category when romanised (1 to {@value #FUZZY_MAX}). Within a band, matching the text as
 * written scores above matching its romanised form, and a query that covers more of the text
 * scores higher. The exact numbers are not API and may change; the order of the bands is.
 *
 * <p>Immutable and thread-safe.
 *
 * @param category the category found
 * @param score how well it matched, 1 to {@value #EXACT_CODE}
 * @param matched the code, name or alias of the category that matched, as the category has it
 */
public record CategoryMatch(Category category, int score, String matched) {
  /** The score of a query that is the category's code. */
  public static final int EXACT_CODE = 1000;
  /** The lowest score of a query that is a whole name or alias. */
  public static final int EXACT = 800;
  /** The lowest score of a query that starts a name or alias. */
  public static final int PREFIX = 600;
  /** The lowest score of a query that starts a word inside a name or alias. */
  public static final int WORD_PREFIX = 400;
  /** The lowest score of a query that occurs inside a name or alias. */
  public static final int SUBSTRING = 200;
  /** The highest score of a query whose words only sound like the category's words. */
  public static final int FUZZY_MAX = 199;

  /**
   * Validates the match.
   *
   * @throws org.nivaran.grievance.InvalidInputException naming {@code category}, {@code score}
   *     (outside 1 to {@value #EXACT_CODE}) or {@code matched}
   * @param category the category found
   * @param score how well it matched
   * @param matched the text that matched
   */
  public CategoryMatch {
    Texts.required(category, "category");
    if (score < 1 || score > EXACT_CODE) {
      throw new org.nivaran.grievance.InvalidInputException(
          "score", "must be between 1 and " + EXACT_CODE + " (was " + score + ")");
    }
    Texts.required(matched, "matched");
  }
}
