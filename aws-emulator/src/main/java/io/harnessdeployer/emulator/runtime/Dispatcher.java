package io.harnessdeployer.emulator.runtime;

import io.harnessdeployer.emulator.auth.Session;
import io.harnessdeployer.emulator.auth.SessionIssuer;
import io.harnessdeployer.emulator.auth.SigV4Authorization;
import io.harnessdeployer.emulator.auth.SignatureVerifier;
import io.harnessdeployer.emulator.control.Faults;
import io.harnessdeployer.emulator.control.ParameterMasker;
import io.harnessdeployer.emulator.control.RequestLog;
import io.harnessdeployer.emulator.error.AwsServiceError;
import io.harnessdeployer.emulator.model.OperationModel;
import io.harnessdeployer.emulator.model.ServiceModel;
import io.harnessdeployer.emulator.protocol.CommonError;
import io.harnessdeployer.emulator.protocol.ProtocolCodec;
import io.harnessdeployer.emulator.protocol.WireRequest;
import io.harnessdeployer.emulator.protocol.WireResponse;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One AWS call, end to end: signature → operation → parse → faults → validate → handler → output,
 * every failure answered in the caller's protocol, every call logged with secrets masked.
 */
public final class Dispatcher {
  /** Looked up on first use, so a clean start does not pay for initialising logging. */
  private static Logger log() {
    return LoggerFactory.getLogger(Dispatcher.class);
  }
  public static final String HOSTED_SERVICE = "mcp";

  private final EmulatorSettings settings;
  private final Function<String, ServiceHandler> handlers;
  private final Faults faults;
  private final RequestLog requests;
  private final SignatureVerifier verifier;

  public Dispatcher(EmulatorSettings settings, Function<String, ServiceHandler> handlers, Faults faults, RequestLog requests) {
    this.settings = settings;
    this.handlers = handlers;
    this.faults = faults;
    this.requests = requests;
    this.verifier = settings.verifySignatures() ? new SignatureVerifier(settings) : null;
  }

  public WireResponse dispatch(ServiceRouter.Aws route, WireRequest req) {
    ServiceModel model = route.model();
    ProtocolCodec codec = route.codec();
    String requestId = UUID.randomUUID().toString();
    Instant now = settings.clock().instant();
    String requested = Optional.ofNullable(codec.requestedOperation(req)).orElse("?");
    String opName = requested;
    Map<String, Object> logged = Map.of();
    WireResponse response;
    String errorCode = null;
    Caller caller = null;
    Long holdAfter = null;
    try {
      caller = caller(req, codec);
      OperationModel op = codec.operation(req, model)
          .orElseThrow(() -> codec.common(CommonError.UNKNOWN_OPERATION, "Operation " + requested + " is not supported by " + model.id() + "."));
      opName = op.name();
      Map<String, Object> input = codec.parse(req, op);
      logged = ParameterMasker.mask(op.input(), input);
      Faults.Fault fault = applyFault(model.id(), op.name(), input);
      Faults.Fault streamFault = fault != null && fault.inStream() ? fault : null;
      holdAfter = fault != null ? fault.holdAfterMs() : null;
      ServiceHandler handler = handlers.apply(model.id());
      List<InputValidator.Violation> violations = InputValidator.validate(op.input(), input);
      if (!violations.isEmpty()) {
        throw (handler == null ? Optional.<AwsServiceError>empty() : handler.rejectInput(violations))
            .orElseGet(() -> ValidationRejection.reject(model, violations));
      }
      Operation impl = handler == null ? null : handler.operations().get(op.name());
      if (impl == null) {
        throw codec.common(CommonError.NOT_IMPLEMENTED, op.qualifiedName() + " is not implemented by the emulator");
      }
      RequestContext ctx = new RequestContext(model.id(), op.name(), caller.accountId(), route.region(), requestId, now,
          settings, caller);
      Map<String, Object> output = impl.invoke(ctx, input);
      if (streamFault != null) {
        errorCode = streamFault.errorCode();
        output = StreamFaults.inject(op, output, streamFault);
      }
      response = codec.output(op, output, requestId);
    } catch (AwsServiceError e) {
      errorCode = e.code();
      response = codec.error(model, e, requestId);
    } catch (RuntimeException e) {
      log().error("{}.{} failed", model.id(), opName, e);
      AwsServiceError internal = codec.common(CommonError.INTERNAL_FAILURE, "Internal failure: " + e);
      errorCode = internal.code();
      response = codec.error(model, internal, requestId);
    }
    boolean signed = req.header("Authorization") != null;
    requests.add(now, model.id(), opName, route.region(), logged, response.status(), errorCode,
        signed && caller != null ? caller.arn() : null);
    if (holdAfter != null && holdAfter > 0) {
      sleep(holdAfter); // applied and logged: only the answer waits
    }
    return response;
  }

