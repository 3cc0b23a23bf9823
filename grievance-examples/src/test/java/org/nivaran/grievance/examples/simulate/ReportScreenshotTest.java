package org.nivaran.grievance.examples.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nivaran.grievance.examples.DefaultRun;

/**
 * The default run's HTML report rendered by headless Chromium: the screenshot must show both
 * charts, bar by bar, where the HTML says they are, and the machine must have one of the
 * Devanagari fonts the report names. Pixels are found by the report's own colours.
 */
class ReportScreenshotTest {
  private static final int RECEIVED = 0x3b6fb6;
  private static final int DISPOSED = 0x2e9e5b;
  private static final List<Integer> GRADES = List.of(0x1a7f37, 0x7aa116, 0xd4a72c, 0xcf222e);
  private static final Pattern DAY_BAR =
      Pattern.compile("<rect class=\"(received|disposed)\" x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"[0-9.]+\" height=\"([0-9.]+)\"/>");
  private static final Pattern SLA_BAR =
      Pattern.compile("<rect class=\"bar fill-[A-D]\" x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"([0-9.]+)\" height=\"22\"/>");

  @TempDir
  static Path dir;

  private static DefaultRun run;
  private static BufferedImage shot;

  @BeforeAll
  static void render() throws IOException {
    HeadlessChromium chromium = HeadlessChromium.require();
    run = DefaultRun.get();
    assertThat(run.status()).isZero();
    shot = ImageIO.read(chromium.screenshot(run.report(), dir, 1280, 4000).toFile());
    assertThat(shot).as("the screenshot decodes as an image").isNotNull();
  }

  /** Each day with complaints shows its received and its disposed bar, side by side on one baseline. */
  @Test
  void the_per_day_chart_shows_a_bar_for_every_day_with_complaints() {
    String chart = element(run.html(), "<svg id=\"chart-per-day\"", "</svg>");
    List<Long> receivedHeights = barHeights(chart, "received");
    List<Long> disposedHeights = barHeights(chart, "disposed");
    assertThat(receivedHeights).as("days with a received bar in the HTML").hasSizeGreaterThan(20);

    List<Box> received = onCommonBaseline(components(shot, RECEIVED));
    List<Box> disposed = onCommonBaseline(components(shot, DISPOSED));
    assertThat(received.stream().map(Box::height).toList()).as("received bars' heights in pixels, day by day")
        .zipSatisfy(receivedHeights, (px, html) -> assertThat((long) px).isBetween(html - 2, html + 2));
    assertThat(disposed.stream().map(Box::height).toList()).as("disposed bars' heights in pixels, day by day")
        .zipSatisfy(disposedHeights, (px, html) -> assertThat((long) px).isBetween(html - 2, html + 2));
    assertThat(received).hasSameSizeAs(receivedHeights);
    assertThat(disposed).hasSameSizeAs(disposedHeights);
    assertThat(disposed.get(0).left()).as("a day's disposed bar stands right of its received bar")
        .isBetween(received.get(0).right(), received.get(0).right() + 3);
    assertThat(received).allSatisfy(b -> assertThat(b.width()).as("bar width").isBetween(8, 16));
  }

  /** Each department with a share above the axis start shows its bar, all starting at one edge. */
  @Test
  void the_sla_chart_shows_one_bar_per_department_from_the_axis_start() {
    String chart = element(run.html(), "<svg id=\"chart-sla\"", "</svg>");
    Matcher m = SLA_BAR.matcher(chart);
    List<Double> widths = new ArrayList<>();
    while (m.find()) {
      widths.add(Double.parseDouble(m.group(1)));
    }
    long visible = widths.stream().filter(w -> w >= 2).count();
    assertThat(visible).as("departments with a visible bar in the HTML").isGreaterThan(3);

    List<Box> bars = new ArrayList<>();
    for (int colour : GRADES) {
      components(shot, colour).stream().filter(b -> b.height() >= 20 && b.height() <= 24).forEach(bars::add);
    }
    Map<Integer, List<Box>> byLeft = bars.stream().collect(Collectors.groupingBy(Box::left));
    List<Box> sla = byLeft.values().stream().max(Comparator.comparingInt(List::size)).orElse(List.of());
    assertThat(sla).as("bars starting at the axis' left edge").hasSize((int) visible);
    List<Integer> drawnWidths = sla.stream().sorted(Comparator.comparingInt(Box::top)).map(Box::width).toList();
    List<Integer> htmlWidths = widths.stream().filter(w -> w >= 2).map(w -> (int) Math.round(w)).toList();
    for (int i = 0; i < htmlWidths.size(); i++) {
      assertThat(drawnWidths.get(i)).as("bar %d's width in pixels", i).isBetween(htmlWidths.get(i) - 2, htmlWidths.get(i) + 2);
    }
  }

