package io.harnessdeployer.emulator.runtime;

import io.harnessdeployer.emulator.control.ControlApi;
import io.harnessdeployer.emulator.control.Faults;
import io.harnessdeployer.emulator.control.RequestLog;
import io.harnessdeployer.emulator.model.ServiceCatalog;
import io.harnessdeployer.emulator.services.DefaultServices;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local AWS cloud: models, handlers and the HTTP server on one port. Embed it in tests
 * ({@code try (var aws = Emulator.builder().port(0).build().start()) { ... aws.endpoint() ... }}) or
 * run it with {@code EmulatorMain}.
 */
public final class Emulator implements AutoCloseable {
  private final EmulatorSettings settings;
  private final String host;
  private final int requestedPort;
  private final Map<String, ServiceHandler> handlers;
  private final List<EndpointHost> endpointHosts;
  private final RequestLog requests = new RequestLog();
  private final Faults faults = new Faults();
  private EmulatorServer server;

  private Emulator(Builder b) {
    this.settings = b.settings;
    this.host = b.host;
    this.requestedPort = b.port;
    this.handlers = new LinkedHashMap<>();
    List<ServiceHandler> all = new ArrayList<>(b.defaults ? DefaultServices.create(b.settings) : List.of());
    all.addAll(b.handlers);
    all.forEach(h -> handlers.put(h.service(), h));
    this.endpointHosts = new ArrayList<>(b.endpointHosts);
    handlers.values().stream().filter(h -> h instanceof EndpointHost).map(h -> (EndpointHost) h).forEach(endpointHosts::add);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Loads the models and starts listening; returns this. */
  public synchronized Emulator start() {
    if (server != null) return this;
    ServiceCatalog catalog = ServiceCatalog.create();
    ServiceRouter router = new ServiceRouter(catalog, () -> endpointHosts, settings.defaultRegion());
    Dispatcher dispatcher = new Dispatcher(settings, handlers::get, faults, requests);
    ControlApi control = new ControlApi(handlers::values, requests, faults);
    server = new EmulatorServer(host, requestedPort, router, dispatcher, control);
    server.start();
    Thread preload = new Thread(catalog::preload, "aws-emulator-models");
    preload.setDaemon(true);
    preload.start();
    return this;
  }

  public int port() {
    if (server == null) throw new IllegalStateException("not started");
    return server.port();
  }

  /** {@code http://127.0.0.1:<port>}, for {@code endpointOverride}. */
  public URI endpoint() {
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
  }

  public EmulatorSettings settings() {
    return settings;
  }

  /** The handler registered for a service id, e.g. {@code "iam"}. */
  public Optional<ServiceHandler> handler(String service) {
    return Optional.ofNullable(handlers.get(service));
  }

  public Collection<ServiceHandler> handlers() {
    return handlers.values();
  }

  public RequestLog requests() {
    return requests;
  }

  public Faults faults() {
    return faults;
  }

  @Override
  public synchronized void close() {
    if (server != null) server.stop();
    server = null;
  }

  public static final class Builder {
    private EmulatorSettings settings = EmulatorSettings.defaults();
    private String host = "127.0.0.1";
    private int port = 0;
    private boolean defaults = true;
    private final List<ServiceHandler> handlers = new ArrayList<>();
    private final List<EndpointHost> endpointHosts = new ArrayList<>();

    public Builder settings(EmulatorSettings s) {
      this.settings = s;
      return this;
    }

    public Builder host(String h) {
      this.host = h;
      return this;
    }

    /** 0 picks a free port. */
    public Builder port(int p) {
      this.port = p;
      return this;
    }

    /** Adds a handler; it replaces a default handler for the same service. */
    public Builder handler(ServiceHandler h) {
      handlers.add(h);
      return this;
    }

    /** Skip {@link DefaultServices}: only handlers added with {@link #handler} answer. */
    public Builder withoutDefaultServices() {
      this.defaults = false;
      return this;
    }

    public Builder endpointHost(EndpointHost h) {
      endpointHosts.add(h);
      return this;
    }

    public Emulator build() {
      return new Emulator(this);
    }
  }
}
