package stepwise.derive;

import stepwise.ast.Expr;

/** The symbols that name derived quantities in steps: RF_H2, J_H2, P_H2, n_H2, k_H3, ... */
final class Names {
    private Names() {}

    static Expr of(String quantity, String layer) { return new Expr.Sym(quantity + "_" + layer); }

    /** A name the file gave, as inline TeX for a justification, spelled as the LaTeX printer spells it: q, q_{1} for q1, an upright word for a longer name. */
    static String tex(String name) { return stepwise.ast.TexNames.of(name); }
}
