package io.harnessdeployer.emulator.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that sends awsJson1_1 calls as the SDK frames them (the
 * signature is not checked unless the emulator runs with --verify-signatures), with as little
 * client work as possible so the measurement is the server's.
 */
final class RawAwsCall implements AutoCloseable {
  private static final String ECS_TARGET = "AmazonEC2ContainerServiceV20141113.";

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final String host;

  RawAwsCall(String host, int port) throws IOException {
    this.socket = new Socket(host, port);
    socket.setTcpNoDelay(true);
    this.out = socket.getOutputStream();
    this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    this.host = host + ":" + port;
  }

  /** The request bytes for an ECS operation, built once and reused by the load loop. */
  byte[] ecs(String operation, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head = "POST / HTTP/1.1\r\n"
        + "Host: " + host + "\r\n"
        + "Content-Type: application/x-amz-json-1.1\r\n"
        + "X-Amz-Target: " + ECS_TARGET + operation + "\r\n"
        + "X-Amz-Date: 20261124T040000Z\r\n"
        + "Authorization: AWS4-HMAC-SHA256 Credential=test/20261124/us-east-1/ecs/aws4_request, "
        + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" + "0".repeat(64) + "\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  /** Sends a prepared request and reads the whole answer; returns the HTTP status. */
  int send(byte[] request) throws IOException {
    out.write(request);
    out.flush();
    return readResponse(null);
  }

  /** Like {@link #send} but also returns the body. */
  Response exchange(byte[] request) throws IOException {
    out.write(request);
    out.flush();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int status = readResponse(body);
    return new Response(status, body.toString(StandardCharsets.UTF_8));
  }

  record Response(int status, String body) {}

  private int readResponse(ByteArrayOutputStream keep) throws IOException {
    String statusLine = line();
    if (statusLine == null) throw new IOException("connection closed by the server");
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    for (String l; !(l = line()).isEmpty(); ) {
      int colon = l.indexOf(':');
      String name = l.substring(0, colon).trim();
      if (name.equalsIgnoreCase("Content-Length")) length = Long.parseLong(l.substring(colon + 1).trim());
      if (name.equalsIgnoreCase("Transfer-Encoding")) chunked = l.toLowerCase().contains("chunked");
    }
    if (chunked) {
      for (long size; (size = Long.parseLong(line().trim(), 16)) > 0; line()) skip(size, keep);
      line();
    } else if (length > 0) {
      skip(length, keep);
    }
    return status;
  }

  private void skip(long n, ByteArrayOutputStream keep) throws IOException {
    for (long i = 0; i < n; i++) {
      int b = in.read();
      if (b < 0) throw new IOException("body cut short");
      if (keep != null) keep.write(b);
    }
  }

  private String line() throws IOException {
    StringBuilder sb = new StringBuilder(64);
    for (int b; (b = in.read()) != '\n'; ) {
      if (b < 0) return sb.length() == 0 ? null : sb.toString();
      if (b != '\r') sb.append((char) b);
    }
    return sb.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
