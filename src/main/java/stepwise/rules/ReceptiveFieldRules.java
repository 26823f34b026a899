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
    public static final Rule PARALLEL = Rule.of("rf-parallel",
            "a parallel block sees the union of its paths' windows: P = max P_i, RF = max (RF_i - P_i) + P",
            "all paths have the same effective stride");
    public static final Rule CLOSED_FORM = Rule.of("rf-closed-form",
            "RF_L = 1 + sum_{l=1}^{L} (k_l - 1) d_l prod_{j=1}^{l-1} s_j, by induction on L from rf-base and rf-recurrence");
    public static final Rule JUMP_CLOSED_FORM = Rule.of("rf-jump-closed-form",
            "J_L = prod_{l=1}^{L} s_l, by induction on L from rf-jump");
    public static final Rule PADDING_CLOSED_FORM = Rule.of("rf-padding-closed-form",
            "P_L = sum_{l=1}^{L} p_l prod_{j=1}^{l-1} s_j, by induction on L from rf-padding");

    public static final RuleFamily FAMILY = new RuleFamily("rf", "Receptive field",
            List.of(BASE, RECURRENCE, JUMP, PADDING, PARALLEL, CLOSED_FORM, JUMP_CLOSED_FORM, PADDING_CLOSED_FORM));
}
