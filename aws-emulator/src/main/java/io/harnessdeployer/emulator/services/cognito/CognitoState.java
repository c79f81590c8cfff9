package io.harnessdeployer.emulator.services.cognito;

import java.util.LinkedHashMap;
import java.util.Map;

/** One account and region of Cognito: its user pools by id, in creation order. */
final class CognitoState {
  final Map<String, UserPool> pools = new LinkedHashMap<>();
}
