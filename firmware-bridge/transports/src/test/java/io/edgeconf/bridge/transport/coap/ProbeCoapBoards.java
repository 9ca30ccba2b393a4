package io.edgeconf.bridge.transport.coap;

import io.edgeconf.bridge.transport.BoardTransport;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Scripted CoAP boards for {@code TransportLatencyProbe}, registered with its transport. */
public final class ProbeCoapBoards implements AutoCloseable {
  private final List<ScriptedCoapBoard> boards = new ArrayList<>();

  public ProbeCoapBoards(BoardTransport transport, int n) throws Exception {
    int port = ((CoapBoardTransport) transport).port();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < n; i++) {
      ScriptedCoapBoard b =
          new ScriptedCoapBoard(
              "pc-" + i + "-" + suffix,
              new InetSocketAddress("127.0.0.1", port),
              ScriptedCoapBoard.Options.plain().withLifetime(600));
      boards.add(b);
      b.announce();
    }
  }

  public List<String> ids() {
    return boards.stream().map(ScriptedCoapBoard::id).toList();
  }

  @Override
  public void close() {
    boards.forEach(ScriptedCoapBoard::close);
  }
}
