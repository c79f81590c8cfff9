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
import json
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
    name = getattr(call, "__name__", "call").replace("<lambda>", "call")
    try:
        call(**kwargs)
    except ClientError as e:
        actual = e.response["Error"]["Code"]
        if actual != code:
            raise Mismatch(f"{service}: {name} expected {code}, got {actual}: {e}") from e
        ok(service, f"{name} -> {code}")
        return e
    raise Mismatch(f"{service}: {name} expected {code}, but it succeeded")


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


ASSUMABLE = "boto3-contract-assumable"


def assume_role_section():
    """AssumeRole with an external id; the session's credentials act as the assumed role."""
    iam, sts = client("iam"), client("sts")
    trust = {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"}, "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"sts:ExternalId": "boto3-ext-1"}}}]}
    role_arn = iam.create_role(RoleName=ASSUMABLE, AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
    fails("sts", "AccessDenied", sts.assume_role, RoleArn=role_arn, RoleSessionName="boto3")
    fails("sts", "AccessDenied", sts.assume_role, RoleArn=role_arn, RoleSessionName="boto3", ExternalId="other")
    r = sts.assume_role(RoleArn=role_arn, RoleSessionName="boto3", ExternalId="boto3-ext-1", DurationSeconds=900)
    c = r["Credentials"]
    check_match("sts", "AssumeRole AccessKeyId", c["AccessKeyId"], r"ASIA[A-Z0-9]{16}")
    check_true("sts", "AssumeRole SessionToken present", bool(c.get("SessionToken")))
    check_true("sts", "AssumeRole Expiration is a datetime", hasattr(c["Expiration"], "tzinfo"))
    assumed = f"arn:aws:sts::{ACCOUNT}:assumed-role/{ASSUMABLE}/boto3"
    check("sts", "AssumeRole AssumedRoleUser.Arn", r["AssumedRoleUser"]["Arn"], assumed)
    session = boto3.client("sts", aws_access_key_id=c["AccessKeyId"], aws_secret_access_key=c["SecretAccessKey"],
                           aws_session_token=c["SessionToken"])
    me = session.get_caller_identity()
    check("sts", "GetCallerIdentity as the session", me["Arn"], assumed)
    check_match("sts", "GetCallerIdentity UserId as the session", me["UserId"], r"AROA[A-Z0-9]+:boto3")
    iam.delete_role(RoleName=ASSUMABLE)


# ---- ECS -------------------------------------------------------------------------------------

CLUSTER = "boto3-contract"
SERVICE = "boto3-mcp-server"
INFRA_ROLE = "boto3-contract-ecs-infrastructure-role"
EXEC_ROLE = "boto3-contract-ecs-task-execution-role"
ECS_TRUST = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": ["ecs.amazonaws.com", "ecs-tasks.amazonaws.com"]},
                   "Action": "sts:AssumeRole"}],
}


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

    iam = client("iam")
    infra, execution = (iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(ECS_TRUST))["Role"]["Arn"]
                        for name in (INFRA_ROLE, EXEC_ROLE))

    def create_express_gateway_service():
        return ecs.create_express_gateway_service(
            executionRoleArn=execution, infrastructureRoleArn=infra, serviceName=SERVICE, cluster=CLUSTER,
            healthCheckPath="/health", primaryContainer=container("public.ecr.aws/boto3/mcp:1"),
            cpu="1024", memory="2048", tags=tags)["service"]
    if CONTROLLED:
        propagating = fails("ecs", "InvalidParameterException", create_express_gateway_service)
        check_true("ecs", "the error names the role that has not propagated", infra in str(propagating), str(propagating))
        advance(LONG_ENOUGH)
        created = create_express_gateway_service()
    else:
        created = settle_call("ecs", "CreateExpressGatewayService once the roles have propagated", create_express_gateway_service,
                              "InvalidParameterException")
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
        serviceArn=arn, executionRoleArn=execution, healthCheckPath="/health",
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
    for name in (INFRA_ROLE, EXEC_ROLE):
        iam.delete_role(RoleName=name)

# ---- IAM -------------------------------------------------------------------------------------

ROLE = "boto3-contract-role"
TRUST = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}],
}
INLINE = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}],
}
MANAGED = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"


