package stepwise.derive;

import stepwise.ast.Expr;

/** The symbols that name derived quantities in steps: RF_H2, J_H2, P_H2, n_H2, k_H3, ... */
final class Names {
    private Names() {}

    static Expr of(String quantity, String layer) { return new Expr.Sym(quantity + "_" + layer); }

    private static final java.util.regex.Pattern LETTER_DIGITS = java.util.regex.Pattern.compile("([A-Za-z])([0-9]+)");

    /** A name the file gave, as inline TeX for a justification: q, q_1 for q1, an upright word for a longer name. */
    static String tex(String name) {
        var m = LETTER_DIGITS.matcher(name);
        if (m.matches()) return m.group(1) + "_{" + m.group(2) + "}";
        return name.length() == 1 ? name : "\\mathrm{" + name + "}";
    }
}
