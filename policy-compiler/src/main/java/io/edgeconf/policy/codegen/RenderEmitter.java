package io.edgeconf.policy.codegen;

import io.edgeconf.bridge.descriptor.DescriptorCodec;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.schema.FieldSpec;
import io.edgeconf.bridge.schema.FieldType;
import io.edgeconf.bridge.schema.PolicySchema;
import io.edgeconf.policy.model.Assignment;
import io.edgeconf.policy.model.Attribute;
import io.edgeconf.policy.model.CheckedPolicy;
import io.edgeconf.policy.model.Expr;
import io.edgeconf.policy.model.FieldDecl;
import io.edgeconf.policy.model.Require;
import io.edgeconf.policy.model.Rule;
import io.edgeconf.policy.model.Type;
import io.edgeconf.policy.wasm.Code;
import io.edgeconf.policy.wasm.Instr;
import io.edgeconf.policy.wasm.Op;
import io.edgeconf.policy.wasm.ValType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Emits {@code ec_render(in_len) -> i32}: parse the descriptor at {@code ec_in} (-1 when
 * malformed), apply the rules, check ranges (-2) and requires (-3), report arithmetic errors (-4),
 * else write the image with its CRC-32C at {@code ec_out} and return its length. Stateless.
 */
final class RenderEmitter {
  private RenderEmitter() {}

  static Code emit(CheckedPolicy policy, RuleFlow flow, Helpers h, DataPool data, Layout layout) {
    Code c = new Code(List.of("in_len"));
    Set<Attribute> used = usedAttributes(policy);
    int p = c.local(ValType.I32, "p");
    int l = c.local(ValType.I32, "l");
    int t = c.local(ValType.I32, "t");
    int s = c.local(ValType.I64, "s");
    Map<Attribute, Integer> attrs = new EnumMap<>(Attribute.class);
    for (Attribute a : List.of(Attribute.BOARD, Attribute.ID, Attribute.ZONE, Attribute.FW)) {
      // board and id are always read: a descriptor without them is malformed
      if (a == Attribute.BOARD || a == Attribute.ID || used.contains(a)) {
        attrs.put(a, c.local(ValType.I64, a.keyword()));
      }
    }
    int[] fieldLocals = new int[policy.fields().size()];
    for (int i = 0; i < fieldLocals.length; i++) {
      fieldLocals[i] = flow.varies(i) ? c.local(ValType.I64, policy.fields().get(i).name()) : -1;
    }
    ExprEmitter ex = new ExprEmitter(c, h, data, fieldLocals, attrs);

    c.block(); // $bad: a malformed descriptor
    parse(c, h, layout, attrs, p, l, t, s);
    if (used.contains(Attribute.FW)) {
      c.get(attrs.get(Attribute.FW)).call(h.versions().fwok()).op(Op.I32_EQZ).brIf(0);
    }
    for (int i = 0; i < fieldLocals.length; i++) {
      long initial = initialBits(policy.fields().get(i), data);
      if (fieldLocals[i] >= 0 && initial != 0) {
        c.i64(initial).set(fieldLocals[i]);
      }
    }
    for (int r = 0; r < policy.rules().size(); r++) {
      rule(c, ex, policy.rules().get(r), flow, r, fieldLocals);
    }
    checks(c, ex, h, policy, flow.after());
    if (h.errors().hasErrors()) {
      c.globalGet(h.errors().err()).ifThen().globalGet(h.errors().err()).ret().end();
    }
    image(c, ex, h, policy.schema(), policy.version(), flow.after());
    c.i32(policy.schema().imageSize()).ret();
    c.end();
    c.i32(-1);
    if (h.errors().hasErrors()) {
      c.prepend(
          List.of(new Instr(Op.I32_CONST, 0, 0), new Instr(Op.GLOBAL_SET, h.errors().err(), 0)));
    }
    return c;
  }

