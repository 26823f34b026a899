package stepwise.derive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import stepwise.algebra.Exact;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.Expr.Matrix;
import stepwise.ast.Rational;
import stepwise.check.MatrixConv;
import stepwise.result.Result;
import stepwise.result.Step;
import stepwise.result.Verification;
import stepwise.rules.ConvRules;

/**
 * Convolution (cross-correlation) and transposed convolution of one-channel matrices, step by step,
 * with PyTorch's semantics. Entries may be symbols; they are expanded by Symja. Every matrix a step
 * claims is checked against {@link MatrixConv}, at random integer values of the symbols if there are any.
 */
final class Convolutions {
    /** Matrices larger than this on a side, or more scattered copies than this, are summarised, not printed. */
    static final int SHOWN_SIDE = 8;
    static final int SHOWN_COPIES = 16;
    private static final int POINTS = 4;

    private final Matrix x, k;
    /** The file's names for the input and the kernel, and the same as inline TeX for the words of a step. */
    private final String xName, kName, xTex, kTex;
    private final MatrixConv.Params q;
    private final List<Step> steps = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Map<String, Rational>> points;

    private Convolutions(Operands operands, MatrixConv.Params q) {
        this.x = operands.x();
        this.k = operands.k();
        this.xName = operands.xName();
        this.kName = operands.kName();
        this.xTex = Names.tex(xName);
        this.kTex = Names.tex(kName);
        this.q = q;
        this.points = samplePoints(x, k);
    }

    /** The input and the kernel with the names the file gave them. */
    record Operands(String xName, Matrix x, String kName, Matrix k) {}

    // ---- transposed convolution -------------------------------------------------------------

    static Result.Derivation transpose(String target, int line, Operands operands, MatrixConv.Params q) {
        return new Convolutions(operands, q).transpose(target, line);
    }

    private Result.Derivation transpose(String target, int line) {
        int[] full = {(x.height() - 1) * q.s()[0] + q.d()[0] * (k.height() - 1) + 1, (x.width() - 1) * q.s()[1] + q.d()[1] * (k.width() - 1) + 1};
        int[] out = {full[0] - 2 * q.p()[0] + q.op()[0], full[1] - 2 * q.p()[1] + q.op()[1]};
        transposeSize("H_out", 0, x.height(), k.height(), out[0]);
        transposeSize("W_out", 1, x.width(), k.width(), out[1]);
        // The canvas holds every tap; output row o is canvas row o + p.
        int[] canvas = {Math.max(full[0], q.p()[0] + out[0]), Math.max(full[1], q.p()[1] + out[1])};
        var copies = new ArrayList<Expr>();
        boolean show = x.height() * x.width() <= SHOWN_COPIES && canvas[0] <= SHOWN_SIDE && canvas[1] <= SHOWN_SIDE;
        Matrix sum;
        if (show) {
            for (int i = 0; i < x.height(); i++) {
                for (int j = 0; j < x.width(); j++) {
                    Matrix copy = scattered(i, j, canvas);
                    copies.add(copy);
                    final int ii = i, jj = j;
                    steps.add(new Step("scatter", ConvRules.SCATTER.id(), null, List.of(Expr.mul(x.at(i, j), new Expr.Sym(kName)), copy),
                            "$" + xTex + "_{" + (i + 1) + "," + (j + 1) + "} " + kTex + "$ with its corner at row " + (i * q.s()[0] + 1) + ", column " + (j * q.s()[1] + 1),
                            check(copy, point -> MatrixConv.transposeAsConvolution(oneHot(point, ii, jj), numeric(k, point), uncropped(canvas, full)))));
                }
            }
            sum = sum(copies, canvas);
        } else {
            // Too many copies to print: they are added cell by cell, never held as whole canvases.
            sum = scatteredSum(canvas);
        }
        List<Expr> chain = show ? List.of(new Expr.Add(copies.size() == 1 ? List.of(copies.get(0), zero(canvas)) : copies), sum) : List.of(sum);
        if (!show) notes.add("the " + x.height() * x.width() + " scattered copies of $" + kTex + "$ (on a " + canvas[0] + " x " + canvas[1] + " canvas) are not printed one by one");
        steps.add(new Step("sum", ConvRules.SCATTER_SUM.id(), show ? null : new Expr.Sym("Y_full"), chain,
                "one copy of $" + kTex + "$ per entry of $" + xTex + "$, added", check(sum, point -> MatrixConv.transposeAsConvolution(numeric(x, point), numeric(k, point), uncropped(canvas, full)))));
        Matrix result = sum;
        if (q.p()[0] + q.p()[1] > 0 || canvas[0] != out[0] || canvas[1] != out[1]) {
            result = crop(sum, q.p(), out);
            steps.add(new Step("crop", ConvRules.CROP.id(), null, List.of(sum, result),
                    "$p = (" + q.p()[0] + ", " + q.p()[1] + ")$ cropped from each side, $op = (" + q.op()[0] + ", " + q.op()[1] + ")$ kept at the end",
                    check(result, point -> MatrixConv.transposeAsConvolution(numeric(x, point), numeric(k, point), q))));
        }
        return new Result.Derivation(target, line, steps, result, List.of(), notes);
    }

