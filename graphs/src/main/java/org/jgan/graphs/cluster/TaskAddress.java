package org.jgan.graphs.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One task's address in a cluster file: {@code host:port}, or {@code [v6-address]:port}.
 *
 * @param host the host name or address, without brackets
 * @param port the TCP port, 1 to 65535
 */
public record TaskAddress(String host, int port) {
  private static final Pattern BRACKETED = Pattern.compile("\\[([0-9A-Fa-f:.]+)]:(\\d{1,5})");
  private static final Pattern PLAIN = Pattern.compile("([A-Za-z0-9.-]+):(\\d{1,5})");

  /**
   * Parses {@code host:port}.
   *
   * @throws IllegalArgumentException naming the text when it is not an address with a port in 1..65535
   */
  public static TaskAddress parse(String text) {
    Matcher matcher = BRACKETED.matcher(text);
    if (!matcher.matches()) {
      matcher = PLAIN.matcher(text);
    }
    if (!matcher.matches()) {
      throw new IllegalArgumentException("malformed address '" + text + "' (expected host:port)");
    }
    int port = Integer.parseInt(matcher.group(2));
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("malformed address '" + text + "': port " + port + " is not in 1..65535");
    }
    return new TaskAddress(matcher.group(1), port);
  }

  /**
   * Whether this address can only be reached from this machine: localhost, 127.0.0.0/8 or ::1.
   * Literal addresses and "localhost" only: a name is never resolved, so DNS cannot make it local.
   */
  public boolean isLoopback() {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress(); // a literal: parsed, not looked up
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** {@code host:port}, with brackets around an IPv6 host, as TensorFlow's cluster definition wants it. */
  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