def iam_section():
    iam = client("iam")
    fails("iam", "NoSuchEntity", iam.get_role, RoleName=ROLE)
    role = iam.create_role(RoleName=ROLE, AssumeRolePolicyDocument=json.dumps(TRUST), Description="boto3 contract",
                           Tags=[{"Key": "managed-by", "Value": "boto3-contract"}])["Role"]
    check("iam", "CreateRole Arn", role["Arn"], f"arn:aws:iam::{ACCOUNT}:role/{ROLE}")
    check_match("iam", "CreateRole RoleId", role["RoleId"], r"AROA[A-Z0-9]{16,}")
    fails("iam", "EntityAlreadyExists", iam.create_role, RoleName=ROLE, AssumeRolePolicyDocument=json.dumps(TRUST))
    got = iam.get_role(RoleName=ROLE)["Role"]
    # boto3 URL-decodes and parses the document: this proves the RFC 3986 encoding on the wire.
    check("iam", "GetRole AssumeRolePolicyDocument", got["AssumeRolePolicyDocument"], TRUST)
    check("iam", "GetRole Tags", got.get("Tags"), [{"Key": "managed-by", "Value": "boto3-contract"}])

    iam.put_role_policy(RoleName=ROLE, PolicyName="inline", PolicyDocument=json.dumps(INLINE))
    check("iam", "GetRolePolicy PolicyDocument",
          iam.get_role_policy(RoleName=ROLE, PolicyName="inline")["PolicyDocument"], INLINE)
    check("iam", "ListRolePolicies", iam.list_role_policies(RoleName=ROLE)["PolicyNames"], ["inline"])
    iam.attach_role_policy(RoleName=ROLE, PolicyArn=MANAGED)
    check("iam", "ListAttachedRolePolicies",
          [p["PolicyArn"] for p in iam.list_attached_role_policies(RoleName=ROLE)["AttachedPolicies"]], [MANAGED])

    fails("iam", "DeleteConflict", iam.delete_role, RoleName=ROLE)
    iam.detach_role_policy(RoleName=ROLE, PolicyArn=MANAGED)
    fails("iam", "DeleteConflict", iam.delete_role, RoleName=ROLE)
    iam.delete_role_policy(RoleName=ROLE, PolicyName="inline")
    fails("iam", "NoSuchEntity", iam.delete_role_policy, RoleName=ROLE, PolicyName="inline")
    iam.delete_role(RoleName=ROLE)
    ok("iam", "DeleteRole once no policy is left")
    fails("iam", "NoSuchEntity", iam.get_role, RoleName=ROLE)
    fails("iam", "NoSuchEntity", iam.delete_role, RoleName=ROLE)


# ---- CloudWatch Logs -------------------------------------------------------------------------

LOG_GROUP = "/ecs/boto3-contract"


def logs_section():
    logs = client("logs")
    logs.create_log_group(logGroupName=LOG_GROUP, tags={"managed-by": "boto3-contract"})
    fails("logs", "ResourceAlreadyExistsException", logs.create_log_group, logGroupName=LOG_GROUP)
    logs.put_retention_policy(logGroupName=LOG_GROUP, retentionInDays=14)
    groups = logs.describe_log_groups(logGroupNamePrefix="/ecs/boto3-")["logGroups"]
    check("logs", "DescribeLogGroups prefix", [g["logGroupName"] for g in groups], [LOG_GROUP])
    check("logs", "retentionInDays", groups[0].get("retentionInDays"), 14)
    check("logs", "log group arn", groups[0]["arn"], f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:{LOG_GROUP}:*")
    check("logs", "DescribeLogGroups other prefix", logs.describe_log_groups(logGroupNamePrefix="/ecs/none-")["logGroups"], [])
    logs.delete_log_group(logGroupName=LOG_GROUP)
    ok("logs", "DeleteLogGroup")
    fails("logs", "ResourceNotFoundException", logs.delete_log_group, logGroupName=LOG_GROUP)
    check("logs", "deleted group is not described", logs.describe_log_groups(logGroupNamePrefix="/ecs/boto3-")["logGroups"], [])


# ---- Secrets Manager -------------------------------------------------------------------------

SECRET = "boto3-contract/credentials"
SECRET_JSON = json.dumps({"ZSCALER_CLIENT_ID": "id", "ZSCALER_CLIENT_SECRET": "not-a-real-secret"})


def secrets_section():
    sm = client("secretsmanager")
    fails("secretsmanager", "ResourceNotFoundException", sm.get_secret_value, SecretId=SECRET)
    created = sm.create_secret(Name=SECRET, SecretString=SECRET_JSON, Tags=[{"Key": "managed-by", "Value": "boto3-contract"}])
    arn = created["ARN"]
    check_match("secretsmanager", "CreateSecret ARN", arn,
                rf"arn:aws:secretsmanager:{REGION}:{ACCOUNT}:secret:{re.escape(SECRET)}-[A-Za-z0-9]{{6}}")
    fails("secretsmanager", "ResourceExistsException", sm.create_secret, Name=SECRET, SecretString="{}")
    value = sm.get_secret_value(SecretId=SECRET)
    check("secretsmanager", "GetSecretValue SecretString", value["SecretString"], SECRET_JSON)
    check_true("secretsmanager", "GetSecretValue AWSCURRENT", "AWSCURRENT" in value["VersionStages"])
    check("secretsmanager", "GetSecretValue by ARN", sm.get_secret_value(SecretId=arn)["ARN"], arn)

    deleted = sm.delete_secret(SecretId=SECRET, RecoveryWindowInDays=7)
    described = sm.describe_secret(SecretId=SECRET)
    check_true("secretsmanager", "DescribeSecret DeletedDate set", "DeletedDate" in described)
    check("secretsmanager", "DeletionDate is 7 days out",
          round((deleted["DeletionDate"] - described["CreatedDate"]).total_seconds() / 86400), 7)
    fails("secretsmanager", "InvalidRequestException", sm.get_secret_value, SecretId=SECRET)
    scheduled = fails("secretsmanager", "InvalidRequestException", sm.create_secret, Name=SECRET, SecretString="{}")
    check_true("secretsmanager", "create message says scheduled for deletion",
               "scheduled for deletion" in str(scheduled), str(scheduled))
    sm.restore_secret(SecretId=SECRET)
    check_true("secretsmanager", "restored secret has no DeletedDate", "DeletedDate" not in sm.describe_secret(SecretId=SECRET))
    check("secretsmanager", "restored secret is readable", sm.get_secret_value(SecretId=SECRET)["SecretString"], SECRET_JSON)

    sm.delete_secret(SecretId=SECRET, ForceDeleteWithoutRecovery=True)
    ok("secretsmanager", "DeleteSecret ForceDeleteWithoutRecovery")
    fails("secretsmanager", "ResourceNotFoundException", sm.describe_secret, SecretId=SECRET)
    fails("secretsmanager", "ResourceNotFoundException", sm.get_secret_value, SecretId=SECRET)


# ---- ECR -------------------------------------------------------------------------------------

REPOSITORY = "boto3-contract/mcp-server"
MANIFEST = json.dumps({
    "schemaVersion": 2,
    "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
    "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": 7023,
               "digest": "sha256:" + "b5" * 32},
    "layers": [{"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": 32654,
                "digest": "sha256:" + "e6" * 32}],
})