    private void transposeSize(String name, int axis, int n, int kk, int value) {
        Expr general = new Expr.Add(List.of(Expr.mul(Expr.sub(new Expr.Sym("n"), Expr.num(1)), new Expr.Sym("s")),
                new Expr.Neg(Expr.mul(Expr.num(2), new Expr.Sym("p"))), Expr.mul(new Expr.Sym("d"), Expr.sub(new Expr.Sym("k"), Expr.num(1))),
                new Expr.Sym("op"), Expr.num(1)));
        Expr numbers = new Expr.Add(List.of(Expr.mul(Expr.sub(Expr.num(n), Expr.num(1)), Expr.num(q.s()[axis])),
                new Expr.Neg(Expr.mul(Expr.num(2), Expr.num(q.p()[axis]))), Expr.mul(Expr.num(q.d()[axis]), Expr.sub(Expr.num(kk), Expr.num(1))),
                Expr.num(q.op()[axis]), Expr.num(1)));
        int expected = axis == 0 ? MatrixConv.transposeAsConvolution(MatrixConv.zeros(x.height(), x.width()), MatrixConv.zeros(k.height(), k.width()), q).length
                : MatrixConv.transposeAsConvolution(MatrixConv.zeros(x.height(), x.width()), MatrixConv.zeros(k.height(), k.width()), q)[0].length;
        steps.add(new Step("output size", ConvRules.TRANSPOSE_SIZE.id(), new Expr.Sym(name), List.of(general, numbers, Expr.num(value)),
                (axis == 0 ? "rows" : "columns") + ": the last input's copy ends $d (k - 1)$ past $(n - 1) s$",
                expected == value ? Verification.verified("direct-convolution", "the equivalent direct convolution has " + expected + (axis == 0 ? " rows" : " columns"))
                        : Verification.failed("direct-convolution", "the equivalent direct convolution has " + expected)));
    }

    private Matrix scattered(int i, int j, int[] canvas) {
        var rows = zeroRows(canvas);
        for (int a = 0; a < k.height(); a++) {
            for (int b = 0; b < k.width(); b++) {
                rows.get(i * q.s()[0] + a * q.d()[0]).set(j * q.s()[1] + b * q.d()[1], Algebra.expandOrKeep(Expr.mul(x.at(i, j), k.at(a, b))));
            }
        }
        return new Matrix(rows);
    }

    /** The sum of the scattered copies, each product added straight into its cell. */
    private Matrix scatteredSum(int[] canvas) {
        var terms = new ArrayList<List<Expr>>(canvas[0] * canvas[1]);
        for (int c = 0; c < canvas[0] * canvas[1]; c++) terms.add(null);
        for (int i = 0; i < x.height(); i++) {
            for (int j = 0; j < x.width(); j++) {
                for (int a = 0; a < k.height(); a++) {
                    for (int b = 0; b < k.width(); b++) {
                        int cell = (i * q.s()[0] + a * q.d()[0]) * canvas[1] + j * q.s()[1] + b * q.d()[1];
                        if (terms.get(cell) == null) terms.set(cell, new ArrayList<>());
                        terms.get(cell).add(Expr.mul(x.at(i, j), k.at(a, b)));
                    }
                }
            }
        }
        var rows = zeroRows(canvas);
        for (int r = 0; r < canvas[0]; r++) {
            for (int c = 0; c < canvas[1]; c++) {
                var cell = terms.get(r * canvas[1] + c);
                if (cell != null) rows.get(r).set(c, Algebra.expandOrKeep(cell.size() == 1 ? cell.get(0) : new Expr.Add(cell)));
            }
        }
        return new Matrix(rows);
    }

