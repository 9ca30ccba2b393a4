package io.edgeconf.cli;

import io.edgeconf.sim.BrokerAccess;
import io.edgeconf.sim.Durations;
import io.edgeconf.sim.FaultSpec;
import io.edgeconf.sim.FaultSpecException;
import io.edgeconf.sim.FirmwareModuleException;
import io.edgeconf.sim.Simulator;
import io.edgeconf.sim.SimulatorException;
import io.edgeconf.sim.SimulatorOptions;
import io.edgeconf.sim.TagFractions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.eclipse.paho.mqttv5.common.MqttException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code edgeconf sim}: runs simulated boards until interrupted (docs/simulator.md). On a terminal
 * it redraws a one-line summary every second; {@code --json} prints one JSON event per line.
 */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description = "Run simulated ESP32 and nRF52840 boards until Ctrl-C.")
final class SimCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** The broker of the ESP32-family boards and the control topics, its login and TLS files. */
  @Mixin BrokerOptions broker;

  @Option(
      names = "--gateway-coap",
      paramLabel = "HOST:PORT",
      description = "where nRF52840 boards register (POST /rd); none by default")
  String gatewayCoap;

  @Option(names = "--esp32", paramLabel = "N", defaultValue = "0", description = "ESP32 boards")
  int esp32;

  @Option(
      names = "--esp32s3",
      paramLabel = "N",
      defaultValue = "0",
      description = "ESP32-S3 boards")
  int esp32s3;

  @Option(
      names = "--esp32c3",
      paramLabel = "N",
      defaultValue = "0",
      description = "ESP32-C3 boards")
  int esp32c3;

  @Option(
      names = "--nrf52840",
      paramLabel = "N",
      defaultValue = "0",
      description = "nRF52840 boards")
  int nrf52840;

  @Option(
      names = "--id-prefix",
      paramLabel = "P",
      defaultValue = "sim",
      description = "device ids are P-BOARD-NNN (default: ${DEFAULT-VALUE})")
  String idPrefix;

  @Option(
      names = "--policy",
      paramLabel = "NAME",
      description = "the policy the boards' firmware names in hello (none by default)")
  String policy;

  @Option(
      names = "--firmware",
      paramLabel = "MODULE",
      description = "bind the boards to this module's policy id and schema hash from the start")
  Path firmware;

  @Option(
      names = "--psk-file",
      paramLabel = "FILE",
      description = "DTLS pre-shared keys of nRF52840 boards, one DEVICE-ID:HEXKEY per line")
  Path pskFile;

  @Option(
      names = "--zones",
      paramLabel = "a,b,c",
      split = ",",
      description = "zones, spread round-robin over the boards")
  List<String> zones = List.of();

  @Option(
      names = "--tags",
      paramLabel = "t:FRACTION,...",
      description = "tags and the share of boards that carry each, e.g. heater:0.25")
  String tags;

  @Option(
      names = "--health-interval",
      paramLabel = "DURATION",
      defaultValue = "2s",
      description = "time between health reports (default: ${DEFAULT-VALUE})")
  String healthInterval;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "keep flash slots here so they survive a restart")
  Path stateDir;

  @Option(
      names = "--faults",
      paramLabel = "SPEC",
      description = "faults at start: KIND[=PARAM][@TARGET],... (see docs/simulator.md)")
  String faults;

  @Option(names = "--json", description = "print one JSON event per line instead of a summary")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    quietLibraries();
    if (esp32 + esp32s3 + esp32c3 + nrf52840 <= 0) {
      err.println(
          "edgeconf sim: no boards (give --esp32 N, --esp32s3 N, --esp32c3 N or --nrf52840 N)");
      return ExitCodes.USAGE;
    }
    BrokerAccess access;
    try {
      // Every board is a client with the same login; the client id here is not used.
      access = BrokerAccess.of(broker.settings().forClient("edgeconf-sim").build());
    } catch (BrokerOptions.Unusable e) {
      err.println("edgeconf sim: " + e.getMessage());
      return e.exitCode();
    }
    SimulatorOptions options;
    try {
      SimulatorOptions.Builder b =
          SimulatorOptions.builder()
              .broker(access)
              .gatewayCoap(gatewayCoap)
              .boards("esp32", esp32)
              .boards("esp32s3", esp32s3)
              .boards("esp32c3", esp32c3)
              .boards("nrf52840", nrf52840)
              .idPrefix(idPrefix)
              .policy(policy)
              .zones(zones)
              .tags(TagFractions.parse(tags))
              .healthInterval(Durations.parse(healthInterval))
              .stateDir(stateDir)
              .faults(FaultSpec.parse(faults));
      if (firmware != null) {
        b.firmware(firmware);
      }
      if (pskFile != null) {
        b.pskFile(pskFile);
      }
      options = b.build();
    } catch (FaultSpecException | IllegalArgumentException e) {
      err.println("edgeconf sim: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (io.edgeconf.bridge.transport.TransportConfigException | FirmwareModuleException e) {
      err.println("edgeconf sim: " + e.getMessage());
      return e.getCause() instanceof IOException ? ExitCodes.CANNOT_RUN : ExitCodes.REFUSED;
    }
    SimSummary summary = new SimSummary(out, json);
    Simulator sim;
    try {
      sim = Simulator.start(options, List.of(summary));
    } catch (SimulatorException e) {
      // A failed connection reads as in the management commands, with the option to check.
      err.println(
          "edgeconf sim: "
              + (e.getCause() instanceof MqttException m ? broker.failure(m) : e.getMessage()));
      return ExitCodes.CANNOT_RUN;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  summary.stop();
                  sim.close();
                  stopped.countDown();
                },
                "sim-shutdown"));
    summary.run(sim, System.console() != null);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ExitCodes.DONE;
  }

  /** Californium logs every endpoint start at INFO; 1000 boards would flood the terminal. */
  private static void quietLibraries() {
    if (System.getProperty("org.slf4j.simpleLogger.log.org.eclipse.californium") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.californium", "warn");
    }
  }
}
