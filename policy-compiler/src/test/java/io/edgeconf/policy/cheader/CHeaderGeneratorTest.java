package io.edgeconf.policy.cheader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.image.Crc32c;
import io.edgeconf.bridge.image.FirmwareBinding;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.image.ImageRejectedException;
import io.edgeconf.bridge.image.PayloadCodec;
import io.edgeconf.bridge.schema.FieldSpec;
import io.edgeconf.bridge.schema.PolicySchema;
import io.edgeconf.policy.GreenhouseFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the generated greenhouse header with the machine's C compiler ({@code gcc -std=c99 -Wall
 * -Wextra -Werror -pedantic}) and runs it on the config-image.md vectors and corrupted variants.
 * Skipped, with a message, where there is no {@code gcc}.
 */
class CHeaderGeneratorTest {
  private static final String HEADER =
      CHeaderGenerator.generate(GreenhouseFixture.SCHEMA, 7, GreenhouseFixture.DOCS);

  private static final String PROGRAM =
      """
      #include <stdio.h>
      #include "greenhouse_config.h"
      #include "greenhouse_config.h"

      static int hex(int c) { return c <= '9' ? c - '0' : (c | 32) - 'a' + 10; }

      int other(void);

      int main(void) {
        static char line[8192];
        static uint8_t buf[4096];
        while (fgets(line, sizeof line, stdin)) {
          size_t n = 0, i;
          struct greenhouse_config c;
          int rc;
          for (i = 0; line[i] && line[i] != '\\n' && line[i + 1]; i += 2) {
            buf[n++] = (uint8_t)(hex(line[i]) * 16 + hex(line[i + 1]));
          }
          rc = greenhouse_config_decode(buf, n, &c);
          if (rc != GREENHOUSE_OK) {
            printf("%d %s\\n", rc, greenhouse_config_reason(rc));
          } else {
            printf("0 v=%lu si=%lu re=%u th=%d tl=%d hm=%u led=%u mode=%u label=%s/%u\\n",
                   (unsigned long)c.version, (unsigned long)c.sample_interval,
                   (unsigned)c.report_every, (int)c.temp_high_c, (int)c.temp_low_c,
                   (unsigned)c.humidity_max, (unsigned)c.led, (unsigned)c.mode, c.label,
                   (unsigned)c.label_len);
          }
        }
        return other() == GREENHOUSE_MODE_BOOST ? 0 : 1;
      }
      """;

  /** A second translation unit including the header: no duplicate definitions. */
  private static final String OTHER =
      """
      #include "greenhouse_config.h"
      int other(void) { return (int)GREENHOUSE_MODE_BOOST; }
      """;

  @Test
  void headerHasTheContractConstantsAndDocs() {
    assertTrue(HEADER.contains("#define GREENHOUSE_POLICY_ID 0x08F100F3u"), HEADER);
    assertTrue(HEADER.contains("#define GREENHOUSE_SCHEMA_HASH 0xED7AAF81u"), HEADER);
    assertTrue(HEADER.contains("#define GREENHOUSE_IMAGE_SIZE 54u"), HEADER);
    assertTrue(HEADER.contains("#define GREENHOUSE_MODE_NORMAL 1u"), HEADER);
    assertTrue(HEADER.contains("/* How often the sensor is sampled. */"), HEADER);
    assertTrue(
        HEADER.contains(
            "int greenhouse_config_decode(const uint8_t *buf, size_t len, struct greenhouse_config *out)"),
        HEADER);
    for (String include : HEADER.lines().filter(l -> l.startsWith("#include")).toList()) {
      assertTrue(
          List.of("#include <stddef.h>", "#include <stdint.h>", "#include <string.h>")
              .contains(include));
    }
  }

