package stepwise.derive;

import stepwise.ast.Expr;

/** The symbols that name derived quantities in steps: RF_H2, J_H2, P_H2, n_H2, k_H3, ... */
final class Names {
    private Names() {}

    static Expr of(String quantity, String layer) { return new Expr.Sym(quantity + "_" + layer); }
}
