package io.edgeconf.policy.wasm;

/**
 * The WebAssembly instructions the emitter knows: the MVP's control, variable, memory and integer
 * instructions plus the sign-extension operators (no floating point). An opcode table, so long.
 */
public enum Op {
  UNREACHABLE(0x00, "unreachable", Imm.NONE),
  NOP(0x01, "nop", Imm.NONE),
  BLOCK(0x02, "block", Imm.BLOCK),
  LOOP(0x03, "loop", Imm.BLOCK),
  IF(0x04, "if", Imm.BLOCK),
  ELSE(0x05, "else", Imm.NONE),
  END(0x0B, "end", Imm.NONE),
  BR(0x0C, "br", Imm.LABEL),
  BR_IF(0x0D, "br_if", Imm.LABEL),
  RETURN(0x0F, "return", Imm.NONE),
  CALL(0x10, "call", Imm.FUNC),
  DROP(0x1A, "drop", Imm.NONE),
  SELECT(0x1B, "select", Imm.NONE),
  LOCAL_GET(0x20, "local.get", Imm.LOCAL),
  LOCAL_SET(0x21, "local.set", Imm.LOCAL),
  LOCAL_TEE(0x22, "local.tee", Imm.LOCAL),
  GLOBAL_GET(0x23, "global.get", Imm.GLOBAL),
  GLOBAL_SET(0x24, "global.set", Imm.GLOBAL),
  I32_LOAD(0x28, "i32.load", Imm.MEM, 2),
  I64_LOAD(0x29, "i64.load", Imm.MEM, 3),
  I32_LOAD8_S(0x2C, "i32.load8_s", Imm.MEM, 0),
  I32_LOAD8_U(0x2D, "i32.load8_u", Imm.MEM, 0),
  I32_LOAD16_S(0x2E, "i32.load16_s", Imm.MEM, 1),
  I32_LOAD16_U(0x2F, "i32.load16_u", Imm.MEM, 1),
  I64_LOAD8_S(0x30, "i64.load8_s", Imm.MEM, 0),
  I64_LOAD8_U(0x31, "i64.load8_u", Imm.MEM, 0),
  I64_LOAD16_S(0x32, "i64.load16_s", Imm.MEM, 1),
  I64_LOAD16_U(0x33, "i64.load16_u", Imm.MEM, 1),
  I64_LOAD32_S(0x34, "i64.load32_s", Imm.MEM, 2),
  I64_LOAD32_U(0x35, "i64.load32_u", Imm.MEM, 2),
  I32_STORE(0x36, "i32.store", Imm.MEM, 2),
  I64_STORE(0x37, "i64.store", Imm.MEM, 3),
  I32_STORE8(0x3A, "i32.store8", Imm.MEM, 0),
  I32_STORE16(0x3B, "i32.store16", Imm.MEM, 1),
  I64_STORE8(0x3C, "i64.store8", Imm.MEM, 0),
  I64_STORE16(0x3D, "i64.store16", Imm.MEM, 1),
  I64_STORE32(0x3E, "i64.store32", Imm.MEM, 2),
  I32_CONST(0x41, "i32.const", Imm.I32),
  I64_CONST(0x42, "i64.const", Imm.I64),
  I32_EQZ(0x45, "i32.eqz", Imm.NONE),
  I32_EQ(0x46, "i32.eq", Imm.NONE),
  I32_NE(0x47, "i32.ne", Imm.NONE),
  I32_LT_S(0x48, "i32.lt_s", Imm.NONE),
  I32_LT_U(0x49, "i32.lt_u", Imm.NONE),
  I32_GT_S(0x4A, "i32.gt_s", Imm.NONE),
  I32_GT_U(0x4B, "i32.gt_u", Imm.NONE),
  I32_LE_S(0x4C, "i32.le_s", Imm.NONE),
  I32_LE_U(0x4D, "i32.le_u", Imm.NONE),
  I32_GE_S(0x4E, "i32.ge_s", Imm.NONE),
  I32_GE_U(0x4F, "i32.ge_u", Imm.NONE),
  I64_EQZ(0x50, "i64.eqz", Imm.NONE),
  I64_EQ(0x51, "i64.eq", Imm.NONE),
  I64_NE(0x52, "i64.ne", Imm.NONE),
  I64_LT_S(0x53, "i64.lt_s", Imm.NONE),
  I64_LT_U(0x54, "i64.lt_u", Imm.NONE),
  I64_GT_S(0x55, "i64.gt_s", Imm.NONE),
  I64_GT_U(0x56, "i64.gt_u", Imm.NONE),
  I64_LE_S(0x57, "i64.le_s", Imm.NONE),
  I64_LE_U(0x58, "i64.le_u", Imm.NONE),
  I64_GE_S(0x59, "i64.ge_s", Imm.NONE),
  I64_GE_U(0x5A, "i64.ge_u", Imm.NONE),
  I32_CLZ(0x67, "i32.clz", Imm.NONE),
  I32_CTZ(0x68, "i32.ctz", Imm.NONE),
  I32_POPCNT(0x69, "i32.popcnt", Imm.NONE),
  I32_ADD(0x6A, "i32.add", Imm.NONE),
  I32_SUB(0x6B, "i32.sub", Imm.NONE),
  I32_MUL(0x6C, "i32.mul", Imm.NONE),
  I32_DIV_S(0x6D, "i32.div_s", Imm.NONE),
  I32_DIV_U(0x6E, "i32.div_u", Imm.NONE),
  I32_REM_S(0x6F, "i32.rem_s", Imm.NONE),
  I32_REM_U(0x70, "i32.rem_u", Imm.NONE),
  I32_AND(0x71, "i32.and", Imm.NONE),
  I32_OR(0x72, "i32.or", Imm.NONE),
  I32_XOR(0x73, "i32.xor", Imm.NONE),
  I32_SHL(0x74, "i32.shl", Imm.NONE),
  I32_SHR_S(0x75, "i32.shr_s", Imm.NONE),
  I32_SHR_U(0x76, "i32.shr_u", Imm.NONE),
  I32_ROTL(0x77, "i32.rotl", Imm.NONE),
  I32_ROTR(0x78, "i32.rotr", Imm.NONE),
  I64_CLZ(0x79, "i64.clz", Imm.NONE),
  I64_CTZ(0x7A, "i64.ctz", Imm.NONE),
  I64_POPCNT(0x7B, "i64.popcnt", Imm.NONE),
  I64_ADD(0x7C, "i64.add", Imm.NONE),
  I64_SUB(0x7D, "i64.sub", Imm.NONE),
  I64_MUL(0x7E, "i64.mul", Imm.NONE),
  I64_DIV_S(0x7F, "i64.div_s", Imm.NONE),
  I64_DIV_U(0x80, "i64.div_u", Imm.NONE),
  I64_REM_S(0x81, "i64.rem_s", Imm.NONE),
  I64_REM_U(0x82, "i64.rem_u", Imm.NONE),
  I64_AND(0x83, "i64.and", Imm.NONE),
  I64_OR(0x84, "i64.or", Imm.NONE),
  I64_XOR(0x85, "i64.xor", Imm.NONE),
  I64_SHL(0x86, "i64.shl", Imm.NONE),
  I64_SHR_S(0x87, "i64.shr_s", Imm.NONE),
  I64_SHR_U(0x88, "i64.shr_u", Imm.NONE),
  I64_ROTL(0x89, "i64.rotl", Imm.NONE),
  I64_ROTR(0x8A, "i64.rotr", Imm.NONE),
  I32_WRAP_I64(0xA7, "i32.wrap_i64", Imm.NONE),
  I64_EXTEND_I32_S(0xAC, "i64.extend_i32_s", Imm.NONE),
  I64_EXTEND_I32_U(0xAD, "i64.extend_i32_u", Imm.NONE),
  I32_EXTEND8_S(0xC0, "i32.extend8_s", Imm.NONE),
  I32_EXTEND16_S(0xC1, "i32.extend16_s", Imm.NONE),
  I64_EXTEND8_S(0xC2, "i64.extend8_s", Imm.NONE),
  I64_EXTEND16_S(0xC3, "i64.extend16_s", Imm.NONE),
  I64_EXTEND32_S(0xC4, "i64.extend32_s", Imm.NONE);

  /** The kind of immediate operand an instruction takes. */
  public enum Imm {
    NONE,
    /** A block type: empty or one value type. */
    BLOCK,
    /** A label depth. */
    LABEL,
    /** A function index. */
    FUNC,
    /** A local index. */
    LOCAL,
    /** A global index. */
    GLOBAL,
    /** A memarg: alignment exponent and offset. */
    MEM,
    I32,
    I64
  }

  private final int opcode;
  private final String text;
  private final Imm imm;
  private final int naturalAlign;

  Op(int opcode, String text, Imm imm) {
    this(opcode, text, imm, -1);
  }

  Op(int opcode, String text, Imm imm, int naturalAlign) {
    this.opcode = opcode;
    this.text = text;
    this.imm = imm;
    this.naturalAlign = naturalAlign;
  }

  /** The one-byte opcode. */
  public int opcode() {
    return opcode;
  }

  /** The text-format mnemonic. */
  public String text() {
    return text;
  }

  /** The immediate the instruction takes. */
  public Imm imm() {
    return imm;
  }

  /** For memory instructions: log2 of the access size; -1 otherwise. */
  public int naturalAlign() {
    return naturalAlign;
  }
}
