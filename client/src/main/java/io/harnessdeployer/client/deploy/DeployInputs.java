package io.harnessdeployer.client.deploy;

import io.harnessdeployer.workflows.deploy.DeployRequest;

/**
 * A validated deploy, ready to start: the workflow's request (credentials sealed) plus what only
 * the CLI uses.
 *
 * @param profile AWS profile for the CLI's own AWS calls; null for the default chain
 * @param endpointUrl AWS endpoint override for the CLI's own AWS calls; null for AWS
 * @param topologyGiven a flag, {@code .env} or the environment named the topology (else it is the
 *     prompt's answer or the default, which a command on an existing deployment may replace with the
 *     one it was deployed with)
 */
public record DeployInputs(
    DeployRequest request, String profile, String endpointUrl, String sealKeyId, boolean topologyGiven) {}
