package stepwise.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import stepwise.algebra.Exact;
import stepwise.ast.Expr;
import stepwise.ast.Rational;

/** The distribution families, their parameters as written in lecture notes, and each parameter's domain. */
public enum Family {
    NORMAL("Normal", List.of("mean", "variance"), List.of(Domain.REAL, Domain.POSITIVE)),
    BERNOULLI("Bernoulli", List.of("probability"), List.of(Domain.PROBABILITY)),
    EXPONENTIAL("Exponential", List.of("rate"), List.of(Domain.POSITIVE)),
    LAPLACE("Laplace", List.of("location", "scale"), List.of(Domain.REAL, Domain.POSITIVE)),
    UNIFORM("Uniform", List.of("lower bound", "upper bound"), List.of(Domain.REAL, Domain.REAL));

    /** Where a parameter lives. */
    public enum Domain { REAL, POSITIVE, PROBABILITY }

    public final String title;
    public final List<String> params;
    public final List<Domain> domains;

    Family(String title, List<String> params, List<Domain> domains) {
        this.title = title;
        this.params = params;
        this.domains = domains;
    }

    public static Optional<Family> of(String name) {
        for (Family f : values()) if (f.title.equals(name)) return Optional.of(f);
        return Optional.empty();
    }

    public static String names() { return "Normal, Bernoulli, Exponential, Laplace, Uniform"; }

    /** Checks the number of parameters and every numeric one against its domain; symbols are accepted. */
    public void validate(List<Expr> values) {
        if (values.size() != params.size()) {
            throw new IllegalArgumentException(title + " takes " + params.size() + " parameter" + (params.size() == 1 ? "" : "s")
                    + " (" + String.join(", ", params) + "), got " + values.size());
        }
        for (int i = 0; i < values.size(); i++) {
            Optional<Rational> v = exact(values.get(i));
            if (v.isEmpty()) continue;
            Rational r = v.get();
            switch (domains.get(i)) {
                case POSITIVE -> { if (r.signum() <= 0) throw new IllegalArgumentException(params.get(i) + " must be positive, got " + r.toDecimalString()); }
                case PROBABILITY -> {
                    if (r.signum() <= 0 || r.compareTo(Rational.ONE) >= 0) {
                        throw new IllegalArgumentException(params.get(i) + " must be between 0 and 1, got " + r.toDecimalString());
                    }
                }
                case REAL -> { }
            }
        }
        if (this == UNIFORM) {
            var a = exact(values.get(0));
            var b = exact(values.get(1));
            if (a.isPresent() && b.isPresent() && a.get().compareTo(b.get()) >= 0) {
                throw new IllegalArgumentException("the lower bound must be below the upper bound, got " + a.get().toDecimalString() + " and " + b.get().toDecimalString());
            }
        }
    }

    private static Optional<Rational> exact(Expr e) {
        try {
            return Optional.of(Exact.eval(e, Map.of()));
        } catch (Exact.NotExact | ArithmeticException symbolic) {
            return Optional.empty();
        }
    }
}
