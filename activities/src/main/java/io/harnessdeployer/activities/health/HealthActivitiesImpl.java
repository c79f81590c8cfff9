package io.harnessdeployer.activities.health;

import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.activities.common.HttpGet;
import io.harnessdeployer.activities.common.Poller;
import io.harnessdeployer.activities.common.Poller.Check;
import io.harnessdeployer.activities.common.Polling;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.steps.HealthActivities;
import io.harnessdeployer.workflows.steps.HealthResult;
import io.harnessdeployer.workflows.steps.WaitSpec;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * GETs the deployed server's {@code /health} until it answers 200. With an endpoint override (the
 * local emulator) the request goes to {@code <override>/_emulator/endpoints/<host><path>}, the
 * emulator's route for clients that cannot set {@code Host}; the workflow still passes the real URL.
 */
public final class HealthActivitiesImpl implements HealthActivities {
  private final SdkHttpClient http;
  private final URI endpointOverride;
  private final Poller poller;

  /** @param endpointOverride null for the real internet, else the emulator's base URI */
  public HealthActivitiesImpl(SdkHttpClient http, URI endpointOverride, Polling polling) {
    this.http = http;
    this.endpointOverride = endpointOverride;
    this.poller = new Poller(polling);
  }

  @Override
  public HealthResult awaitHealthy(WaitSpec wait) {
    String url = wait.id();
    URI target = target(URI.create(url));
    return poller.await(wait, "GET " + url, FailureTypes.UNHEALTHY, poll -> {
      try {
        HttpGet.Response response = HttpGet.get(http, target, Map.of("Accept", "application/json"));
        if (response.status() == 200) {
          return Check.done(new HealthResult(url, 200, poll));
        }
        return Check.pending("HTTP " + response.status());
      } catch (IOException | RuntimeException e) {
        return Check.pending(AwsFailures.classify("GET " + url, e).getOriginalMessage());
      }
    });
  }

  URI target(URI url) {
    if (endpointOverride == null) {
      return url;
    }
    String base = endpointOverride.toString().replaceAll("/+$", "");
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
    return URI.create(base + "/_emulator/endpoints/" + url.getHost() + path + query);
  }
}
