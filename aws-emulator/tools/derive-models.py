#!/usr/bin/env python3
"""Derive the emulator's compact, shapes-only service models from the official AWS models.

Keeps only the operations we serve and the shapes they reach, and drops all documentation text.
Usage: derive-models.py <dir with *.service-2.json> <output dir>
"""
import json
import sys
from pathlib import Path

OPERATIONS = {
    "sts": ["GetCallerIdentity", "AssumeRole"],
    "iam": ["GetRole", "CreateRole", "DeleteRole", "UpdateAssumeRolePolicy", "PutRolePolicy",
            "GetRolePolicy", "DeleteRolePolicy", "ListRolePolicies", "AttachRolePolicy",
            "DetachRolePolicy", "ListAttachedRolePolicies", "TagRole", "UntagRole", "ListRoleTags",
            "ListRoles"],
    "ecs": ["DescribeClusters", "CreateCluster", "DeleteCluster", "ListServices", "ListClusters",
            "CreateExpressGatewayService", "DescribeExpressGatewayService",
            "UpdateExpressGatewayService", "DeleteExpressGatewayService", "ListTaskDefinitions",
            "DescribeTaskDefinition", "DeregisterTaskDefinition", "DeleteTaskDefinitions",
            "TagResource", "UntagResource", "ListTagsForResource"],
    "logs": ["CreateLogGroup", "DeleteLogGroup", "DescribeLogGroups", "PutRetentionPolicy",
             "FilterLogEvents", "GetLogEvents", "CreateLogStream", "PutLogEvents",
             "DescribeLogStreams", "TagResource", "UntagResource", "ListTagsForResource"],
    "secretsmanager": ["CreateSecret", "DescribeSecret", "GetSecretValue", "PutSecretValue",
                       "DeleteSecret", "RestoreSecret", "ListSecrets", "TagResource",
                       "UntagResource"],
    "ecr": ["DescribeImages", "BatchGetImage", "CreateRepository", "DescribeRepositories",
            "DeleteRepository", "PutImage"],
    "cognito-idp": ["ListUserPools", "CreateUserPool", "DescribeUserPool", "DeleteUserPool",
                    "DescribeResourceServer", "CreateResourceServer", "DeleteResourceServer",
                    "ListResourceServers", "ListUserPoolClients", "DescribeUserPoolClient",
                    "CreateUserPoolClient", "DeleteUserPoolClient", "DescribeUserPoolDomain",
                    "CreateUserPoolDomain", "DeleteUserPoolDomain", "ListTagsForResource",
                    "TagResource", "UntagResource"],
    "bedrock-agentcore-control": [
        "CreateApiKeyCredentialProvider", "GetApiKeyCredentialProvider",
        "UpdateApiKeyCredentialProvider", "DeleteApiKeyCredentialProvider",
        "ListApiKeyCredentialProviders",
        "CreateOauth2CredentialProvider", "GetOauth2CredentialProvider",
        "UpdateOauth2CredentialProvider", "DeleteOauth2CredentialProvider",
        "ListOauth2CredentialProviders",
        "CreateAgentRuntime", "GetAgentRuntime", "UpdateAgentRuntime", "DeleteAgentRuntime",
        "ListAgentRuntimes",
        "CreateGateway", "GetGateway", "UpdateGateway", "DeleteGateway", "ListGateways",
        "CreateGatewayTarget", "GetGatewayTarget", "UpdateGatewayTarget", "DeleteGatewayTarget",
        "ListGatewayTargets",
        "CreateHarness", "GetHarness", "UpdateHarness", "DeleteHarness", "ListHarnesses",
        "TagResource", "UntagResource", "ListTagsForResource"],
    "bedrock-agentcore": ["InvokeHarness"],
}

METADATA_KEYS = ["protocol", "jsonVersion", "targetPrefix", "signingName", "endpointPrefix",
                 "apiVersion", "xmlNamespace", "serviceId", "globalEndpoint"]
DROPPED_KEYS = {"documentation", "documentationUrl", "deprecated", "deprecatedMessage",
                "examples", "authtype", "auth", "staticContextParams", "contextParams",
                "endpointdiscovery", "requestcompression", "httpChecksum", "unsignedPayload"}


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k not in DROPPED_KEYS}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def reachable(shapes, roots):
    seen, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        shape = shapes[name]
        for ref in list(shape.get("members", {}).values()) + [
                shape.get(k) for k in ("member", "key", "value") if shape.get(k)]:
            todo.append(ref["shape"])
    return seen


def derive(model, ops):
    md = model["metadata"]
    missing = [o for o in ops if o not in model["operations"]]
    if missing:
        raise SystemExit(f"{md['serviceId']}: not in model: {missing}")
    out_ops, roots = {}, []
    for name in ops:
        op = strip(model["operations"][name])
        out_ops[name] = op
        for key in ("input", "output"):
            if key in op:
                roots.append(op[key]["shape"])
        roots += [e["shape"] for e in op.get("errors", [])]
    shapes = model["shapes"]
    keep = reachable(shapes, roots)
    return {
        "metadata": {k: md[k] for k in METADATA_KEYS if k in md},
        "operations": out_ops,
        "shapes": {n: strip(shapes[n]) for n in sorted(keep)},
    }


def main(src, dst):
    dst.mkdir(parents=True, exist_ok=True)
    for service, ops in OPERATIONS.items():
        model = json.loads((src / f"{service}.service-2.json").read_text())
        compact = derive(model, ops)
        (dst / f"{service}.json").write_text(json.dumps(compact, indent=1, sort_keys=True) + "\n")
        print(f"{service}: {len(compact['operations'])} operations, {len(compact['shapes'])} shapes")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
