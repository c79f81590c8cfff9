package io.harnessdeployer.emulator;

import io.harnessdeployer.emulator.runtime.Emulator;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import io.harnessdeployer.emulator.state.LatencyProfile;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * {@code aws-emulator [--port 4566] [--host 127.0.0.1] [--latency instant|realistic[,name=dur...]]
 * [--account 123456789012] [--region us-east-1] [--verify-signatures] [--access-key K] [--secret-key S]}.
 */
public final class EmulatorMain {
  private EmulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    long started = System.nanoTime();
    int port = 4566;
    String host = "127.0.0.1";
    EmulatorSettings d = EmulatorSettings.defaults();
    String account = d.accountId();
    String region = d.defaultRegion();
    LatencyProfile latency = d.latency();
    boolean verify = false;
    String accessKey = d.accessKeyId();
    String secretKey = d.secretAccessKey();
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--port" -> port = Integer.parseInt(value(args, ++i));
          case "--host" -> host = value(args, ++i);
          case "--latency" -> latency = LatencyProfile.parse(value(args, ++i));
          case "--account" -> account = value(args, ++i);
          case "--region" -> region = value(args, ++i);
          case "--verify-signatures" -> verify = true;
          case "--access-key" -> accessKey = value(args, ++i);
          case "--secret-key" -> secretKey = value(args, ++i);
          case "-h", "--help" -> {
            System.out.println(usage());
            return;
          }
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println("aws-emulator: " + e.getMessage());
      System.err.println(usage());
      System.exit(2);
    }
    EmulatorSettings settings =
        new EmulatorSettings(account, region, latency, Clock.systemUTC(), verify, accessKey, secretKey);
    Emulator emulator = Emulator.builder().settings(settings).host(host).port(port).build().start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }));
    System.out.println("aws-emulator listening on " + emulator.endpoint());
    System.err.printf("started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    stopped.await();
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) throw new IllegalArgumentException(args[i - 1] + " needs a value");
    return args[i];
  }

  private static String usage() {
    return "usage: aws-emulator [--port 4566] [--host 127.0.0.1] [--latency instant|realistic[,name=dur...]]\n"
        + "                    [--account 123456789012] [--region us-east-1]\n"
        + "                    [--verify-signatures] [--access-key test] [--secret-key test]";
  }
}
