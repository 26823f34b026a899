package stepwise.print;

import java.util.List;
import java.util.function.Function;
import stepwise.ast.Expr;
import stepwise.result.LayerRow;
import stepwise.result.Step;
import stepwise.result.Verification;

/** Pieces every printer needs: a step as one equation, a verdict in words, a per-axis value. */
public final class Steps {
    private Steps() {}

    static String equation(Step s, Function<Expr, String> render, String equals) {
        var sb = new StringBuilder();
        equation(s, (e, out) -> out.append(render.apply(e)), equals, sb);
        return sb.toString();
    }

    /** As {@link #equation(Step, Function, String)}, written onto the end of {@code sb} (no copies, for long derivations). */
    static void equation(Step s, java.util.function.BiConsumer<Expr, StringBuilder> render, String equals, StringBuilder sb) {
        if (s.subject() != null) render.accept(s.subject(), sb);
        for (int i = 0; i < s.chain().size(); i++) {
            if (s.subject() != null || i > 0) sb.append(equals);
            render.accept(s.chain().get(i), sb);
        }
    }

    /**
     * Lays out a derivation's steps, every one of them (text and the full record carry everything;
     * the notes style shortens runs of identical layers itself). {@code explained} carries the rules
     * already justified, so each is explained once.
     */
    static void layOut(List<Step> all, StepsWriter steps) {
        steps.write(all, new java.util.HashSet<String>());
    }

    interface StepsWriter { void write(List<Step> steps, java.util.Set<String> explained); }

    /** Matrices beyond this many entries are named by their shape instead of printed (the JSON has them whole). */
    static final int LARGEST_PRINTED = 64;

    /** The result as printed: a large matrix is summarised by its shape. */
    static String result(Expr e, Function<Expr, String> render) {
        if (e instanceof Expr.Matrix m && m.height() * m.width() > LARGEST_PRINTED) {
            return "a " + m.height() + " x " + m.width() + " matrix (printed whole in the JSON output)";
        }
        return render.apply(e);
    }

    static String verdict(Verification v) {
        if (v == null) return "not checked";
        return switch (v.status()) {
            case VERIFIED -> "verified (" + v.method() + ")";
            case FAILED -> "FAILED (" + v.method() + "): " + v.detail();
            case UNKNOWN -> "unknown (" + v.method() + "): " + v.detail();
        };
    }

    /** One value per axis: {@code 5}, or {@code (5, 7)} for two axes. */
    static String perAxis(List<Expr> values, Function<Expr, String> render) {
        if (values.isEmpty()) return "";
        if (values.size() == 1) return render.apply(values.get(0));
        return "(" + String.join(", ", values.stream().map(render).toList()) + ")";
    }

    /** A row's receptive field: {@code 9}, or {@code 7..9} (smallest..largest) where it differs between output positions. */
    static String rf(LayerRow row, Function<Expr, String> render, String to) {
        if (!row.rfVaries()) return perAxis(row.rf(), render);
        var parts = new java.util.ArrayList<String>();
        for (int i = 0; i < row.rf().size(); i++) {
            String max = render.apply(row.rf().get(i)), min = render.apply(row.rfMin().get(i));
            parts.add(min.equals(max) ? max : min + to + max);
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(", ", parts) + ")";
    }

    static boolean hasRf(List<LayerRow> rows) { return rows.stream().anyMatch(r -> !r.rf().isEmpty()); }

    static boolean hasSize(List<LayerRow> rows) { return rows.stream().anyMatch(r -> !r.size().isEmpty()); }

    /** Whether the rows hold a 2-D stack's pairs, said once under the table so that a pair is never read as a range. */
    static boolean pairs(List<LayerRow> rows) { return rows.stream().anyMatch(r -> r.rf().size() == 2 || r.size().size() == 2); }

    static final String PAIRS = "Each pair is (height, width).";

    public static long count(List<Step> steps, Verification.Status status) {
        return steps.stream().filter(s -> s.verification() != null && s.verification().status() == status).count();
    }

    public static String tally(List<Step> steps) {
        long ok = count(steps, Verification.Status.VERIFIED), failed = count(steps, Verification.Status.FAILED);
        long unknown = count(steps, Verification.Status.UNKNOWN);
        var sb = new StringBuilder().append(ok).append(" of ").append(steps.size()).append(" steps verified");
        if (failed > 0) sb.append(", ").append(failed).append(" FAILED");
        if (unknown > 0) sb.append(", ").append(unknown).append(" unknown");
        return sb.toString();
    }
}