    private static Matrix sum(List<Expr> copies, int[] canvas) {
        var rows = zeroRows(canvas);
        for (int r = 0; r < canvas[0]; r++) {
            for (int c = 0; c < canvas[1]; c++) {
                var terms = new ArrayList<Expr>();
                for (Expr copy : copies) {
                    Expr e = ((Matrix) copy).at(r, c);
                    if (!(e instanceof Expr.Num n && n.value().signum() == 0)) terms.add(e);
                }
                rows.get(r).set(c, terms.isEmpty() ? Expr.num(0) : terms.size() == 1 ? terms.get(0) : Algebra.expandOrKeep(new Expr.Add(terms)));
            }
        }
        return new Matrix(rows);
    }

    private static Matrix crop(Matrix m, int[] p, int[] out) {
        var rows = new ArrayList<List<Expr>>();
        for (int r = 0; r < out[0]; r++) rows.add(new ArrayList<>(m.rows().get(r + p[0]).subList(p[1], p[1] + out[1])));
        return new Matrix(rows);
    }

    /** The parameters that draw the uncropped canvas: no padding, output padding up to the canvas. */
    private MatrixConv.Params uncropped(int[] canvas, int[] full) {
        return new MatrixConv.Params(q.s(), new int[] {0, 0}, q.d(), new int[] {canvas[0] - full[0], canvas[1] - full[1]});
    }

    private Rational[][] oneHot(Map<String, Rational> point, int i, int j) {
        var m = MatrixConv.zeros(x.height(), x.width());
        m[i][j] = Exact.eval(x.at(i, j), point);
        return m;
    }

    private static Matrix zero(int[] canvas) { return new Matrix(zeroRows(canvas)); }

    private static List<List<Expr>> zeroRows(int[] size) {
        var rows = new ArrayList<List<Expr>>();
        for (int r = 0; r < size[0]; r++) {
            var row = new ArrayList<Expr>();
            for (int c = 0; c < size[1]; c++) row.add(Expr.num(0));
            rows.add(row);
        }
        return rows;
    }

    // ---- convolution (cross-correlation) ----------------------------------------------------

    static Result.Derivation conv(String target, int line, Operands operands, MatrixConv.Params q) {
        return new Convolutions(operands, q).conv(target, line);
    }

