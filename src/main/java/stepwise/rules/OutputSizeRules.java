package stepwise.rules;

import java.util.List;

/** Output lengths, with PyTorch's formulas (floor division). */
public final class OutputSizeRules {
    private OutputSizeRules() {}

    public static final Rule CONV = Rule.of("size-conv",
            "n_l = floor((n_{l-1} + 2 p_l - d_l (k_l - 1) - 1) / s_l) + 1 (conv, maxpool; PyTorch Conv1d/MaxPool1d)");
    public static final Rule SAME = Rule.of("size-same",
            "padding 'same' pads d_l (k_l - 1) in all (the smaller half first), so n_l = n_{l-1}", "s_l = 1");
    public static final Rule SAME_STRIDED = Rule.of("size-same-strided",
            "padding 'same' at a stride above 1 (TensorFlow; PyTorch refuses it): n_l = ceil(n_{l-1} / s_l), the input padded by "
                    + "max((n_l - 1) s_l + d_l (k_l - 1) + 1 - n_{l-1}, 0) in all, the smaller half on the left");
    public static final Rule AVGPOOL = Rule.of("size-avgpool",
            "n_l = floor((n_{l-1} + 2 p_l - k_l) / s_l) + 1 (PyTorch AvgPool1d)");
    public static final Rule POOL_CEIL = Rule.of("size-pool-ceil",
            "with ceil_mode: n_l = min(ceil((n_{l-1} + 2 p_l - d_l (k_l - 1) - 1) / s_l) + 1, floor((n_{l-1} + p_l - 1) / s_l) + 1): "
                    + "windows rounded up, but the last one must start inside the input or the left padding (PyTorch MaxPool1d/AvgPool1d)",
            "p_l <= (d_l (k_l - 1) + 1) / 2");
    public static final Rule TCONV = Rule.of("size-tconv",
            "n_l = (n_{l-1} - 1) s_l - 2 p_l + d_l (k_l - 1) + op_l + 1 (PyTorch ConvTranspose1d)", "op_l < max(s_l, d_l)");
    public static final Rule UPSAMPLE = Rule.of("size-upsample", "n_l = f_l n_{l-1} (nearest or linear upsampling)");
    public static final Rule PARALLEL = Rule.of("size-parallel",
            "a parallel block's output has its paths' common length", "every path gives the same length");

    public static final RuleFamily FAMILY = new RuleFamily("size", "Output size",
            List.of(CONV, SAME, SAME_STRIDED, AVGPOOL, POOL_CEIL, TCONV, UPSAMPLE, PARALLEL));
}
