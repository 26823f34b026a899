package stepwise.rules;

import java.util.List;

/** How far back into the input one output position of a layer stack can see. */
public final class ReceptiveFieldRules {
    private ReceptiveFieldRules() {}

    public static final Rule BASE = Rule.of("rf-base",
            "RF_1 = d_1 (k_1 - 1) + 1: the first layer reads k_1 inputs spaced d_1 apart (RF_1 = k_1 when d_1 = 1)");
    public static final Rule RECURRENCE = Rule.of("rf-recurrence",
            "RF_l = RF_{l-1} + (k_l - 1) d_l J_{l-1}: each extra kernel tap reaches d_l positions of layer l-1, J_{l-1} inputs apart");
    public static final Rule JUMP = Rule.of("rf-jump",
            "J_l = J_{l-1} s_l = prod_{j<=l} s_j: adjacent outputs of layer l start J_l inputs apart (J_0 = 1)");
    public static final Rule PADDING = Rule.of("rf-padding",
            "P_l = P_{l-1} + p_l J_{l-1}: the first window of layer l starts P_l inputs left of input 0 (P_0 = 0)");
    public static final Rule CLOSED_FORM_EVALUATED = Rule.of("rf-closed-form-evaluated",
            "the sums and products of a closed form evaluated where they can be (constant terms, empty products): RF_L = 2L + 1 "
                    + "for L layers of k = 3; checked again at random depths");
    public static final Rule PARALLEL = Rule.of("rf-parallel",
            "a parallel block sees the union of its paths' windows: P = max P_i, RF = max (RF_i - P_i) + P",
            "all paths have the same effective stride");
    public static final Rule JUMP_TRANSPOSED = Rule.of("rf-jump-transposed",
            "J_l = J_{l-1} / s_l: a transposed convolution writes s_l outputs per input step, so adjacent outputs are J_{l-1}/s_l inputs apart");
    public static final Rule JUMP_UPSAMPLE = Rule.of("rf-jump-upsample",
            "J_l = J_{l-1} / f_l: upsampling by f_l makes f_l outputs per input step");
    public static final Rule TRANSPOSED = Rule.of("rf-transposed",
            "output o of a transposed convolution reads the positions u below with u s + i d = o + p (i = 0..k-1); with d = 1 that is "
                    + "ceil(k/s) positions for some o and floor(k/s) for others, so RF_l = RF_{l-1} + (ceil(k_l/s_l) - 1) J_{l-1} at most "
                    + "and RF_{l-1} + (floor(k_l/s_l) - 1) J_{l-1} at least (0 when floor(k_l/s_l) = 0: those outputs read nothing)",
            "the layer below reads alike at every output position");
    public static final Rule TRANSPOSED_PADDING = Rule.of("rf-transposed-padding",
            "P_l = P_{l-1} - J_{l-1} ceil((p_l - (k_l - 1))/s_l): output 0 reads from position ceil((p - (k - 1))/s) below",
            "d = 1 and output 0 reads something");
    public static final Rule UPSAMPLE = Rule.of("rf-upsample",
            "nearest upsampling: output o copies position floor(o/f) below, so RF_l = RF_{l-1} and P_l = P_{l-1}",
            "the layer below reads alike at every output position");
    public static final Rule PHASES = Rule.of("rf-phases",
            "after a transposed or upsampling layer the window of output o depends on its phase o mod q: outputs o and o + q read "
                    + "windows J_l q inputs apart, so the q phases give every window; RF_l is the largest of theirs, RFmin_l the smallest");
    public static final Rule PHASES_PADDING = Rule.of("rf-phases-padding",
            "P_l = J_l o_0 - (the first input read by output o_0), o_0 the first output that reads anything (o_0 = 0 almost always)");
    public static final Rule ALIGNED = Rule.of("rf-aligned",
            "the paths of a parallel block are aligned when they have one effective stride and their windows of every output "
                    + "share a centre (Araujo et al., Distill 2019); otherwise the block is reported as not aligned");
    public static final Rule PARALLEL_STRIDES = Rule.of("rf-parallel-strides",
            "a parallel block whose paths' effective strides differ has no common grid: its receptive field is the largest of its paths', "
                    + "and the layers after it are not derived");
    public static final Rule CLOSED_FORM = Rule.of("rf-closed-form",
            "RF_L = 1 + sum_{l=1}^{L} (k_l - 1) d_l prod_{j=1}^{l-1} s_j, by induction on L from rf-base and rf-recurrence");
    public static final Rule JUMP_CLOSED_FORM = Rule.of("rf-jump-closed-form",
            "J_L = prod_{l=1}^{L} s_l, by induction on L from rf-jump");
    public static final Rule PADDING_CLOSED_FORM = Rule.of("rf-padding-closed-form",
            "P_L = sum_{l=1}^{L} p_l prod_{j=1}^{l-1} s_j, by induction on L from rf-padding");

    public static final RuleFamily FAMILY = new RuleFamily("rf", "Receptive field",
            List.of(BASE, RECURRENCE, JUMP, PADDING, PARALLEL, JUMP_TRANSPOSED, JUMP_UPSAMPLE, TRANSPOSED,
                    TRANSPOSED_PADDING, UPSAMPLE, PHASES, PHASES_PADDING, ALIGNED, PARALLEL_STRIDES, CLOSED_FORM, JUMP_CLOSED_FORM, PADDING_CLOSED_FORM));
}
