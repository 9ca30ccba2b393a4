package io.edgeconf.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.agent.api.Topics;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, hostile peers: a running agent (real Mosquitto, CoAP on an ephemeral port) with four
 * legitimate simulated boards takes 1000 malformed and oversized management commands, floods of
 * device messages from unknown and invalid ids, acks with wrong versions and CoAP block-wise abuse
 * over raw UDP. It must answer every command with an error, keep its heap bounded, keep the boards
 * converging, and still reach every board with a deploy afterwards.
 */
class HostilePeersIT {
  static final long SEED = 20_240_909L;
  static final long HEAP_BOUND = 64L << 20;

  @TempDir Path dir;

  static long heapAfterGc() throws InterruptedException {
    var memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  @Test
  void theAgentSurvivesHostilePeersAndKeepsServingItsBoards() throws Exception {
    try (var h = new AgentHarness(dir, true)) {
      h.boards(2, 2);
      var key = h.key.getPrivate();
      h.deployAndConverge(Modules.compile("greenhouse", 7, key).module(), 7);
      long before = heapAfterGc();

      commands(h);
      h.idle();
      assertEquals(7, h.active("greenhouse").path("version").asInt());

      // A deploy rolls out while the device topics and the CoAP endpoint are flooded.
      JsonNode answer = h.command("deploy", Modules.compile("greenhouse", 8, key).module());
      assertTrue(answer.path("ok").asBoolean(), answer.toString());
      deviceFloods(h);
      coapAbuse(h);
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> h.sim.boards().stream().allMatch(b -> b.version() == 8));
      h.idle();

      long after = heapAfterGc();
      System.out.printf(
          "heap after GC: before %d KiB, after %d KiB (+%d KiB)%n",
          before >> 10, after >> 10, (after - before) >> 10);
      assertTrue(after - before < HEAP_BOUND, "heap grew by " + ((after - before) >> 20) + " MiB");

      // Still alive and still reaching every legitimate board.
      assertEquals("idle", h.status().path("state").asText());
      h.deployAndConverge(Modules.compile("greenhouse", 9, key).module(), 9);
      assertEquals(9, h.active("greenhouse").path("version").asInt());
    }
  }

