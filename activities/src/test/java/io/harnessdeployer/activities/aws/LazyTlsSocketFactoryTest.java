package io.harnessdeployer.activities.aws;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLException;
import org.apache.http.HttpHost;
import org.apache.http.protocol.BasicHttpContext;
import org.junit.jupiter.api.Test;

/** Built lazily, it is still TLS: a server that answers in plain text fails the handshake. */
class LazyTlsSocketFactoryTest {
  @Test
  void anHttpsConnectionStillShakesHands() throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      Thread plain = new Thread(() -> {
        try (Socket s = server.accept()) {
          s.getOutputStream().write("HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          s.getInputStream().read();
        } catch (IOException e) {
          // the client hangs up once the handshake fails
        }
      });
      plain.start();
      LazyTlsSocketFactory f = new LazyTlsSocketFactory();
      BasicHttpContext context = new BasicHttpContext();
      Socket socket = f.createSocket(context);
      int port = server.getLocalPort();
      assertThrows(SSLException.class, () -> f.connectSocket(5000, socket, new HttpHost("localhost", port, "https"),
          new InetSocketAddress("127.0.0.1", port), null, context));
      plain.join(5000);
    }
  }
}
