package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgan data fetch|list|verify}, with the project's datasets folder (JGAN_DATA, which the test
 * command sets) served from 127.0.0.1 as the user's mirror. The library's fault handling (resume,
 * fallback, kill) is tested in the data module.
 */
class DataCommandTest {
  @TempDir
  Path dir;

  private HttpServer server;
  private String mirror;

  @BeforeEach
  void serveTheProjectsDatasets() throws IOException {
    String data = System.getenv("JGAN_DATA");
    assertNotNull(data, "JGAN_DATA must name the datasets folder");
    Path root = Path.of(data).toAbsolutePath().normalize();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        exchange.sendResponseHeaders(200, Files.size(file));
        try (OutputStream body = exchange.getResponseBody()) {
          Files.copy(file, body);
        }
      }
    });
    server.start();
    mirror = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void fetchThenListAndVerify() {
    Path to = dir.resolve("datasets");
    CliRunner.Outcome fetched = CliRunner.run("data", "fetch", "mnist", "text", "--to", to.toString(), "--mirror", mirror);
    assertEquals(0, fetched.exitCode(), fetched.err());
    assertTrue(fetched.out().contains("mnist: verified in " + to.resolve("mnist") + " (4 downloaded, 0 already there)"),
        fetched.out());

    CliRunner.Outcome listed = CliRunner.run("data", "list", "--data", to.toString());
    assertEquals(0, listed.exitCode(), listed.err());
    assertTrue(listed.out().contains("| mnist | verified | 11.4 MB | " + mirror + "mnist/ |"), listed.out());
    assertTrue(listed.out().contains("| text | verified | 2.0 MB | " + mirror + "text/ |"), listed.out());
    assertTrue(listed.out().contains("| fashion | missing | - | run 'jgan data fetch fashion --to " + to + "' |"),
        listed.out());

    CliRunner.Outcome verified = CliRunner.run("data", "verify", "--data", to.toString());
    assertEquals(0, verified.exitCode(), verified.err());
    assertTrue(verified.out().contains("mnist: verified (4 files)"), verified.out());

    CliRunner.Outcome again = CliRunner.run("data", "fetch", "mnist", "--to", to.toString(), "--mirror", mirror);
    assertTrue(again.out().contains("(0 downloaded, 4 already there)"), again.out());
  }

  @Test
  void verifyNamesACorruptFileAndSetsItAside() throws IOException {
    Path to = dir.resolve("datasets");
    assertEquals(0, CliRunner.run("data", "fetch", "mnist", "--to", to.toString(), "--mirror", mirror).exitCode());
    Path labels = to.resolve("mnist/t10k-labels-idx1-ubyte.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(labels))) {
      out.write(new byte[10_008]); // a well-formed archive of the wrong content
    }

    CliRunner.Outcome verified = CliRunner.run("data", "verify", "--data", to.toString());

    assertEquals(2, verified.exitCode());
    assertTrue(verified.err().contains(labels + ": SHA-256 of the decompressed content is "), verified.err());
    assertTrue(verified.err().contains("expected ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
        verified.err());
    assertFalse(Files.exists(labels), "the corrupt file is out of every reader's way");
    assertTrue(Files.exists(to.resolve("mnist/t10k-labels-idx1-ubyte.gz.corrupt")));
    assertTrue(CliRunner.run("data", "list", "--data", to.toString()).out().contains("| mnist | incomplete |"));
  }

  @Test
  void theTextCorpusNeedsTheUsersMirror() {
    CliRunner.Outcome text = CliRunner.run("data", "fetch", "text", "--to", dir.toString());
    assertEquals(2, text.exitCode());
    assertEquals(1, text.errorLines().size(), text.err());
    assertTrue(text.err().contains("no public mirror holds it: pass --mirror URL or set JGAN_MIRRORS"), text.err());

    CliRunner.Outcome all = CliRunner.run("data", "fetch", "all", "--to", dir.toString());
    assertEquals(2, all.exitCode());
    assertTrue(all.err().contains("(or fetch the others: jgan data fetch mnist fashion cifar10)"), all.err());
    assertFalse(Files.exists(dir.resolve("mnist")), "nothing is fetched before the request is known to be possible");
  }

  @Test
  void badNamesAndMirrorsAreRefused() {
    CliRunner.Outcome unknown = CliRunner.run("data", "fetch", "cifar100", "--to", dir.toString());
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().contains("unknown dataset 'cifar100' (known: mnist, fashion, text, cifar10, all)"), unknown.err());
    CliRunner.Outcome ftp = CliRunner.run("data", "fetch", "mnist", "--to", dir.toString(), "--mirror", "ftp://127.0.0.1/");
    assertEquals(2, ftp.exitCode());
    assertTrue(ftp.err().contains("--mirror 'ftp://127.0.0.1/': not an http:// or https:// URL"), ftp.err());
  }

  @Test
  void missingDataNamesTheCommandThatFetchesIt() throws IOException {
    Path empty = dir.resolve("empty");
    CliRunner.Outcome train = CliRunner.run("train", "--objective", "gan", "--dataset", "fashion", "--data", empty.toString(),
        "--steps", "1", "--out", dir.resolve("run").toString(), "--quiet");
    assertEquals(2, train.exitCode());
    assertTrue(train.err().contains("run 'jgan data fetch fashion --to " + empty + "'"), train.err());

    CliRunner.Outcome text = CliRunner.run("train", "--objective", "bgan-discrete", "--dataset", "text", "--data",
        empty.toString(), "--steps", "1", "--out", dir.resolve("text-run").toString(), "--quiet");
    assertEquals(2, text.exitCode());
    assertTrue(text.err().contains("run 'jgan data fetch text --to " + empty + "'"), text.err());

    Path samples = Files.writeString(dir.resolve("samples.txt"), "the quick brown fox jumps over the lazy dog\n");
    CliRunner.Outcome eval = CliRunner.run("eval", "--text", samples.toString(), "--data", empty.toString());
    assertEquals(2, eval.exitCode());
    assertTrue(eval.err().contains("run 'jgan data fetch text --to " + empty + "'"), eval.err());
  }
}
