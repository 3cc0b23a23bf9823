package org.nivaran.grievance.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The search index of {@link Categories}, built once.
 *
 * <p>Every code, name and alias of a category is an <em>entry</em>; every entry has two
 * <em>forms</em>, its {@link Romanizer#literal literal} and its {@link Romanizer#phonetic
 * phonetic} text, each kept without spaces ("compact") together with where its words start. A
 * query is brought into the same two forms and each is compared with the forms of its kind: a
 * trigram index (or, for a query of one or two letters, an index of word beginnings) proposes the
 * forms that can contain the query, and each proposal is checked for the kind of match. The
 * phonetic words of all entries also form a vocabulary with a one-deletion neighbourhood and a
 * consonant-skeleton map, which find the words that sound like each query word.
 *
 * <p>Immutable after construction and thread-safe; a search allocates only its own arrays.
 */
final class CategoryIndex {
  private static final int LITERAL = 0;
  private static final int PHONETIC = 1;
  private static final int LITERAL_BONUS = 10;

  // Match costs of one query word against one vocabulary word, cheapest first.
  private static final int SAME_WORD = 0;
  private static final int WORD_PREFIX = 1;
  private static final int ONE_EDIT = 2;
  private static final int SAME_SKELETON = 3;
  private static final int NO_MATCH = Integer.MAX_VALUE;

  private final List<Category> categories;
  /** The rank of each category's code in code order, for tie-breaking. */
  private final int[] codeRank;
  /** The category at each rank of code order. */
  private final int[] byRank;
  /** Lower-case code to category indexes. */
  private final Map<String, int[]> byLowerCode;

  /** Per entry: its category, its text as the category has it, and its phonetic word count. */
  private final int[] entryCategory;
  private final String[] entryText;
  private final int[] entryWords;

  /** Per kind (literal, phonetic) and entry: the compact form and where its words start in it. */
  private final String[][] compact = new String[2][];
  private final int[][][] wordStarts = new int[2][][];
  /** Per kind: trigram to ascending entry ids. */
  private final List<Map<Long, int[]>> trigrams = new ArrayList<>(2);
  /** Per kind: the first one or two characters of a word to ascending entry ids. */
  private final List<Map<String, int[]>> wordBeginnings = new ArrayList<>(2);

  /** The phonetic vocabulary, sorted, and per word the ascending entry ids that contain it. */
  private final String[] vocabulary;
  private final int[][] vocabularyEntries;
  private final Map<String, Integer> wordId;
  /** A word with one letter deleted to the ids of the vocabulary words it comes from. */
  private final Map<String, int[]> deletions;
  /** A consonant skeleton to the ids of the vocabulary words that have it. */
  private final Map<String, int[]> skeletons;