  /** A field's default as its local holds it: integer, 0/1, enum index or packed string. */
  private static long initialBits(FieldDecl f, DataPool data) {
    return f.spec().type() == FieldType.TEXT
        ? data.string((String) f.defaultValue())
        : f.defaultBits();
  }

  private static Expr fieldRef(CheckedPolicy policy, int i) {
    return new Expr.FieldRef(i, policy.fieldType(i), io.edgeconf.policy.model.SourcePos.NONE);
  }

  private static void parse(
      Code c, Helpers h, Layout layout, Map<Attribute, Integer> attrs, int p, int l, int t, int s) {
    c.get(0).i32(layout.inCap()).op(Op.I32_GT_U).brIf(0);
    c.i32(layout.in()).tee(p).get(0).op(Op.I32_ADD).globalSet(h.descriptor().end());
    c.block().loop(); // $done, $next
    c.get(p).globalGet(h.descriptor().end()).op(Op.I32_GE_U).brIf(1);
    c.get(p).i32(2).op(Op.I32_ADD).globalGet(h.descriptor().end()).op(Op.I32_GT_U).brIf(2);
    c.get(p).mem(Op.I32_LOAD8_U, 0).set(t);
    c.get(p).mem(Op.I32_LOAD8_U, 1).set(l);
    c.get(p).i32(2).op(Op.I32_ADD).tee(p).op(Op.I64_EXTEND_I32_U);
    c.get(l).op(Op.I64_EXTEND_I32_U).i64(32).op(Op.I64_SHL).op(Op.I64_OR).set(s);
    c.get(p).get(l).op(Op.I32_ADD).tee(p).globalGet(h.descriptor().end()).op(Op.I32_GT_U).brIf(2);
    for (var e : attrs.entrySet()) {
      c.get(t).i32(tagOf(e.getKey())).op(Op.I32_EQ).ifThen().get(s).set(e.getValue()).end();
    }
    c.br(0).end().end();
    c.get(attrs.get(Attribute.BOARD)).op(Op.I64_EQZ);
    c.get(attrs.get(Attribute.ID)).op(Op.I64_EQZ).op(Op.I32_OR).brIf(0);
  }

  private static int tagOf(Attribute a) {
    return switch (a) {
      case BOARD -> DescriptorCodec.TAG_BOARD;
      case ID -> DescriptorCodec.TAG_ID;
      case ZONE -> DescriptorCodec.TAG_ZONE;
      case FW -> DescriptorCodec.TAG_FW;
    };
  }

  private static void rule(
      Code c, ExprEmitter ex, Rule rule, RuleFlow flow, int index, int[] fieldLocals) {
    RuleFlow.Fires fires = flow.fires(index);
    if (fires == RuleFlow.Fires.NEVER) {
      return;
    }
    FieldValues state = flow.before(index);
    if (fires == RuleFlow.Fires.SOMETIMES) {
      ex.emit(rule.condition(), state);
      c.ifThen();
    }
    for (Assignment a : rule.assignments()) {
      int local = fieldLocals[a.fieldIndex()];
      if (local >= 0) {
        ex.emit(a.value(), state);
        if (a.value().type().kind() == Type.Kind.BOOL) {
          c.op(Op.I64_EXTEND_I32_U);
        }
        c.set(local);
      }
      state = state.with(a.fieldIndex(), ValueSets.of(a.value(), state));
    }
    if (fires == RuleFlow.Fires.SOMETIMES) {
      c.end();
    }
  }

