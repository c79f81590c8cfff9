package io.harnessdeployer.worker.destroy;

/** A resource as the emulator's control API names it, e.g. {@code iam role zscaler-mcp-...}. */
record CloudResource(String service, String type, String name) implements Comparable<CloudResource> {
  @Override
  public int compareTo(CloudResource o) {
    return toString().compareTo(o.toString());
  }

  @Override
  public String toString() {
    return service + " " + type + " " + name;
  }
}
