package org.bighummingbird.sdk.internal.judge;

import java.util.regex.Pattern;

/** The declarative built-ins: exact match, contains, regex, numeric tolerance. Score 1 or 0, pass on 1. Thread-safe. */
final class BuiltinScorer implements Scorer {
    private final Spec spec;
    private final Pattern pattern;

    BuiltinScorer(Spec spec) {
        this.spec = spec;
        this.pattern = spec instanceof Spec.Regex r ? Pattern.compile(r.pattern()) : null;
    }

    @Override
    public Score score(Object input, Object output, Object expected) {
        try {
            return switch (spec.kind()) {
                case "exact" -> verdict(Values.equal(Values.json(output), Values.json(expected)));
                case "contains" -> output == null ? verdict(false)
                        : verdict(Values.text(output).contains(Values.text(expected)));
                case "regex" -> output == null ? verdict(false) : verdict(pattern.matcher(Values.text(output)).find());
                case "tolerance" -> tolerance(output, expected, ((Spec.Tolerance) spec).tolerance());
                default -> throw new IllegalStateException("not a built-in judge: " + spec.kind());
            };
        } catch (Throwable t) {
            return Score.error(spec.kind() + " judge failed: " + Verdicts.describe(Verdicts.rethrowFatal(t)), t);
        }
    }

    private static Score tolerance(Object output, Object expected, double tolerance) {
        Double out = Values.number(output);
        if (out == null) {
            return Score.error("output is not a finite number: " + excerpt(output), null);
        }
        Double exp = Values.number(expected);
        if (exp == null) {
            return Score.error("expected value is not a finite number: " + excerpt(expected), null);
        }
        return verdict(Math.abs(out - exp) <= tolerance);
    }

    private static String excerpt(Object value) {
        String text = value == null ? "null" : Values.text(value);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static Score verdict(boolean hit) {
        return Score.of(hit ? 1 : 0, hit);
    }
}
