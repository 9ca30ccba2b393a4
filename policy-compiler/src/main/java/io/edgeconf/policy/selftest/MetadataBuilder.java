package io.edgeconf.policy.selftest;

import io.edgeconf.bridge.catalogue.Board;
import io.edgeconf.bridge.module.ModuleMetadata;
import io.edgeconf.bridge.schema.FieldSpec;
import io.edgeconf.bridge.schema.PolicySchema;
import io.edgeconf.policy.model.CheckedPolicy;
import io.edgeconf.policy.model.FieldDecl;
import io.edgeconf.policy.model.Require;
import java.util.ArrayList;
import java.util.List;

/** Builds a module's {@code edgeconf.meta} content from a checked policy. Stateless. */
public final class MetadataBuilder {
  /** The ABI version of module-abi.md. */
  public static final int ABI = 1;

  /** The compiler's name and version as the metadata records it. */
  public static final String COMPILER = "edgeconf 0.1.0";

  private MetadataBuilder() {}

  /** The metadata of the policy with these self-test vectors. */
  public static ModuleMetadata build(CheckedPolicy policy, List<ModuleMetadata.SelfTest> selftest) {
    PolicySchema schema = policy.schema();
    List<ModuleMetadata.Field> fields = new ArrayList<>();
    for (int i = 0; i < policy.fields().size(); i++) {
      FieldDecl f = policy.fields().get(i);
      FieldSpec s = f.spec();
      fields.add(
          new ModuleMetadata.Field(
              s.name(),
              s.type().keyword(),
              schema.offsetOf(i),
              s.size(),
              s.min(),
              s.max(),
              f.defaultValue(),
              f.doc()));
    }
    List<ModuleMetadata.Require> requires = new ArrayList<>();
    for (Require r : policy.requires()) {
      requires.add(new ModuleMetadata.Require(r.sourceText(), r.message()));
    }
    var ro = policy.rollout();
    return new ModuleMetadata(
        ABI,
        policy.name(),
        policy.version(),
        schema.policyId(),
        schema.schemaHash(),
        schema.canonical(),
        policy.targets().stream().map(Board::name).toList(),
        schema.imageSize(),
        fields,
        requires,
        new ModuleMetadata.Rollout(
            ro.canaryPct(), ro.maxFailuresPct(), ro.healthWindowMs(), ro.batch()),
        selftest,
        COMPILER,
        policy.sourceSha256());
  }
}
