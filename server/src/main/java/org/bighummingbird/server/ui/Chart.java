package org.bighummingbird.server.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small chart drawn as inline SVG by the templates (no script: the CSP allows none inline): a line
 * over labelled points, or bars. Coordinates are computed here; the template writes them into
 * {@code points}, {@code x}, {@code y} attributes. Missing values leave gaps. Immutable.
 *
 * @param title what it shows
 * @param unit how the values are formatted: {@code ns}, {@code percent}, {@code score} or {@code count}
 * @param points the points, left to right
 * @param max the value at the top of the plot
 */
public record Chart(String title, String unit, List<Point> points, double max) {
    /** The drawing's width. */
    public static final int WIDTH = 320;
    /** The drawing's height. */
    public static final int HEIGHT = 120;
    private static final int PAD = 18;

    /**
     * One value.
     *
     * @param label the x label (a version, a bucket's bound)
     * @param value the value, or null for a gap
     */
    public record Point(String label, Double value) {}

    /** A chart over the points; the top is the largest value (1 when all are 0 or missing). */
    public static Chart of(String title, String unit, List<Point> points) {
        double max = 0;
        for (Point p : points) {
            if (p.value() != null && p.value() > max) {
                max = p.value();
            }
        }
        return new Chart(title, unit, List.copyOf(points), max > 0 ? max : 1);
    }

    /** Whether there is anything to draw. */
    public boolean empty() {
        return points.stream().allMatch(p -> p.value() == null);
    }

    /** The x coordinate of point i (centre of its slot). */
    public double x(int i) {
        double slot = (WIDTH - 2.0 * PAD) / Math.max(1, points.size());
        return PAD + slot * (i + 0.5);
    }

    /** The y coordinate of a value. */
    public double y(double value) {
        return HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * (value / max);
    }

    /** The width of one bar. */
    public double barWidth() {
        return Math.max(1, (WIDTH - 2.0 * PAD) / Math.max(1, points.size()) * 0.8);
    }

    /** The polylines' {@code points} attributes: one run of consecutive present values each. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            Double v = points.get(i).value();
            if (v == null) {
                if (run.length() > 0) {
                    out.add(run.toString().trim());
                    run.setLength(0);
                }
                continue;
            }
            run.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i), y(v)));
        }
        if (run.length() > 0) {
            out.add(run.toString().trim());
        }
        return out;
    }

    /** A value in this chart's unit. */
    public String format(Double value) {
        if (value == null) {
            return Fmt.NONE;
        }
        return switch (unit) {
            case "ns" -> Fmt.duration(Math.round(value));
            case "percent" -> Fmt.percent(value);
            case "score" -> Fmt.score(value);
            default -> Fmt.count(Math.round(value));
        };
    }

    /** A coordinate as an attribute value. */
    public static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** The baseline's y coordinate. */
    public double baseline() {
        return HEIGHT - PAD;
    }
}
