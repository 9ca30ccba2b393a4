package io.edgeconf.policy.diag;

import java.util.Collection;

/** "Did you mean" hints by edit distance. */
public final class Suggest {
  private Suggest() {}

  /**
   * The hint {@code did you mean `x`?} for the candidate closest to {@code word}, or {@code ""}
   * when none is close (distance at most a third of the word's length, at least 1).
   */
  public static String didYouMean(String word, Collection<String> candidates) {
    String best = closest(word, candidates);
    return best == null ? "" : "did you mean `" + best + "`?";
  }

  /** The closest candidate, or null when none is close enough. */
  public static String closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int limit = Math.max(1, word.length() / 3);
    for (String c : candidates) {
      if (c.equals(word)) {
        continue;
      }
      int d = distance(word, c, limit);
      if (d <= limit && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Optimal string alignment distance (Levenshtein with transpositions), capped above limit. */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int n = a.length();
    int m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[n][m];
  }
}
