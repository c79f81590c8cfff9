package io.harnessdeployer.emulator.services.ecr;

import java.util.Map;
import java.util.TreeMap;

/** The repositories of one registry (account) in one region, by name. */
final class EcrState {
  final Map<String, Repository> repositories = new TreeMap<>();
}
