package io.harnessdeployer.emulator.auth;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of {@code Authorization: AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/sts/aws4_request,
 * SignedHeaders=host;x-amz-date, Signature=...}.
 */
public record SigV4Authorization(
    String accessKey, String date, String region, String service, List<String> signedHeaders, String signature) {

  private static final Pattern HEADER =
      Pattern.compile(
          "AWS4-HMAC-SHA256\\s+Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,\\s*"
              + "SignedHeaders=([^,]+),\\s*Signature=([0-9a-fA-F]+)\\s*");

  public static Optional<SigV4Authorization> parse(String header) {
    if (header == null) return Optional.empty();
    Matcher m = HEADER.matcher(header.trim());
    if (!m.matches()) return Optional.empty();
    return Optional.of(new SigV4Authorization(
        m.group(1), m.group(2), m.group(3), m.group(4), List.of(m.group(5).split(";")), m.group(6)));
  }
}
