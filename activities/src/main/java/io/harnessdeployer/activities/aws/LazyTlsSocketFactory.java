package io.harnessdeployer.activities.aws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.apache.http.HttpHost;
import org.apache.http.conn.socket.LayeredConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.protocol.HttpContext;

/**
 * HTTPS for clients whose endpoint is plain http (the emulator): the TLS context (70 ms of CPU,
 * most of it the trust store) is built only if a connection ever needs it, which none does.
 */
final class LazyTlsSocketFactory implements LayeredConnectionSocketFactory {
  private volatile LayeredConnectionSocketFactory tls;

  private LayeredConnectionSocketFactory tls() {
    LayeredConnectionSocketFactory f = tls;
    if (f == null) {
      synchronized (this) {
        if (tls == null) {
          tls = SSLConnectionSocketFactory.getSocketFactory();
        }
        f = tls;
      }
    }
    return f;
  }

  @Override
  public Socket createSocket(HttpContext context) throws IOException {
    return tls().createSocket(context);
  }

  @Override
  public Socket connectSocket(int connectTimeout, Socket sock, HttpHost host, InetSocketAddress remoteAddress,
      InetSocketAddress localAddress, HttpContext context) throws IOException {
    return tls().connectSocket(connectTimeout, sock, host, remoteAddress, localAddress, context);
  }

  @Override
  public Socket createLayeredSocket(Socket socket, String target, int port, HttpContext context) throws IOException {
    return tls().createLayeredSocket(socket, target, port, context);
  }
}
