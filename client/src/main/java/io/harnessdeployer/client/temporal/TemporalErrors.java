package io.harnessdeployer.client.temporal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.ExitCodes;

/** Turns "Temporal is not there" into one actionable line. */
public final class TemporalErrors {
  private TemporalErrors() {}

  /** The connection failure behind {@code e}, as a CLI error; null when it is something else. */
  public static CliException unreachable(Throwable e, TemporalConnection conn) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException sre) {
        Status.Code code = sre.getStatus().getCode();
        if (code == Status.Code.UNAVAILABLE) {
          return new CliException(ExitCodes.FAILED, "cannot reach Temporal at " + conn.address()
              + " (" + code + "): start the local stack with 'client dev', or point --temporal-address"
              + " / TEMPORAL_ADDRESS at your server", e);
        }
        if (code == Status.Code.NOT_FOUND && String.valueOf(sre.getMessage()).contains("amespace")) {
          return new CliException(ExitCodes.FAILED, "Temporal namespace '" + conn.namespace()
              + "' does not exist at " + conn.address(), e);
        }
      }
    }
    return null;
  }

  public static RuntimeException translate(RuntimeException e, TemporalConnection conn) {
    CliException cli = unreachable(e, conn);
    return cli != null ? cli : e;
  }
}
