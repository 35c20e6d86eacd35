package racebench.report;

/**
 * A rendered chart: a PNG and what the page says about it.
 *
 * @param title   the chart's title, also the image's alternative text
 * @param caption how to read it: what the points, bars and lines are
 */
public record ChartImage(String title, String caption, int width, int height, byte[] png) {
}
