package io.edgeconf.policy.eval;

import io.edgeconf.bridge.descriptor.DescriptorCodec;
import io.edgeconf.bridge.descriptor.DescriptorException;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.image.ConfigImage;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.image.PayloadCodec;
import io.edgeconf.bridge.module.AbiError;
import io.edgeconf.bridge.schema.FieldSpec;
import io.edgeconf.bridge.schema.FieldType;
import io.edgeconf.bridge.schema.PolicySchema;
import io.edgeconf.policy.model.Assignment;
import io.edgeconf.policy.model.CheckedPolicy;
import io.edgeconf.policy.model.FieldDecl;
import io.edgeconf.policy.model.Require;
import io.edgeconf.policy.model.Rule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The reference semantics of a policy in plain Java (see {@code io.edgeconf.policy.model}'s package
 * documentation): what every config module must compute. Stateless and thread-safe.
 */
public final class Evaluator {
  private Evaluator() {}

  /** Renders the image of one device, or the error a module must return for it. */
  public static RenderResult render(CheckedPolicy policy, DeviceAttributes device) {
    return trace(policy, device).result();
  }

  /** Renders one device and records which rules fired and the final field values. */
  public static Trace trace(CheckedPolicy policy, DeviceAttributes device) {
    Object[] values = new Object[policy.fields().size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = initial(policy.fields().get(i));
    }
    BitSet fired = new BitSet();
    ExprEvaluator ev = new ExprEvaluator(device, values);
    RenderResult result;
    try {
      result = run(policy, ev, values, fired);
    } catch (ArithmeticException e) {
      result = new RenderResult.Failure(AbiError.ARITHMETIC, 0, e.getMessage());
    }
    return new Trace(result, fired, Arrays.asList(values.clone()));
  }

  private static RenderResult run(
      CheckedPolicy policy, ExprEvaluator ev, Object[] values, BitSet fired) {
    for (int r = 0; r < policy.rules().size(); r++) {
      Rule rule = policy.rules().get(r);
      if (ev.test(rule.condition())) {
        fired.set(r);
        for (Assignment a : rule.assignments()) {
          values[a.fieldIndex()] = ev.eval(a.value());
        }
      }
    }
    for (int i = 0; i < values.length; i++) {
      String problem = rangeProblem(policy.fields().get(i).spec(), values[i]);
      if (problem != null) {
        return new RenderResult.Failure(
            AbiError.FIELD_OUT_OF_RANGE, i, policy.fields().get(i).name() + problem);
      }
    }
    for (int i = 0; i < policy.requires().size(); i++) {
      Require req = policy.requires().get(i);
      if (!ev.test(req.condition())) {
        return new RenderResult.Failure(AbiError.REQUIRE_FAILED, i, req.message());
      }
    }
    return new RenderResult.Image(encode(policy, values));
  }

  /**
   * Renders from a raw device descriptor, as {@code ec_render} reads it: a descriptor that {@link
   * DescriptorCodec#decode} rejects gives {@link AbiError#MALFORMED_DESCRIPTOR}.
   */
  public static RenderResult render(CheckedPolicy policy, byte[] descriptor) {
    DeviceAttributes device;
    try {
      device = DescriptorCodec.decode(descriptor);
    } catch (DescriptorException e) {
      return new RenderResult.Failure(AbiError.MALFORMED_DESCRIPTOR, 0, e.getMessage());
    }
    return render(policy, device);
  }

  /** A field's default as the evaluator holds it: Long (enums by index), Boolean or String. */
  static Object initial(FieldDecl f) {
    return switch (f.spec().type()) {
      case TEXT, BOOL -> f.defaultValue();
      default -> f.defaultBits();
    };
  }

  /** Why a rendered value is outside its field ("=130, above 125"), or null. */
  static String rangeProblem(FieldSpec spec, Object value) {
    return switch (spec.type()) {
      case TEXT -> {
        int n = ((String) value).getBytes(StandardCharsets.UTF_8).length;
        yield n > spec.textLength()
            ? " is " + n + " bytes, longer than text(" + spec.textLength() + ")"
            : null;
      }
      case BOOL -> null;
      default -> {
        long v = (Long) value;
        yield v < spec.min()
            ? "=" + v + ", below " + spec.min()
            : v > spec.max() ? "=" + v + ", above " + spec.max() : null;
      }
    };
  }

  private static byte[] encode(CheckedPolicy policy, Object[] values) {
    PolicySchema schema = policy.schema();
    List<Object> codecValues = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) {
      FieldSpec spec = schema.fields().get(i);
      codecValues.add(
          spec.type() == FieldType.ENUM
              ? spec.enumMembers().get(((Long) values[i]).intValue())
              : values[i]);
    }
    byte[] payload = PayloadCodec.encode(schema, codecValues);
    return ImageCodec.encode(
        new ConfigImage(schema.policyId(), policy.version(), schema.schemaHash(), payload));
  }
}