def ecr_section():
    ecr = client("ecr")
    repo = ecr.create_repository(repositoryName=REPOSITORY)["repository"]
    check("ecr", "CreateRepository arn", repo["repositoryArn"], f"arn:aws:ecr:{REGION}:{ACCOUNT}:repository/{REPOSITORY}")
    check("ecr", "CreateRepository uri", repo["repositoryUri"], f"{ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com/{REPOSITORY}")
    fails("ecr", "RepositoryAlreadyExistsException", ecr.create_repository, repositoryName=REPOSITORY)
    image = ecr.put_image(repositoryName=REPOSITORY, imageManifest=MANIFEST, imageTag="bedrock")["image"]
    digest = image["imageId"]["imageDigest"]
    check_match("ecr", "PutImage digest", digest, r"sha256:[0-9a-f]{64}")
    got = ecr.batch_get_image(repositoryName=REPOSITORY, imageIds=[{"imageTag": "bedrock"}, {"imageTag": "missing"}],
                              acceptedMediaTypes=["application/vnd.docker.distribution.manifest.v2+json"])
    check("ecr", "BatchGetImage digest", got["images"][0]["imageId"]["imageDigest"], digest)
    check("ecr", "BatchGetImage manifest", json.loads(got["images"][0]["imageManifest"]), json.loads(MANIFEST))
    check("ecr", "BatchGetImage missing tag failure", got["failures"][0]["failureCode"], "ImageNotFound")
    details = ecr.describe_images(repositoryName=REPOSITORY, imageIds=[{"imageTag": "bedrock"}])["imageDetails"]
    check("ecr", "DescribeImages tags", details[0]["imageTags"], ["bedrock"])
    check("ecr", "DescribeImages digest", details[0]["imageDigest"], digest)
    fails("ecr", "ImageNotFoundException", ecr.describe_images, repositoryName=REPOSITORY, imageIds=[{"imageTag": "missing"}])
    fails("ecr", "RepositoryNotFoundException", ecr.describe_images, repositoryName="boto3-contract/none")
    ecr.delete_repository(repositoryName=REPOSITORY, force=True)
    ok("ecr", "DeleteRepository force")
    fails("ecr", "RepositoryNotFoundException", ecr.batch_get_image, repositoryName=REPOSITORY, imageIds=[{"imageTag": "bedrock"}])


# ---- AgentCore -------------------------------------------------------------------------------

PROVIDER = "boto3-contract-creds"
HARNESS = "boto3_contract_harness"
HARNESS_ROLE = "boto3-contract-harness-role"
HARNESS_TRUST = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "bedrock-agentcore.amazonaws.com"}, "Action": "sts:AssumeRole"}],
}
QUESTION = "list my zpa segment groups"
SESSION = "boto3-contract-session-0123456789abcdef0123"


