package stepwise.derive;

import java.util.List;
import java.util.Map;
import stepwise.algebra.Exact;
import stepwise.ast.Expr;
import stepwise.ast.Rational;
import stepwise.ast.Statement;
import stepwise.ast.Statement.Target;
import stepwise.check.MatrixConv;
import stepwise.diag.BadInput;
import stepwise.model.Param;
import stepwise.model.WholeNumber;
import stepwise.result.Result;

/** Reads {@code conv(X, K, s=.., p=.., d=..)} and {@code conv_transpose(X, K, ..., op=..)} targets. */
final class ConvTargets {
    private ConvTargets() {}

    static Result.Derivation derive(Statement.Derive d, Map<String, Expr.Matrix> matrices) {
        Target t = d.target();
        boolean transpose = t.function().equals("conv_transpose");
        if (!d.where().isEmpty()) throw new BadInput(d.where().get(0).span(), "'where' is for layer stacks");
        if (t.args().size() < 2 || t.args().get(0).name() != null || t.args().get(1).name() != null) {
            throw new BadInput(t.span(), t.function() + " needs an input and a kernel: " + t.function() + "(X, K, s=1, p=0)");
        }
        Expr.Matrix x = matrix(t.args().get(0), matrices), k = matrix(t.args().get(1), matrices);
        int[] s = {1, 1}, p = {0, 0}, dil = {1, 1}, op = {0, 0};
        for (var arg : t.args().subList(2, t.args().size())) {
            if (arg.name() == null) throw new BadInput(arg.span(), "after the input and the kernel, arguments are named: s=, p=, d=" + (transpose ? ", op=" : ""));
            switch (transpose || !arg.name().equals("op") ? arg.name() : "") {
                case "s" -> s = axes(arg, Param.S);
                case "p" -> p = axes(arg, Param.P);
                case "d" -> dil = axes(arg, Param.D);
                case "op" -> op = axes(arg, Param.OP);
                default -> throw new BadInput(arg.span(), t.function() + " takes s, p, d" + (transpose ? ", op" : "") + "; got '" + arg.name() + "'");
            }
        }
        var q = new MatrixConv.Params(s, p, dil, op);
        var operands = new Convolutions.Operands(((Expr.Sym) t.args().get(0).value()).name(), x, ((Expr.Sym) t.args().get(1).value()).name(), k);
        return transpose ? transposeChecked(d, operands, q) : convChecked(d, operands, q);
    }

    private static Result.Derivation transposeChecked(Statement.Derive d, Convolutions.Operands operands, MatrixConv.Params q) {
        Target t = d.target();
        Expr.Matrix x = operands.x(), k = operands.k();
        String[] axis = {"rows", "columns"};
        int[] n = {x.height(), x.width()}, kk = {k.height(), k.width()};
        long[] canvas = new long[2];
        for (int a = 0; a < 2; a++) {
            if (q.op()[a] > 0 && q.op()[a] >= q.s()[a] && q.op()[a] >= q.d()[a]) {
                throw new BadInput(t.span(), "output padding must be smaller than the stride or the dilation, got op=" + q.op()[a]);
            }
            long full = (n[a] - 1L) * q.s()[a] + (long) q.d()[a] * (kk[a] - 1) + 1;
            long out = full - 2L * q.p()[a] + q.op()[a];
            if (out <= 0) {
                throw new BadInput(t.span(), "the output would have " + out + " " + axis[a] + ": padding " + q.p()[a] + " crops more than the "
                        + (out + 2L * q.p()[a] - q.op()[a]) + " " + axis[a] + " the transposed convolution makes");
            }
            canvas[a] = Math.max(full, q.p()[a] + out);
        }
        checkSize(t, x, k, canvas[0], canvas[1], (long) x.height() * x.width() * k.height() * k.width());
        return Convolutions.transpose(t.text(), d.span().line(), operands, q);
    }

    private static Result.Derivation convChecked(Statement.Derive d, Convolutions.Operands operands, MatrixConv.Params q) {
        Target t = d.target();
        Expr.Matrix x = operands.x(), k = operands.k();
        String[] axis = {"rows", "columns"};
        int[] n = {x.height(), x.width()}, kk = {k.height(), k.width()};
        long[] padded = new long[2], outputs = new long[2];
        for (int a = 0; a < 2; a++) {
            long reach = (long) q.d()[a] * (kk[a] - 1) + 1;
            padded[a] = n[a] + 2L * q.p()[a];
            if (reach > padded[a]) {
                throw new BadInput(t.span(), "the kernel reaches " + reach + " " + axis[a] + (q.d()[a] > 1 ? " with dilation " + q.d()[a] : "")
                        + ", more than the " + padded[a] + " " + axis[a] + " of the padded input");
            }
            outputs[a] = (padded[a] - reach) / q.s()[a] + 1;
        }
        checkSize(t, x, k, padded[0], padded[1], outputs[0] * outputs[1] * k.height() * k.width());
        return Convolutions.conv(t.text(), d.span().line(), operands, q);
    }

