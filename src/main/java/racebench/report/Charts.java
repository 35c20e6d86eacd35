package racebench.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's chart kinds, drawn by XChart (Apache-2.0) headless into PNGs: values with
 * their 95% intervals over categories, x/y points with intervals, and heat maps. Every
 * interval is drawn as it is, asymmetric where the bootstrap made it so, as a segment of the
 * series' colour (XChart's own error bars are symmetric). Same data, same bytes: the charts
 * use one font and a fixed size, and nothing in them depends on the clock.
 */
public final class Charts {
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 460;
    private static final Font FONT = new Font("DejaVu Sans", Font.PLAIN, 12);
    private static final Color[] PALETTE = {
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
            new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
            new Color(0x393b79), new Color(0xad494a), new Color(0x637939)};

    /** A value and its 95% interval (NaN ends when there is none), in one series at one category. */
    public record Estimate(String series, String category, double value, double low, double high) {
        public static Estimate of(String series, String category, double value) {
            return new Estimate(series, category, value, Double.NaN, Double.NaN);
        }
    }

    /** A horizontal line across a chart: a physical limit, a noise band, a target. */
    public record Line(String label, double y, Color color) {
    }

    /** A point with its interval at a numeric x. */
    public record Point(String series, double x, double y, double low, double high) {
    }

    private Charts() {
    }

    /**
     * Values over categories, each series a colour, side by side within a category, each with
     * its interval; optionally joined by lines (a trend) and on a log scale.
     */
    public static ChartImage categories(String title, String caption, String xTitle, String yTitle,
                                        List<Estimate> estimates, List<Line> lines, boolean logY, boolean joined) {
        if (estimates.isEmpty()) {
            throw new IllegalArgumentException("the chart '" + title + "' has nothing to draw");
        }
        List<String> categories = new ArrayList<>(new LinkedHashSet<>(estimates.stream().map(Estimate::category).toList()));
        Map<String, List<Estimate>> bySeries = new LinkedHashMap<>();
        estimates.forEach(e -> bySeries.computeIfAbsent(e.series(), s -> new ArrayList<>()).add(e));
        int n = bySeries.size();
        // many or long category names read better down the side: a forest plot, values across
        boolean across = !joined && (categories.size() > 8
                || categories.stream().mapToInt(String::length).max().orElse(0) > 14);
        int height = across ? Math.max(HEIGHT, 110 + categories.size() * Math.max(24, 7 * n)) : HEIGHT;
        XYChart chart = xyChart(title, across ? yTitle : xTitle, across ? xTitle : yTitle, height);
        double width = joined || n == 1 ? 0 : Math.min(0.8, 0.08 * n);
        int s = 0;
        List<Point> points = new ArrayList<>();
        for (Map.Entry<String, List<Estimate>> series : bySeries.entrySet()) {
            double offset = n == 1 ? 0 : width * (s / (double) (n - 1) - 0.5);
            for (Estimate e : series.getValue()) {
                int i = categories.indexOf(e.category());
                double position = across ? categories.size() - 1 - i - offset : i + offset;
                points.add(new Point(series.getKey(), position, e.value(), e.low(), e.high()));
            }
            s++;
        }
        double lowEnd = -0.6;
        double highEnd = categories.size() - 0.4;
        // ticks fall on whole numbers; XChart also asks for the axis ends, to size the labels
        java.util.function.Function<Double, String> label = v -> categories.get((int) Math.max(0,
                Math.min(categories.size() - 1, Math.round(across ? categories.size() - 1 - v : v))));
        if (across) {
            chart.getStyler().setXAxisLogarithmic(logY);
            addPoints(chart, points.stream().map(p -> new Point(p.series(), p.y(), p.x(), p.low(), p.high())).toList(),
                    joined, logY, true);
            for (Line line : lines) {
                if (!logY || line.y() > 0) {
                    XYSeries series = chart.addSeries(line.label(), new double[] {line.y(), line.y()},
                            new double[] {lowEnd, highEnd});
                    series.setMarker(SeriesMarkers.NONE);
                    series.setLineColor(line.color());
                    series.setLineStyle(SeriesLines.DASH_DASH);
                }
            }
            chart.getStyler().setYAxisMin(lowEnd);
            chart.getStyler().setYAxisMax(highEnd);
            chart.getStyler().setYAxisTickLabelsFormattingFunction(label);
            // about one category's height apart, so that the ticks fall one per category
            chart.getStyler().setYAxisTickMarkSpacingHint(Math.max(12, (height - 130) / categories.size() - 2));
        } else {
            chart.getStyler().setYAxisLogarithmic(logY);
            addPoints(chart, points, joined, logY, false);
            addLines(chart, lines, lowEnd, highEnd, logY);
            chart.getStyler().setXAxisMin(lowEnd);
            chart.getStyler().setXAxisMax(highEnd);
            chart.getStyler().setXAxisTickLabelsFormattingFunction(label);
            chart.getStyler().setXAxisTickMarkSpacingHint(Math.max(16, (WIDTH - 300) / Math.max(1, categories.size()) - 4));
        }
        return render(chart, title, caption);
    }

