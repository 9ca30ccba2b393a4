package io.edgeconf.cli;

import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import io.edgeconf.agent.sandbox.ModuleProgram;
import io.edgeconf.agent.sandbox.RenderOutcome;
import io.edgeconf.agent.sandbox.Sandbox;
import io.edgeconf.agent.sandbox.SandboxLimits;
import io.edgeconf.bridge.descriptor.DescriptorException;
import io.edgeconf.bridge.descriptor.DeviceSpec;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.image.PayloadCodec;
import io.edgeconf.bridge.module.ModuleMetadata;
import io.edgeconf.bridge.module.WasmSections;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code edgeconf render}: runs a module in the agent's sandbox for one device. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = "Run a module in the sandbox for one device.")
final class RenderCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODULE", description = "the config module")
  Path module;

  @Option(
      names = "--device",
      required = true,
      paramLabel = "SPEC",
      description =
          "board=esp32,id=gh-1,zone=north,fw=1.4.2,tag=heater,attr.room=east-2,num.floor=3")
  String device;

  @Option(names = "--hex", description = "print the image as hex (the default)")
  boolean hex;

  @Option(names = "--json", description = "decode the image into field values")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(module);
    } catch (IOException e) {
      err.println("edgeconf render: cannot read " + module + ": " + e.getMessage());
      return ExitCodes.CANNOT_RUN;
    }
    var workers = Executors.newCachedThreadPool();
    try {
      var attrs = DeviceSpec.parse(device);
      var program = ModuleProgram.interpreted(Parser.parse(bytes), SandboxLimits.DEFAULT);
      RenderOutcome outcome = new Sandbox(workers, SandboxLimits.DEFAULT).render(program, attrs);
      if (!(outcome instanceof RenderOutcome.Rendered r) || !r.checked()) {
        err.println("edgeconf render: " + outcome.describe());
        return ExitCodes.REFUSED;
      }
      byte[] image = r.image();
      if (!json) {
        out.println(HexFormat.of().formatHex(image));
        return ExitCodes.DONE;
      }
      var meta =
          ModuleMetadata.parse(
              WasmSections.parse(bytes)
                  .customContent(ModuleMetadata.SECTION)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException("the module has no edgeconf.meta section")));
      var decoded = ImageCodec.decode(image);
      var doc = ManagementClient.MAPPER.createObjectNode();
      doc.put("device", attrs.id()).put("policy", meta.policy()).put("version", decoded.version());
      doc.put("size", image.length)
          .put("crc", io.edgeconf.bridge.image.Crc32c.hex(ImageCodec.crcOf(image)));
      doc.set(
          "fields",
          ManagementClient.MAPPER.valueToTree(
              PayloadCodec.decode(meta.policySchema(), decoded.payload())));
      out.println(doc.toPrettyString());
      return ExitCodes.DONE;
    } catch (DescriptorException e) {
      err.println("edgeconf render: --device: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (ChicoryException | IllegalArgumentException e) {
      err.println("edgeconf render: " + e.getMessage());
      return ExitCodes.REFUSED;
    } finally {
      workers.shutdownNow();
    }
  }
}
