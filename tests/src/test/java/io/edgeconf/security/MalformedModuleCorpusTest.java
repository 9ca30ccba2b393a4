package io.edgeconf.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.agent.ErrorCode;
import io.edgeconf.agent.vetting.VettingContext;
import io.edgeconf.bridge.module.Ed25519Keys;
import io.edgeconf.bridge.module.ModuleSigner;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 9, hostile modules (a): a generated corpus of malformed and invalid modules through the
 * agent's real vetter, one dynamic test per class. Each module must be refused with a code its
 * class allows, by a {@link io.edgeconf.agent.vetting.ModuleRejectedException} and nothing else,
 * and never hang.
 */
class MalformedModuleCorpusTest {
  static final KeyPair KEY = Ed25519Keys.generate();
  static Vetting vetting;
  static byte[] greenhouse;
  static byte[] meta;

  @BeforeAll
  static void setUp() {
    vetting = new Vetting(KEY, false);
    greenhouse = Modules.compile("greenhouse", 7, null).module();
    meta = Modules.meta(greenhouse);
  }

  @AfterAll
  static void tearDown() {
    vetting.close();
  }

  static List<Corpus.Case> corpus() {
    Corpus c = new Corpus(KEY.getPrivate(), meta);
    c.truncatedFile("hand", Modules.trySign(AbiModule.standard().encode(), KEY.getPrivate()));
    // Every prefix of the real module up to the end of its last code/data section.
    int codeEnd =
        Corpus.sections(greenhouse).stream()
            .filter(s -> s.id() != 0)
            .mapToInt(Corpus.Raw::end)
            .max()
            .orElse(0);
    Corpus prefixes = new Corpus(KEY.getPrivate(), meta);
    prefixes.truncatedFile("greenhouse", ModuleSigner.sign(greenhouse, KEY.getPrivate()));
    prefixes.cases.stream().filter(k -> k.bytes().length <= codeEnd).forEach(c.cases::add);
    c.truncatedSections("greenhouse", greenhouse);
    c.badLebs("greenhouse", greenhouse);
    c.hugeCounts("greenhouse", greenhouse);
    c.wrongOrder("greenhouse", greenhouse);
    addCode(c, "ill-typed-random", InvalidCode.randomIllTyped(9L, 400));
    addCode(c, "ill-typed-hand", InvalidCode.handWritten());
    // An export naming a function or global that is not there may be caught by the ABI checks.
    Set<ErrorCode> export = EnumSet.of(ErrorCode.INVALID_WASM, ErrorCode.EXPORTS);
    InvalidCode.outOfRange(
        (label, m) ->
            c.cases.add(
                hand(
                    "out-of-range",
                    label,
                    m,
                    label.startsWith("export") ? export : Corpus.INVALID)));
    InvalidCode.duplicateExports(
        (label, m) -> c.cases.add(hand("duplicate-export", label, m, Corpus.INVALID)));
    return c.cases;
  }

  private static void addCode(Corpus c, String kind, List<byte[]> bodies) {
    int n = 0;
    for (byte[] body : bodies) {
      var render = new AbiModule();
      render.renderCode = body;
      c.cases.add(hand(kind, "ec_render body #" + n, render.build(), Corpus.INVALID));
      var check = new AbiModule();
      check.checkCode = body;
      c.cases.add(hand(kind, "ec_check body #" + n++, check.build(), Corpus.INVALID));
    }
  }

  private static Corpus.Case hand(String kind, String label, AbiModule m, Set<ErrorCode> allowed) {
    byte[] module =
        Modules.trySign(Modules.appendCustom(m.encode(), "edgeconf.meta", meta), KEY.getPrivate());
    return new Corpus.Case(kind, label, module, allowed);
  }

  @TestFactory
  Stream<DynamicTest> everyMalformedOrInvalidModuleIsRefusedWithItsClassCode() {
    List<Corpus.Case> cases = corpus();
    assertTrue(cases.size() >= 1000, "corpus of " + cases.size());
    System.out.println("malformed corpus: " + cases.size() + " modules");
    Map<String, List<Corpus.Case>> byKind = new LinkedHashMap<>();
    cases.forEach(c -> byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c));
    return byKind.entrySet().stream()
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> runClass(e.getKey(), e.getValue())));
  }

  private static void runClass(String kind, List<Corpus.Case> cases) {
    Map<String, Integer> histogram = new HashMap<>();
    List<String> wrong = new ArrayList<>();
    for (Corpus.Case c : cases) {
      var v = vetting.vet(c.bytes(), VettingContext.empty());
      histogram.merge(kind + " -> " + v.describe(), 1, Integer::sum);
      if (v.code() == null || !c.allowed().contains(v.code())) {
        wrong.add(describe(c, v));
      }
      if (v.accepted() == null && v.code() == null && v.unexpected() == null) {
        break; // a hang: the caller thread is stuck, stop here
      }
    }
    System.out.print(Vetting.histogram(histogram));
    wrong.forEach(w -> System.out.println("WRONG " + w));
    assertTrue(
        wrong.isEmpty(),
        wrong.size()
            + " of "
            + cases.size()
            + " "
            + kind
            + " modules were not refused as their class requires:\n"
            + String.join("\n", wrong.subList(0, Math.min(20, wrong.size()))));
  }

  private static String describe(Corpus.Case c, Vetting.Verdict v) {
    String where = "";
    if (v.unexpected() != null) {
      where =
          " at "
              + Arrays.stream(v.unexpected().getStackTrace())
                  .limit(4)
                  .map(StackTraceElement::toString)
                  .reduce((a, b) -> a + " < " + b)
                  .orElse("");
    }
    return c.label()
        + ": "
        + v.describe()
        + (v.message() != null ? " (" + v.message() + ")" : "")
        + where
        + "; expected one of "
        + c.allowed();
  }
}
