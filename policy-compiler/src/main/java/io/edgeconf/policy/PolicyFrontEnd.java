package io.edgeconf.policy;

import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.module.ModuleMetadata;
import io.edgeconf.policy.FrontEndResult.Phase;
import io.edgeconf.policy.check.Checker;
import io.edgeconf.policy.diag.DiagnosticSink;
import io.edgeconf.policy.diag.Diagnostics;
import io.edgeconf.policy.model.CheckedPolicy;
import io.edgeconf.policy.model.SourcePos;
import io.edgeconf.policy.parse.Parser;
import io.edgeconf.policy.parse.Statement;
import io.edgeconf.policy.proof.Prover;
import io.edgeconf.policy.selftest.MetadataBuilder;
import io.edgeconf.policy.selftest.SelfTestPicker;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The policy compiler's front end: source text in, diagnostics and (when there is no error) the
 * checked, proven policy and its module metadata out. Synchronous, stateless and thread-safe; never
 * throws for bad input.
 */
public final class PolicyFrontEnd {
  private PolicyFrontEnd() {}

  /**
   * Compiles a policy source.
   *
   * @param fileName the name diagnostics show (e.g. {@code greenhouse.policy})
   * @param source the policy text
   */
  public static FrontEndResult compile(String fileName, String source) {
    String src = source == null ? "" : source;
    DiagnosticSink sink = new DiagnosticSink(fileName, src);
    try {
      return run(src, sink);
    } catch (RuntimeException | StackOverflowError e) {
      // A bug of the compiler, not of the policy: still a diagnostic, never a stack trace.
      sink.error(
          SourcePos.NONE,
          1,
          "internal compiler error: " + e,
          "please report this with the policy file");
      return failed(sink, Phase.TYPE);
    }
  }

  /**
   * Compiles a policy file's bytes, which must be UTF-8; invalid UTF-8 is an error at the line and
   * column of the first bad byte.
   */
  public static FrontEndResult compile(String fileName, byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return compile(fileName, text);
    } catch (CharacterCodingException e) {
      String valid = new String(bytes, 0, firstInvalid(bytes), StandardCharsets.UTF_8);
      String[] lines = valid.split("\n", -1);
      String last = lines[lines.length - 1];
      SourcePos pos = new SourcePos(lines.length, last.codePointCount(0, last.length()) + 1);
      DiagnosticSink sink = new DiagnosticSink(fileName, valid);
      sink.error(pos, 1, "the file is not valid UTF-8 here", "save the policy as UTF-8");
      return failed(sink, Phase.SYNTAX);
    }
  }

  private static int firstInvalid(byte[] bytes) {
    var decoder = StandardCharsets.UTF_8.newDecoder();
    for (int end = bytes.length; end >= 0; end--) {
      try {
        decoder.reset().decode(ByteBuffer.wrap(bytes, 0, end));
        return end;
      } catch (CharacterCodingException e) {
        // shorter prefix
      }
    }
    return 0;
  }

  private static FrontEndResult run(String src, DiagnosticSink sink) {
    List<Statement> statements = Parser.parse(src, sink);
    boolean syntaxErrors = sink.hasErrors();
    CheckedPolicy policy = Checker.check(src, statements, sink);
    if (syntaxErrors) {
      return failed(sink, Phase.SYNTAX);
    }
    if (policy == null || sink.hasErrors()) {
      return failed(sink, Phase.TYPE);
    }
    List<DeviceAttributes> witnesses = Prover.prove(policy, sink);
    if (sink.hasErrors()) {
      return failed(sink, Phase.PROOF);
    }
    List<ModuleMetadata.SelfTest> selftest = SelfTestPicker.pick(policy, witnesses);
    ModuleMetadata meta = MetadataBuilder.build(policy, selftest);
    return new FrontEndResult(sink.result(), Optional.of(policy), Optional.of(meta), Phase.NONE);
  }

  private static FrontEndResult failed(DiagnosticSink sink, Phase phase) {
    Diagnostics d = sink.result();
    return new FrontEndResult(d, Optional.empty(), Optional.empty(), phase);
  }
}
