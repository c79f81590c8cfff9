package io.harnessdeployer.emulator.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A shape of a service model. Codecs and the validator switch on the four kinds. */
public sealed interface Shape permits Shape.Structure, Shape.ListShape, Shape.MapShape, Shape.Scalar {
  String name();

  boolean sensitive();

  /** A structure; also a union, an error (with its trait), or an event-stream union. */
  record Structure(
      String name,
      Map<String, Member> members,
      Set<String> required,
      boolean union,
      boolean eventStream,
      ErrorTrait error,
      String payload,
      boolean sensitive)
      implements Shape {
    public boolean isError() {
      return error != null;
    }

    public Member member(String memberName) {
      return members.get(memberName);
    }
  }

  record ListShape(String name, Member member, boolean flattened, Long min, Long max, boolean sensitive)
      implements Shape {}

  record MapShape(
      String name, Member key, Member value, boolean flattened, Long min, Long max, boolean sensitive)
      implements Shape {}

  /** Strings, numbers, booleans, timestamps, blobs and documents (free-form JSON). */
  record Scalar(
      String name,
      Kind kind,
      Long min,
      Long max,
      List<String> enumValues,
      Pattern pattern,
      boolean sensitive,
      String timestampFormat)
      implements Shape {}

  enum Kind {
    STRING,
    INTEGER,
    LONG,
    FLOAT,
    DOUBLE,
    BOOLEAN,
    TIMESTAMP,
    BLOB,
    DOCUMENT
  }
}
