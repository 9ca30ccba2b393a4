package io.edgeconf.bridge.transport.internal;

import io.edgeconf.bridge.transport.PushResult;
import io.edgeconf.bridge.transport.PushStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/** One push awaiting its ack: completes once, cancelling its deadline timer. */
public final class PendingPush {
  private final String deviceId;
  private final ImageInfo image;
  private final CompletableFuture<PushResult> future = new CompletableFuture<>();
  private volatile ScheduledFuture<?> deadlineTimer;

  public PendingPush(String deviceId, ImageInfo image) {
    this.deviceId = deviceId;
    this.image = image;
  }

  public String deviceId() {
    return deviceId;
  }

  public ImageInfo image() {
    return image;
  }

  public CompletableFuture<PushResult> future() {
    return future;
  }

  public boolean done() {
    return future.isDone();
  }

  public void deadlineTimer(ScheduledFuture<?> timer) {
    this.deadlineTimer = timer;
  }

  /** Completes with this result unless already complete; true if this call completed it. */
  public boolean complete(PushResult result) {
    boolean completed = future.complete(result);
    ScheduledFuture<?> timer = deadlineTimer;
    if (completed && timer != null) {
      timer.cancel(false);
    }
    return completed;
  }

  /** Completes with a result without a reason. */
  public boolean complete(PushStatus status, String detail) {
    return complete(PushResult.of(deviceId, status, image.version(), image.crc(), detail));
  }

  public boolean fail(Throwable failure) {
    boolean completed = future.completeExceptionally(failure);
    ScheduledFuture<?> timer = deadlineTimer;
    if (completed && timer != null) {
      timer.cancel(false);
    }
    return completed;
  }
}