    private Result.Derivation conv(String target, int line) {
        int oh = convSize("H_out", 0, x.height(), k.height()), ow = convSize("W_out", 1, x.width(), k.width());
        Matrix padded = padded();
        boolean padding = q.p()[0] + q.p()[1] > 0;
        if (padding && padded.height() <= SHOWN_SIDE && padded.width() <= SHOWN_SIDE) {
            // The padded input is a new, larger matrix: pad(X) = [...], never X = [...].
            steps.add(new Step("padding", ConvRules.PAD.id(), Expr.fn("pad", new Expr.Sym(xName)), List.of(padded),
                    "$" + xTex + "$ with " + pads() + " around it", Verification.verified("definition", "the input, bordered")));
        }
        String source = padding ? "$\\mathrm{pad}(" + xTex + ")$" : "$" + xTex + "$";
        var rows = new ArrayList<List<Expr>>();
        boolean show = oh * ow <= SHOWN_COPIES * 4 && oh <= SHOWN_SIDE && ow <= SHOWN_SIDE;
        for (int i = 0; i < oh; i++) {
            var row = new ArrayList<Expr>();
            for (int j = 0; j < ow; j++) {
                var products = new ArrayList<Expr>();
                for (int a = 0; a < k.height(); a++) {
                    for (int b = 0; b < k.width(); b++) {
                        products.add(Expr.mul(padded.at(i * q.s()[0] + a * q.d()[0], j * q.s()[1] + b * q.d()[1]), k.at(a, b)));
                    }
                }
                Expr written = products.size() == 1 ? products.get(0) : new Expr.Add(products);
                Expr value = Algebra.expandOrKeep(written);
                row.add(value);
                if (show) {
                    final int ii = i, jj = j;
                    steps.add(new Step("entries", ConvRules.ENTRY.id(), new Expr.Sym("y_" + (i + 1) + "," + (j + 1)), List.of(written, value),
                            "the window at row " + (i * q.s()[0] + 1) + ", column " + (j * q.s()[1] + 1) + " of " + source + ", times $" + kTex + "$",
                            checkEntry(value, point -> MatrixConv.crossCorrelate(numeric(x, point), numeric(k, point), q.s(), q.p(), q.d())[ii][jj])));
                }
            }
            rows.add(row);
        }
        if (!show) notes.add("the output is " + oh + " x " + ow + ": its entries are not written out one by one");
        Matrix result = new Matrix(rows);
        steps.add(new Step("result", ConvRules.ENTRY.id(), new Expr.Sym("Y"), List.of(result),
                "every window of " + source + ", times $" + kTex + "$", adjoint(result)));
        return new Result.Derivation(target, line, steps, result, List.of(), notes);
    }

    private int convSize(String name, int axis, int n, int kk) {
        int value = Math.floorDiv(n + 2 * q.p()[axis] - q.d()[axis] * (kk - 1) - 1, q.s()[axis]) + 1;
        Expr general = Expr.add(Expr.fn("floor", new Expr.Div(new Expr.Add(List.of(new Expr.Sym("n"), Expr.mul(Expr.num(2), new Expr.Sym("p")),
                new Expr.Neg(Expr.mul(new Expr.Sym("d"), Expr.sub(new Expr.Sym("k"), Expr.num(1)))), new Expr.Neg(Expr.num(1)))), new Expr.Sym("s"))), Expr.num(1));
        Expr numbers = Expr.add(Expr.fn("floor", new Expr.Div(new Expr.Add(List.of(Expr.num(n), Expr.mul(Expr.num(2), Expr.num(q.p()[axis])),
                new Expr.Neg(Expr.mul(Expr.num(q.d()[axis]), Expr.sub(Expr.num(kk), Expr.num(1)))), new Expr.Neg(Expr.num(1)))), Expr.num(q.s()[axis]))), Expr.num(1));
        steps.add(new Step("output size", ConvRules.SIZE.id(), new Expr.Sym(name), List.of(general, numbers, Expr.num(value)),
                (axis == 0 ? "rows" : "columns") + ": windows of $d (k - 1) + 1$ in the padded input, one every $s$",
                Verification.verified("definition", "counted by the definition's windows")));
        return value;
    }

    /** "a row and a column of zeros", "2 rows of zeros" ...: the padding in words. */
    private String pads() {
        int r = q.p()[0], c = q.p()[1];
        if (r == c) return r == 1 ? "a border of zeros" : "a border of " + r + " zeros";
        return r + (r == 1 ? " row" : " rows") + " and " + c + (c == 1 ? " column" : " columns") + " of zeros";
    }

    private Matrix padded() {
        int h = x.height() + 2 * q.p()[0], w = x.width() + 2 * q.p()[1];
        var rows = zeroRows(new int[] {h, w});
        for (int i = 0; i < x.height(); i++) for (int j = 0; j < x.width(); j++) rows.get(i + q.p()[0]).set(j + q.p()[1], x.at(i, j));
        return new Matrix(rows);
    }

