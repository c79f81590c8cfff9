#!/usr/bin/env python3
"""The emulator through boto3, configured only by the environment.

Clients are created WITHOUT endpoint_url: AWS_ENDPOINT_URL (plus dummy credentials and region) is
all boto3 gets, which is how any official SDK reaches the emulator unchanged.

    AWS_ENDPOINT_URL=http://127.0.0.1:4566 AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test \
    AWS_DEFAULT_REGION=us-east-1 python3 boto3_contract.py [section ...]

Sections: see SECTIONS; none given runs them all. One line per check; exit 1 on the first mismatch.

Clock: with EMULATOR_CLOCK_CONTROL=stdio the caller owns the emulator's clock. To let time pass the
script writes "@@advance <seconds>" on stdout and waits for "ok" on stdin, so lifecycles are checked
step by step and deterministically. Without it, waits poll in real time and transient states that a
fast latency profile may skip (DRAINING) are accepted together with the state that follows them.
"""
import os
import re
import sys
import time

import boto3
from botocore.exceptions import ClientError

ACCOUNT = os.environ.get("EXPECT_ACCOUNT", "123456789012")
REGION = os.environ.get("AWS_DEFAULT_REGION", "us-east-1")
CONTROLLED = os.environ.get("EMULATOR_CLOCK_CONTROL") == "stdio"
LONG_ENOUGH = 3600  # seconds: longer than any delay of any latency profile the caller may pick


class Mismatch(Exception):
    pass


def ok(service, what):
    print(f"ok   {service}: {what}", flush=True)


def check(service, what, actual, expected):
    if actual != expected:
        raise Mismatch(f"{service}: {what}: expected {expected!r}, got {actual!r}")
    ok(service, f"{what} = {actual!r}")


def check_match(service, what, actual, pattern):
    if not isinstance(actual, str) or not re.fullmatch(pattern, actual):
        raise Mismatch(f"{service}: {what}: {actual!r} does not match {pattern}")
    ok(service, f"{what} = {actual!r}")


def check_true(service, what, condition, detail=""):
    if not condition:
        raise Mismatch(f"{service}: {what} {detail}".rstrip())
    ok(service, what)


def fails(service, code, call, **kwargs):
    """Calls and expects the modelled error `code`; returns the ClientError."""
    try:
        call(**kwargs)
    except ClientError as e:
        actual = e.response["Error"]["Code"]
        if actual != code:
            raise Mismatch(f"{service}: {call.__name__} expected {code}, got {actual}: {e}") from e
        ok(service, f"{call.__name__} -> {code}")
        return e
    raise Mismatch(f"{service}: {call.__name__} expected {code}, but it succeeded")


def client(name):
    # Deliberately no endpoint_url: the environment must be enough.
    return boto3.client(name)


def advance(seconds):
    """Lets `seconds` of emulator time pass (controlled clock only)."""
    if not CONTROLLED:
        return
    print(f"@@advance {seconds}", flush=True)
    answer = sys.stdin.readline().strip()
    if answer != "ok":
        raise Mismatch(f"clock: caller answered {answer!r} to advance")


def settle(service, what, read, done, timeout=300):
    """The value of read() once done(value): after letting time pass, or by polling."""
    if CONTROLLED:
        advance(LONG_ENOUGH)
        value = read()
        check_true(service, what, done(value), f"(got {value!r})")
        return value
    deadline = time.monotonic() + timeout
    while True:
        value = read()
        if done(value):
            ok(service, what)
            return value
        if time.monotonic() > deadline:
            raise Mismatch(f"{service}: {what}: still {value!r} after {timeout}s")
        time.sleep(1)


# ---- STS -------------------------------------------------------------------------------------

def sts_section():
    me = client("sts").get_caller_identity()
    check("sts", "GetCallerIdentity Account", me["Account"], ACCOUNT)
    check_match("sts", "GetCallerIdentity Arn", me["Arn"], rf"arn:aws:(iam|sts)::{ACCOUNT}:\S+")
    check_true("sts", "GetCallerIdentity UserId present", bool(me.get("UserId")))


# ---- ECS -------------------------------------------------------------------------------------

CLUSTER = "boto3-contract"
SERVICE = "boto3-mcp-server"
INFRA_ROLE = f"arn:aws:iam::{ACCOUNT}:role/boto3-contract-ecs-infrastructure-role"
EXEC_ROLE = f"arn:aws:iam::{ACCOUNT}:role/boto3-contract-ecs-task-execution-role"


def container(image):
    return {
        "image": image,
        "containerPort": 8000,
        "awsLogsConfiguration": {"logGroup": "/ecs/boto3-contract", "logStreamPrefix": "mcp"},
        "environment": [
            {"name": "ZSCALER_MCP_TRANSPORT", "value": "streamable-http"},
            {"name": "ZSCALER_MCP_HOST", "value": "0.0.0.0"},
            {"name": "ZSCALER_MCP_PORT", "value": "8000"},
        ],
    }


def status_code(service):
    return (service.get("status") or {}).get("statusCode")


def public_endpoint(service):
    configs = service.get("activeConfigurations") or []
    if not configs:
        return None
    paths = configs[-1].get("ingressPaths") or []
    return next((p.get("endpoint") for p in paths if p.get("accessType") == "PUBLIC"), None)