def agentcore_section():
    control = client("bedrock-agentcore-control")
    provider = control.create_api_key_credential_provider(name=PROVIDER, apiKey="Basic bm90LWEtc2VjcmV0",
                                                          tags={"managed-by": "boto3-contract"})
    provider_arn = provider["credentialProviderArn"]
    check("agentcore", "CreateApiKeyCredentialProvider arn", provider_arn,
          f"arn:aws:bedrock-agentcore:{REGION}:{ACCOUNT}:token-vault/default/apikeycredentialprovider/{PROVIDER}")
    check_match("agentcore", "apiKeySecretArn", provider["apiKeySecretArn"]["secretArn"],
                rf"arn:aws:secretsmanager:{REGION}:{ACCOUNT}:secret:bedrock-agentcore-identity!default/apikey/{PROVIDER}-\w{{6}}")
    fails("agentcore", "ValidationException", control.create_api_key_credential_provider, name=PROVIDER, apiKey="x")
    got = control.get_api_key_credential_provider(name=PROVIDER)
    check("agentcore", "GetApiKeyCredentialProvider arn", got["credentialProviderArn"], provider_arn)
    check_true("agentcore", "GetApiKeyCredentialProvider never returns the key", "apiKey" not in got)
    check("agentcore", "ListApiKeyCredentialProviders",
          [p["name"] for p in control.list_api_key_credential_providers()["credentialProviders"]], [PROVIDER])

    if hasattr(control, "create_harness"):
        harness_lifecycle(control, provider_arn)
    else:
        print(f"skip agentcore: boto3 {boto3.__version__} has no Harness operations", flush=True)

    control.delete_api_key_credential_provider(name=PROVIDER)
    ok("agentcore", "DeleteApiKeyCredentialProvider")
    fails("agentcore", "ResourceNotFoundException", control.get_api_key_credential_provider, name=PROVIDER)


def harness_lifecycle(control, provider_arn):
    iam = client("iam")
    role_arn = iam.create_role(RoleName=HARNESS_ROLE, AssumeRolePolicyDocument=json.dumps(HARNESS_TRUST))["Role"]["Arn"]
    tools = [{"type": "remote_mcp", "name": "zscaler", "config": {"remoteMcp": {
        "url": "https://mcp.outside.example/mcp", "headers": {"Authorization": "${" + provider_arn + "}"}}}}]

    def create_harness():
        return control.create_harness(
            harnessName=HARNESS, executionRoleArn=role_arn, tools=tools,
            systemPrompt=[{"text": "You are a Zscaler assistant."}], tags={"managed-by": "boto3-contract"})["harness"]
    if CONTROLLED:
        fails("agentcore", "ValidationException", create_harness)
        advance(LONG_ENOUGH)  # the role propagates
        created = create_harness()
    else:
        created = settle_call("agentcore", "CreateHarness once the role has propagated", create_harness, "ValidationException")
    harness_id, harness_arn = created["harnessId"], created["arn"]
    check("agentcore", "CreateHarness status", created["status"], "CREATING")
    check_match("agentcore", "CreateHarness arn", harness_arn, rf"arn:aws:bedrock-agentcore:{REGION}:{ACCOUNT}:harness/\S+")
    fails("agentcore", "ConflictException", control.create_harness, harnessName=HARNESS, executionRoleArn=role_arn)
    ready = settle("agentcore", "harness becomes READY", lambda: control.get_harness(harnessId=harness_id)["harness"],
                   lambda h: h["status"] == "READY")
    check("agentcore", "GetHarness executionRoleArn", ready["executionRoleArn"], role_arn)

    answer = client("bedrock-agentcore").invoke_harness(
        harnessArn=harness_arn, runtimeSessionId=SESSION,
        messages=[{"role": "user", "content": [{"text": QUESTION}]}])
    events = list(answer["stream"])
    kinds = [next(iter(e)) for e in events]
    check("agentcore", "InvokeHarness first event", kinds[0], "messageStart")
    check("agentcore", "InvokeHarness last events", kinds[-3:], ["contentBlockStop", "messageStop", "metadata"])
    deltas = [e["contentBlockDelta"]["delta"]["text"] for e in events if "contentBlockDelta" in e]
    check_true("agentcore", f"InvokeHarness streams {len(deltas)} text deltas", len(deltas) > 1)
    text = "".join(deltas)
    check_true("agentcore", "the answer is about the question", QUESTION in text, text)
    check_true("agentcore", "the answer says the outside tool host is unreachable",
               "mcp.outside.example could not be reached" in text, text)
    check("agentcore", "stopReason", events[-2]["messageStop"]["stopReason"], "end_turn")
    usage = events[-1]["metadata"]["usage"]
    check_true("agentcore", f"usage {usage}", usage["outputTokens"] > 0
               and usage["totalTokens"] == usage["inputTokens"] + usage["outputTokens"])
    invoke_with_a_runtime_error(harness_arn)

    check("agentcore", "DeleteHarness status", control.delete_harness(harnessId=harness_id)["harness"]["status"], "DELETING")
    settle("agentcore", "deleted harness is gone", lambda: gone(control.get_harness, harnessId=harness_id), bool)
    fails("agentcore", "ResourceNotFoundException", control.get_harness, harnessId=harness_id)
    iam.delete_role(RoleName=HARNESS_ROLE)


