package stepwise.plot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Round tick positions (1, 2 or 5 times a power of ten) covering a range, and short labels for them. */
record Ticks(double low, double high, double step) {

    /** About {@code target} ticks from a round number at or below {@code min} to one at or above {@code max}. */
    static Ticks covering(double min, double max, int target) {
        if (max - min < 1e-12) {
            double pad = Math.max(1, Math.abs(min) * 0.1);
            min -= pad;
            max += pad;
        }
        double raw = (max - min) / target;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag <= 1 ? mag : raw / mag <= 2 ? 2 * mag : raw / mag <= 5 ? 5 * mag : 10 * mag;
        return new Ticks(Math.floor(min / step + 1e-9) * step, Math.ceil(max / step - 1e-9) * step, step);
    }

    List<Double> values() {
        var out = new ArrayList<Double>();
        int n = (int) Math.round((high - low) / step);
        for (int i = 0; i <= n; i++) out.add(low + i * step);
        return out;
    }

    /** A number as a reader writes it: no trailing zeros, no exponent, at most six decimals. */
    static String label(double v) {
        if (Math.abs(v) < 1e-12) return "0";
        String s = new BigDecimal(v).setScale(6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
