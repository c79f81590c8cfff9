#!/usr/bin/env python3
"""Differential check of the emulator's IAM, Logs, Secrets Manager and ECR against moto_server.

Runs the same boto3 calls against both endpoints and compares each outcome (ok, or error code and
HTTP status). Known divergences, where moto differs from real AWS, are allowed with a reason; any
other difference fails (exit 1). Messages are printed, not compared.

  java -cp ... io.harnessdeployer.emulator.EmulatorMain --port 4566 &
  moto_server -p 5000 &
  python3 aws-emulator/tools/diff-moto-basic.py http://127.0.0.1:4566 http://127.0.0.1:5000
"""
import json
import sys

import boto3
import botocore
from botocore.config import Config

# step -> why moto's answer is not real AWS's
MOTO_DIVERGES = {
    "iam.AttachRolePolicy": "moto does not load AWS managed policies by default; real IAM attaches them",
    "iam.Detach": "follows from the attach above",
    "logs.PutRetention bad": "moto accepts any retention; real Logs accepts only its enum of days",
    "sm.Get missing": "moto answers 404; the model gives no status, so awsJson's 400 applies",
    "sm.Put deleted": "real Secrets Manager refuses writes to a secret marked for deletion",
    "sm.Create scheduled": "real Secrets Manager answers InvalidRequestException '...scheduled for deletion'",
}


def clients(endpoint):
    kw = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test",
              config=Config(retries={"max_attempts": 1}))
    return {s: boto3.client(s, **kw) for s in ["iam", "logs", "secretsmanager", "ecr"]}

TRUST = json.dumps({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]})
INLINE = json.dumps({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]})
EXEC = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
MANIFEST = json.dumps({"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",
  "config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":100,"digest":"sha256:c"},
  "layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":1000,"digest":"sha256:l"}]})

