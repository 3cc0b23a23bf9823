package org.nivaran.grievance.directory;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text forms that {@link CategoryIndex} compares: a <em>literal</em> form (lower case, no
 * accents, words of letters and digits separated by single spaces, Devanagari kept as written)
 * and a <em>phonetic</em> form (Devanagari romanised the way Hinglish is typed, then common
 * spelling variants folded together, so that {@code बिजली}, {@code bijli} and {@code bijlee} all
 * become {@code bijli}).
 *
 * <p>The romanisation is deliberately small: consonants (with nukta forms), independent vowels
 * and vowel signs, the inherent vowel dropped after a virama, at the end of a word (unless the
 * word is one syllable or ends in a conjunct) and in the middle of a word between a vowel and
 * consonant on the left and a consonant and vowel on the right; anusvara as {@code m} before
 * {@code p b m} and {@code n} elsewhere. Stateless and thread-safe.
 */
final class Romanizer {
  private static final char VIRAMA = '\u094D';
  private static final char NUKTA = '\u093C';
  private static final char ANUSVARA = '\u0902';
  private static final char CHANDRABINDU = '\u0901';
  private static final char VISARGA = '\u0903';

  private static final String[] CONSONANTS = new String[0x3A];
  private static final String[] WITH_NUKTA = new String[0x3A];
  private static final String[] VOWELS = new String[0x80];
  private static final String[] VOWEL_SIGNS = new String[0x80];

  static {
    String[][] consonants = {
      {"क", "k"}, {"ख", "kh"}, {"ग", "g"}, {"घ", "gh"}, {"ङ", "n"},
      {"च", "ch"}, {"छ", "chh"}, {"ज", "j"}, {"झ", "jh"}, {"ञ", "n"},
      {"ट", "t"}, {"ठ", "th"}, {"ड", "d"}, {"ढ", "dh"}, {"ण", "n"},
      {"त", "t"}, {"थ", "th"}, {"द", "d"}, {"ध", "dh"}, {"न", "n"}, {"ऩ", "n"},
      {"प", "p"}, {"फ", "ph"}, {"ब", "b"}, {"भ", "bh"}, {"म", "m"},
      {"य", "y"}, {"र", "r"}, {"ऱ", "r"}, {"ल", "l"}, {"ळ", "l"}, {"ऴ", "l"},
      {"व", "v"}, {"श", "sh"}, {"ष", "sh"}, {"स", "s"}, {"ह", "h"},
    };
    for (String[] c : consonants) {
      CONSONANTS[c[0].charAt(0) - 0x900] = c[1];
    }
    String[][] nukta = {
      {"क", "q"}, {"ख", "kh"}, {"ग", "g"}, {"ज", "z"}, {"ड", "d"}, {"ढ", "dh"}, {"फ", "f"}, {"य", "y"},
    };
    for (String[] c : nukta) {
      WITH_NUKTA[c[0].charAt(0) - 0x900] = c[1];
    }
    String[][] vowels = {
      {"ऄ", "a"}, {"अ", "a"}, {"आ", "aa"}, {"इ", "i"}, {"ई", "ii"}, {"उ", "u"}, {"ऊ", "uu"},
      {"ऋ", "ri"}, {"ऌ", "l"}, {"ऍ", "e"}, {"ऎ", "e"}, {"ए", "e"}, {"ऐ", "ai"}, {"ऑ", "o"},
      {"ऒ", "o"}, {"ओ", "o"}, {"औ", "au"}, {"ॠ", "rii"}, {"ॲ", "a"},
    };
    for (String[] v : vowels) {
      VOWELS[v[0].charAt(0) - 0x900] = v[1];
    }
    String[][] signs = {
      {"ा", "aa"}, {"ि", "i"}, {"ी", "ii"}, {"ु", "u"}, {"ू", "uu"}, {"ृ", "ri"}, {"ॄ", "rii"},
      {"ॅ", "e"}, {"ॆ", "e"}, {"े", "e"}, {"ै", "ai"}, {"ॉ", "o"}, {"ॊ", "o"}, {"ो", "o"}, {"ौ", "au"},
    };
    for (String[] v : signs) {
      VOWEL_SIGNS[v[0].charAt(0) - 0x900] = v[1];
    }
  }

  private Romanizer() {}