def invoke_with_a_runtime_error(harness_arn):
    """A runtimeClientError injected into the stream (fault API, inStream): botocore raises it after the first event."""
    import urllib.request
    from botocore.exceptions import EventStreamError
    fault = {"service": "bedrock-agentcore", "operation": "InvokeHarness", "errorCode": "runtimeClientError",
             "message": "the MCP server went away", "inStream": True, "afterEvents": 1, "count": 1}
    request = urllib.request.Request(f"{os.environ['AWS_ENDPOINT_URL'].rstrip('/')}/_emulator/faults",
                                     data=json.dumps(fault).encode(), method="POST")
    with urllib.request.urlopen(request, timeout=30) as r:
        check("agentcore", "POST /_emulator/faults", r.status, 201)
    answer = client("bedrock-agentcore").invoke_harness(
        harnessArn=harness_arn, runtimeSessionId=SESSION, messages=[{"role": "user", "content": [{"text": QUESTION}]}])
    seen = []
    try:
        for e in answer["stream"]:
            seen.append(next(iter(e)))
        check_true("agentcore", "the injected runtimeClientError is raised", False, str(seen))
    except EventStreamError as e:
        check("agentcore", "stream error code", e.response["Error"]["Code"], "runtimeClientError")
        check("agentcore", "stream error message", e.response["Error"]["Message"], "the MCP server went away")
        check("agentcore", "events before the error", seen, ["messageStart"])


# ---- Cognito ---------------------------------------------------------------------------------

POOL = "boto3-contract-pool"
RESOURCE_SERVER = "zscaler-mcp"
SCOPE = f"{RESOURCE_SERVER}/invoke"
DOMAIN = f"boto3-contract-{ACCOUNT}"


