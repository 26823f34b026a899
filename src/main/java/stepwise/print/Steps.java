package stepwise.print;

import java.util.List;
import java.util.function.Function;
import stepwise.ast.Expr;
import stepwise.result.LayerRow;
import stepwise.result.Step;
import stepwise.result.Verification;

/** Pieces every printer needs: a step as one equation, a verdict in words, a per-axis value. */
final class Steps {
    private Steps() {}

    static String equation(Step s, Function<Expr, String> render, String equals) {
        var sb = new StringBuilder();
        if (s.subject() != null) sb.append(render.apply(s.subject()));
        for (int i = 0; i < s.chain().size(); i++) {
            if (s.subject() != null || i > 0) sb.append(equals);
            sb.append(render.apply(s.chain().get(i)));
        }
        return sb.toString();
    }

    /** Sections (layers) shown at each end of a long derivation; the ones between are summarised. */
    static final int SHOWN_AT_EACH_END = 8;

    /** What a printer shows of a long derivation: the steps of the first and last sections, and a summary between. */
    record Shown(List<Step> head, String summary, List<Step> tail) {}

    static Shown shown(List<Step> steps) {
        var sections = new java.util.ArrayList<String>();
        for (Step s : steps) if (sections.isEmpty() || !sections.get(sections.size() - 1).equals(s.section())) sections.add(s.section());
        if (sections.size() <= 3 * SHOWN_AT_EACH_END) return new Shown(steps, null, List.of());
        String lastHead = sections.get(SHOWN_AT_EACH_END - 1), firstTail = sections.get(sections.size() - SHOWN_AT_EACH_END);
        int headEnd = lastIndexOf(steps, lastHead) + 1, tailStart = firstIndexOf(steps, firstTail);
        var middle = steps.subList(headEnd, tailStart);
        var rules = new java.util.LinkedHashSet<String>();
        middle.forEach(s -> rules.add(s.rule()));
        int hidden = sections.size() - 2 * SHOWN_AT_EACH_END;
        String summary = hidden + " more sections (" + sections.get(SHOWN_AT_EACH_END) + " to " + sections.get(sections.size() - SHOWN_AT_EACH_END - 1)
                + "): " + middle.size() + " steps by " + String.join(", ", rules) + "; " + tally(middle)
                + " (every step is in the JSON output)";
        return new Shown(steps.subList(0, headEnd), summary, steps.subList(tailStart, steps.size()));
    }

    /**
     * Lays out a derivation's steps: the shown head, then (for a long one) the summary and the
     * shown tail. {@code explained} carries the rules already justified, so each is explained once.
     */
    static void layOut(List<Step> all, StepsWriter steps, java.util.function.Consumer<String> summary) {
        var shown = shown(all);
        var explained = new java.util.HashSet<String>();
        steps.write(shown.head(), explained);
        if (shown.summary() != null) {
            summary.accept(shown.summary());
            steps.write(shown.tail(), explained);
        }
    }

    interface StepsWriter { void write(List<Step> steps, java.util.Set<String> explained); }

    private static int firstIndexOf(List<Step> steps, String section) {
        for (int i = 0; i < steps.size(); i++) if (java.util.Objects.equals(steps.get(i).section(), section)) return i;
        return steps.size();
    }

    private static int lastIndexOf(List<Step> steps, String section) {
        for (int i = steps.size() - 1; i >= 0; i--) if (java.util.Objects.equals(steps.get(i).section(), section)) return i;
        return -1;
    }

    /** The rows a printer shows of a long layer table: both ends, and how many were left out between. */
    record ShownRows(List<LayerRow> head, int omitted, List<LayerRow> tail) {}

    static ShownRows shownRows(List<LayerRow> rows) {
        if (rows.size() <= 3 * SHOWN_AT_EACH_END) return new ShownRows(rows, 0, List.of());
        return new ShownRows(rows.subList(0, SHOWN_AT_EACH_END), rows.size() - 2 * SHOWN_AT_EACH_END,
                rows.subList(rows.size() - SHOWN_AT_EACH_END, rows.size()));
    }

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

    static long count(List<Step> steps, Verification.Status status) {
        return steps.stream().filter(s -> s.verification() != null && s.verification().status() == status).count();
    }

    static String tally(List<Step> steps) {
        long ok = count(steps, Verification.Status.VERIFIED), failed = count(steps, Verification.Status.FAILED);
        long unknown = count(steps, Verification.Status.UNKNOWN);
        var sb = new StringBuilder().append(ok).append(" of ").append(steps.size()).append(" steps verified");
        if (failed > 0) sb.append(", ").append(failed).append(" FAILED");
        if (unknown > 0) sb.append(", ").append(unknown).append(" unknown");
        return sb.toString();
    }
}
