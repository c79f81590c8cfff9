package io.harnessdeployer.emulator.services.logs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** One log group and its streams. Guarded by the handler's lock. */
final class LogGroup {
  final String name;
  /** Without the {@code :*} suffix: what TagResource takes and the control API shows. */
  final String logGroupArn;
  final long creationTime;
  final String kmsKeyId;
  final String logGroupClass;
  final boolean deletionProtection;
  Integer retentionInDays;
  final Map<String, String> tags = new LinkedHashMap<>();
  final Map<String, LogStream> streams = new TreeMap<>();

  LogGroup(String name, String logGroupArn, long creationTime, String kmsKeyId, String logGroupClass, boolean deletionProtection) {
    this.name = name;
    this.logGroupArn = logGroupArn;
    this.creationTime = creationTime;
    this.kmsKeyId = kmsKeyId;
    this.logGroupClass = logGroupClass;
    this.deletionProtection = deletionProtection;
  }

  long storedBytes() {
    return streams.values().stream().mapToLong(s -> s.storedBytes).sum();
  }
}