  CategoryIndex(List<Category> categories) {
    this.categories = categories;
    int n = categories.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparing(i -> categories.get(i).code()));
    codeRank = new int[n];
    byRank = new int[n];
    for (int r = 0; r < n; r++) {
      codeRank[order[r]] = r;
      byRank[r] = order[r];
    }
    Map<String, IntList> codes = new HashMap<>();
    List<Integer> cats = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      Category category = categories.get(c);
      codes.computeIfAbsent(category.code().toLowerCase(Locale.ROOT), k -> new IntList()).add(c);
      List<String> own = new ArrayList<>();
      own.add(category.nameEn());
      own.add(category.nameHi());
      own.addAll(category.aliases());
      own.add(category.code()); // last, so that an equal match shows a name rather than the code
      for (String text : own) {
        cats.add(c);
        texts.add(text);
      }
    }
    byLowerCode = freezeStrings(codes);
    int entries = texts.size();
    entryCategory = new int[entries];
    entryText = texts.toArray(new String[0]);
    entryWords = new int[entries];
    for (int kind = 0; kind < 2; kind++) {
      compact[kind] = new String[entries];
      wordStarts[kind] = new int[entries][];
    }
    Map<String, IntList> words = new TreeMap<>();
    for (int e = 0; e < entries; e++) {
      entryCategory[e] = cats.get(e);
      String literal = Romanizer.literal(entryText[e]);
      String phonetic = Romanizer.phonetic(literal);
      store(LITERAL, e, literal);
      store(PHONETIC, e, phonetic);
      String[] phoneticWords = phonetic.isEmpty() ? new String[0] : phonetic.split(" ");
      entryWords[e] = phoneticWords.length;
      for (String w : phoneticWords) {
        words.computeIfAbsent(w, k -> new IntList()).addIfNotLast(e);
      }
    }
    for (int kind = 0; kind < 2; kind++) {
      Map<Long, IntList> grams = new HashMap<>();
      Map<String, IntList> beginnings = new HashMap<>();
      for (int e = 0; e < entries; e++) {
        String s = compact[kind][e];
        for (int i = 0; i + 3 <= s.length(); i++) {
          grams.computeIfAbsent(trigram(s, i), k -> new IntList()).addIfNotLast(e);
        }
        for (int start : wordStarts[kind][e]) {
          beginnings.computeIfAbsent(s.substring(start, start + 1), k -> new IntList()).addIfNotLast(e);
          if (start + 2 <= s.length()) {
            beginnings.computeIfAbsent(s.substring(start, start + 2), k -> new IntList()).addIfNotLast(e);
          }
        }
      }
      trigrams.add(freezeLongs(grams));
      wordBeginnings.add(freezeStrings(beginnings));
    }
    vocabulary = words.keySet().toArray(new String[0]);
    vocabularyEntries = new int[vocabulary.length][];
    Map<String, Integer> ids = new HashMap<>();
    Map<String, IntList> deleted = new HashMap<>();
    Map<String, IntList> skeletonWords = new HashMap<>();
    for (int w = 0; w < vocabulary.length; w++) {
      String word = vocabulary[w];
      vocabularyEntries[w] = words.get(word).toArray();
      ids.put(word, w);
      if (word.length() >= 4) {
        for (int i = 0; i < word.length(); i++) {
          String d = word.substring(0, i) + word.substring(i + 1);
          deleted.computeIfAbsent(d, k -> new IntList()).addIfNotLast(w);
        }
        String skeleton = Romanizer.skeleton(word);
        if (skeleton.length() >= 2) {
          skeletonWords.computeIfAbsent(skeleton, k -> new IntList()).addIfNotLast(w);
        }
      }
    }
    wordId = Map.copyOf(ids);
    deletions = freezeStrings(deleted);
    skeletons = freezeStrings(skeletonWords);
  }

  private void store(int kind, int entry, String spaced) {
    StringBuilder b = new StringBuilder(spaced.length());
    IntList starts = new IntList();
    boolean wordStart = true;
    for (int i = 0; i < spaced.length(); i++) {
      char c = spaced.charAt(i);
      if (c == ' ') {
        wordStart = true;
      } else {
        if (wordStart) {
          starts.add(b.length());
          wordStart = false;
        }
        b.append(c);
      }
    }
    compact[kind][entry] = b.toString();
    wordStarts[kind][entry] = starts.toArray();
  }

  List<CategoryMatch> search(String query, int limit) {
    int n = categories.size();
    int[] best = new int[n];
    int[] bestEntry = new int[n];
    String literal = Romanizer.literal(query);
    String phonetic = Romanizer.phonetic(literal);
    int[] exactCode = byLowerCode.get(query.toLowerCase(Locale.ROOT));
    if (exactCode != null) {
      for (int c : exactCode) {
        best[c] = CategoryMatch.EXACT_CODE;
        bestEntry[c] = -1;
      }
    }
    textMatches(LITERAL, literal.replace(" ", ""), best, bestEntry);
    textMatches(PHONETIC, phonetic.replace(" ", ""), best, bestEntry);
    if (!phonetic.isEmpty()) {
      soundMatches(phonetic.split(" "), best, bestEntry);
    }
    return results(best, bestEntry, limit);
  }

  /** Whole, prefix, word-prefix and substring matches of one form of the query. */
  private void textMatches(int kind, String q, int[] best, int[] bestEntry) {
    if (q.isEmpty()) {
      return;
    }
    int[] candidates;
    if (q.length() < 3) {
      candidates = wordBeginnings.get(kind).get(q);
    } else {
      candidates = null;
      Map<Long, int[]> grams = trigrams.get(kind);
      for (int i = 0; i + 3 <= q.length(); i++) {
        int[] posting = grams.get(trigram(q, i));
        if (posting == null) {
          return;
        }
        if (candidates == null || posting.length < candidates.length) {
          candidates = posting;
        }
      }
    }
    if (candidates == null) {
      return;
    }
    String[] forms = compact[kind];
    int bonus = kind == LITERAL ? LITERAL_BONUS : 0;
    for (int e : candidates) {
      String s = forms[e];
      int at = s.indexOf(q);
      if (at < 0) {
        continue;
      }
      int band;
      if (at == 0) {
        band = s.length() == q.length() ? CategoryMatch.EXACT : CategoryMatch.PREFIX;
      } else {
        band = CategoryMatch.SUBSTRING;
        int[] starts = wordStarts[kind][e];
        for (; at >= 0; at = s.indexOf(q, at + 1)) {
          if (Arrays.binarySearch(starts, at) >= 0) {
            band = CategoryMatch.WORD_PREFIX;
            break;
          }
        }
      }
      int coverage = band == CategoryMatch.EXACT ? 0 : 9 * q.length() / s.length();
      offer(entryCategory[e], e, band + bonus + coverage, best, bestEntry);
    }
  }

  /**
   * Matches where every query word sounds like a word of one entry of the category: the same
   * phonetic word, its beginning, one letter added, left out or changed, or the same consonants.
   */
  private void soundMatches(String[] words, int[] best, int[] bestEntry) {
    int n = categories.size();
    int[] totalCost = new int[n];
    int[] matchedWords = new int[n];
    int[] entryOfFirst = new int[n];
    Arrays.fill(entryOfFirst, -1);
    for (int qw = 0; qw < words.length; qw++) {
      Map<Integer, Integer> costs = wordCosts(words[qw]);
      if (costs.isEmpty()) {
        return; // a word that matches nothing: no category has all the words
      }
      int[] cost = new int[n];
      int[] entry = new int[n];
      Arrays.fill(cost, NO_MATCH);
      for (Map.Entry<Integer, Integer> wc : costs.entrySet()) {
        for (int e : vocabularyEntries[wc.getKey()]) {
          int c = entryCategory[e];
          if (wc.getValue() < cost[c] || (wc.getValue() == cost[c] && e < entry[c])) {
            cost[c] = wc.getValue();
            entry[c] = e;
          }
        }
      }
      for (int c = 0; c < n; c++) {
        if (matchedWords[c] == qw && cost[c] != NO_MATCH) {
          matchedWords[c]++;
          totalCost[c] += cost[c];
          if (entryOfFirst[c] < 0) {
            entryOfFirst[c] = entry[c];
          }
        }
      }
    }
    for (int c = 0; c < n; c++) {
      if (matchedWords[c] == words.length && best[c] < CategoryMatch.SUBSTRING) {
        int e = entryOfFirst[c];
        int coverage = Math.min(9, 9 * words.length / Math.max(1, entryWords[e]));
        int score = 180 - 12 * totalCost[c] + coverage;
        offer(c, e, Math.max(1, Math.min(CategoryMatch.FUZZY_MAX, score)), best, bestEntry);
      }
    }
  }

  /** The vocabulary words that sound like one query word, each with its cheapest cost. */
  private Map<Integer, Integer> wordCosts(String word) {
    Map<Integer, Integer> costs = new HashMap<>();
    Integer same = wordId.get(word);
    if (same != null) {
      costs.put(same, SAME_WORD);
    }
    if (word.length() >= 2) {
      int from = Arrays.binarySearch(vocabulary, word);
      for (int w = from < 0 ? -from - 1 : from; w < vocabulary.length && vocabulary[w].startsWith(word); w++) {
        costs.merge(w, WORD_PREFIX, Math::min);
      }
    }
    if (word.length() >= 4) {
      addAll(costs, deletions.get(word), ONE_EDIT); // a letter more in the vocabulary word
      for (int i = 0; i < word.length(); i++) {
        String d = word.substring(0, i) + word.substring(i + 1);
        Integer shorter = wordId.get(d); // a letter fewer in the vocabulary word
        if (shorter != null) {
          costs.merge(shorter, ONE_EDIT, Math::min);
        }
        int[] changed = deletions.get(d); // a letter changed, or two neighbours swapped
        if (changed != null) {
          for (int w : changed) {
            if (sameLengthOneEdit(word, vocabulary[w])) {
              costs.merge(w, ONE_EDIT, Math::min);
            }
          }
        }
      }
      String skeleton = Romanizer.skeleton(word);
      if (skeleton.length() >= 2) {
        addAll(costs, skeletons.get(skeleton), SAME_SKELETON);
      }
    }
    return costs;
  }

  /** Whether two words of one length differ in one letter, or in two neighbouring letters swapped. */
  static boolean sameLengthOneEdit(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    int first = -1;
    int differences = 0;
    for (int i = 0; i < a.length(); i++) {
      if (a.charAt(i) != b.charAt(i)) {
        if (differences++ == 0) {
          first = i;
        }
      }
    }
    if (differences <= 1) {
      return true;
    }
    return differences == 2
        && first + 1 < a.length()
        && a.charAt(first) == b.charAt(first + 1)
        && a.charAt(first + 1) == b.charAt(first)
        && a.charAt(first + 1) != b.charAt(first + 1);
  }

  private static void addAll(Map<Integer, Integer> costs, int[] words, int cost) {
    if (words != null) {
      for (int w : words) {
        costs.merge(w, cost, Math::min);
      }
    }
  }

  private static void offer(int c, int entry, int score, int[] best, int[] bestEntry) {
    if (score > best[c]) {
      best[c] = score;
      bestEntry[c] = entry;
    }
  }

  private List<CategoryMatch> results(int[] best, int[] bestEntry, int limit) {
    int found = 0;
    long[] keys = new long[best.length];
    for (int c = 0; c < best.length; c++) {
      if (best[c] > 0) {
        keys[found++] = ((long) (CategoryMatch.EXACT_CODE - best[c]) << 32) | codeRank[c];
      }
    }
    Arrays.sort(keys, 0, found);
    List<CategoryMatch> out = new ArrayList<>(Math.min(limit, found));
    for (int k = 0; k < found && out.size() < limit; k++) {
      int c = byRank[(int) (keys[k] & 0xFFFFFFFFL)];
      Category category = categories.get(c);
      String matched = bestEntry[c] < 0 ? category.code() : entryText[bestEntry[c]];
      out.add(new CategoryMatch(category, best[c], matched));
    }
    return List.copyOf(out);
  }

  private static long trigram(String s, int i) {
    return ((long) s.charAt(i) << 32) | ((long) s.charAt(i + 1) << 16) | s.charAt(i + 2);
  }

  private static Map<String, int[]> freezeStrings(Map<String, IntList> lists) {
    Map<String, int[]> out = new HashMap<>(lists.size() * 2);
    lists.forEach((k, v) -> out.put(k, v.toArray()));
    return out;
  }

  private static Map<Long, int[]> freezeLongs(Map<Long, IntList> lists) {
    Map<Long, int[]> out = new HashMap<>(lists.size() * 2);
    lists.forEach((k, v) -> out.put(k, v.toArray()));
    return out;
  }

  /** A growable list of ints, for building postings. */
  private static final class IntList {
    private int[] items = new int[4];
    private int size;

    void add(int value) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = value;
    }

    void addIfNotLast(int value) {
      if (size == 0 || items[size - 1] != value) {
        add(value);
      }
    }

    int[] toArray() {
      return Arrays.copyOf(items, size);
    }
  }
}
