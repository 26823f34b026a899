package stepwise.serve;

import java.math.BigDecimal;
import stepwise.ast.Rational;

/**
 * A slider: a what-if parameter ({@code H3.d}) or a free symbol of a result ({@code s}, {@code mu}),
 * within its domain. Values are exact decimals, so a substituted derivation stays exact.
 *
 * @param id     what the value replaces: a layer parameter {@code H3.d} or a symbol {@code sigma}
 * @param label  what the page shows
 * @param domain {@code whole} (layer parameters), {@code real} or {@code positive}
 */
record Knob(String id, String label, String domain, BigDecimal min, BigDecimal max, BigDecimal step, BigDecimal initial) {

    static Knob whole(String id, String label, int min, int max, int initial) {
        return new Knob(id, label, "whole", BigDecimal.valueOf(min), BigDecimal.valueOf(max), BigDecimal.ONE, BigDecimal.valueOf(initial));
    }

    static Knob real(String id, String label) {
        return new Knob(id, label, "real", new BigDecimal("-3"), new BigDecimal("3"), new BigDecimal("0.1"), BigDecimal.ZERO);
    }

    static Knob positive(String id, String label) {
        return new Knob(id, label, "positive", new BigDecimal("0.1"), new BigDecimal("3"), new BigDecimal("0.1"), BigDecimal.ONE);
    }

    static Knob probability(String id, String label) {
        return new Knob(id, label, "probability", new BigDecimal("0.05"), new BigDecimal("0.95"), new BigDecimal("0.05"), new BigDecimal("0.5"));
    }

    /**
     * The exact value of a slider position sent by the page, checked against the domain.
     *
     * @throws IllegalArgumentException when the text is not a number in the knob's range and domain
     */
    Rational parse(String text) {
        BigDecimal v;
        try {
            v = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " must be a number, got '" + text + "'");
        }
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) throw new IllegalArgumentException(label + " must be between " + min.toPlainString() + " and " + max.toPlainString() + ", got " + v.toPlainString());
        if (domain.equals("whole") && v.stripTrailingZeros().scale() > 0) throw new IllegalArgumentException(label + " must be a whole number, got " + v.toPlainString());
        return Rational.parse(v.toPlainString());
    }
}