def ecs_section():
    ecs = client("ecs")
    tags = [{"key": "managed-by", "value": "boto3-contract"}]
    cluster = ecs.create_cluster(clusterName=CLUSTER, tags=tags)["cluster"]
    check("ecs", "CreateCluster status", cluster["status"], "ACTIVE")
    check("ecs", "CreateCluster clusterArn", cluster["clusterArn"], f"arn:aws:ecs:{REGION}:{ACCOUNT}:cluster/{CLUSTER}")
    check("ecs", "CreateCluster again returns the same ARN",
          ecs.create_cluster(clusterName=CLUSTER)["cluster"]["clusterArn"], cluster["clusterArn"])
    described = ecs.describe_clusters(clusters=[CLUSTER, "boto3-missing"], include=["TAGS"])
    check("ecs", "DescribeClusters tags", described["clusters"][0]["tags"], tags)
    check("ecs", "DescribeClusters missing -> failure reason", described["failures"][0]["reason"], "MISSING")

    created = ecs.create_express_gateway_service(
        executionRoleArn=EXEC_ROLE, infrastructureRoleArn=INFRA_ROLE, serviceName=SERVICE, cluster=CLUSTER,
        healthCheckPath="/health", primaryContainer=container("public.ecr.aws/boto3/mcp:1"),
        cpu="1024", memory="2048", tags=tags)["service"]
    arn = created["serviceArn"]
    check_match("ecs", "CreateExpressGatewayService serviceArn", arn,
                rf"arn:aws:ecs:{REGION}:{ACCOUNT}:service/{CLUSTER}/{SERVICE}")
    if CONTROLLED:
        check("ecs", "new service has no status code yet", status_code(created), None)
    check("ecs", "ListServices", ecs.list_services(cluster=CLUSTER)["serviceArns"], [arn])
    fails("ecs", "ClusterContainsServicesException", ecs.delete_cluster, cluster=CLUSTER)

    describe = lambda: ecs.describe_express_gateway_service(serviceArn=arn)["service"]
    active = settle("ecs", "service becomes ACTIVE", describe, lambda s: status_code(s) == "ACTIVE")
    check_match("ecs", "ACTIVE service public endpoint", public_endpoint(active), rf"[a-z0-9-]+\.ecs\.{REGION}\.on\.aws")
    check("ecs", "DescribeExpressGatewayService include TAGS",
          ecs.describe_express_gateway_service(serviceArn=arn, include=["TAGS"])["service"]["tags"], tags)

    updated = ecs.update_express_gateway_service(
        serviceArn=arn, executionRoleArn=EXEC_ROLE, healthCheckPath="/health",
        primaryContainer=container("public.ecr.aws/boto3/mcp:2"))["service"]
    check("ecs", "UpdateExpressGatewayService target image",
          updated["targetConfiguration"]["primaryContainer"]["image"], "public.ecr.aws/boto3/mcp:2")
    rolled = settle("ecs", "update rolls out", describe,
                    lambda s: s["activeConfigurations"][-1]["primaryContainer"]["image"] == "public.ecr.aws/boto3/mcp:2")
    check("ecs", "updated service status", status_code(rolled), "ACTIVE")
    family = f"{CLUSTER}-{SERVICE}"
    revisions = ecs.list_task_definitions(familyPrefix=family, status="ACTIVE")["taskDefinitionArns"]
    check("ecs", "one task definition per configuration", len(revisions), 2)

    deleted = ecs.delete_express_gateway_service(serviceArn=arn)["service"]
    check("ecs", "DeleteExpressGatewayService status", status_code(deleted), "DRAINING")
    fails("ecs", "ServiceNotActiveException", ecs.update_express_gateway_service, serviceArn=arn)
    check("ecs", "draining service is not listed", ecs.list_services(cluster=CLUSTER)["serviceArns"], [])
    if CONTROLLED:
        check("ecs", "deleted service is DRAINING", status_code(describe()), "DRAINING")
        fails("ecs", "ClusterContainsServicesException", ecs.delete_cluster, cluster=CLUSTER)
    settle("ecs", "service becomes INACTIVE", describe, lambda s: status_code(s) == "INACTIVE")

    for td in revisions:
        check("ecs", "DeregisterTaskDefinition status",
              ecs.deregister_task_definition(taskDefinition=td)["taskDefinition"]["status"], "INACTIVE")
    result = ecs.delete_task_definitions(taskDefinitions=revisions)
    check("ecs", "DeleteTaskDefinitions failures", result["failures"], [])
    check("ecs", "DeleteTaskDefinitions status",
          {t["status"] for t in result["taskDefinitions"]}, {"DELETE_IN_PROGRESS"})

    check("ecs", "DeleteCluster status", ecs.delete_cluster(cluster=CLUSTER)["cluster"]["status"], "INACTIVE")
    check("ecs", "deleted cluster is described INACTIVE",
          ecs.describe_clusters(clusters=[CLUSTER])["clusters"][0]["status"], "INACTIVE")
    fails("ecs", "ClusterNotFoundException", ecs.delete_cluster, cluster=CLUSTER)
    fails("ecs", "ResourceNotFoundException", ecs.describe_express_gateway_service, serviceArn=arn + "-unknown")


SECTIONS = {
    "sts": sts_section,
    "ecs": ecs_section,
}


def main(argv):
    if not os.environ.get("AWS_ENDPOINT_URL"):
        print("AWS_ENDPOINT_URL is not set: refusing to talk to real AWS", file=sys.stderr)
        return 2
    names = argv or list(SECTIONS)
    unknown = [n for n in names if n not in SECTIONS]
    if unknown:
        print(f"unknown sections {unknown}; known: {list(SECTIONS)}", file=sys.stderr)
        return 2
    print(f"boto3 {boto3.__version__} -> {os.environ['AWS_ENDPOINT_URL']} "
          f"({'controlled' if CONTROLLED else 'real-time'} clock)", flush=True)
    try:
        for name in names:
            SECTIONS[name]()
    except Mismatch as e:
        print(f"FAIL {e}", flush=True)
        return 1
    print(f"PASS {len(names)} sections", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
