package io.harnessdeployer.emulator.auth;

import java.util.Optional;

/** Finds the temporary credentials behind an access key id ({@code ASIA…}); STS implements it. */
public interface SessionIssuer {
  Optional<Session> session(String accessKeyId);
}
