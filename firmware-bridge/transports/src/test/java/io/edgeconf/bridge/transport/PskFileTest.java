package io.edgeconf.bridge.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PskFileTest {
  @TempDir Path dir;

  @Test
  void readsIdsAndKeysSkippingCommentsAndBlankLines() throws Exception {
    Path f = dir.resolve("keys");
    Files.write(
        f,
        List.of(
            "# nRF52840 keys",
            "",
            "gh-nrf-07:00112233445566778899AABBCCDDEEFF",
            "  gh-nrf-08 : 0f0e0d0c0b0a0908  # trailing comment"));
    Map<String, byte[]> keys = PskFile.load(f);
    assertEquals(List.of("gh-nrf-07", "gh-nrf-08"), List.copyOf(keys.keySet()));
    assertArrayEquals(
        HexFormat.of().parseHex("00112233445566778899aabbccddeeff"), keys.get("gh-nrf-07"));
    assertEquals(8, keys.get("gh-nrf-08").length);
  }

  @Test
  void errorsNameFileAndLine() {
    var e =
        assertThrows(
            TransportConfigException.class,
            () -> PskFile.parse("k", List.of("# ok", "a:00", "bad id!:00")));
    assertTrue(e.getMessage().startsWith("k:3:"), e.getMessage());
    assertThrows(TransportConfigException.class, () -> PskFile.parse("k", List.of("a")));
    assertThrows(TransportConfigException.class, () -> PskFile.parse("k", List.of("a:xyz")));
    assertThrows(TransportConfigException.class, () -> PskFile.parse("k", List.of("a:")));
    var dup =
        assertThrows(
            TransportConfigException.class, () -> PskFile.parse("k", List.of("a:00", "a:01")));
    assertTrue(dup.getMessage().contains("twice"));
  }

  @Test
  void aMissingFileIsAConfigError() {
    assertThrows(TransportConfigException.class, () -> PskFile.load(dir.resolve("none")));
  }

  @Test
  void lineRoundTrips() {
    byte[] key = {1, 2, 3};
    assertArrayEquals(key, PskFile.parse("x", List.of(PskFile.line("id-1", key))).get("id-1"));
  }
}