  private static void checks(
      Code c, ExprEmitter ex, Helpers h, CheckedPolicy policy, FieldValues after) {
    List<FieldSpec> fields = policy.schema().fields();
    for (int i = 0; i < fields.size(); i++) {
      FieldSpec f = fields.get(i);
      Set<Object> values = after.get(i);
      if (f.type() == FieldType.BOOL || f.type() == FieldType.ENUM || inRange(f, values)) {
        continue;
      }
      ex.emit(fieldRef(policy, i), after);
      if (f.type() == FieldType.TEXT) {
        c.i64(32).op(Op.I64_SHR_U);
      }
      c.i64(f.min()).i64(f.max()).i32(i).call(h.errors().chk());
    }
    List<Require> requires = policy.requires();
    for (int j = 0; j < requires.size(); j++) {
      Set<Object> holds = ValueSets.of(requires.get(j).condition(), after);
      if (holds != null && !holds.contains(Boolean.FALSE)) {
        continue;
      }
      ex.emit(requires.get(j).condition(), after);
      c.op(Op.I32_EQZ).i32(j).i32(-3).call(h.errors().fail());
    }
  }

  /** Whether every value a field may hold is known and within its range. */
  static boolean inRange(FieldSpec f, Set<Object> values) {
    if (values == null) {
      return false;
    }
    for (Object v : values) {
      long n =
          v instanceof String s
              ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
              : (Long) v;
      if (n < f.min() || n > f.max()) {
        return false;
      }
    }
    return true;
  }

  private static void image(
      Code c, ExprEmitter ex, Helpers h, PolicySchema schema, long version, FieldValues after) {
    ByteBuffer header =
        ByteBuffer.allocate(PolicySchema.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(ImageCodec.MAGIC).put((byte) ImageCodec.FORMAT_VERSION).put((byte) 0);
    header.putShort((short) schema.payloadSize()).putInt((int) schema.policyId());
    header.putInt((int) version).putInt((int) schema.schemaHash());
    c.i32(Layout.OUT).i64(header.getLong(0)).mem(Op.I64_STORE, 0);
    c.i32(Layout.OUT).i64(header.getLong(8)).mem(Op.I64_STORE, 8);
    c.i32(Layout.OUT).i32(header.getInt(16)).mem(Op.I32_STORE, 16);
    List<FieldSpec> fields = schema.fields();
    for (int i = 0; i < fields.size(); i++) {
      FieldSpec f = fields.get(i);
      int at = PolicySchema.HEADER_SIZE + schema.offsetOf(i);
      Expr ref = new Expr.FieldRef(i, typeOf(f, i), io.edgeconf.policy.model.SourcePos.NONE);
      if (f.type() == FieldType.TEXT) {
        c.i32(Layout.OUT + at);
        ex.emit(ref, after);
        c.i32(f.textLength()).call(h.image().wtext());
        continue;
      }
      c.i32(Layout.OUT);
      if (f.type() == FieldType.BOOL && after.single(i) instanceof Boolean b) {
        c.i64(b ? 1 : 0);
      } else {
        ex.emit(ref, after);
        if (f.type() == FieldType.BOOL) {
          c.op(Op.I64_EXTEND_I32_U);
        }
      }
      Op store =
          switch (f.size()) {
            case 1 -> Op.I64_STORE8;
            case 2 -> Op.I64_STORE16;
            default -> Op.I64_STORE32;
          };
      c.mem(store, at);
    }
    c.i32(Layout.OUT).call(h.image().crc()).mem(Op.I32_STORE, schema.imageSize() - 4);
  }

  private static Type typeOf(FieldSpec f, int i) {
    return CheckedPolicy.typeOf(f, i);
  }

  /** The device attributes ({@code board}, {@code zone}, ...) the policy reads anywhere. */
  static Set<Attribute> usedAttributes(CheckedPolicy policy) {
    Set<Attribute> used = EnumSet.noneOf(Attribute.class);
    Deque<Expr> todo = new ArrayDeque<>();
    for (Rule r : policy.rules()) {
      todo.add(r.condition());
      r.assignments().forEach(a -> todo.add(a.value()));
    }
    policy.requires().forEach(r -> todo.add(r.condition()));
    while (!todo.isEmpty()) {
      Expr e = todo.pop();
      if (e instanceof Expr.DeviceAttr a) {
        used.add(a.attribute());
      }
      todo.addAll(e.children());
    }
    return used;
  }
}