  private static void commands(AgentHarness h) throws Exception {
    var cases = HostileCommands.generate(SEED, 1000);
    List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
    for (var c : cases) {
      answers.add(h.client.send("ec/gw/" + h.gw + "/cmd/" + c.verb(), c.payload()));
    }
    // A few without a response topic, and one on an empty verb.
    for (int i = 0; i < 20; i++) {
      h.client.publish(Topics.command(h.gw, "zz" + i), new byte[] {1, 2, 3}, 1, false);
    }
    JsonNode empty = h.command("", "{}".getBytes(StandardCharsets.UTF_8));
    assertEquals("not_found", empty.path("error").path("code").asText(), empty.toString());
    Map<String, Integer> histogram = new HashMap<>();
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      var c = cases.get(i);
      JsonNode a = answers.get(i).get(120, TimeUnit.SECONDS);
      String code = a.path("error").path("code").asText("");
      histogram.merge(
          c.verb().length() > 20 ? "(long verb)" : c.verb() + " -> " + code, 1, Integer::sum);
      if (a.path("ok").asBoolean() || !c.codes().contains(code)) {
        wrong.add(
            "#"
                + i
                + " "
                + c.verb()
                + " ("
                + c.payload().length
                + " bytes) -> "
                + a
                + "; expected "
                + c.codes());
      }
    }
    System.out.println("1000 hostile commands:");
    System.out.print(Vetting.histogram(histogram));
    assertTrue(
        wrong.isEmpty(),
        wrong.size()
            + " wrong answers:\n"
            + String.join("\n", wrong.subList(0, Math.min(20, wrong.size()))));
  }

  private static void deviceFloods(AgentHarness h) throws Exception {
    Random r = new Random(SEED + 1);
    String[] badIds = {"a b", "x".repeat(65), "ü-board", "", "id$", "..", "é".repeat(40)};
    List<String> legit = h.sim.ids();
    int sent = 0;
    for (int i = 0; i < 1500; i++) {
      String id =
          r.nextInt(4) == 0 ? badIds[r.nextInt(badIds.length)] : "sec-ghost-" + h.gw + "-" + i;
      String what = List.of("hello", "ack", "health", "online").get(r.nextInt(4));
      byte[] payload =
          switch (r.nextInt(5)) {
            case 0 ->
                ("{\"board\":\"esp32\",\"fw\":\"1.0.0\",\"policy\":\"no-such-policy\",\"max_image\":4096}")
                    .getBytes(StandardCharsets.UTF_8);
            case 1 ->
                ("{\"version\":"
                        + r.nextInt()
                        + ",\"crc\":\"zz\",\"status\":\"applied\",\"ok\":true}")
                    .getBytes(StandardCharsets.UTF_8);
            case 2 -> HostileCommands.junk(r);
            case 3 ->
                ("{\"board\":" + r.nextInt() + ",\"version\":\"x\",\"max_image\":-1}")
                    .getBytes(StandardCharsets.UTF_8);
            default ->
                r.nextInt(20) == 0 ? new byte[256 * 1024] : "{".getBytes(StandardCharsets.UTF_8);
          };
      h.client.publish("ec/d/" + id + "/" + what, payload, r.nextInt(2), false);
      sent++;
    }
    // Acks with wrong versions and wrong crcs from the legitimate boards' ids.
    for (int i = 0; i < 200; i++) {
      String id = legit.get(r.nextInt(legit.size()));
      String body =
          List.of(
                  "{\"version\":999,\"crc\":\"deadbeef\",\"status\":\"applied\"}",
                  "{\"version\":-1,\"crc\":\"00000000\",\"status\":\"applied\"}",
                  "{\"version\":\"7\",\"crc\":7,\"status\":\"applied\"}",
                  "{\"version\":4294967296,\"crc\":\"6ef7f919\",\"status\":\"rejected\",\"reason\":\"nope\"}",
                  "{\"version\":7}")
              .get(r.nextInt(5));
      h.client.publish("ec/d/" + id + "/ack", body.getBytes(StandardCharsets.UTF_8), 1, false);
      sent++;
    }
    System.out.println("device-topic flood: " + sent + " messages");
    assertTrue(h.agent.connected());
  }

  private static void coapAbuse(AgentHarness h) throws Exception {
    var agent = new InetSocketAddress("127.0.0.1", h.coapPort);
    Random r = new Random(SEED + 2);
    Map<String, Integer> responses = new HashMap<>();
    List<DatagramSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        var s = new DatagramSocket(0);
        s.setSoTimeout(5);
        sockets.add(s);
      }
      int mid = 1;
      // 1000 block-wise registrations that never finish.
      for (int i = 0; i < 1000; i++) {
        var s = sockets.get(i % sockets.size());
        byte[] block = new byte[64];
        r.nextBytes(block);
        send(s, agent, rd(mid++, "flood-" + i).block1(0, true, 2).payload(block));
        drain(s, responses);
      }
      for (var s : sockets) {
        // Gaps: block 0, then block 2.
        send(s, agent, rd(mid++, "gap").block1(0, true, 2).payload(new byte[64]));
        send(s, agent, rd(mid++, "gap").block1(2, true, 2).payload(new byte[64]));
        // Changing block sizes inside one transfer.
        send(s, agent, rd(mid++, "resize").block1(0, true, 2).payload(new byte[64]));
        send(s, agent, rd(mid++, "resize").block1(1, true, 4).payload(new byte[256]));
        send(s, agent, rd(mid++, "resize").block1(1, false, 6).payload(new byte[1024]));
        // Block number far out, size exponent 7 (reserved).
        send(s, agent, rd(mid++, "far").block1(0xFFFFF, true, 2).payload(new byte[64]));
        send(s, agent, rd(mid++, "szx7").block1(0, true, 7).payload(new byte[1024]));
        // Board-facing paths and a bad registration body on the gateway.
        send(
            s,
            agent,
            new Coap(Coap.CON, Coap.PUT, mid++, token(r))
                .option(Coap.URI_PATH, "cfg")
                .block1(0, true, 2)
                .payload(new byte[64]));
        send(
            s,
            agent,
            new Coap(Coap.CON, Coap.GET, mid++, token(r)).option(Coap.URI_PATH, "health"));
        send(
            s,
            agent,
            new Coap(Coap.CON, Coap.POST, mid++, token(r)).option(Coap.URI_PATH, "reboot"));
        send(
            s,
            agent,
            rd(mid++, "x".repeat(300)).payload("{\"board\":".getBytes(StandardCharsets.UTF_8)));
        drain(s, responses);
      }
      // A body over the limit, block by block, until the gateway says 4.13 or the blocks run out.
      var s = sockets.get(0);
      s.setSoTimeout(500);
      boolean refused = false;
      for (int num = 0; num < 200 && !refused; num++) {
        send(s, agent, rd(mid++, "huge").block1(num, true, 2).payload(new byte[64]));
        String code = receive(s);
        responses.merge(code, 1, Integer::sum);
        refused = code.equals("4.13");
      }
      System.out.println("body over the limit refused with 4.13: " + refused);
      // Raw junk datagrams.
      s.setSoTimeout(5);
      for (int i = 0; i < 500; i++) {
        byte[] junk = new byte[1 + r.nextInt(1200)];
        r.nextBytes(junk);
        s.send(new DatagramPacket(junk, junk.length, agent));
      }
      for (var x : sockets) {
        drain(x, responses);
      }
      System.out.println("CoAP responses: " + responses);
      assertTrue(refused, "a 12 KiB block-wise registration was never refused with 4.13");
    } finally {
      sockets.forEach(DatagramSocket::close);
    }
  }

  private static Coap rd(int mid, String ep) {
    return new Coap(
            Coap.CON, Coap.POST, mid & 0xFFFF, new byte[] {(byte) mid, (byte) (mid >> 8), 7, 9})
        .option(Coap.URI_PATH, "rd")
        .option(Coap.URI_QUERY, "ep=" + ep)
        .option(Coap.URI_QUERY, "lt=60");
  }

  private static byte[] token(Random r) {
    byte[] t = new byte[8];
    r.nextBytes(t);
    return t;
  }

  private static void send(DatagramSocket s, InetSocketAddress to, Coap m) throws Exception {
    byte[] b = m.encode();
    s.send(new DatagramPacket(b, b.length, to));
  }

  private static String receive(DatagramSocket s) throws Exception {
    byte[] buf = new byte[2048];
    var p = new DatagramPacket(buf, buf.length);
    try {
      s.receive(p);
    } catch (SocketTimeoutException e) {
      return "none";
    }
    int code = buf[1] & 0xFF;
    return (code >> 5) + "." + String.format("%02d", code & 0x1F);
  }

  private static void drain(DatagramSocket s, Map<String, Integer> responses) throws Exception {
    for (int i = 0; i < 1000; i++) {
      String code = receive(s);
      if (code.equals("none")) {
        return;
      }
      responses.merge(code, 1, Integer::sum);
    }
  }
}
