package io.harnessdeployer.emulator.runtime;

import java.util.Map;

/** A live resource as the control API lists it. */
public record ResourceView(
    String service, String type, String name, String arn, String status, Map<String, String> tags) {}
