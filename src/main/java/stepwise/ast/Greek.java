package stepwise.ast;

import java.util.Map;

/** Greek letter names, with their LaTeX commands and Unicode letters. */
public final class Greek {
    private Greek() {}

    public static final Map<String, String> UNICODE = Map.ofEntries(
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("epsilon", "ε"), Map.entry("zeta", "ζ"), Map.entry("eta", "η"), Map.entry("theta", "θ"),
            Map.entry("iota", "ι"), Map.entry("kappa", "κ"), Map.entry("lambda", "λ"), Map.entry("mu", "μ"),
            Map.entry("nu", "ν"), Map.entry("xi", "ξ"), Map.entry("pi", "π"), Map.entry("rho", "ρ"),
            Map.entry("sigma", "σ"), Map.entry("tau", "τ"), Map.entry("upsilon", "υ"), Map.entry("phi", "φ"),
            Map.entry("chi", "χ"), Map.entry("psi", "ψ"), Map.entry("omega", "ω"), Map.entry("Gamma", "Γ"),
            Map.entry("Delta", "Δ"), Map.entry("Theta", "Θ"), Map.entry("Lambda", "Λ"), Map.entry("Xi", "Ξ"),
            Map.entry("Pi", "Π"), Map.entry("Sigma", "Σ"), Map.entry("Upsilon", "Υ"), Map.entry("Phi", "Φ"),
            Map.entry("Psi", "Ψ"), Map.entry("Omega", "Ω"));

    public static boolean isGreek(String name) { return UNICODE.containsKey(name); }
}
