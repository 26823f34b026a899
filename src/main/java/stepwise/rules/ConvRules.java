package stepwise.rules;

import java.util.List;

/** Convolution (cross-correlation) and transposed convolution of matrices, as PyTorch computes them. */
public final class ConvRules {
    private ConvRules() {}

    public static final Rule SIZE = Rule.of("conv-size",
            "n_out = floor((n + 2 p - d (k - 1) - 1) / s) + 1 on each axis (PyTorch Conv2d)");
    public static final Rule PAD = Rule.of("conv-pad", "the input is surrounded by p rows and p columns of zeros");
    public static final Rule ENTRY = Rule.of("conv-entry",
            "y_ij = sum_{a,b} xpad_{i s + a d, j s + b d} K_ab: cross-correlation, the kernel is not flipped");
    public static final Rule TRANSPOSE_SIZE = Rule.of("conv-transpose-size",
            "n_out = (n - 1) s - 2 p + d (k - 1) + op + 1 on each axis (PyTorch ConvTranspose2d)", "op < max(s, d)");
    public static final Rule SCATTER = Rule.of("conv-scatter",
            "input entry x_ij adds x_ij K to the output, its taps d apart, its corner at (i s, j s); the kernel is not flipped");
    public static final Rule SCATTER_SUM = Rule.of("conv-scatter-sum", "the transposed convolution is the sum of the scattered copies");
    public static final Rule CROP = Rule.of("conv-crop",
            "p rows and columns are cropped from each side; output padding op keeps op more at the bottom and right");

    public static final RuleFamily FAMILY = new RuleFamily("conv", "Convolution of matrices",
            List.of(SIZE, PAD, ENTRY, TRANSPOSE_SIZE, SCATTER, SCATTER_SUM, CROP));
}
