package io.harnessdeployer.worker.deploy;

/** One resource the emulator holds, as its control API names it; compared by value in sets. */
record CloudResource(String service, String type, String name) {
  @Override
  public String toString() {
    return service + "/" + type + "/" + name;
  }
}
