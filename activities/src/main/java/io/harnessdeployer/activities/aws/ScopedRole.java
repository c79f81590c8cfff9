package io.harnessdeployer.activities.aws;

import io.harnessdeployer.workflows.steps.AssumedRole;
import io.harnessdeployer.workflows.steps.Scope;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.lang.reflect.RecordComponent;

/**
 * The role of the running activity's deployment ({@link Scope#role()}), for {@link
 * RoleCredentials}: a worker interceptor finds the Scope in the activity's input and sets it for
 * the activity's thread, so every SDK client and the hand-signed Harness client of that call sign
 * as the role, without any activity knowing of it.
 */
public final class ScopedRole extends WorkerInterceptorBase {
  private static final ThreadLocal<AssumedRole> CURRENT = new ThreadLocal<>();

  /** The role of the activity running on this thread, or null: the worker's own identity. */
  public static AssumedRole current() {
    return CURRENT.get();
  }

  /** Runs {@code call} as {@code role} (null: the worker's own identity) on this thread. */
  public static <T> T with(AssumedRole role, java.util.function.Supplier<T> call) {
    AssumedRole before = CURRENT.get();
    CURRENT.set(role);
    try {
      return call.get();
    } finally {
      CURRENT.set(before);
    }
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      @Override
      public ActivityOutput execute(ActivityInput input) {
        return with(roleOf(input.getArguments()), () -> super.execute(input));
      }
    };
  }

  /** The role in the first Scope among the arguments, or in a record argument's Scope component. */
  static AssumedRole roleOf(Object[] arguments) {
    for (Object arg : arguments) {
      Scope scope = scopeOf(arg);
      if (scope != null) {
        return scope.role();
      }
    }
    return null;
  }

  private static Scope scopeOf(Object arg) {
    if (arg instanceof Scope s) {
      return s;
    }
    if (arg == null || !arg.getClass().isRecord()) {
      return null;
    }
    for (RecordComponent c : arg.getClass().getRecordComponents()) {
      if (c.getType() == Scope.class) {
        try {
          return (Scope) c.getAccessor().invoke(arg);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read the scope of " + arg.getClass().getSimpleName(), e);
        }
      }
    }
    return null;
  }
}
