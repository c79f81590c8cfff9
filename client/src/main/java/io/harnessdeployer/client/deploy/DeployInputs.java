package io.harnessdeployer.client.deploy;

import io.harnessdeployer.workflows.deploy.DeployRequest;

/**
 * A validated deploy, ready to start: the workflow's request (credentials sealed) plus what only
 * the CLI uses.
 *
 * @param profile AWS profile for the CLI's own AWS calls; null for the default chain
 * @param endpointUrl AWS endpoint override for the CLI's own AWS calls; null for AWS
 */
public record DeployInputs(
    DeployRequest request, String profile, String endpointUrl, String sealKeyId) {}
