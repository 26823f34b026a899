package stepwise.check;

import stepwise.ast.Rational;

/**
 * Independent arithmetic for matrix convolutions, used to check the derivations:
 * cross-correlation straight from its definition (no padded copy is built; out-of-range taps read
 * zero), and the transposed convolution as an ordinary convolution: zeros inserted between inputs,
 * a border of d (k - 1) - p, the kernel flipped and dilated.
 */
public final class MatrixConv {
    private MatrixConv() {}

    /** Axis parameters: stride, padding, dilation, output padding, as {rows, columns}. */
    public record Params(int[] s, int[] p, int[] d, int[] op) {}

    public static Rational[][] crossCorrelate(Rational[][] x, Rational[][] k, int[] s, int[] p, int[] d) {
        int oh = (x.length + 2 * p[0] - d[0] * (k.length - 1) - 1) / s[0] + 1;
        int ow = (x[0].length + 2 * p[1] - d[1] * (k[0].length - 1) - 1) / s[1] + 1;
        var y = zeros(oh, ow);
        for (int i = 0; i < oh; i++) {
            for (int j = 0; j < ow; j++) {
                Rational acc = Rational.ZERO;
                for (int a = 0; a < k.length; a++) {
                    for (int b = 0; b < k[0].length; b++) {
                        int r = i * s[0] - p[0] + a * d[0], c = j * s[1] - p[1] + b * d[1];
                        if (r >= 0 && r < x.length && c >= 0 && c < x[0].length) acc = acc.add(x[r][c].multiply(k[a][b]));
                    }
                }
                y[i][j] = acc;
            }
        }
        return y;
    }

    /** conv_transpose(x, k) computed as a stride-1 convolution of the zero-inserted, bordered input with the flipped kernel. */
    public static Rational[][] transposeAsConvolution(Rational[][] x, Rational[][] k, Params q) {
        int[] border = {q.d()[0] * (k.length - 1) - q.p()[0], q.d()[1] * (k[0].length - 1) - q.p()[1]};
        int zh = (x.length - 1) * q.s()[0] + 1, zw = (x[0].length - 1) * q.s()[1] + 1;
        // Rows of the bordered input run from -border to zh - 1 + border + op; negative borders crop.
        int h = zh + 2 * border[0] + q.op()[0], w = zw + 2 * border[1] + q.op()[1];
        var z = zeros(Math.max(h, 0), Math.max(w, 0));
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                int r = i * q.s()[0] + border[0], c = j * q.s()[1] + border[1];
                if (r >= 0 && r < h && c >= 0 && c < w) z[r][c] = x[i][j];
            }
        }
        var flipped = zeros(k.length, k[0].length);
        for (int a = 0; a < k.length; a++) for (int b = 0; b < k[0].length; b++) flipped[a][b] = k[k.length - 1 - a][k[0].length - 1 - b];
        return crossCorrelate(z, flipped, new int[] {1, 1}, new int[] {0, 0}, q.d());
    }

    public static Rational inner(Rational[][] a, Rational[][] b) {
        Rational acc = Rational.ZERO;
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) acc = acc.add(a[i][j].multiply(b[i][j]));
        return acc;
    }

    public static Rational[][] zeros(int h, int w) {
        var m = new Rational[h][w];
        for (var row : m) java.util.Arrays.fill(row, Rational.ZERO);
        return m;
    }
}
