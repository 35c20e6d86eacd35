package racebench.report;

import java.util.Locale;

/** Numbers as the report's tables print them; an empty CSV cell is NaN and prints empty. */
final class Format {
    private Format() {
    }

    static double parse(String cell) {
        if (cell == null || cell.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Four significant digits, or scientific below 0.001. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        double a = Math.abs(v);
        if (a != 0 && a < 1e-3) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        int decimals = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : 3;
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    static String interval(double low, double high) {
        return Double.isNaN(low) || Double.isNaN(high) ? "" : "[" + number(low) + ", " + number(high) + "]";
    }

    static String ratio(double point, double low, double high) {
        return Double.isNaN(point) ? "" : String.format(Locale.ROOT, "%.3f", point)
                + (Double.isNaN(low) ? "" : String.format(Locale.ROOT, " [%.3f, %.3f]", low, high));
    }

    static String percent(double fraction) {
        return Double.isNaN(fraction) ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }
}
