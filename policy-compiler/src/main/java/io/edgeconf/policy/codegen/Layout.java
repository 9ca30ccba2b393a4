package io.edgeconf.policy.codegen;

/**
 * Where a module keeps things in its linear memory: the output buffer at address 0 (so stores to
 * the image take small offsets), the string constants after it, then the input buffer up to the end
 * of memory less a guard (at least {@link #MIN_IN_CAP} bytes).
 *
 * @param outCap bytes of the output buffer: the image size
 * @param dataBase the address of the first string constant
 * @param in the address of the input buffer
 * @param inCap bytes of the input buffer
 * @param pages pages of memory (minimum and maximum)
 */
record Layout(int outCap, int dataBase, int in, int inCap, int pages) {
  /** The address of the output buffer. */
  static final int OUT = 0;

  /** The input capacity the ABI asks for at least. */
  static final int MIN_IN_CAP = 1024;

  static final int PAGE = 65536;

  /**
   * Bytes kept free after the input buffer: lookups compare a key before checking that the record
   * is long enough, so they may read up to a key's length past the descriptor's end.
   */
  static final int GUARD = 512;

  /** The layout for an image of {@code imageSize} bytes and {@code dataSize} bytes of strings. */
  static Layout of(int imageSize, int dataSize) {
    int dataBase = imageSize;
    int in = align(dataBase + dataSize, 8);
    int pages = (in + MIN_IN_CAP + GUARD + PAGE - 1) / PAGE;
    return new Layout(imageSize, dataBase, in, pages * PAGE - in - GUARD, pages);
  }

  private static int align(int v, int to) {
    return (v + to - 1) / to * to;
  }
}