  @Test
  void collidingConstantsAreRefused() {
    var schema =
        new PolicySchema("p", List.of(FieldSpec.enumeration("image", List.of("size", "x"))));
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CHeaderGenerator.generate(schema, 1, List.of("")));
    assertTrue(e.getMessage().contains("P_IMAGE_SIZE"), e.getMessage());
  }

  @Test
  void decodesTheVectorsAndRefusesCorruptedImagesInC(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(
        hasGcc(), "no gcc on this machine: the C header test is skipped (install gcc to run it)");
    Files.writeString(dir.resolve("greenhouse_config.h"), HEADER);
    Files.writeString(dir.resolve("main.c"), PROGRAM);
    Files.writeString(dir.resolve("other.c"), OTHER);
    run(
        dir,
        null,
        "gcc",
        "-std=c99",
        "-Wall",
        "-Wextra",
        "-Werror",
        "-pedantic",
        "-o",
        "decode",
        "main.c",
        "other.c");

    Map<String, byte[]> cases = cases();
    String input =
        String.join("\n", cases.values().stream().map(HexFormat.of()::formatHex).toList()) + "\n";
    List<String> out = run(dir, input, dir.resolve("decode").toString());
    List<String> names = new ArrayList<>(cases.keySet());
    assertEquals(names.size(), out.size(), String.join("\n", out));
    assertEquals(
        "0 v=7 si=10000 re=6 th=35 tl=5 hm=80 led=1 mode=1 label=greenhouse/10", out.get(0));
    assertEquals("0 v=7 si=10000 re=12 th=35 tl=10 hm=80 led=1 mode=0 label=east-2/6", out.get(1));
    for (int i = 0; i < names.size(); i++) {
      assertEquals(javaVerdict(cases.get(names.get(i))), verdict(out.get(i)), names.get(i));
    }
    assertTrue(out.contains("-4 crc"), String.join("\n", out));
    assertTrue(out.contains("-7 range"), String.join("\n", out));
  }

  /** The C result without the decoded values: {@code "0"} or {@code "-N reason"}. */
  private static String verdict(String line) {
    return line.startsWith("0 ") ? "0" : line;
  }

  /** What ImageCodec and PayloadCodec (the Java side of the contract) say of an image. */
  private static String javaVerdict(byte[] image) {
    try {
      var decoded = ImageCodec.verify(image, 4096, FirmwareBinding.of(GreenhouseFixture.SCHEMA));
      PayloadCodec.decode(GreenhouseFixture.SCHEMA, decoded.payload());
      return "0";
    } catch (ImageRejectedException e) {
      return CHeaderGenerator.code(e.reason()) + " " + e.reason().wireName();
    }
  }

  private static Map<String, byte[]> cases() {
    Map<String, byte[]> cases = new LinkedHashMap<>();
    byte[] esp = GreenhouseFixture.espImage();
    cases.put("esp32 vector", esp);
    cases.put("nrf52840 vector", GreenhouseFixture.nrfImage());
    cases.put("truncated", java.util.Arrays.copyOf(esp, 53));
    cases.put("one byte longer", java.util.Arrays.copyOf(esp, 55));
    cases.put("empty", new byte[0]);
    cases.put("bad magic", edit(esp, b -> b[0] = 'X', false));
    cases.put("format 2", edit(esp, b -> b[4] = 2, false));
    cases.put("flags set", edit(esp, b -> b[5] = 1, false));
    cases.put("payload length", edit(esp, b -> b[6] = 0x1d, false));
    cases.put("flipped payload bit", edit(esp, b -> b[25] ^= 4, false));
    cases.put("flipped crc bit", edit(esp, b -> b[53] ^= 1, false));
    cases.put("other policy", edit(esp, b -> b[8] ^= 1, true));
    cases.put("other schema", edit(esp, b -> b[19] ^= 1, true));
    cases.put("other version is fine", edit(esp, b -> b[12] = 9, true));
    cases.put("sample_interval 99", edit(esp, b -> put(b, 20, 99, 4), true));
    cases.put("sample_interval 100", edit(esp, b -> put(b, 20, 100, 4), true));
    cases.put("sample_interval 3600001", edit(esp, b -> put(b, 20, 3_600_001, 4), true));
    cases.put("sample_interval u32 max", edit(esp, b -> put(b, 20, 0xFFFF_FFFFL, 4), true));
    cases.put("report_every 0", edit(esp, b -> put(b, 24, 0, 2), true));
    cases.put("report_every 1000", edit(esp, b -> put(b, 24, 1000, 2), true));
    cases.put("temp_high_c -40", edit(esp, b -> put(b, 26, -40, 2), true));
    cases.put("temp_high_c -41", edit(esp, b -> put(b, 26, -41, 2), true));
    cases.put("temp_low_c 126", edit(esp, b -> put(b, 28, 126, 2), true));
    cases.put("temp_low_c -32768", edit(esp, b -> put(b, 28, -32768, 2), true));
    cases.put("humidity_max 101", edit(esp, b -> b[30] = 101, true));
    cases.put("led 2", edit(esp, b -> b[31] = 2, true));
    cases.put("mode 3", edit(esp, b -> b[32] = 3, true));
    cases.put("mode 2", edit(esp, b -> b[32] = 2, true));
    cases.put("label length 16", edit(esp, b -> b[33] = 16, true));
    cases.put("label length 17", edit(esp, b -> b[33] = 17, true));
    return cases;
  }

  private static void put(byte[] b, int at, long value, int size) {
    for (int i = 0; i < size; i++) {
      b[at + i] = (byte) (value >> (8 * i));
    }
  }

  private static byte[] edit(byte[] image, Consumer<byte[]> change, boolean fixCrc) {
    byte[] b = image.clone();
    change.accept(b);
    if (fixCrc) {
      put(b, b.length - 4, Crc32c.of(b, 0, b.length - 4), 4);
    }
    return b;
  }

  private static boolean hasGcc() {
    try {
      Process p = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static List<String> run(Path dir, String input, String... command) throws Exception {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    if (input != null) {
      try (var in = p.getOutputStream()) {
        in.write(input.getBytes(StandardCharsets.US_ASCII));
      }
    } else {
      p.getOutputStream().close();
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
    assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + output);
    return output.lines().toList();
  }
}
