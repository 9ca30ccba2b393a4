package io.edgeconf.agent.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeconf.agent.AgentException;
import io.edgeconf.agent.ErrorCode;
import io.edgeconf.agent.api.CommandRouter;
import io.edgeconf.agent.policy.PolicyService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the inbox directory: a module file dropped there is vetted and deployed like an MQTT
 * {@code deploy}. The result is written beside it as {@code NAME.result.json} and the module moved
 * to {@code accepted/} or {@code rejected/}.
 *
 * <p>A file counts as complete once its size and modification time are the same on two scans in a
 * row (so a file written in place is taken after it is closed; one renamed in is taken at the next
 * scan). Hidden files and names ending in {@code .tmp}, {@code .part} or {@code .result.json} are
 * ignored. A deploy refused as {@code busy} is retried at later scans. Scans run on the injected
 * scheduler, one at a time.
 */
public final class InboxWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);
  private static final String RESULT = ".result.json";

  private final Path inbox;
  private final PolicyService service;
  private final int maxModuleBytes;
  private final Map<Path, String> lastSeen = new HashMap<>();
  private ScheduledFuture<?> task;

  public InboxWatcher(Path inbox, PolicyService service, int maxModuleBytes) {
    this.inbox = inbox;
    this.service = service;
    this.maxModuleBytes = maxModuleBytes;
  }

  /** Creates the directories and starts scanning. */
  public void start(ScheduledExecutorService scheduler, long periodMillis) throws IOException {
    Files.createDirectories(inbox.resolve("accepted"));
    Files.createDirectories(inbox.resolve("rejected"));
    task =
        scheduler.scheduleWithFixedDelay(this::scanSafely, 0, periodMillis, TimeUnit.MILLISECONDS);
  }

  private void scanSafely() {
    try {
      scan();
    } catch (IOException | RuntimeException e) {
      log.warn("inbox {}: {}", inbox, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One scan (tests call it directly). */
  public synchronized void scan() throws IOException, InterruptedException {
    Map<Path, String> now = new HashMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(inbox)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)
            || name.startsWith(".")
            || name.endsWith(".tmp")
            || name.endsWith(".part")
            || name.endsWith(RESULT)) {
          continue;
        }
        FileTime modified = Files.getLastModifiedTime(file);
        String stamp = Files.size(file) + "@" + modified.toMillis();
        now.put(file, stamp);
        if (stamp.equals(lastSeen.get(file))) {
          if (take(file)) {
            now.remove(file);
          }
        }
      }
    }
    lastSeen.clear();
    lastSeen.putAll(now);
  }

  /** Deploys one file; returns false when it must wait (busy). */
  private boolean take(Path file) throws IOException, InterruptedException {
    String name = file.getFileName().toString();
    ObjectNode answer;
    boolean accepted;
    long size = Files.size(file);
    try {
      if (size > maxModuleBytes) {
        throw new AgentException(
            ErrorCode.TOO_LARGE,
            "the module has " + size + " bytes; the limit is " + maxModuleBytes);
      }
      answer = CommandRouter.accepted(service.deploy(Files.readAllBytes(file), "inbox:" + name));
      accepted = true;
    } catch (AgentException e) {
      if (e.code() == ErrorCode.BUSY) {
        return false;
      }
      answer = CommandRouter.error(e.code(), e.getMessage());
      accepted = false;
    }
    answer.put("file", name);
    Path result = inbox.resolve(name + RESULT);
    Path tmp = inbox.resolve("." + name + RESULT + ".tmp");
    Files.writeString(tmp, answer.toPrettyString() + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, result, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Path target = inbox.resolve(accepted ? "accepted" : "rejected").resolve(name);
    Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
    log.info("inbox: {} {}", name, accepted ? "deployed" : "rejected: " + answer.path("error"));
    return true;
  }

  @Override
  public void close() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
