package io.edgeconf.agent.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeconf.agent.AgentException;
import io.edgeconf.agent.ErrorCode;
import io.edgeconf.agent.policy.DeployAccepted;
import io.edgeconf.agent.policy.PolicyService;
import io.edgeconf.bridge.descriptor.DeviceId;
import io.edgeconf.bridge.transport.BoardTransport;
import io.edgeconf.bridge.transport.RebootResult;
import io.edgeconf.hardware.GatewayHardware;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one management command and returns its JSON answer: {@code {"ok":true,...}} or {@code
 * {"ok":false,"error":{"code","message"}}}. Never throws: every failure becomes an error answer
 * with a stable code. Transport-free (the MQTT side is {@link ManagementApi}). Thread-safe.
 */
public final class CommandRouter {
  private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);

  /** Largest JSON command payload (the module verbs have the vetting size limit). */
  public static final int MAX_JSON_BYTES = 64 * 1024;

  private final PolicyService service;
  private final Documents documents;
  private final BoardTransport transport;
  private final Optional<GatewayHardware> hardware;
  private final int maxModuleBytes;

  /**
   * @param hardware the gateway's hardware: {@code reboot-device} pulses the reset line of a wired
   *     board
   */
  public CommandRouter(
      PolicyService service,
      Documents documents,
      BoardTransport transport,
      Optional<GatewayHardware> hardware,
      int maxModuleBytes) {
    this.service = service;
    this.documents = documents;
    this.transport = transport;
    this.hardware = hardware;
    this.maxModuleBytes = maxModuleBytes;
  }

  /** Carries out a command; {@code source} names where it came from, for logs and events. */
  public ObjectNode handle(String verb, byte[] payload, String source) {
    try {
      return switch (verb) {
        case "deploy" -> deploy(module(payload), source);
        case "plan" -> ok().setAll(service.plan(module(payload)));
        case "rollback" -> rollback(json(payload));
        case "status" -> {
          json(payload);
          yield ok().setAll(documents.status());
        }
        case "devices" -> {
          json(payload);
          ObjectNode a = ok();
          ArrayNode list = a.putArray("devices");
          service.devices().all().forEach(d -> list.add(documents.device(d)));
          yield a;
        }
        case "history" -> {
          json(payload);
          yield ok().setAll(documents.history());
        }
        case "reboot-device" -> reboot(json(payload));
        default ->
            throw new AgentException(
                ErrorCode.NOT_FOUND,
                "unknown verb '"
                    + verb
                    + "' (deploy, plan, rollback, status, devices, history,"
                    + " reboot-device)");
      };
    } catch (AgentException e) {
      return error(e.code(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error(ErrorCode.INTERNAL, "the agent is shutting down");
    } catch (RuntimeException e) {
      log.error("command {} from {} failed", verb, source, e);
      return error(ErrorCode.INTERNAL, "internal error: " + e);
    }
  }

  /** The answer deploy gives (also used by the inbox). */
  public static ObjectNode accepted(DeployAccepted a) {
    return ok().put("rollout", a.rolloutId())
        .put("policy", a.policy())
        .put("version", a.version())
        .put("sha256", a.sha256())
        .put("devices", a.devices())
        .put("signed", a.signed());
  }

  private ObjectNode deploy(byte[] module, String source) throws InterruptedException {
    return accepted(service.deploy(module, source));
  }

  private ObjectNode rollback(JsonNode body) throws InterruptedException {
    JsonNode policy = body.get("policy");
    if (policy == null || !policy.isTextual() || policy.textValue().isEmpty()) {
      throw new AgentException(ErrorCode.MALFORMED, "rollback needs {\"policy\": \"NAME\"}");
    }
    JsonNode v = body.get("version");
    OptionalLong version = OptionalLong.empty();
    if (v != null && !v.isNull()) {
      if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 1) {
        throw new AgentException(ErrorCode.MALFORMED, "'version' must be a positive integer");
      }
      version = OptionalLong.of(v.longValue());
    }
    return accepted(service.rollback(policy.textValue(), version));
  }

  private ObjectNode reboot(JsonNode body) throws InterruptedException {
    JsonNode id = body.get("id");
    if (id == null || !id.isTextual() || !DeviceId.isValid(id.textValue())) {
      throw new AgentException(ErrorCode.MALFORMED, "reboot-device needs {\"id\": \"DEVICE\"}");
    }
    String device = id.textValue();
    if (service.devices().get(device).isEmpty()) {
      throw new AgentException(ErrorCode.UNKNOWN_DEVICE, "no known device '" + device + "'");
    }
    if (hardware.isPresent() && hardware.get().hasResetLine(device)) {
      try {
        hardware.get().pulseReset(device).get(15, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw new AgentException(ErrorCode.INTERNAL, "reset of " + device + " failed: " + e);
      }
      log.info("device {} rebooted through its reset line", device);
      return ok().put("id", device).put("rebooted", true).put("via", "reset_line");
    }
    RebootResult r;
    try {
      r =
          transport
              .reboot(device, Duration.ofSeconds(10))
              .toCompletableFuture()
              .get(15, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new AgentException(ErrorCode.INTERNAL, "reboot of " + device + " failed: " + e);
    }
    if (r.status() != RebootResult.Status.DONE) {
      throw new AgentException(
          ErrorCode.INTERNAL,
          "reboot of "
              + device
              + ": "
              + r.status().name().toLowerCase(java.util.Locale.ROOT)
              + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")"));
    }
    return ok().put("id", device).put("rebooted", true).put("via", "transport");
  }

  private byte[] module(byte[] payload) {
    if (payload == null || payload.length == 0) {
      throw new AgentException(ErrorCode.MALFORMED, "the payload must be a config module");
    }
    if (payload.length > maxModuleBytes) {
      throw new AgentException(
          ErrorCode.TOO_LARGE,
          "the module has " + payload.length + " bytes; the limit is " + maxModuleBytes);
    }
    return payload;
  }

  private static JsonNode json(byte[] payload) {
    if (payload == null || payload.length == 0) {
      return Documents.MAPPER.createObjectNode();
    }
    if (payload.length > MAX_JSON_BYTES) {
      throw new AgentException(
          ErrorCode.TOO_LARGE,
          "the command has " + payload.length + " bytes; the limit is " + MAX_JSON_BYTES);
    }
    JsonNode node;
    try {
      node = Documents.MAPPER.readTree(payload);
    } catch (JacksonException e) {
      throw new AgentException(ErrorCode.MALFORMED, "not JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new AgentException(ErrorCode.MALFORMED, "unreadable: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new AgentException(ErrorCode.MALFORMED, "the command must be a JSON object");
    }
    return node;
  }

  static ObjectNode ok() {
    return Documents.MAPPER.createObjectNode().put("ok", true);
  }

  /** An error answer. */
  public static ObjectNode error(ErrorCode code, String message) {
    ObjectNode a = Documents.MAPPER.createObjectNode().put("ok", false);
    a.putObject("error").put("code", code.wireName()).put("message", message);
    return a;
  }
}