  /**
   * The literal form: NFC, lower case, Latin accents removed, every run of characters that are
   * neither letters, digits nor Devanagari signs turned into one space, no space at either end.
   *
   * @param text any text
   * @return the literal form, possibly empty
   */
  static String literal(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder noAccents = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (c < '\u0300' || c > '\u036F') {
        noAccents.append(c);
      }
    }
    String lower = Normalizer.normalize(noAccents, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    boolean space = false;
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\u200C' || cp == '\u200D') {
        continue; // zero-width (non-)joiners change only how Devanagari is drawn
      }
      if (Character.isLetterOrDigit(cp) || isDevanagariSign(cp)) {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.appendCodePoint(cp);
      } else {
        space = true;
      }
    }
    return out.toString();
  }

  /**
   * The phonetic form of a literal form: each word romanised if it is Devanagari, then {@link
   * #fold folded}.
   *
   * @param literal a {@link #literal} form
   * @return the phonetic form: words of ASCII letters and digits (and any other script as is)
   */
  static String phonetic(String literal) {
    StringBuilder out = new StringBuilder(literal.length() + 8);
    for (String word : literal.split(" ", -1)) {
      if (word.isEmpty()) {
        continue;
      }
      String folded = fold(romanise(word));
      if (!folded.isEmpty()) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(folded);
      }
    }
    return out.toString();
  }

  /**
   * Romanises the Devanagari in one word of a literal form; other characters are kept.
   *
   * @param word a word
   * @return the word in Latin letters where it was Devanagari
   */
  static String romanise(String word) {
    StringBuilder out = new StringBuilder(word.length() * 2);
    int i = 0;
    while (i < word.length()) {
      char c = word.charAt(i);
      if (isDevanagari(c)) {
        int end = i;
        while (end < word.length() && isDevanagari(word.charAt(end))) {
          end++;
        }
        romaniseRun(word, i, end, out);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** One sound of a Devanagari word: a consonant, a vowel, a nasal sign or anything else. */
  private record Sound(char type, String latin, boolean inherent) {}

  private static final char CONSONANT = 'C';
  private static final char VOWEL = 'V';
  private static final char NASAL = 'N';
  private static final char OTHER = 'O';

  private static void romaniseRun(String s, int from, int to, StringBuilder out) {
    List<Sound> sounds = new ArrayList<>(to - from + 4);
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      int k = c - 0x900;
      String consonant = k < CONSONANTS.length ? CONSONANTS[k] : null;
      boolean precomposed = false;
      if (c >= '\u0958' && c <= '\u095F') {
        consonant = NUKTA_FORMS[c - 0x958];
        precomposed = true;
      }
      if (consonant != null) {
        i++;
        if (!precomposed && i < to && s.charAt(i) == NUKTA) {
          if (WITH_NUKTA[k] != null) {
            consonant = WITH_NUKTA[k];
          }
          i++;
        }
        sounds.add(new Sound(CONSONANT, consonant, false));
        if (i < to && s.charAt(i) == VIRAMA) {
          i++;
        } else if (i < to && s.charAt(i) - 0x900 >= 0 && s.charAt(i) - 0x900 < 0x80
            && VOWEL_SIGNS[s.charAt(i) - 0x900] != null) {
          sounds.add(new Sound(VOWEL, VOWEL_SIGNS[s.charAt(i) - 0x900], false));
          i++;
        } else {
          sounds.add(new Sound(VOWEL, "a", true));
        }
        continue;
      }
      i++;
      if (k >= 0 && k < 0x80 && VOWELS[k] != null) {
        sounds.add(new Sound(VOWEL, VOWELS[k], false));
      } else if (c == ANUSVARA || c == CHANDRABINDU) {
        sounds.add(new Sound(NASAL, "n", false));
      } else if (c == VISARGA) {
        sounds.add(new Sound(OTHER, "h", false));
      } else if (c >= '\u0966' && c <= '\u096F') {
        sounds.add(new Sound(OTHER, String.valueOf((char) ('0' + (c - 0x966))), false));
      } else if (c == '\u0950') {
        sounds.add(new Sound(OTHER, "om", false));
      } else if (k >= 0 && k < 0x80 && VOWEL_SIGNS[k] != null) {
        sounds.add(new Sound(VOWEL, VOWEL_SIGNS[k], false)); // a vowel sign with no consonant
      }
      // a stray virama or nukta, the avagraha and other signs are silent
    }
    dropInherentVowels(sounds);
    for (int j = 0; j < sounds.size(); j++) {
      Sound sound = sounds.get(j);
      if (sound == null) {
        continue;
      }
      if (sound.type() == NASAL && sound.latin().equals("n") && isLabialNext(sounds, j)) {
        out.append('m');
      } else {
        out.append(sound.latin());
      }
    }
  }

  private static final String[] NUKTA_FORMS = {"q", "kh", "g", "z", "d", "dh", "f", "y"};

  /**
   * Drops the inherent vowels Hindi does not pronounce, right to left: at the end of a word of
   * more than one syllable unless it follows a conjunct, and between a vowel and consonant on the
   * left and a consonant and vowel on the right.
   */
  private static void dropInherentVowels(List<Sound> sounds) {
    int vowels = 0;
    for (Sound s : sounds) {
      if (s.type() == VOWEL) {
        vowels++;
      }
    }
    for (int i = sounds.size() - 1; i >= 0; i--) {
      Sound s = sounds.get(i);
      if (s == null || !s.inherent()) {
        continue;
      }
      boolean last = i == sounds.size() - 1;
      if (last) {
        boolean afterConjunct = i >= 2 && typeAt(sounds, i - 1) == CONSONANT && typeAt(sounds, i - 2) == CONSONANT;
        if (vowels > 1 && !afterConjunct) {
          sounds.set(i, null);
        }
        continue;
      }
      if (i >= 2
          && typeAt(sounds, i - 1) == CONSONANT
          && (typeAt(sounds, i - 2) == VOWEL || typeAt(sounds, i - 2) == NASAL)
          && typeAt(sounds, i + 1) == CONSONANT
          && typeAt(sounds, i + 2) == VOWEL) {
        sounds.set(i, null);
      }
    }
  }

  private static char typeAt(List<Sound> sounds, int i) {
    if (i < 0 || i >= sounds.size() || sounds.get(i) == null) {
      return ' ';
    }
    return sounds.get(i).type();
  }

  private static boolean isLabialNext(List<Sound> sounds, int i) {
    for (int j = i + 1; j < sounds.size(); j++) {
      Sound s = sounds.get(j);
      if (s != null) {
        if (s.type() != CONSONANT) {
          return false;
        }
        char first = s.latin().charAt(0);
        return first == 'p' || first == 'b' || first == 'm' || first == 'f';
      }
    }
    return false;
  }

  /**
   * Folds the spelling variants of romanised Hindi and English together: {@code tion} → {@code
   * shan}, {@code igh} → {@code ai}, {@code ph} → {@code f}, {@code ck} → {@code k}, {@code chh}
   * → {@code ch}, {@code ee} → {@code i}, {@code oo} → {@code u}, {@code w} → {@code v}, {@code
   * z} → {@code j}, {@code q} → {@code k}, {@code x} → {@code ks}, {@code c} not before {@code h}
   * → {@code k}; then every run of one letter becomes a single letter ({@code aa} → {@code a},
   * {@code ii} → {@code i}, {@code tt} → {@code t}). A rule's output can make another rule's input
   * ({@code eegh} → {@code igh} → {@code ai}), so the pass repeats until nothing changes: folding
   * a folded word changes nothing.
   *
   * @param word a lower-case word
   * @return the folded word
   */
  static String fold(String word) {
    String before;
    String folded = word;
    do { // terminates: no rule makes a letter that x or tion, the only rules that lengthen, start from
      before = folded;
      folded = foldOnce(before);
    } while (!folded.equals(before));
    return folded;
  }

  private static String foldOnce(String word) {
    StringBuilder b = new StringBuilder(word.length() + 2);
    int n = word.length();
    for (int i = 0; i < n; i++) {
      char c = word.charAt(i);
      if (c == 't' && word.startsWith("tion", i)) {
        b.append("shan");
        i += 3;
      } else if (c == 'i' && word.startsWith("igh", i)) {
        b.append("ai");
        i += 2;
      } else if (c == 'p' && i + 1 < n && word.charAt(i + 1) == 'h') {
        b.append('f');
        i++;
      } else if (c == 'c' && i + 1 < n && word.charAt(i + 1) == 'k') {
        b.append('k');
        i++;
      } else if (c == 'c' && word.startsWith("chh", i)) {
        b.append("ch");
        i += 2;
      } else if (c == 'c' && i + 1 < n && word.charAt(i + 1) == 'h') {
        b.append("ch");
        i++;
      } else if (c == 'c') {
        b.append('k');
      } else if (c == 'e' && i + 1 < n && word.charAt(i + 1) == 'e') {
        b.append('i');
        i++;
      } else if (c == 'o' && i + 1 < n && word.charAt(i + 1) == 'o') {
        b.append('u');
        i++;
      } else if (c == 'w') {
        b.append('v');
      } else if (c == 'z') {
        b.append('j');
      } else if (c == 'q') {
        b.append('k');
      } else if (c == 'x') {
        b.append("ks");
      } else {
        b.append(c);
      }
    }
    int w = 0;
    for (int r = 0; r < b.length(); r++) {
      char c = b.charAt(r);
      if (w == 0 || b.charAt(w - 1) != c || !Character.isLetter(c)) {
        b.setCharAt(w++, c);
      }
    }
    b.setLength(w);
    return b.toString();
  }

  /**
   * The consonant skeleton of a folded word: the word without the vowels {@code a e i o u}, runs
   * of one letter made single. Romanised Hindi differs most in its vowels, so {@code mitar} and
   * {@code meter} share the skeleton {@code mtr}.
   *
   * @param folded a folded word
   * @return its skeleton
   */
  static String skeleton(String folded) {
    StringBuilder b = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') {
        continue;
      }
      if (b.length() == 0 || b.charAt(b.length() - 1) != c) {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean isDevanagari(char c) {
    return c >= '\u0900' && c <= '\u097F';
  }

  private static boolean isDevanagariSign(int cp) {
    if (cp < 0x900 || cp > 0x97F) {
      return false;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }
}