def steps(c):
    iam, logs, sm, ecr = c["iam"], c["logs"], c["secretsmanager"], c["ecr"]
    yield "iam.CreateRole", lambda: iam.create_role(RoleName="r1", AssumeRolePolicyDocument=TRUST, Tags=[{"Key":"k","Value":"v"}])["Role"]["Arn"]
    yield "iam.CreateRole dup", lambda: iam.create_role(RoleName="r1", AssumeRolePolicyDocument=TRUST)
    yield "iam.GetRole trust", lambda: iam.get_role(RoleName="r1")["Role"]["AssumeRolePolicyDocument"] == json.loads(TRUST)
    yield "iam.GetRole missing", lambda: iam.get_role(RoleName="nope")
    yield "iam.PutRolePolicy bad json", lambda: iam.put_role_policy(RoleName="r1", PolicyName="p", PolicyDocument="{x")
    yield "iam.PutRolePolicy", lambda: iam.put_role_policy(RoleName="r1", PolicyName="p", PolicyDocument=INLINE) and None
    yield "iam.GetRolePolicy", lambda: iam.get_role_policy(RoleName="r1", PolicyName="p")["PolicyDocument"] == json.loads(INLINE)
    yield "iam.GetRolePolicy missing", lambda: iam.get_role_policy(RoleName="r1", PolicyName="zz")
    yield "iam.DeleteRolePolicy missing", lambda: iam.delete_role_policy(RoleName="r1", PolicyName="zz")
    yield "iam.AttachRolePolicy unknown", lambda: iam.attach_role_policy(RoleName="r1", PolicyArn="arn:aws:iam::aws:policy/NoSuch")
    yield "iam.AttachRolePolicy", lambda: iam.attach_role_policy(RoleName="r1", PolicyArn=EXEC) and None
    yield "iam.ListAttached", lambda: iam.list_attached_role_policies(RoleName="r1")["AttachedPolicies"]
    yield "iam.DeleteRole attached", lambda: iam.delete_role(RoleName="r1")
    yield "iam.Detach", lambda: iam.detach_role_policy(RoleName="r1", PolicyArn=EXEC) and None
    yield "iam.Detach again", lambda: iam.detach_role_policy(RoleName="r1", PolicyArn=EXEC)
    yield "iam.DeleteRole inline", lambda: iam.delete_role(RoleName="r1")
    yield "iam.ListRoleTags", lambda: iam.list_role_tags(RoleName="r1")["Tags"]
    yield "iam.UpdateAssumeRolePolicy bad", lambda: iam.update_assume_role_policy(RoleName="r1", PolicyDocument="nope")
    yield "logs.CreateLogGroup", lambda: logs.create_log_group(logGroupName="/g", tags={"a":"b"}) and None
    yield "logs.CreateLogGroup dup", lambda: logs.create_log_group(logGroupName="/g")
    yield "logs.Describe arn", lambda: [(g["arn"].split(":")[-2:], g.get("logGroupArn","").split(":")[-1]) for g in logs.describe_log_groups(logGroupNamePrefix="/g")["logGroups"]]
    yield "logs.PutRetention bad", lambda: logs.put_retention_policy(logGroupName="/g", retentionInDays=4)
    yield "logs.PutRetention missing", lambda: logs.put_retention_policy(logGroupName="/nope", retentionInDays=7)
    yield "logs.CreateLogStream", lambda: logs.create_log_stream(logGroupName="/g", logStreamName="s") and None
    yield "logs.CreateLogStream dup", lambda: logs.create_log_stream(logGroupName="/g", logStreamName="s")
    yield "logs.PutLogEvents missing stream", lambda: logs.put_log_events(logGroupName="/g", logStreamName="zz", logEvents=[{"timestamp": 1, "message": "m"}])
    yield "logs.Filter missing", lambda: logs.filter_log_events(logGroupName="/nope")
    yield "logs.ListTags", lambda: logs.list_tags_for_resource(resourceArn="arn:aws:logs:us-east-1:123456789012:log-group:/g")["tags"]
    yield "logs.DeleteLogGroup missing", lambda: logs.delete_log_group(logGroupName="/nope")
    yield "sm.CreateSecret", lambda: sm.create_secret(Name="s1", SecretString='{"a":"b"}')["Name"]
    yield "sm.CreateSecret dup", lambda: sm.create_secret(Name="s1", SecretString='{"a":"b"}')
    yield "sm.Get missing", lambda: sm.get_secret_value(SecretId="nope")
    yield "sm.Delete both", lambda: sm.delete_secret(SecretId="s1", RecoveryWindowInDays=7, ForceDeleteWithoutRecovery=True)
    yield "sm.Delete window 3", lambda: sm.delete_secret(SecretId="s1", RecoveryWindowInDays=3)
    yield "sm.Delete", lambda: sm.delete_secret(SecretId="s1", RecoveryWindowInDays=7)["Name"]
    yield "sm.Describe deleted", lambda: "DeletedDate" in sm.describe_secret(SecretId="s1")
    yield "sm.Get deleted", lambda: sm.get_secret_value(SecretId="s1")
    yield "sm.Put deleted", lambda: sm.put_secret_value(SecretId="s1", SecretString="x")
    yield "sm.Create scheduled", lambda: sm.create_secret(Name="s1", SecretString="x")
    yield "sm.Delete again", lambda: sm.delete_secret(SecretId="s1")
    yield "sm.Restore", lambda: sm.restore_secret(SecretId="s1")["Name"]
    yield "sm.Get restored", lambda: sm.get_secret_value(SecretId="s1")["SecretString"]
    yield "sm.List", lambda: [s["Name"] for s in sm.list_secrets()["SecretList"]]
    yield "ecr.CreateRepository", lambda: ecr.create_repository(repositoryName="repo")["repository"]["repositoryUri"]
    yield "ecr.CreateRepository dup", lambda: ecr.create_repository(repositoryName="repo")
    yield "ecr.PutImage", lambda: ecr.put_image(repositoryName="repo", imageManifest=MANIFEST, imageTag="v1")["image"]["imageId"]
    yield "ecr.PutImage same", lambda: ecr.put_image(repositoryName="repo", imageManifest=MANIFEST, imageTag="v1")
    def batch_get():
        r = ecr.batch_get_image(repositoryName="repo", imageIds=[{"imageTag":"v1"},{"imageTag":"v9"}])
        return [i["imageId"] for i in r["images"]], [(f["failureCode"], f["failureReason"]) for f in r["failures"]]
    yield "ecr.BatchGet", batch_get
    yield "ecr.DescribeImages", lambda: [(d["imageDigest"], d.get("imageTags"), d["imageSizeInBytes"], d.get("imageManifestMediaType")) for d in ecr.describe_images(repositoryName="repo")["imageDetails"]]
    yield "ecr.DescribeImages missing tag", lambda: ecr.describe_images(repositoryName="repo", imageIds=[{"imageTag":"v9"}])
    yield "ecr.DescribeImages missing repo", lambda: ecr.describe_images(repositoryName="nope")
    yield "ecr.Delete not empty", lambda: ecr.delete_repository(repositoryName="repo")
    yield "ecr.Delete force", lambda: ecr.delete_repository(repositoryName="repo", force=True)["repository"]["repositoryName"]

def run(endpoint):
    out = {}
    for name, fn in steps(clients(endpoint)):
        try:
            out[name] = ("ok", repr(fn())[:160])
        except botocore.exceptions.ClientError as e:
            out[name] = (f'{e.response["Error"]["Code"]}/{e.response["ResponseMetadata"]["HTTPStatusCode"]}', e.response["Error"].get("Message", "")[:160])
    return out

def main():
    emu, moto = run(sys.argv[1]), run(sys.argv[2])
    unexpected = 0
    for k in emu:
        a, b = emu[k], moto[k]
        if a[0] == b[0]:
            flag = "SAME"
        elif k in MOTO_DIVERGES:
            flag = "ALLOWED (" + MOTO_DIVERGES[k] + ")"
        else:
            flag = "DIFF"
            unexpected += 1
        print(f"{flag} {k}\n   emu : {a}\n   moto: {b}")
    print(f"steps={len(emu)} unexpected differences={unexpected}")
    sys.exit(1 if unexpected else 0)


if __name__ == "__main__":
    main()
