package io.harnessdeployer.emulator.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every shipped model, indexed the way requests identify their service. Only each model's metadata
 * is read up front (it is the first key of the file); shapes load on first use, or from
 * {@link #preload()} in the background, so the emulator starts fast.
 */
public final class ServiceCatalog {
  /** Routing metadata of one model. {@code signingName} falls back to the endpoint prefix. */
  public record Metadata(String id, String protocol, String targetPrefix, String signingName, String endpointPrefix) {}

  private final Map<String, Metadata> metadata = new LinkedHashMap<>();
  private final Map<String, ServiceModel> loaded = new ConcurrentHashMap<>();

  private ServiceCatalog(Collection<Metadata> services) {
    services.forEach(m -> metadata.put(m.id(), m));
  }

  /** The catalog of every model in {@link ModelLoader#SERVICES}. */
  public static ServiceCatalog create() {
    return new ServiceCatalog(ModelLoader.SERVICES.stream().map(ServiceCatalog::readMetadata).toList());
  }

  /** Every model, fully loaded now. */
  public static ServiceCatalog loadAll() {
    ServiceCatalog c = create();
    c.preload();
    return c;
  }

  /** Loads every model's shapes (call from a background thread). */
  public void preload() {
    metadata.keySet().forEach(this::model);
  }

  public Optional<ServiceModel> byId(String id) {
    return metadata.containsKey(id) ? Optional.of(model(id)) : Optional.empty();
  }

  public Optional<ServiceModel> byTargetPrefix(String prefix) {
    return metadata.values().stream().filter(m -> prefix.equals(m.targetPrefix())).findFirst().map(m -> model(m.id()));
  }

  /** Models whose SigV4 signing name (or, failing that, endpoint prefix) is {@code name}. */
  public List<ServiceModel> bySigningName(String name) {
    return metadata.values().stream()
        .filter(m -> name.equals(m.signingName()) || name.equals(m.endpointPrefix()))
        .map(m -> model(m.id()))
        .toList();
  }

  /** Models speaking {@code protocol} ({@code query}, {@code json}, {@code rest-json}). */
  public List<ServiceModel> byProtocol(String protocol) {
    return metadata.values().stream().filter(m -> protocol.equals(m.protocol())).map(m -> model(m.id())).toList();
  }

  public List<ServiceModel> all() {
    return metadata.keySet().stream().map(this::model).toList();
  }

  private ServiceModel model(String id) {
    return loaded.computeIfAbsent(id, ModelLoader::load);
  }

  private static Metadata readMetadata(String id) {
    try (InputStream in = ServiceCatalog.class.getResourceAsStream("/models/" + id + ".json");
        JsonParser p = new JsonFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a model: " + id);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.getCurrentName();
        p.nextToken();
        if (field.equals("metadata")) {
          JsonNode md = new ObjectMapper().readTree(p);
          String endpointPrefix = text(md, "endpointPrefix");
          String signing = text(md, "signingName");
          return new Metadata(id, text(md, "protocol"), text(md, "targetPrefix"),
              signing != null ? signing : endpointPrefix, endpointPrefix);
        }
        p.skipChildren();
      }
      throw new IOException("model has no metadata: " + id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }
}