  /** The report names Noto Sans Devanagari and Lohit Devanagari; the machine rendering it has one. */
  @Test
  void a_devanagari_font_the_report_names_is_installed() {
    assertThat(run.html()).contains("\"Noto Sans Devanagari\"", "\"Lohit Devanagari\"");
    String fonts = HeadlessChromium.hindiFonts().orElseThrow(() -> new AssertionError("fc-list did not answer"));
    assertThat(fonts).as("fc-list :lang=hi family").containsAnyOf("Noto Sans Devanagari", "Lohit Devanagari");
  }

  /** The heights, rounded to pixels, of a series' bars of at least 2 px, in the HTML's (day) order. */
  private static List<Long> barHeights(String chart, String series) {
    Matcher m = DAY_BAR.matcher(chart);
    List<Long> heights = new ArrayList<>();
    while (m.find()) {
      double height = Double.parseDouble(m.group(2));
      if (m.group(1).equals(series) && height >= 2) {
        heights.add(Math.round(height));
      }
    }
    return heights;
  }

  /** The components sharing the most common bottom edge: the bars of one chart. */
  private static List<Box> onCommonBaseline(List<Box> boxes) {
    return boxes.stream().collect(Collectors.groupingBy(Box::bottom)).values().stream()
        .max(Comparator.comparingInt(List::size)).orElse(List.of()).stream()
        .sorted(Comparator.comparingInt(Box::left)).toList();
  }

  /** A connected area of one colour, in pixels, edges inclusive. */
  record Box(int left, int top, int right, int bottom) {
    int width() {
      return right - left + 1;
    }

    int height() {
      return bottom - top + 1;
    }
  }

  /** The 4-connected areas of pixels within a small distance of a colour. */
  static List<Box> components(BufferedImage image, int colour) {
    int w = image.getWidth();
    int h = image.getHeight();
    boolean[] seen = new boolean[w * h];
    List<Box> boxes = new ArrayList<>();
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int start = 0; start < w * h; start++) {
      if (seen[start] || !near(image.getRGB(start % w, start / w), colour)) {
        continue;
      }
      int left = w;
      int top = h;
      int right = -1;
      int bottom = -1;
      seen[start] = true;
      queue.add(start);
      while (!queue.isEmpty()) {
        int p = queue.poll();
        int x = p % w;
        int y = p / w;
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
        int[][] next = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
        for (int[] n : next) {
          if (n[0] >= 0 && n[0] < w && n[1] >= 0 && n[1] < h) {
            int q = n[1] * w + n[0];
            if (!seen[q] && near(image.getRGB(n[0], n[1]), colour)) {
              seen[q] = true;
              queue.add(q);
            }
          }
        }
      }
      boxes.add(new Box(left, top, right, bottom));
    }
    return boxes;
  }

  private static boolean near(int argb, int rgb) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs(((argb >> shift) & 0xff) - ((rgb >> shift) & 0xff)) > 6) {
        return false;
      }
    }
    return true;
  }

  private static String element(String html, String start, String end) {
    int from = html.indexOf(start);
    assertThat(from).as("%s in the report", start).isNotNegative();
    return html.substring(from, html.indexOf(end, from) + end.length());
  }
}