def cognito_pool(idp):
    """The user pool, resource server and client_credentials app client of the gateway topology."""
    pool = idp.create_user_pool(PoolName=POOL, AdminCreateUserConfig={"AllowAdminCreateUserOnly": True},
                                UserPoolTags={"managed-by": "boto3-contract"})["UserPool"]
    pool_id = pool["Id"]
    fails("cognito", "ResourceNotFoundException", idp.describe_resource_server, UserPoolId=pool_id, Identifier=RESOURCE_SERVER)
    idp.create_resource_server(UserPoolId=pool_id, Identifier=RESOURCE_SERVER, Name="Zscaler MCP",
                               Scopes=[{"ScopeName": "invoke", "ScopeDescription": "Invoke the MCP server"}])
    app = idp.create_user_pool_client(
        UserPoolId=pool_id, ClientName="boto3-contract-client", GenerateSecret=True,
        AllowedOAuthFlows=["client_credentials"], AllowedOAuthScopes=[SCOPE], AllowedOAuthFlowsUserPoolClient=True,
        ExplicitAuthFlows=["ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]
    return pool, app


def cognito_section():
    idp = client("cognito-idp")
    pool, app = cognito_pool(idp)
    pool_id = pool["Id"]
    check_match("cognito", "CreateUserPool Id", pool_id, rf"{REGION}_[A-Za-z0-9]{{9}}")
    check("cognito", "CreateUserPool Arn", pool["Arn"], f"arn:aws:cognito-idp:{REGION}:{ACCOUNT}:userpool/{pool_id}")
    described = idp.describe_user_pool(UserPoolId=pool_id)["UserPool"]
    check("cognito", "DescribeUserPool AdminCreateUserConfig", described["AdminCreateUserConfig"]["AllowAdminCreateUserOnly"], True)
    check_true("cognito", "DescribeUserPool CreationDate is a datetime", hasattr(described["CreationDate"], "tzinfo"))
    names = [p["Name"] for page in idp.get_paginator("list_user_pools").paginate(MaxResults=60) for p in page["UserPools"]]
    check("cognito", "ListUserPools (paginated)", names, [POOL])
    fails("cognito", "InvalidParameterException", idp.create_resource_server, UserPoolId=pool_id,
          Identifier=RESOURCE_SERVER, Name="again")
    rs = idp.describe_resource_server(UserPoolId=pool_id, Identifier=RESOURCE_SERVER)["ResourceServer"]
    check("cognito", "DescribeResourceServer scopes", [s["ScopeName"] for s in rs["Scopes"]], ["invoke"])
    check("cognito", "ListResourceServers", [r["Identifier"] for r in
                                             idp.list_resource_servers(UserPoolId=pool_id, MaxResults=10)["ResourceServers"]], [RESOURCE_SERVER])
    check_match("cognito", "CreateUserPoolClient ClientId", app["ClientId"], r"[a-z0-9]{26}")
    check_true("cognito", "CreateUserPoolClient generated a ClientSecret", len(app.get("ClientSecret", "")) == 51)
    fails("cognito", "ScopeDoesNotExistException", idp.create_user_pool_client, UserPoolId=pool_id, ClientName="x",
          GenerateSecret=True, AllowedOAuthFlows=["client_credentials"], AllowedOAuthScopes=["nope/invoke"],
          AllowedOAuthFlowsUserPoolClient=True)
    fails("cognito", "InvalidOAuthFlowException", idp.create_user_pool_client, UserPoolId=pool_id, ClientName="x",
          AllowedOAuthFlows=["client_credentials"], AllowedOAuthScopes=[SCOPE], AllowedOAuthFlowsUserPoolClient=True)
    listed = idp.list_user_pool_clients(UserPoolId=pool_id, MaxResults=60)["UserPoolClients"]
    check("cognito", "ListUserPoolClients", [c["ClientName"] for c in listed], ["boto3-contract-client"])
    check_true("cognito", "ListUserPoolClients never returns the secret", all("ClientSecret" not in c for c in listed))
    got = idp.describe_user_pool_client(UserPoolId=pool_id, ClientId=app["ClientId"])["UserPoolClient"]
    check_true("cognito", "DescribeUserPoolClient returns the secret", got["ClientSecret"] == app["ClientSecret"])
    check("cognito", "DescribeUserPoolClient AllowedOAuthScopes", got["AllowedOAuthScopes"], [SCOPE])

    check("cognito", "DescribeUserPoolDomain of an unknown prefix", idp.describe_user_pool_domain(Domain=DOMAIN)["DomainDescription"], {})
    idp.create_user_pool_domain(Domain=DOMAIN, UserPoolId=pool_id)
    domain = idp.describe_user_pool_domain(Domain=DOMAIN)["DomainDescription"]
    check("cognito", "DescribeUserPoolDomain UserPoolId", domain["UserPoolId"], pool_id)
    check("cognito", "DescribeUserPoolDomain Status", domain["Status"], "ACTIVE")
    other = idp.create_user_pool(PoolName="boto3-contract-other")["UserPool"]["Id"]
    err = fails("cognito", "InvalidParameterException", idp.create_user_pool_domain, Domain=DOMAIN, UserPoolId=other)
    check_true("cognito", "a taken prefix says 'already'", "already" in str(err))

    idp.tag_resource(ResourceArn=pool["Arn"], Tags={"topology": "gateway"})
    idp.untag_resource(ResourceArn=pool["Arn"], TagKeys=["managed-by"])
    check("cognito", "ListTagsForResource", idp.list_tags_for_resource(ResourceArn=pool["Arn"])["Tags"], {"topology": "gateway"})

    fails("cognito", "InvalidParameterException", idp.delete_user_pool, UserPoolId=pool_id)
    idp.delete_user_pool_domain(Domain=DOMAIN, UserPoolId=pool_id)
    ok("cognito", "DeleteUserPoolDomain")
    fails("cognito", "ResourceNotFoundException", idp.delete_user_pool_domain, Domain=DOMAIN, UserPoolId=pool_id)
    idp.delete_user_pool_client(UserPoolId=pool_id, ClientId=app["ClientId"])
    fails("cognito", "ResourceNotFoundException", idp.describe_user_pool_client, UserPoolId=pool_id, ClientId=app["ClientId"])
    idp.delete_resource_server(UserPoolId=pool_id, Identifier=RESOURCE_SERVER)
    ok("cognito", "DeleteResourceServer")
    for p in (pool_id, other):
        idp.delete_user_pool(UserPoolId=p)
    ok("cognito", "DeleteUserPool")
    fails("cognito", "ResourceNotFoundException", idp.describe_user_pool, UserPoolId=pool_id)


# ---- AgentCore gateway topology --------------------------------------------------------------

RUNTIME = "boto3_contract_runtime"
GATEWAY = "boto3-contract-gateway"
TARGET = "boto3-contract-target"
OAUTH_PROVIDER = "boto3-contract-oauth"
RUNTIME_ROLE = "boto3-contract-runtime-role"
GATEWAY_ROLE = "boto3-contract-gateway-role"
INITIALIZE = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18"}}


def hosted(url, body, headers):
    """POSTs to a URL the emulator hosts (a Cognito domain, a gateway), through its path form; returns (status, body)."""
    import urllib.error
    import urllib.request
    host, path = url.removeprefix("https://").split("/", 1)
    request = urllib.request.Request(f"{os.environ['AWS_ENDPOINT_URL'].rstrip('/')}/_emulator/endpoints/{host}/{path}",
                                     data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def cognito_token(app, domain):
    import base64
    basic = base64.b64encode(f"{app['ClientId']}:{app['ClientSecret']}".encode()).decode()
    status, body = hosted(f"https://{domain}.auth.{REGION}.amazoncognito.com/oauth2/token",
                          f"grant_type=client_credentials&scope={SCOPE}".encode(),
                          {"Content-Type": "application/x-www-form-urlencoded", "Authorization": f"Basic {basic}"})
    check("agentcore-gateway", "token endpoint status", status, 200)
    return json.loads(body)["access_token"]


def wait_for_roles(iam, *names):
    if CONTROLLED:
        advance(LONG_ENOUGH)
    return [iam.get_role(RoleName=n)["Role"]["Arn"] for n in names]


def gateway_section():
    iam, idp, control = client("iam"), client("cognito-idp"), client("bedrock-agentcore-control")
    pool, app = cognito_pool(idp)
    idp.create_user_pool_domain(Domain=DOMAIN, UserPoolId=pool["Id"])
    discovery = f"https://cognito-idp.{REGION}.amazonaws.com/{pool['Id']}/.well-known/openid-configuration"
    for name in (RUNTIME_ROLE, GATEWAY_ROLE):
        iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(HARNESS_TRUST))
    config = {"customOauth2ProviderConfig": {"oauthDiscovery": {"discoveryUrl": discovery},
                                             "clientId": app["ClientId"], "clientSecret": app["ClientSecret"]}}
    provider_arn = control.create_oauth2_credential_provider(
        name=OAUTH_PROVIDER, credentialProviderVendor="CustomOauth2", oauth2ProviderConfigInput=config)["credentialProviderArn"]
    check("agentcore-gateway", "ListOauth2CredentialProviders", [p["name"] for p in control.list_oauth2_credential_providers(
        maxResults=20)["credentialProviders"]], [OAUTH_PROVIDER])
    control.update_oauth2_credential_provider(name=OAUTH_PROVIDER, credentialProviderVendor="CustomOauth2",
                                              oauth2ProviderConfigInput=config)
    got = control.get_oauth2_credential_provider(name=OAUTH_PROVIDER)
    check_true("agentcore-gateway", "GetOauth2CredentialProvider never returns the secret",
               app["ClientSecret"] not in json.dumps(got, default=str))

    authorizer = {"customJWTAuthorizer": {"discoveryUrl": discovery, "allowedClients": [app["ClientId"]], "allowedScopes": [SCOPE]}}
    runtime_args = dict(
        agentRuntimeArtifact={"containerConfiguration": {"containerUri": f"709825985650.dkr.ecr.{REGION}.amazonaws.com/z:1"}},
        networkConfiguration={"networkMode": "PUBLIC"}, protocolConfiguration={"serverProtocol": "MCP"},
        environmentVariables={"ZSCALER_CLIENT_ID": "id", "ZSCALER_CLIENT_SECRET": "not-a-secret"},
        authorizerConfiguration=authorizer, requestHeaderConfiguration={"requestHeaderAllowlist": ["Authorization"]})
    role_arn = f"arn:aws:iam::{ACCOUNT}:role/{RUNTIME_ROLE}"
    if CONTROLLED:
        fails("agentcore-gateway", "ValidationException", control.create_agent_runtime, agentRuntimeName=RUNTIME, roleArn=role_arn, **runtime_args)
    runtime_role, gateway_role = wait_for_roles(iam, RUNTIME_ROLE, GATEWAY_ROLE)
    created = control.create_agent_runtime(agentRuntimeName=RUNTIME, roleArn=runtime_role, tags={"managed-by": "boto3-contract"}, **runtime_args)
    runtime_id, runtime_arn = created["agentRuntimeId"], created["agentRuntimeArn"]
    check("agentcore-gateway", "CreateAgentRuntime status", created["status"], "CREATING")
    fails("agentcore-gateway", "ConflictException", control.create_agent_runtime, agentRuntimeName=RUNTIME, roleArn=runtime_role, **runtime_args)
    listed = [r["agentRuntimeName"] for r in control.list_agent_runtimes(maxResults=100)["agentRuntimes"]]
    check("agentcore-gateway", "ListAgentRuntimes", listed, [RUNTIME])
    settle("agentcore-gateway", "runtime becomes READY", lambda: control.get_agent_runtime(agentRuntimeId=runtime_id),
           lambda r: r["status"] == "READY")
    updated = control.update_agent_runtime(agentRuntimeId=runtime_id, roleArn=runtime_role, **runtime_args)
    check("agentcore-gateway", "UpdateAgentRuntime status and version", [updated["status"], updated["agentRuntimeVersion"]], ["UPDATING", "2"])
    ready = settle("agentcore-gateway", "updated runtime becomes READY", lambda: control.get_agent_runtime(agentRuntimeId=runtime_id),
                   lambda r: r["status"] == "READY")
    check("agentcore-gateway", "GetAgentRuntime allowedScopes", ready["authorizerConfiguration"]["customJWTAuthorizer"]["allowedScopes"], [SCOPE])

    gateway = control.create_gateway(name=GATEWAY, roleArn=gateway_role, protocolType="MCP", authorizerType="CUSTOM_JWT",
                                     authorizerConfiguration=authorizer, clientToken="8d0b7c3e-0000-4000-8000-000000000001",
                                     description="Zscaler MCP Server", tags={"managed-by": "boto3-contract"})
    gateway_id, gateway_arn = gateway["gatewayId"], gateway["gatewayArn"]
    check("agentcore-gateway", "CreateGateway status", gateway["status"], "CREATING")
    check_match("agentcore-gateway", "CreateGateway gatewayUrl", gateway["gatewayUrl"],
                rf"https://{gateway_id}\.gateway\.bedrock-agentcore\.{REGION}\.amazonaws\.com/mcp")
    check("agentcore-gateway", "ListGateways", [g["name"] for g in control.list_gateways(maxResults=100)["items"]], [GATEWAY])
    settle("agentcore-gateway", "gateway becomes READY", lambda: control.get_gateway(gatewayIdentifier=gateway_id), lambda g: g["status"] == "READY")
    control.update_gateway(gatewayIdentifier=gateway_id, name=GATEWAY, description="Zscaler MCP Server (updated)", roleArn=gateway_role, protocolType="MCP",
                           authorizerType="CUSTOM_JWT", authorizerConfiguration=authorizer)
    settle("agentcore-gateway", "updated gateway becomes READY", lambda: control.get_gateway(gatewayIdentifier=gateway_id),
           lambda g: g["status"] == "READY")

    runtime_url = (f"https://bedrock-agentcore.{REGION}.amazonaws.com/runtimes/"
                   f"{urllib_quote(runtime_arn)}/invocations?qualifier=DEFAULT")
    target = control.create_gateway_target(
        gatewayIdentifier=gateway_id, name=TARGET, clientToken="8d0b7c3e-0000-4000-8000-000000000002",
        targetConfiguration={"mcp": {"mcpServer": {"endpoint": runtime_url, "listingMode": "DEFAULT"}}},
        credentialProviderConfigurations=[{"credentialProviderType": "OAUTH", "credentialProvider": {"oauthCredentialProvider": {
            "providerArn": provider_arn, "scopes": [SCOPE], "grantType": "CLIENT_CREDENTIALS"}}}])
    target_id = target["targetId"]
    check("agentcore-gateway", "CreateGatewayTarget status", target["status"], "CREATING")
    check("agentcore-gateway", "ListGatewayTargets", [t["name"] for t in control.list_gateway_targets(
        gatewayIdentifier=gateway_id, maxResults=100)["items"]], [TARGET])
    settle("agentcore-gateway", "target becomes READY after its connectivity check",
           lambda: control.get_gateway_target(gatewayIdentifier=gateway_id, targetId=target_id), lambda t: t["status"] == "READY")

    for arn in (runtime_arn, gateway_arn):
        control.tag_resource(resourceArn=arn, tags={"topology": "gateway"})
        control.untag_resource(resourceArn=arn, tagKeys=["managed-by"])
        check("agentcore-gateway", "ListTagsForResource", control.list_tags_for_resource(resourceArn=arn)["tags"], {"topology": "gateway"})

    token = cognito_token(app, DOMAIN)
    status, body = hosted(gateway["gatewayUrl"], json.dumps(INITIALIZE).encode(),
                          {"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    check("agentcore-gateway", "gateway MCP initialize with the Cognito token", status, 200)
    check("agentcore-gateway", "the Runtime's MCP server answered", json.loads(body)["result"]["serverInfo"]["name"], "Zscaler MCP Server")
    status, _ = hosted(gateway["gatewayUrl"], json.dumps(INITIALIZE).encode(), {"Content-Type": "application/json"})
    check("agentcore-gateway", "gateway MCP without a token", status, 401)

    control.delete_gateway_target(gatewayIdentifier=gateway_id, targetId=target_id)
    if CONTROLLED:  # the target drains for a while: the gateway cannot go before it (a fast profile may skip this)
        fails("agentcore-gateway", "ConflictException", control.delete_gateway, gatewayIdentifier=gateway_id)
    settle("agentcore-gateway", "deleted target is gone",
           lambda: gone(control.get_gateway_target, gatewayIdentifier=gateway_id, targetId=target_id), bool)
    check("agentcore-gateway", "DeleteGateway status", control.delete_gateway(gatewayIdentifier=gateway_id)["status"], "DELETING")
    control.delete_oauth2_credential_provider(name=OAUTH_PROVIDER)
    check("agentcore-gateway", "DeleteAgentRuntime status", control.delete_agent_runtime(agentRuntimeId=runtime_id)["status"], "DELETING")
    settle("agentcore-gateway", "deleted gateway is gone", lambda: gone(control.get_gateway, gatewayIdentifier=gateway_id), bool)
    settle("agentcore-gateway", "deleted runtime is gone", lambda: gone(control.get_agent_runtime, agentRuntimeId=runtime_id), bool)
    idp.delete_user_pool_domain(Domain=DOMAIN, UserPoolId=pool["Id"])
    idp.delete_user_pool(UserPoolId=pool["Id"])
    for name in (RUNTIME_ROLE, GATEWAY_ROLE):
        iam.delete_role(RoleName=name)
    ok("agentcore-gateway", "destroy in reverse left nothing")


def urllib_quote(value):
    from urllib.parse import quote
    return quote(value, safe="")


def gone(call, **kwargs):
    try:
        call(**kwargs)
        return False
    except ClientError as e:
        return e.response["Error"]["Code"] == "ResourceNotFoundException"


def settle_call(service, what, call, retry_on, timeout=300):
    """Real-time clock only: retries call() while it fails with `retry_on` (a role still propagating)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = call()
            ok(service, what)
            return value
        except ClientError as e:
            if e.response["Error"]["Code"] != retry_on or time.monotonic() > deadline:
                raise
        time.sleep(1)


SECTIONS = {
    "sts": sts_section,
    "assume-role": assume_role_section,
    "iam": iam_section,
    "ecs": ecs_section,
    "logs": logs_section,
    "secretsmanager": secrets_section,
    "ecr": ecr_section,
    "agentcore": agentcore_section,
    "cognito": cognito_section,
    "agentcore-gateway": gateway_section,
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
    except ClientError as e:
        print(f"FAIL {name}: unexpected {e.response['Error'].get('Code')}: {e}", flush=True)
        return 1
    print(f"PASS {len(names)} sections", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
