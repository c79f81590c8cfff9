package io.harnessdeployer.emulator.runtime;

import static io.harnessdeployer.emulator.FakeHandler.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.emulator.FakeHandler;
import io.harnessdeployer.emulator.Raw;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests a real client would not send still get the real error in the caller's protocol, never a 500. */
class BadRequestTest {
  static Emulator emulator;
  static Raw raw;

  @BeforeAll
  static void start() {
    FakeHandler logs = new FakeHandler("logs")
        .on("CreateLogGroup", (ctx, in) -> map())
        .on("DeleteLogGroup", (ctx, in) -> {
          throw new IllegalStateException("handler bug");
        });
    emulator = Emulator.builder().handler(logs).build().start();
    raw = new Raw(emulator);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void awsJson_unknownOperation() {
    HttpResponse<String> r = raw.json("Logs_20140328.DoesNotExist", "{}");
    assertEquals(400, r.statusCode());
    assertEquals("UnknownOperationException", Raw.header(r, "x-amzn-ErrorType"));
    assertEquals("UnknownOperationException", Raw.parse(r).get("__type"));
  }

  @Test
  void awsJson_malformedBody() {
    HttpResponse<String> r = raw.json("Logs_20140328.CreateLogGroup", "{\"logGroupName\": ");
    assertEquals(400, r.statusCode());
    assertEquals("SerializationException", Raw.parse(r).get("__type"));
  }

  @Test
  void awsJson_wrongType() {
    HttpResponse<String> r = raw.json("Logs_20140328.CreateLogGroup", "{\"logGroupName\": {\"a\": 1}}");
    assertEquals(400, r.statusCode());
    assertEquals("SerializationException", Raw.parse(r).get("__type"));
  }

  @Test
  void awsJson_missingRequiredMember() {
    HttpResponse<String> r = raw.json("Logs_20140328.CreateLogGroup", "{}");
    assertEquals(400, r.statusCode());
    Map<String, Object> body = Raw.parse(r);
    assertEquals("InvalidParameterException", body.get("__type"));
    assertEquals("1 validation error detected: Value null at 'logGroupName' failed to satisfy constraint: "
        + "Member must not be null", body.get("message"));
  }

  @Test
  void awsJson_handlerBug_isInternalFailure500() {
    HttpResponse<String> r = raw.json("Logs_20140328.DeleteLogGroup", "{\"logGroupName\":\"g\"}");
    assertEquals(500, r.statusCode());
    assertEquals("InternalFailure", Raw.parse(r).get("__type"));
  }

  @Test
  void awsJson_modeledOperationWithoutHandler_is501() {
    HttpResponse<String> r = raw.json("Logs_20140328.DescribeLogGroups", "{}");
    assertEquals(501, r.statusCode());
    assertTrue(Raw.parse(r).get("message").toString().contains("logs.DescribeLogGroups"), r.body());
  }

  @Test
  void awsJson_serviceWithoutAnyHandler_is501() {
    try (Emulator bare = Emulator.builder().withoutDefaultServices().build().start()) {
      HttpResponse<String> r = new Raw(bare).json("AmazonEC2ContainerServiceV20141113.ListServices", "{}");
      assertEquals(501, r.statusCode());
      assertTrue(r.body().contains("ecs.ListServices"), r.body());
    }
  }

  @Test
  void awsQuery_unknownAction() {
    HttpResponse<String> r = raw.query("Action=GetCallerIdentity&Version=2011-06-15");
    assertEquals(200, r.statusCode(), r.body());
    r = raw.send("POST", "/", "Action=NoSuchThing&Version=2011-06-15",
        "Content-Type", "application/x-www-form-urlencoded",
        "Authorization", "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=00");
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("<Code>InvalidAction</Code>"), r.body());
    assertTrue(r.body().contains("<Type>Sender</Type>"), r.body());
  }

  @Test
  void awsQuery_missingRequiredMember() {
    HttpResponse<String> r = raw.query("Action=GetRole&Version=2010-05-08");
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("<Code>ValidationError</Code>"), r.body());
    assertTrue(r.body().contains("Value null at 'roleName' failed to satisfy constraint: Member must not be null"), r.body());
  }

  @Test
  void restJson_unknownRoute() {
    HttpResponse<String> r = raw.send("GET", "/harnesses/h1/nothing-here", null,
        "Authorization", "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/bedrock-agentcore/aws4_request, SignedHeaders=host, Signature=00");
    assertEquals(404, r.statusCode());
    assertEquals("UnknownOperationException", Raw.header(r, "x-amzn-ErrorType"));
  }

  @Test
  void restJson_malformedBody_isValidationExceptionCannotParse() {
    HttpResponse<String> r = raw.send("POST", "/identities/CreateApiKeyCredentialProvider", "{nope",
        "Content-Type", "application/json");
    assertEquals(400, r.statusCode());
    assertEquals("ValidationException", Raw.header(r, "x-amzn-ErrorType"));
    assertEquals("CannotParse", Raw.parse(r).get("reason"));
  }

  @Test
  void unroutable_isA404NamingTheReason() {
    HttpResponse<String> r = raw.send("GET", "/nothing", null);
    assertEquals(404, r.statusCode());
    assertTrue(r.body().contains("cannot tell which service"), r.body());
  }
}
