package org.jgan.tools.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.jgan.tools.cli.CliRunner;

/**
 * {@code jgan experiment report}: a tiny experiment run for real, its page parsed as XML and
 * screenshot in headless Chromium; and a fixed folder whose files hold markup, which the page
 * must show as text.
 */
class ExperimentReportTest {
  @TempDir
  Path dir;

  private static final String TINY = """
      name: tiny-report
      grid:
        objective: [gan-ns, wgan-gp]
      seeds: [1]
      train: {steps: 20, width: 16, checkpoint-every: 10}
      eval: {metrics: [toy], n: 300}
      """;

  @Test
  void aTinyExperimentsReportIsOneSelfContainedPageThatChromiumDraws() throws Exception {
    Path file = dir.resolve("tiny.yaml");
    Files.writeString(file, TINY);
    Path sweep = dir.resolve("sweep");
    CliRunner.Outcome ran = CliRunner.run("experiment", "run", file.toString(), "--out", sweep.toString(), "--quiet");
    assertEquals(0, ran.exitCode(), ran.err() + ran.out());
    assertTrue(ran.out().lines().noneMatch(l -> l.startsWith("cells ")), "--quiet: no progress lines: " + ran.out());
    Path html = dir.resolve("report").resolve("report.html");
    CliRunner.Outcome report = CliRunner.run("experiment", "report", sweep.toString(), "--out", html.toString(),
        "--histogram-metric", "toy.high_quality_share", "--bins", "4");
    assertEquals(0, report.exitCode(), report.err());

    Document page = parse(html);
    String content = page.getDocumentElement().getTextContent();
    assertTrue(content.contains("toy.modes_covered (higher better)"), "the table's header");
    assertTrue(content.contains("toy.high_quality_share over 2 runs, by objective"), "the requested histogram");
    assertTrue(content.contains("toy: nearest mode; high quality = within 3 std"), "the metric's protocol");
    assertEquals(0, page.getElementsByTagName("script").getLength(), "no scripts");
    assertEquals(List.of(), externalReferences(page), "nothing fetched when the page is opened");
    assertEquals(0, page.getElementsByTagName("link").getLength());
    assertTrue(!Files.readString(html).contains("url("), "no CSS that loads anything");
    NodeList images = page.getElementsByTagName("img");
    // Two sample pictures, two loss figures, one histogram.
    assertEquals(5, images.getLength());
    for (int i = 0; i < images.getLength(); i++) {
      String src = ((Element) images.item(i)).getAttribute("src");
      assertTrue(src.startsWith("data:image/png;base64,"), src.substring(0, Math.min(40, src.length())));
      BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(src.substring(22))));
      assertTrue(decoded != null && decoded.getWidth() > 10, "image " + i + " is a PNG");
    }
    assertTrue(cellTexts(page, "best").stream().anyMatch(t -> t.endsWith(" *")), "a best value is marked");

    Path screenshot = dir.resolve("screenshot.png");
    screenshot(html, screenshot);
    BufferedImage shot = ImageIO.read(screenshot.toFile());
    assertTrue(shot != null && shot.getWidth() >= 1000, "chromium wrote a screenshot");
    assertTrue(colours(shot) > 50, "the screenshot is not blank: " + colours(shot) + " colours");
  }

  @Test
  void stringsFromFilesAreEscapedNotParsedAsMarkup() throws Exception {
    Path cell = Files.createDirectories(dir.resolve("objective-gan_seed-1").resolve("run"));
    Files.writeString(cell.getParent().resolve("result.json"), """
        {"experiment": "<b>bold</b> & co", "cell": "objective-gan_seed-1", "order": 0,
         "settings": {"objective": "gan", "seed": 1},
         "config": {"objective": "gan", "dataset": "mnist", "seed": 1},
         "eval": {"metrics": {"parzen": {"mean_log_likelihood": 1.5, "standard_error": 0.1,
           "summary": "1.5 <i>nats</i>", "protocol": "<script>alert('x')</script> sigma < 1 & \\"quoted\\""}}}}
        """);
    Files.writeString(cell.resolve("log.jsonl"), "{\"step\": 10, \"critic/loss\": 1.0, \"generator/loss\": 2.0}\n");
    ImageIO.write(new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB), "png", cell.resolve("samples.png").toFile());
    Path html = dir.resolve("report.html");
    CliRunner.Outcome report = CliRunner.run("experiment", "report", dir.toString(), "--out", html.toString());
    assertEquals(0, report.exitCode(), report.err());

    Document page = parse(html);
    assertEquals(0, page.getElementsByTagName("script").getLength(), "a protocol's <script> stays text");
    assertEquals(0, page.getElementsByTagName("b").getLength());
    assertEquals(0, page.getElementsByTagName("i").getLength());
    String content = page.getDocumentElement().getTextContent();
    assertTrue(content.contains("Experiment <b>bold</b> & co"), content);
    assertTrue(content.contains("parzen: <script>alert('x')</script> sigma < 1 & \"quoted\""), content);
    assertTrue(content.contains("1.5 <i>nats</i>"), content);
    assertEquals(List.of(), Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
        "no temporary file left");
  }

  private static Document parse(Path html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    factory.setExpandEntityReferences(false);
    return factory.newDocumentBuilder().parse(html.toFile());
  }

  /** Every src or href in the page that is not a data: URI. */
  private static List<String> externalReferences(Document page) {
    List<String> found = new java.util.ArrayList<>();
    NodeList all = page.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      for (String attribute : List.of("src", "href")) {
        String value = element.getAttribute(attribute);
        if (!value.isEmpty() && !value.startsWith("data:")) {
          found.add(element.getTagName() + " " + attribute + "=" + value);
        }
      }
    }
    return found;
  }

  private static List<String> cellTexts(Document page, String cssClass) {
    NodeList cells = page.getElementsByTagName("td");
    List<String> texts = new java.util.ArrayList<>();
    for (int i = 0; i < cells.getLength(); i++) {
      Element cell = (Element) cells.item(i);
      if (cell.getAttribute("class").equals(cssClass)) {
        texts.add(cell.getTextContent());
      }
    }
    return texts;
  }

  /** Screenshots {@code html} with headless Chromium, installing it first where it is missing. */
  private static void screenshot(Path html, Path png) throws Exception {
    Path ensure = Path.of("..", ".ci", "ensure-chromium").toAbsolutePath().normalize();
    Process install = new ProcessBuilder(ensure.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String browser = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (install.waitFor() != 0 || browser.isEmpty()) {
      fail("chromium is needed to check the report and could not be installed by " + ensure
          + " (apt-get install -y chromium); install it and rerun");
    }
    Process chromium = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        "--screenshot=" + png.toAbsolutePath(), "--window-size=1200,2000", html.toAbsolutePath().toUri().toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!chromium.waitFor(180, TimeUnit.SECONDS)) {
      chromium.destroyForcibly();
      fail("chromium did not finish its screenshot within 180 s");
    }
    assertEquals(0, chromium.exitValue(), "chromium's exit code");
  }

  private static long colours(BufferedImage image) {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        seen.add(image.getRGB(x, y));
      }
    }
    return seen.size();
  }
}