  /**
   * Who signed the request: the role session STS issued for its access key (which must come with
   * that session's token, unexpired), else the emulator's IAM user. Signatures are checked only
   * when the settings ask for it.
   */
  private Caller caller(WireRequest req, ProtocolCodec codec) {
    Session session = SigV4Authorization.parse(req.header("Authorization"))
        .flatMap(auth -> handlers.apply("sts") instanceof SessionIssuer issuer
            ? issuer.session(auth.accessKey()) : Optional.empty())
        .orElse(null);
    if (session != null && (!session.sessionToken().equals(req.header("X-Amz-Security-Token"))
        || !Instant.now().isBefore(session.expiration()))) {
      throw codec.common(CommonError.UNKNOWN_ACCESS_KEY, authMessage(CommonError.UNKNOWN_ACCESS_KEY));
    }
    if (verifier != null) {
      Optional<CommonError> bad = verifier.check(req, session);
      if (bad.isPresent()) throw codec.common(bad.get(), authMessage(bad.get()));
    }
    return session != null ? session.caller() : Caller.user(settings.accountId());
  }

  /** A hosted endpoint (service {@code mcp}, operation = path), with faults applied like any call. */
  public EndpointHost.Response hosted(ServiceRouter.Hosted route) {
    EndpointHost.Request req = route.request();
    Instant now = settings.clock().instant();
    EndpointHost.Response response;
    String errorCode = null;
    try {
      applyFault(HOSTED_SERVICE, req.path(), Map.of());
      response = route.host().answer(req);
    } catch (AwsServiceError e) {
      errorCode = e.code();
      int status = e.httpStatus() != null ? e.httpStatus() : 400;
      response = EndpointHost.Response.json(status, "{\"code\":" + quote(e.code()) + ",\"message\":" + quote(e.getMessage()) + "}");
    } catch (RuntimeException e) {
      log().error("hosted endpoint {}{} failed", req.host(), req.path(), e);
      errorCode = "InternalFailure";
      response = EndpointHost.Response.json(500, "{\"message\":\"internal failure\"}");
    }
    requests.add(now, HOSTED_SERVICE, req.path(), settings.defaultRegion(), Map.of("host", req.host(), "method", req.method()),
        response.status(), errorCode);
    return response;
  }

  /**
   * Sleeps and throws as the fault says; returns the fault that lets the call through (an {@code
   * inStream} one for the handler's output, a {@code holdAfterMs} one for its answer), else null.
   */
  private Faults.Fault applyFault(String service, String operation, Map<String, Object> input) {
    Optional<Faults.Fault> fault = faults.next(service, operation, input);
    if (fault.isEmpty()) return null;
    Faults.Fault f = fault.get();
    if (f.latencyMs() != null && f.latencyMs() > 0) {
      sleep(f.latencyMs());
    }
    if (f.errorCode() == null || f.inStream()) return f;
    String message = f.message() != null ? f.message() : "Injected fault " + f.id();
    throw f.httpStatus() != null ? AwsServiceError.common(f.errorCode(), f.httpStatus(), message) : AwsServiceError.of(f.errorCode(), message);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String authMessage(CommonError e) {
    return switch (e) {
      case MISSING_AUTHENTICATION -> "Request is missing Authentication Token";
      case UNKNOWN_ACCESS_KEY -> "The security token included in the request is invalid.";
      default -> "The request signature we calculated does not match the signature you provided. "
          + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
    };
  }

  private static String quote(String s) {
    return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
