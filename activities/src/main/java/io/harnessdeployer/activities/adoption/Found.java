package io.harnessdeployer.activities.adoption;

import java.util.Map;

/** A resource adopt found: its ARN (what the tag calls take) and its tags. */
record Found(String arn, Map<String, String> tags) {}
