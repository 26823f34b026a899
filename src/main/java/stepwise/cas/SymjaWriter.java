package stepwise.cas;

import java.util.LinkedHashMap;
import java.util.Map;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.Expr.*;

/**
 * Writes our expression as Symja input. Every symbol becomes a plain alias ({@code sw1, sw2, ...})
 * because names such as {@code k_1} mean patterns to Symja; the aliases map back afterwards.
 */
final class SymjaWriter {
    private final Map<String, Expr> aliasToSymbol = new LinkedHashMap<>();
    private final Map<String, String> keyToAlias = new LinkedHashMap<>();

    String write(Expr e) {
        var sb = new StringBuilder();
        write(e, sb);
        return sb.toString();
    }

    Map<String, Expr> aliases() { return aliasToSymbol; }

    String alias(Expr symbol) {
        return keyToAlias.computeIfAbsent(Exprs.key(symbol), k -> {
            String a = "sw" + (keyToAlias.size() + 1);
            aliasToSymbol.put(a, symbol);
            return a;
        });
    }

    private void write(Expr e, StringBuilder sb) {
        if (e instanceof Num n) {
            sb.append('(').append(n.value()).append(')');
        } else if (e instanceof Sym s) {
            sb.append(s.name().equals("pi") ? "Pi" : s.name().equals("infinity") ? "Infinity" : alias(s));
        } else if (e instanceof Indexed ix) {
            sb.append(alias(ix));
        } else if (e instanceof Add a) {
            join(a.terms(), "+", sb);
        } else if (e instanceof Mul m) {
            join(m.factors(), "*", sb);
        } else if (e instanceof Neg n) {
            sb.append("(-");
            write(n.arg(), sb);
            sb.append(')');
        } else if (e instanceof Div d) {
            sb.append('(');
            write(d.num(), sb);
            sb.append(")/(");
            write(d.den(), sb);
            sb.append(')');
        } else if (e instanceof Pow p) {
            sb.append('(');
            write(p.base(), sb);
            sb.append(")^(");
            write(p.exponent(), sb);
            sb.append(')');
        } else if (e instanceof Fn f) {
            function(f, sb);
        } else if (e instanceof BigOp b) {
            sb.append(b.product() ? "Product[" : "Sum[");
            write(b.body(), sb);
            sb.append(", {").append(alias(new Sym(b.var()))).append(", ");
            write(b.lo(), sb);
            sb.append(", ");
            write(b.hi(), sb);
            sb.append("}]");
        } else if (e instanceof Integral i) {
            sb.append("Integrate[");
            write(i.body(), sb);
            sb.append(", {").append(alias(new Sym(i.var()))).append(", ");
            write(i.lo(), sb);
            sb.append(", ");
            write(i.hi(), sb);
            sb.append("}]");
        } else {
            throw new UnsupportedOperationException("expectations, divergences and matrices are not written for Symja");
        }
    }

    private void function(Fn f, StringBuilder sb) {
        String head = switch (f.name()) {
            case "log" -> "Log";
            case "exp" -> "Exp";
            case "sqrt" -> "Sqrt";
            case "abs" -> "Abs";
            case "floor" -> "Floor";
            case "ceil" -> "Ceiling";
            case "max" -> "Max";
            case "min" -> "Min";
            default -> throw new UnsupportedOperationException("no Symja function for " + f.name());
        };
        sb.append(head).append('[');
        for (int i = 0; i < f.args().size(); i++) {
            if (i > 0) sb.append(", ");
            write(f.args().get(i), sb);
        }
        sb.append(']');
    }

    private void join(java.util.List<Expr> parts, String op, StringBuilder sb) {
        sb.append('(');
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) sb.append(op);
            write(parts.get(i), sb);
        }
        sb.append(')');
    }
}