    /** Points at numeric x and y with their intervals, and reference lines. */
    public static ChartImage points(String title, String caption, String xTitle, String yTitle, List<Point> points,
                                    List<Line> lines, boolean diagonal) {
        XYChart chart = xyChart(title, xTitle, yTitle);
        addPoints(chart, points, false, false);
        double max = points.stream().mapToDouble(p -> Math.max(p.x(), Double.isNaN(p.high()) ? p.y() : p.high()))
                .max().orElse(1);
        if (diagonal) {
            XYSeries d = chart.addSeries("y = x (ideal)", new double[] {0, max}, new double[] {0, max});
            d.setMarker(SeriesMarkers.NONE);
            d.setLineColor(Color.GRAY);
            d.setLineStyle(SeriesLines.DASH_DASH);
        }
        double xMin = points.stream().mapToDouble(Point::x).min().orElse(0);
        addLines(chart, lines, Math.min(0, xMin), max, false);
        return render(chart, title, caption);
    }

    /**
     * Many rows over the same runs, each a faint line with no legend entry, and marked points
     * (change points) on top: the shape of a whole benchmark's history in one chart.
     */
    public static ChartImage trend(String title, String caption, String yTitle, List<String> runs,
                                   Map<String, double[]> rows, List<Point> marks) {
        XYChart chart = xyChart(title, "nightly run", yTitle);
        Color faint = new Color(70, 110, 170, 90);
        int i = 0;
        for (Map.Entry<String, double[]> row : rows.entrySet()) {
            List<double[]> xy = new ArrayList<>();
            for (int x = 0; x < row.getValue().length; x++) {
                if (Double.isFinite(row.getValue()[x])) {
                    xy.add(new double[] {x, row.getValue()[x]});
                }
            }
            if (xy.isEmpty()) {
                continue;
            }
            XYSeries series = chart.addSeries("row " + i++, xy.stream().mapToDouble(p -> p[0]).toArray(),
                    xy.stream().mapToDouble(p -> p[1]).toArray());
            series.setLineColor(faint);
            series.setMarkerColor(faint);
            series.setMarker(xy.size() == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            series.setShowInLegend(false);
        }
        if (!marks.isEmpty()) {
            XYSeries series = chart.addSeries(marks.getFirst().series(), marks.stream().mapToDouble(Point::x).toArray(),
                    marks.stream().mapToDouble(Point::y).toArray());
            series.setLineStyle(SeriesLines.NONE);
            series.setMarker(SeriesMarkers.DIAMOND);
            series.setMarkerColor(new Color(0xd62728));
        }
        XYSeries one = chart.addSeries("each row's median", new double[] {-0.3, runs.size() - 0.7}, new double[] {1, 1});
        one.setMarker(SeriesMarkers.NONE);
        one.setLineColor(Color.GRAY);
        one.setLineStyle(SeriesLines.DASH_DASH);
        chart.getStyler().setXAxisMin(-0.3);
        chart.getStyler().setXAxisMax(runs.size() - 0.7);
        chart.getStyler().setXAxisTickLabelsFormattingFunction(x ->
                runs.get((int) Math.max(0, Math.min(runs.size() - 1, Math.round(x)))));
        chart.getStyler().setXAxisTickMarkSpacingHint(Math.max(16, (WIDTH - 300) / Math.max(1, runs.size()) - 4));
        if (runs.size() > 8) {
            chart.getStyler().setXAxisLabelRotation(45);
        }
        return render(chart, title, caption);
    }

    /**
     * A heat map: one cell per (column, row), coloured by {@code values[row][column]}; a NaN
     * cell is drawn in the lowest colour and the caption says what that means.
     */
    public static ChartImage heatMap(String title, String caption, List<String> columns, List<String> rows,
                                     double[][] values, double floor) {
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(Math.max(HEIGHT, 90 + 26 * rows.size()))
                .title(title).build();
        chart.getStyler().setLocale(Locale.ROOT);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setBaseFont(FONT);
        chart.getStyler().setChartTitleFont(FONT.deriveFont(Font.BOLD, 14f));
        chart.getStyler().setAxisTickLabelsFont(FONT.deriveFont(11f));
        chart.getStyler().setLegendFont(FONT);
        chart.getStyler().setShowValue(true);
        chart.getStyler().setValueFont(FONT.deriveFont(10f));
        chart.getStyler().setRangeColors(new Color[] {new Color(0xf7fbff), new Color(0xfdd49e), new Color(0xd7301f)});
        chart.getStyler().setXAxisLabelRotation(columns.size() > 6 ? 30 : 0);
        chart.getStyler().setXAxisTickMarkSpacingHint(16);
        chart.getStyler().setYAxisTickMarkSpacingHint(16);
        chart.getStyler().setHeatMapDecimalValueFormatter(v -> v <= floor ? "none"
                : String.format(java.util.Locale.ROOT, "%.1f", v));
        List<Number[]> cells = new ArrayList<>();
        double max = floor;
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                double v = values[r][c];
                double shown = Double.isNaN(v) ? floor : Math.round(v * 10) / 10.0;
                max = Math.max(max, shown);
                cells.add(new Number[] {c, r, shown});
            }
        }
        chart.getStyler().setMin(floor);
        chart.getStyler().setMax(Math.max(max, floor + 1));
        chart.addSeries("log10", columns, rows, cells);
        return render(chart, title, caption);
    }

    private static XYChart xyChart(String title, String xTitle, String yTitle) {
        return xyChart(title, xTitle, yTitle, HEIGHT);
    }

    private static XYChart xyChart(String title, String xTitle, String yTitle, int height) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        Styler styler = chart.getStyler();
        styler.setLocale(Locale.ROOT); // XChart formats ticks in the default locale: "1,5" on a German machine
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xe6e6e6));
        chart.getStyler().setBaseFont(FONT);
        chart.getStyler().setChartTitleFont(FONT.deriveFont(Font.BOLD, 14f));
        chart.getStyler().setAxisTitleFont(FONT);
        chart.getStyler().setAxisTickLabelsFont(FONT.deriveFont(11f));
        chart.getStyler().setLegendFont(FONT.deriveFont(11f));
        chart.getStyler().setMarkerSize(7);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        styler.setAntiAlias(true);
        return chart;
    }

    private static void addPoints(XYChart chart, List<Point> points, boolean joined, boolean logY) {
        addPoints(chart, points, joined, logY, false);
    }

    /**
     * Each series' points in its colour and each interval as a segment of that colour; with
     * {@code across}, points carry their value in x (a forest plot) and intervals run across.
     */
    private static void addPoints(XYChart chart, List<Point> points, boolean joined, boolean logValue,
                                  boolean across) {
        Map<String, List<Point>> bySeries = new LinkedHashMap<>();
        points.forEach(p -> bySeries.computeIfAbsent(p.series(), s -> new ArrayList<>()).add(p));
        int s = 0;
        for (Map.Entry<String, List<Point>> e : bySeries.entrySet()) {
            Color color = PALETTE[s++ % PALETTE.length];
            List<Point> shown = e.getValue().stream().filter(p -> !logValue || (across ? p.x() : p.y()) > 0).toList();
            if (shown.isEmpty()) {
                continue;
            }
            XYSeries series = chart.addSeries(e.getKey(), shown.stream().mapToDouble(Point::x).toArray(),
                    shown.stream().mapToDouble(Point::y).toArray());
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setMarkerColor(color);
            series.setLineColor(color);
            if (!joined) {
                series.setLineStyle(SeriesLines.NONE);
            }
            int i = 0;
            for (Point p : shown) {
                if (Double.isNaN(p.low()) || Double.isNaN(p.high()) || (logValue && p.low() <= 0)) {
                    continue;
                }
                double[] position = across ? new double[] {p.y(), p.y()} : new double[] {p.x(), p.x()};
                double[] range = {p.low(), p.high()};
                XYSeries interval = chart.addSeries(e.getKey() + " interval " + i++, across ? range : position,
                        across ? position : range);
                interval.setMarker(SeriesMarkers.NONE);
                interval.setLineColor(color);
                interval.setLineStyle(SeriesLines.SOLID);
                interval.setShowInLegend(false);
            }
        }
    }

    private static void addLines(XYChart chart, List<Line> lines, double from, double to, boolean logY) {
        for (Line line : lines) {
            if (logY && line.y() <= 0) {
                continue;
            }
            XYSeries series = chart.addSeries(line.label(), new double[] {from, to}, new double[] {line.y(), line.y()});
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(line.color());
            series.setLineStyle(SeriesLines.DASH_DASH);
        }
    }

    private static ChartImage render(Chart<?, ?> chart, String title, String caption) {
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            return new ChartImage(title, caption, chart.getWidth(), chart.getHeight(), png);
        } catch (IOException e) {
            throw new UncheckedIOException("could not draw '" + title + "': " + e.getMessage(), e);
        }
    }
}
