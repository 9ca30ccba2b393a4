package io.edgeconf.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generated malformed and oversized management commands, each with the error codes its answer may
 * carry. None of them is a legitimate command: no case can change the agent's state.
 */
final class HostileCommands {
  private HostileCommands() {}

  record Command(String verb, byte[] payload, Set<String> codes) {}

  static final Set<String> JSON_ERRORS = Set.of("malformed", "too_large");

  static List<Command> generate(long seed, int n) {
    Random r = new Random(seed);
    List<Command> out = new ArrayList<>();
    int huge = 0;
    while (out.size() < n) {
      int kind = r.nextInt(10);
      // About one case in a hundred carries one to three megabytes.
      if (huge < n / 100 && r.nextInt(100) == 0) {
        huge++;
        byte[] big = new byte[(1 + r.nextInt(3)) << 20];
        r.nextBytes(big);
        String verb = List.of("deploy", "plan", "status", "rollback", "devices").get(r.nextInt(5));
        out.add(new Command(verb, big, Set.of("too_large")));
        continue;
      }
      switch (kind) {
        case 0, 1 -> out.add(new Command(randomVerb(r), junk(r), Set.of("not_found")));
        case 2, 3 -> {
          String verb = List.of("status", "devices", "history").get(r.nextInt(3));
          out.add(new Command(verb, badJson(r), JSON_ERRORS));
        }
        case 4 ->
            out.add(
                new Command(
                    "rollback",
                    badRollback(r),
                    Set.of("malformed", "not_found", "too_large", "busy")));
        case 5 ->
            out.add(
                new Command(
                    "reboot-device",
                    badReboot(r),
                    Set.of("malformed", "unknown_device", "too_large")));
        case 6, 7 -> {
          String verb = r.nextBoolean() ? "deploy" : "plan";
          byte[] module = junk(r);
          if (r.nextInt(4) == 0) {
            module =
                ("\0asm\1\0\0\0" + new String(junk(r), StandardCharsets.ISO_8859_1))
                    .getBytes(StandardCharsets.ISO_8859_1);
          }
          out.add(new Command(verb, module, Set.of("invalid_wasm", "malformed", "busy")));
        }
        case 8 ->
            out.add(
                new Command(
                    r.nextBoolean() ? "deploy" : "plan", new byte[0], Set.of("malformed", "busy")));
        default -> {
          byte[] over = new byte[65 * 1024 + r.nextInt(200 * 1024)];
          r.nextBytes(over);
          out.add(
              new Command(
                  List.of("deploy", "plan", "status", "history", "rollback").get(r.nextInt(5)),
                  over,
                  Set.of("too_large")));
        }
      }
    }
    return out;
  }

  static String randomVerb(Random r) {
    String[] odd = {
      "DEPLOY",
      "Status",
      "deploy ",
      "st%atus",
      "ünïcödé",
      "x".repeat(300),
      "reboot_device",
      "..",
      "-",
      "null"
    };
    if (r.nextInt(3) == 0) {
      return odd[r.nextInt(odd.length)];
    }
    String alphabet = "abcdefghijklmnopqrstuvwxyz-_.0123456789";
    var sb = new StringBuilder();
    int len = 1 + r.nextInt(20);
    for (int i = 0; i < len; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return "z" + sb;
  }

  static byte[] junk(Random r) {
    byte[] b = new byte[1 + r.nextInt(r.nextBoolean() ? 64 : 4096)];
    r.nextBytes(b);
    return b;
  }

  static byte[] badJson(Random r) {
    String[] samples = {
      "{",
      "[1,2",
      "nul",
      "[]",
      "1",
      "\"x\"",
      "null",
      "true",
      "{\"a\":}",
      "{'a':1}",
      "{\"a\":1,}",
      "{\"a\":NaN}",
      "\u0000",
      "}{"
    };
    return switch (r.nextInt(4)) {
      case 0 -> samples[r.nextInt(samples.length)].getBytes(StandardCharsets.UTF_8);
      case 1 -> ("[".repeat(2000 + r.nextInt(8000))).getBytes(StandardCharsets.UTF_8);
      case 2 -> {
        byte[] b = junk(r);
        b[0] = '{';
        yield b;
      }
      default -> ("{\"k\":\"" + "v".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    };
  }

  static byte[] badRollback(Random r) {
    String[] samples = {
      "{}",
      "{\"policy\":1}",
      "{\"policy\":\"\"}",
      "{\"policy\":null}",
      "{\"policy\":[\"greenhouse\"]}",
      "{\"policy\":\"greenhouse\",\"version\":\"x\"}",
      "{\"policy\":\"greenhouse\",\"version\":-1}",
      "{\"policy\":\"greenhouse\",\"version\":1.5}",
      "{\"policy\":\"greenhouse\",\"version\":0}",
      "{\"policy\":\"greenhouse\",\"version\":99999999999999999999999}",
      "{\"policy\":\"greenhouse\",\"version\":999}",
      "{\"policy\":\"no-such-" + r.nextInt(1000) + "\"}",
      "{\"policy\":\"" + "p".repeat(5000) + "\"}"
    };
    return r.nextInt(5) == 0
        ? badJson(r)
        : samples[r.nextInt(samples.length)].getBytes(StandardCharsets.UTF_8);
  }

  static byte[] badReboot(Random r) {
    String[] samples = {
      "{}",
      "{\"id\":5}",
      "{\"id\":\"\"}",
      "{\"id\":\"bad id\"}",
      "{\"id\":\"" + "i".repeat(65) + "\"}",
      "{\"id\":\"nobody-" + r.nextInt(100000) + "\"}",
      "{\"id\":null}",
      "{\"id\":{\"x\":1}}"
    };
    return r.nextInt(5) == 0
        ? badJson(r)
        : samples[r.nextInt(samples.length)].getBytes(StandardCharsets.UTF_8);
  }
}
