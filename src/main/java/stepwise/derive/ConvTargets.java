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
        return transpose ? transposeChecked(d, x, k, q) : convChecked(d, x, k, q);
    }

    private static Result.Derivation transposeChecked(Statement.Derive d, Expr.Matrix x, Expr.Matrix k, MatrixConv.Params q) {
        Target t = d.target();
        String[] axis = {"rows", "columns"};
        int[] n = {x.height(), x.width()}, kk = {k.height(), k.width()};
        for (int a = 0; a < 2; a++) {
            if (q.op()[a] > 0 && q.op()[a] >= q.s()[a] && q.op()[a] >= q.d()[a]) {
                throw new BadInput(t.span(), "output padding must be smaller than the stride or the dilation, got op=" + q.op()[a]);
            }
            int out = (n[a] - 1) * q.s()[a] - 2 * q.p()[a] + q.d()[a] * (kk[a] - 1) + q.op()[a] + 1;
            if (out <= 0) {
                throw new BadInput(t.span(), "the output would have " + out + " " + axis[a] + ": padding " + q.p()[a] + " crops more than the "
                        + (out + 2 * q.p()[a] - q.op()[a]) + " " + axis[a] + " the transposed convolution makes");
            }
        }
        return Convolutions.transpose(t.text(), d.span().line(), x, k, q);
    }

    private static Result.Derivation convChecked(Statement.Derive d, Expr.Matrix x, Expr.Matrix k, MatrixConv.Params q) {
        Target t = d.target();
        String[] axis = {"rows", "columns"};
        int[] n = {x.height(), x.width()}, kk = {k.height(), k.width()};
        for (int a = 0; a < 2; a++) {
            int reach = q.d()[a] * (kk[a] - 1) + 1, padded = n[a] + 2 * q.p()[a];
            if (reach > padded) {
                throw new BadInput(t.span(), "the kernel reaches " + reach + " " + axis[a] + (q.d()[a] > 1 ? " with dilation " + q.d()[a] : "")
                        + ", more than the " + padded + " " + axis[a] + " of the padded input");
            }
        }
        return Convolutions.conv(t.text(), d.span().line(), x, k, q);
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

    /** One value for both axes, or a pair (rows, columns); whole numbers within the parameter's range. */
    private static int[] axes(Statement.Arg arg, Param param) {
        int[] out = new int[2];
        for (int a = 0; a < 2; a++) {
            Expr v = arg.values().get(Math.min(a, arg.values().size() - 1));
            try {
                param.validate(v);
                Rational r = Exact.eval(v, Map.of());
                if (r.num().bitLength() > 20) throw new BadInput(arg.span(), param.title + " is too large: " + r);
                out[a] = r.num().intValueExact();
            } catch (IllegalArgumentException e) {
                throw new BadInput(arg.span(), e.getMessage());
            } catch (Exact.NotExact e) {
                throw new BadInput(arg.span(), param.title + " of a matrix convolution must be a number");
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
        }
        return new Expr.Matrix(let.rows());
    }

}
