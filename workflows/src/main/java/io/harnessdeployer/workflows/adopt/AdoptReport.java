package io.harnessdeployer.workflows.adopt;

import java.util.List;

/** The plan, or what the apply did: one finding per resource, in the topology's order. */
public record AdoptReport(String deployment, AdoptStatus status, List<AdoptFinding> resources, List<String> notes) {}