    /** Entries of the largest canvas (padded input or scatter canvas) a numeric convolution is worked on. */
    static final long MAX_CANVAS = 250_000;
    /** Products of one input and one kernel entry a convolution may add. */
    static final long MAX_PRODUCTS = 2_000_000;
    /** With symbols, every entry is expanded by the algebra engine: a smaller canvas. */
    static final long MAX_SYMBOLIC_CANVAS = 1_024;

    /** Refuses, before any work, a convolution that would take more than seconds or exhaust memory. */
    private static void checkSize(Target t, Expr.Matrix x, Expr.Matrix k, long rows, long cols, long products) {
        boolean symbolic = !stepwise.algebra.Exprs.isClosed(x) || !stepwise.algebra.Exprs.isClosed(k);
        long limit = symbolic ? MAX_SYMBOLIC_CANVAS : MAX_CANVAS;
        if (rows > limit || cols > limit || rows * cols > limit) {
            throw new BadInput(t.span(), t.function() + " would work on a " + rows + " x " + cols + " canvas; the limit is " + limit + " entries"
                    + (symbolic ? " when entries have symbols" : ""));
        }
        if (products > MAX_PRODUCTS) {
            throw new BadInput(t.span(), t.function() + " would add " + products + " products of entries; the limit is " + MAX_PRODUCTS);
        }
    }

    private static Expr.Matrix matrix(Statement.Arg arg, Map<String, Expr.Matrix> matrices) {
        if (!(arg.value() instanceof Expr.Sym s) || arg.values().size() != 1) throw new BadInput(arg.span(), "expected the name of a matrix declared with let");
        var m = matrices.get(s.name());
        if (m == null) {
            throw new BadInput(arg.span(), "no matrix named '" + s.name() + "'"
                    + (matrices.isEmpty() ? "; declare it first with let " + s.name() + " = [[...]]" : "; matrices are " + String.join(", ", matrices.keySet())));
        }
        return m;
    }

    /** One value for both axes, or a pair (rows, columns); whole numbers within the parameter's range, checked at the value. */
    private static int[] axes(Statement.Arg arg, Param param) {
        int[] out = new int[2];
        for (int a = 0; a < 2; a++) {
            int i = Math.min(a, arg.values().size() - 1);
            Expr v = arg.values().get(i);
            var at = arg.valueSpans().get(i);
            try {
                var value = WholeNumber.check(v, param.title, param.min, WholeNumber.MAX_PARAM);
                if (value.isEmpty()) throw new BadInput(at, param.title + " of a matrix convolution must be a number, got " + WholeNumber.shown(v));
                out[a] = value.get().num().intValueExact();
            } catch (IllegalArgumentException e) {
                throw new BadInput(at, e.getMessage());
            }
        }
        return out;
    }

    /** Checks a let statement's matrix: not empty, every row as long as the first. */
    static Expr.Matrix declare(Statement.LetDecl let) {
        if (let.rows().isEmpty()) throw new BadInput(let.span(), "matrix " + let.name() + " is empty");
        int width = let.rows().get(0).size();
        for (int i = 0; i < let.rows().size(); i++) {
            int size = let.rows().get(i).size();
            if (size == 0) throw new BadInput(let.rowSpans().get(i), "row " + (i + 1) + " of " + let.name() + " is empty");
            if (size != width) {
                throw new BadInput(let.rowSpans().get(i), "row " + (i + 1) + " of " + let.name() + " has " + size + " entries, row 1 has " + width);
            }
            for (int j = 0; j < size; j++) {
                Expr entry = let.rows().get(i).get(j);
                String title = "entry (" + (i + 1) + ", " + (j + 1) + ") of " + let.name();
                try {
                    WholeNumber.rational(entry, title);
                } catch (IllegalArgumentException e) {
                    throw new BadInput(let.rowSpans().get(i), e.getMessage());
                }
                // Symbols are sampled by name: an index must be a number (k[1]), since nothing gives l in k[l] a value.
                var symbolicIndex = new java.util.ArrayList<Expr>();
                stepwise.algebra.Exprs.contains(entry, e -> {
                    if (e instanceof Expr.Indexed ix && !stepwise.algebra.Exprs.isClosed(ix.index())) symbolicIndex.add(e);
                    return false;
                });
                if (!symbolicIndex.isEmpty()) {
                    throw new BadInput(let.rowSpans().get(i), title + " has " + stepwise.ast.Infix.print(symbolicIndex.get(0))
                            + ", whose index is not a number; write a plain symbol or a numbered one such as k[1]");
                }
            }
        }
        return new Expr.Matrix(let.rows());
    }

}
