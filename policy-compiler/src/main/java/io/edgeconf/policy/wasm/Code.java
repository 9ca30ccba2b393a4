package io.edgeconf.policy.wasm;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one function body: its extra locals and its instructions. Methods append and return {@code
 * this}; blocks must balance by {@link #end()} before {@link #encode()}. Not thread-safe.
 */
public final class Code {
  private final int paramCount;
  private final List<ValType> locals = new ArrayList<>();
  private final List<String> localNames = new ArrayList<>();
  private final List<Instr> instrs = new ArrayList<>();
  private int depth;

  /**
   * @param params the function's parameter names (for the text form), in order
   */
  public Code(List<String> params) {
    this.paramCount = params.size();
    localNames.addAll(params);
  }

  /** Declares a local after the parameters; returns its index. */
  public int local(ValType type, String name) {
    locals.add(type);
    localNames.add(name);
    return paramCount + locals.size() - 1;
  }

  /** The declared locals after the parameters. */
  public List<ValType> locals() {
    return List.copyOf(locals);
  }

  /** Names of parameters and locals, by index. */
  public List<String> localNames() {
    return List.copyOf(localNames);
  }

  /** The instructions so far (without the function's final {@code end}). */
  public List<Instr> instructions() {
    return List.copyOf(instrs);
  }

  /** Appends an instruction without immediates ({@code end} and {@code else} close blocks). */
  public Code op(Op op) {
    if (op == Op.END) {
      return end();
    }
    if (op == Op.ELSE) {
      return elseBranch();
    }
    if (op.imm() != Op.Imm.NONE) {
      throw new IllegalArgumentException(op.text() + " needs an immediate");
    }
    instrs.add(new Instr(op, 0, 0));
    return this;
  }

  public Code i32(int value) {
    return add(Op.I32_CONST, value);
  }

  public Code i64(long value) {
    return add(Op.I64_CONST, value);
  }

  public Code get(int local) {
    return add(Op.LOCAL_GET, local);
  }

  public Code set(int local) {
    return add(Op.LOCAL_SET, local);
  }

  public Code tee(int local) {
    return add(Op.LOCAL_TEE, local);
  }

  public Code globalGet(int global) {
    return add(Op.GLOBAL_GET, global);
  }

  public Code globalSet(int global) {
    return add(Op.GLOBAL_SET, global);
  }

  public Code call(int function) {
    return add(Op.CALL, function);
  }

  /** A load or store with the given static offset and natural alignment. */
  public Code mem(Op op, long offset) {
    if (op.imm() != Op.Imm.MEM) {
      throw new IllegalArgumentException(op.text() + " is not a memory instruction");
    }
    instrs.add(new Instr(op, op.naturalAlign(), offset));
    return this;
  }

  /** {@code block} with no result. */
  public Code block() {
    return open(Op.BLOCK, null);
  }

  /** {@code block} with one result. */
  public Code block(ValType result) {
    return open(Op.BLOCK, result);
  }

  /** {@code loop} with no result. */
  public Code loop() {
    return open(Op.LOOP, null);
  }

  /** {@code if} with no result. */
  public Code ifThen() {
    return open(Op.IF, null);
  }

  /** {@code if} with one result (needs an {@code else}). */
  public Code ifThen(ValType result) {
    return open(Op.IF, result);
  }

  public Code elseBranch() {
    if (depth == 0) {
      throw new IllegalStateException("else outside if");
    }
    instrs.add(new Instr(Op.ELSE, 0, 0));
    return this;
  }

  public Code end() {
    if (depth == 0) {
      throw new IllegalStateException("end without a block");
    }
    depth--;
    instrs.add(new Instr(Op.END, 0, 0));
    return this;
  }

  public Code br(int label) {
    return add(Op.BR, label);
  }

  public Code brIf(int label) {
    return add(Op.BR_IF, label);
  }

  public Code ret() {
    return op(Op.RETURN);
  }

  /** Appends every instruction of another body (its locals must already be declared here). */
  public Code append(List<Instr> more) {
    for (Instr i : more) {
      switch (i.op()) {
        case BLOCK, LOOP, IF -> depth++;
        case END -> depth--;
        default -> {}
      }
      instrs.add(i);
    }
    return this;
  }

  /** Inserts balanced instructions before everything emitted so far. */
  public Code prepend(List<Instr> first) {
    int d = 0;
    for (Instr i : first) {
      switch (i.op()) {
        case BLOCK, LOOP, IF -> d++;
        case END -> d--;
        default -> {}
      }
    }
    if (d != 0) {
      throw new IllegalArgumentException("prepended instructions must balance their blocks");
    }
    instrs.addAll(0, first);
    return this;
  }

  /** The body's binary encoding: locals, instructions and the final {@code end}. */
  public byte[] encode() {
    if (depth != 0) {
      throw new IllegalStateException(depth + " blocks are not closed");
    }
    var out = new ByteArrayOutputStream();
    List<int[]> groups = new ArrayList<>();
    for (ValType t : locals) {
      if (!groups.isEmpty() && groups.get(groups.size() - 1)[1] == t.code()) {
        groups.get(groups.size() - 1)[0]++;
      } else {
        groups.add(new int[] {1, t.code()});
      }
    }
    Leb128.writeUnsigned(out, groups.size());
    for (int[] g : groups) {
      Leb128.writeUnsigned(out, g[0]);
      out.write(g[1]);
    }
    for (Instr i : instrs) {
      i.encode(out);
    }
    out.write(Op.END.opcode());
    return out.toByteArray();
  }

  private Code open(Op op, ValType result) {
    depth++;
    instrs.add(new Instr(op, result == null ? Instr.EMPTY_BLOCK : result.code(), 0));
    return this;
  }

  private Code add(Op op, long a) {
    instrs.add(new Instr(op, a, 0));
    return this;
  }
}
