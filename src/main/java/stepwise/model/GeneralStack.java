package stepwise.model;

import stepwise.ast.Expr;
import stepwise.ast.Span;

/**
 * A stack of symbolic depth: {@code repeat l = lo..hi { layer }} with a symbolic bound. The
 * template's parameters are expressions in the repeat variable, such as {@code k[l]}.
 */
public record GeneralStack(String name, String var, Expr lo, Expr hi, Layer template, Span span) {}
