package org.nivaran.grievance.examples.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for the report's screenshot test: found at {@code NIVARAN_CHROMIUM}, else as
 * {@code chromium}, {@code chromium-browser} or {@code google-chrome} on the {@code PATH}. When none
 * is there the test is skipped with a message naming how to install one, except with
 * {@code CI=true}, where it fails: {@code .ci/run} installs Debian's {@code chromium} and
 * {@code fonts-lohit-deva}, so CI never passes without rendering the report.
 */
final class HeadlessChromium {
  private static final String HOW =
      "install Chromium and a Devanagari font (Debian: apt-get install chromium fonts-lohit-deva)"
          + " or set NIVARAN_CHROMIUM to a Chromium or Chrome executable";

  private final Path executable;

  private HeadlessChromium(Path executable) {
    this.executable = executable;
  }

  /** The browser, or the test skipped (failed under {@code CI=true}) with how to get one. */
  static HeadlessChromium require() {
    Optional<Path> found = locate();
    if (found.isEmpty()) {
      String message = "No Chromium found to render the HTML report: " + HOW;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(message + " (CI=true: this test must run in CI)");
      }
      Assumptions.abort(message);
    }
    return new HeadlessChromium(found.get());
  }

  private static Optional<Path> locate() {
    String named = System.getenv("NIVARAN_CHROMIUM");
    if (named != null && !named.isBlank()) {
      return Optional.of(Path.of(named)).filter(Files::isExecutable);
    }
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    return Stream.of(path.split(java.io.File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .flatMap(dir -> Stream.of("chromium", "chromium-browser", "google-chrome").map(n -> Path.of(dir, n)))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /**
   * Renders a local HTML file into a PNG of the given viewport, with no network, no sandbox (CI
   * runs as root) and a fresh profile.
   */
  Path screenshot(Path html, Path workDir, int width, int height) {
    try {
      Path png = workDir.resolve("screenshot.png");
      Path log = workDir.resolve("chromium.log");
      List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
          "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
          "--user-data-dir=" + workDir.resolve("profile"), "--window-size=" + width + "," + height,
          "--screenshot=" + png, html.toAbsolutePath().toUri().toString()));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      boolean finished = process.waitFor(120, TimeUnit.SECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
      assertThat(finished).as("Chromium finished within 120 s").isTrue();
      assertThat(png).as("Chromium wrote a screenshot; its output:%n%s", Files.readString(log, StandardCharsets.UTF_8))
          .exists();
      return png;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while Chromium rendered", e);
    }
  }

  /** The font families fontconfig has for Hindi, if {@code fc-list} is there. */
  static Optional<String> hindiFonts() {
    try {
      Process process = new ProcessBuilder("fc-list", ":lang=hi", "family").redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
