package io.harnessdeployer.client.commands;

import io.harnessdeployer.client.commands.StatusCommand.Status;
import io.harnessdeployer.client.live.GatewayState;
import io.harnessdeployer.client.live.HarnessState;
import io.harnessdeployer.client.live.LiveAws;
import io.harnessdeployer.client.live.RuntimeState;
import io.harnessdeployer.client.live.ServiceState;
import io.harnessdeployer.workflows.topology.GatewayTopology;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** {@code status}'s AWS clients: set up in the background, opened again when that failed, closed once. */
final class LiveClients implements AutoCloseable {
  /** The resources {@code status} looks up in AWS. */
  record Ids(String harnessId, String serviceArn, String runtimeId, String gatewayId, String targetId) {
    static Ids of(Status s) {
      return new Ids(s.summary() != null ? s.summary().harnessId() : StatusCommand.idOf(s, "harness"),
          s.summary() != null ? s.summary().serviceArn() : StatusCommand.idOf(s, "service"),
          DeployReports.lastSegment(StatusCommand.idOf(s, GatewayTopology.RUNTIME)),
          DeployReports.lastSegment(StatusCommand.idOf(s, GatewayTopology.GATEWAY)),
          StatusCommand.idOf(s, GatewayTopology.GATEWAY_TARGET));
    }

    boolean none() {
      return harnessId == null && serviceArn == null && runtimeId == null && gatewayId == null;
    }
  }

  /** What AWS said about {@code ids}. */
  record Found(Ids ids, HarnessState harness, ServiceState service, RuntimeState runtime, GatewayState gateway) {}

  private final CompletableFuture<LiveAws> warm;
  private final Supplier<LiveAws> opener;
  private final String region;
  private LiveAws opened;

  LiveClients(CompletableFuture<LiveAws> warm, Supplier<LiveAws> opener, String region) {
    this.warm = warm;
    this.opener = opener;
    this.region = region;
  }

  Found lookUp(Ids ids) {
    LiveAws live = clients();
    return new Found(ids, live.harness(region, ids.harnessId()), live.service(region, ids.serviceArn()),
        live.runtime(region, ids.runtimeId()), live.gateway(region, ids.gatewayId(), ids.targetId()));
  }

  /** The warmed clients; when their set-up failed, a second try here reports it as before. */
  private synchronized LiveAws clients() {
    try {
      return warm.join();
    } catch (CompletionException e) {
      if (opened == null) {
        opened = opener.get();
      }
      return opened;
    }
  }

  @Override
  public synchronized void close() {
    warm.thenAccept(LiveAws::close);
    if (opened != null) {
      opened.close();
    }
  }
}
