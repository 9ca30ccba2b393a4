package io.edgeconf.policy.wasm;

import java.io.ByteArrayOutputStream;

/**
 * One instruction with its immediates.
 *
 * @param op the instruction
 * @param a the first immediate: the constant, index or label depth; for blocks the block type byte
 *     ({@code 0x40} empty, else a value type code); for memory instructions the alignment exponent
 * @param b for memory instructions the offset; 0 otherwise
 */
public record Instr(Op op, long a, long b) {
  /** The empty block type. */
  public static final int EMPTY_BLOCK = 0x40;

  public Instr {
    if (op == null) {
      throw new IllegalArgumentException("instruction must be given");
    }
    switch (op.imm()) {
      case LABEL, FUNC, LOCAL, GLOBAL -> {
        if (a < 0 || a > 0xFFFF_FFFFL) {
          throw new IllegalArgumentException(op.text() + " index " + a + " is not a u32");
        }
      }
      case I32 -> {
        if (a < Integer.MIN_VALUE || a > Integer.MAX_VALUE) {
          throw new IllegalArgumentException("i32.const " + a + " does not fit 32 bits");
        }
      }
      case MEM -> {
        if (a < 0 || a > op.naturalAlign() || b < 0 || b > 0xFFFF_FFFFL) {
          throw new IllegalArgumentException(op.text() + " align " + a + " offset " + b);
        }
      }
      default -> {}
    }
  }

  /** Appends the binary encoding. */
  public void encode(ByteArrayOutputStream out) {
    out.write(op.opcode());
    switch (op.imm()) {
      case NONE -> {}
      case BLOCK -> out.write((int) a);
      case LABEL, FUNC, LOCAL, GLOBAL -> Leb128.writeUnsigned(out, a);
      case MEM -> {
        Leb128.writeUnsigned(out, a);
        Leb128.writeUnsigned(out, b);
      }
      case I32, I64 -> Leb128.writeSigned(out, a);
    }
  }
}