    /** The adjoint identity &lt;conv(X, K), Y&gt; = &lt;X, conv_transpose(Y, K)&gt; for random Y, with the checker's own transposed convolution. */
    private Verification adjoint(Matrix result) {
        var random = new Random(StackChecks.SEED);
        for (var point : points) {
            Rational[][] xs = numeric(x, point), ks = numeric(k, point), ys = numeric(result, point);
            Rational[][] direct = MatrixConv.crossCorrelate(xs, ks, q.s(), q.p(), q.d());
            if (!equal(direct, ys)) return Verification.failed("definition", "the definition gives " + java.util.Arrays.deepToString(direct) + atPoint(point));
            var y = MatrixConv.zeros(ys.length, ys[0].length);
            for (var row : y) for (int c = 0; c < row.length; c++) row[c] = Rational.of(random.nextInt(11) - 5);
            int[] op = {x.height() - ((ys.length - 1) * q.s()[0] - 2 * q.p()[0] + q.d()[0] * (k.height() - 1) + 1),
                    x.width() - ((ys[0].length - 1) * q.s()[1] - 2 * q.p()[1] + q.d()[1] * (k.width() - 1) + 1)};
            var back = MatrixConv.transposeAsConvolution(y, ks, new MatrixConv.Params(q.s(), q.p(), q.d(), op));
            if (!MatrixConv.inner(ys, y).equals(MatrixConv.inner(xs, back))) {
                return Verification.failed("adjoint", "<conv(X, K), Y> != <X, conv_transpose(Y, K)> for a random Y" + atPoint(point));
            }
        }
        return new Verification(Verification.Status.VERIFIED, "adjoint",
                "equals the definition, and <conv(X, K), Y> = <X, conv_transpose(Y, K)> for random Y", printable(points));
    }

    // ---- checking ---------------------------------------------------------------------------

    private interface Truth { Rational[][] at(Map<String, Rational> point); }

    private interface EntryTruth { Rational at(Map<String, Rational> point); }

    private Verification check(Matrix claimed, Truth truth) {
        for (var point : points) {
            Rational[][] expected = truth.at(point);
            Rational[][] actual = numeric(claimed, point);
            if (!equal(expected, actual)) {
                return Verification.failed("direct-convolution", "the direct convolution gives " + java.util.Arrays.deepToString(expected) + atPoint(point));
            }
        }
        return new Verification(Verification.Status.VERIFIED, "direct-convolution",
                "equals the transposed convolution computed as a direct convolution (zeros inserted, kernel flipped)", printable(points));
    }

    private Verification checkEntry(Expr claimed, EntryTruth truth) {
        for (var point : points) {
            Rational expected = truth.at(point);
            if (!Exact.eval(claimed, point).equals(expected)) {
                return Verification.failed("definition", "the definition gives " + expected + atPoint(point));
            }
        }
        return new Verification(Verification.Status.VERIFIED, "definition", "recomputed from the definition", printable(points));
    }

    private static String atPoint(Map<String, Rational> point) {
        return point.isEmpty() ? "" : " at " + NetPoints.printable(point);
    }

    private static List<Map<String, String>> printable(List<Map<String, Rational>> points) {
        return points.stream().filter(p -> !p.isEmpty()).map(NetPoints::printable).toList();
    }

    private static boolean equal(Rational[][] a, Rational[][] b) {
        if (a.length != b.length || a[0].length != b[0].length) return false;
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) if (!a[i][j].equals(b[i][j])) return false;
        return true;
    }

    static Rational[][] numeric(Matrix m, Map<String, Rational> point) {
        var out = new Rational[m.height()][m.width()];
        for (int i = 0; i < m.height(); i++) for (int j = 0; j < m.width(); j++) out[i][j] = Exact.eval(m.at(i, j), point);
        return out;
    }

    /** No symbols: one empty point. Symbols: random whole values (a polynomial identity holding at random points). */
    private static List<Map<String, Rational>> samplePoints(Matrix x, Matrix k) {
        Set<String> symbols = new LinkedHashSet<>(Exprs.freeSymbols(x));
        symbols.addAll(Exprs.freeSymbols(k));
        if (symbols.isEmpty()) return List.of(Map.of());
        var random = new Random(StackChecks.SEED);
        var out = new ArrayList<Map<String, Rational>>();
        for (int n = 0; n < POINTS; n++) {
            var point = new LinkedHashMap<String, Rational>();
            for (String s : symbols) point.put(s, Rational.of(random.nextInt(19) - 9));
            out.add(point);
        }
        return out;
    }
}
