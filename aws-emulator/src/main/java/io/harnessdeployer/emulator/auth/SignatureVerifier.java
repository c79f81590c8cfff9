package io.harnessdeployer.emulator.auth;

import io.harnessdeployer.emulator.protocol.CommonError;
import io.harnessdeployer.emulator.protocol.WireRequest;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Recomputes a request's SigV4 signature with the SDK's own signer over the headers the client
 * signed, for the configured key pair. Answers which common error applies, if any.
 */
public final class SignatureVerifier {
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private final AwsCredentialsIdentity credentials;

  public SignatureVerifier(EmulatorSettings settings) {
    this.credentials = AwsCredentialsIdentity.create(settings.accessKeyId(), settings.secretAccessKey());
  }

  public Optional<CommonError> check(WireRequest req) {
    return check(req, null);
  }

  /** As {@link #check(WireRequest)}, for the configured key pair or, when given, an STS session's. */
  public Optional<CommonError> check(WireRequest req, Session session) {
    Optional<SigV4Authorization> parsed = SigV4Authorization.parse(req.header("Authorization"));
    if (parsed.isEmpty()) return Optional.of(CommonError.MISSING_AUTHENTICATION);
    SigV4Authorization auth = parsed.get();
    AwsCredentialsIdentity key = session == null ? credentials
        : AwsCredentialsIdentity.create(session.accessKeyId(), session.secretAccessKey());
    if (!auth.accessKey().equals(key.accessKeyId())) return Optional.of(CommonError.UNKNOWN_ACCESS_KEY);
    String amzDate = req.header("X-Amz-Date");
    if (amzDate == null) return Optional.of(CommonError.BAD_SIGNATURE);
    try {
      String expected = signature(req, auth, Instant.from(AMZ_DATE.parse(amzDate)), key);
      return expected.equalsIgnoreCase(auth.signature()) ? Optional.empty() : Optional.of(CommonError.BAD_SIGNATURE);
    } catch (RuntimeException e) {
      return Optional.of(CommonError.BAD_SIGNATURE);
    }
  }

  private String signature(WireRequest req, SigV4Authorization auth, Instant date, AwsCredentialsIdentity key) {
    String query = req.rawQuery() == null || req.rawQuery().isEmpty() ? "" : "?" + req.rawQuery();
    SdkHttpRequest.Builder http =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.fromValue(req.method()))
            .uri(URI.create("http://" + req.header("Host") + req.path() + query));
    for (String name : auth.signedHeaders()) {
      List<String> values = req.headers().get(name);
      if (values != null) http.putHeader(name, values);
    }
    SignedRequest signed =
        signer.sign(r -> r.identity(key)
            .request(http.build())
            .payload(ContentStreamProvider.fromByteArray(req.body()))
            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, auth.service())
            .putProperty(AwsV4HttpSigner.REGION_NAME, auth.region())
            .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(date, ZoneOffset.UTC)));
    String header = signed.request().firstMatchingHeader("Authorization").orElse("");
    return header.substring(header.indexOf("Signature=") + "Signature=".length()).trim();
  }
}
