package io.harnessdeployer.emulator.services.logs;

import java.time.Duration;
import java.util.List;

/** CloudWatch Logs names, limits and the wording the real service uses in its errors. */
final class LogsConstants {
  private LogsConstants() {}

  static final String SERVICE = "logs";
  static final String RESOURCE_TYPE = "log-group";
  static final String STATUS_ACTIVE = "ACTIVE";
  static final String LOG_GROUP_PREFIX = "log-group:";
  static final String LOG_STREAM_INFIX = ":log-stream:";
  /** DescribeLogGroups' {@code arn} ends with this; {@code logGroupArn} does not. */
  static final String ALL_STREAMS_SUFFIX = ":*";
  static final String DEFAULT_CLASS = "STANDARD";

  static final List<Integer> RETENTION_DAYS =
      List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
  static final int DEFAULT_DESCRIBE_LIMIT = 50;
  static final int DEFAULT_EVENTS_LIMIT = 10_000;
  static final int MAX_TAGS = 50;
  static final Duration MAX_EVENT_AGE = Duration.ofDays(14);
  static final Duration MAX_EVENT_AHEAD = Duration.ofHours(2);
  static final Duration MAX_BATCH_SPAN = Duration.ofHours(24);
  static final String ORDER_BY_NAME = "LogStreamName";
  static final String ORDER_BY_LAST_EVENT = "LastEventTime";
  static final String FORWARD = "f/";
  static final String BACKWARD = "b/";

  // Error shapes.
  static final String RESOURCE_NOT_FOUND = "ResourceNotFoundException";
  static final String ALREADY_EXISTS = "ResourceAlreadyExistsException";
  static final String INVALID_PARAMETER = "InvalidParameterException";
  static final String TOO_MANY_TAGS = "TooManyTagsException";
  static final String VALIDATION = "ValidationException";

  static final String GROUP_NOT_FOUND = "The specified log group does not exist.";
  static final String STREAM_NOT_FOUND = "The specified log stream does not exist.";
  static final String GROUP_EXISTS = "The specified log group already exists";
  static final String STREAM_EXISTS = "The specified log stream already exists";
  static final String INVALID_TOKEN = "The specified nextToken is invalid.";
  static final String PREFIX_AND_PATTERN =
      "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.";
  static final String NAME_AND_IDENTIFIER =
      "LogGroup name and LogGroup ARN are mutually exclusive parameters.";
  static final String NAME_OR_IDENTIFIER = "Either LogGroup name or LogGroup ARN must be specified.";
  static final String STREAM_NAMES_AND_PREFIX =
      "logStreamNames and logStreamNamePrefix are mutually exclusive parameters.";
  static final String ORDER_BY_WITH_PREFIX = "Cannot order by LastEventTime with a logStreamNamePrefix.";
  static final String NOT_CHRONOLOGICAL =
      "Log events in a single PutLogEvents request must be in chronological order.";
  static final String BATCH_TOO_LONG =
      "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.";
  static final String TAG_LIMIT = "A resource can have no more than " + MAX_TAGS + " tags.";

  static String invalidRetention(Integer days) {
    return "1 validation error detected: Value '" + days + "' at 'retentionInDays' failed to satisfy"
        + " constraint: Member must satisfy enum value set: " + RETENTION_DAYS;
  }

  static String deletionProtected(String name) {
    return "Log group " + name + " cannot be deleted because deletion protection is enabled.";
  }

  static String invalidArn(String arn) {
    return "Invalid resource ARN: " + arn;
  }
}
