package org.jgan.data.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny HTTP/1.1 server on 127.0.0.1 (a free port) serving in-memory files, with the faults a
 * fetch must survive: a connection closed halfway, a server that ignores Range, one that never
 * answers. Raw sockets rather than the JDK's HttpServer, which keeps a short response's connection
 * open instead of dropping it.
 */
final class TestMirror implements AutoCloseable {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

  /** How the server treats a request for one path. */
  enum Fault {
    /** Serve normally (Range honoured unless {@link #withoutRangeSupport}). */
    NONE,
    /** Announce the whole length, send half the bytes, then close the connection (once). */
    DROP_HALFWAY_ONCE,
    /** Send half the bytes, then hang until the server closes (a stalled transfer). */
    STALL_HALFWAY,
    /** Accept the request and never answer (a timing-out mirror). */
    NEVER_ANSWER
  }

  /** One request the server saw: the path and its Range header (null when none). */
  record Request(String path, String range) {}

  private final ServerSocket socket;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, Fault> faults = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile boolean rangeSupported = true;

  TestMirror() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "test-mirror");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The base URL, {@code http://127.0.0.1:PORT/}. */
  String url() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/";
  }

  TestMirror serve(String path, byte[] content) {
    files.put("/" + path, content);
    return this;
  }

  TestMirror fault(String path, Fault fault) {
    faults.put("/" + path, fault);
    return this;
  }

  TestMirror withoutRangeSupport() {
    rangeSupported = false;
    return this;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        Thread handler = new Thread(() -> handle(connection), "test-mirror-request");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void handle(Socket connection) {
    try (connection) {
      String[] head = readHead(connection.getInputStream()).split("\r\n");
      String path = head[0].split(" ")[1];
      String range = null;
      for (String line : head) {
        if (line.toLowerCase().startsWith("range:")) {
          range = line.substring(6).trim();
        }
      }
      requests.add(new Request(path, range));
      Fault fault = faults.getOrDefault(path, Fault.NONE);
      if (fault == Fault.NEVER_ANSWER) {
        awaitClose();
        return;
      }
      OutputStream out = connection.getOutputStream();
      byte[] content = files.get(path);
      if (content == null) {
        out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return;
      }
      Matcher matcher = range == null ? null : RANGE.matcher(range);
      int start = rangeSupported && matcher != null && matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
      String status = start > 0 ? "206 Partial Content\r\nContent-Range: bytes " + start + "-" + (content.length - 1) + "/"
          + content.length : "200 OK";
      out.write(("HTTP/1.1 " + status + "\r\nContent-Length: " + (content.length - start) + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      int end = fault == Fault.NONE ? content.length : start + (content.length - start) / 2;
      out.write(content, start, end - start);
      out.flush();
      if (fault == Fault.DROP_HALFWAY_ONCE) {
        faults.remove(path); // closing the socket now drops the connection mid-file
      } else if (fault == Fault.STALL_HALFWAY) {
        awaitClose();
      }
    } catch (IOException e) {
      // the client went away: nothing to serve
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    for (int b; matched < 4 && (b = in.read()) >= 0; ) {
      head.write(b);
      matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : 0;
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  private void awaitClose() {
    try {
      closing.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closing.countDown();
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
