package stepwise.check;

import stepwise.model.Family;

/**
 * Log densities written straight from the textbook formulas, in doubles, independent of the
 * symbolic densities the derivations use. Parameters are as declared (Normal takes the variance).
 */
public final class Densities {
    private Densities() {}

    public static double logDensity(Family family, double[] params, double z) {
        return switch (family) {
            case NORMAL -> -0.5 * Math.log(2 * Math.PI * params[1]) - (z - params[0]) * (z - params[0]) / (2 * params[1]);
            case BERNOULLI -> z == 1 ? Math.log(params[0]) : z == 0 ? Math.log(1 - params[0]) : Double.NEGATIVE_INFINITY;
            case EXPONENTIAL -> z < 0 ? Double.NEGATIVE_INFINITY : Math.log(params[0]) - params[0] * z;
            case LAPLACE -> -Math.log(2 * params[1]) - Math.abs(z - params[0]) / params[1];
            case UNIFORM -> z < params[0] || z > params[1] ? Double.NEGATIVE_INFINITY : -Math.log(params[1] - params[0]);
        };
    }

    public static boolean validParams(Family family, double[] p) {
        return switch (family) {
            case NORMAL -> p[1] > 0;
            case BERNOULLI -> p[0] > 0 && p[0] < 1;
            case EXPONENTIAL -> p[0] > 0;
            case LAPLACE -> p[1] > 0;
            case UNIFORM -> p[0] < p[1];
        };
    }
}
