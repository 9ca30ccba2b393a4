package io.edgeconf.bench;

import io.edgeconf.bridge.descriptor.DescriptorCodec;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.image.ConfigImage;
import io.edgeconf.bridge.image.FirmwareBinding;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.image.PayloadCodec;
import io.edgeconf.bridge.schema.FieldSpec;
import io.edgeconf.bridge.schema.FieldType;
import io.edgeconf.bridge.schema.PolicySchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-board hot path outside the sandbox: descriptor encoding (host to module), image
 * verification (what the simulator's firmware and the plan diff do) and payload decoding.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ImageCodecBenchmark {
  private PolicySchema schema;
  private FirmwareBinding binding;
  private DeviceAttributes device;
  private byte[] image;
  private byte[] payload;

  @Setup
  public void setUp() {
    schema =
        new PolicySchema(
            "greenhouse",
            List.of(
                FieldSpec.ranged("sample_interval", FieldType.DURATION, 100, 3_600_000),
                FieldSpec.ranged("report_every", FieldType.U16, 1, 1000),
                FieldSpec.ranged("temp_high_c", FieldType.I16, -40, 125),
                FieldSpec.ranged("temp_low_c", FieldType.I16, -40, 125),
                FieldSpec.ranged("humidity_max", FieldType.U8, 0, 100),
                FieldSpec.bool("led"),
                FieldSpec.enumeration("mode", List.of("eco", "normal", "boost")),
                FieldSpec.text("label", 16)));
    binding = FirmwareBinding.of(schema);
    device =
        new DeviceAttributes(
            "nrf52840",
            "gh-nrf-07",
            "south",
            "1.4.2",
            List.of("heater"),
            Map.of("room", "east-2"),
            Map.of("floor", 3L));
    payload =
        PayloadCodec.encode(schema, List.of(10_000L, 12L, 35L, 10L, 80L, true, "eco", "east-2"));
    image = ImageCodec.encode(new ConfigImage(schema.policyId(), 7, schema.schemaHash(), payload));
  }

  @Benchmark
  public byte[] encodeDescriptor() {
    return DescriptorCodec.encode(device);
  }

  @Benchmark
  public ConfigImage verifyImage() {
    return ImageCodec.verify(image, 1024, binding);
  }

  @Benchmark
  public Map<String, Object> decodePayload() {
    return PayloadCodec.decode(schema, payload);
  }
}
