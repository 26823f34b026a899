package stepwise.ast;

import java.math.BigInteger;

/** An exact rational number in lowest terms, the denominator always positive. */
public record Rational(BigInteger num, BigInteger den) implements Comparable<Rational> {
    /** The small whole numbers, made once: layer parameters and their sums are mostly these. */
    private static final int SMALL_LOW = -16, SMALL_HIGH = 1024;
    private static final Rational[] SMALL = new Rational[SMALL_HIGH - SMALL_LOW + 1];

    static {
        for (int i = 0; i < SMALL.length; i++) SMALL[i] = new Rational(BigInteger.valueOf(i + SMALL_LOW), BigInteger.ONE);
    }
    // After the small numbers, which they are among.
    public static final Rational ZERO = of(0);
    public static final Rational ONE = of(1);

    public Rational {
        if (!den.equals(BigInteger.ONE)) { // integers are the common case: no gcd needed
            if (den.signum() == 0) throw new ArithmeticException("division by zero");
            if (den.signum() < 0) { num = num.negate(); den = den.negate(); }
            BigInteger g = num.gcd(den);
            if (!g.equals(BigInteger.ONE) && g.signum() != 0) { num = num.divide(g); den = den.divide(g); }
            if (num.signum() == 0) den = BigInteger.ONE;
        }
    }

    public static Rational of(long n) {
        if (n >= SMALL_LOW && n <= SMALL_HIGH) return SMALL[(int) n - SMALL_LOW];
        return new Rational(BigInteger.valueOf(n), BigInteger.ONE);
    }

    public static Rational of(BigInteger n) { return new Rational(n, BigInteger.ONE); }
    public static Rational of(long n, long d) { return new Rational(BigInteger.valueOf(n), BigInteger.valueOf(d)); }

    /** Numbers written with more digits than this, or exponents beyond it, are refused by {@link #parse}. */
    public static final int MAX_DIGITS = 1000;

    /**
     * Parses a decimal literal such as {@code 12}, {@code 0.25} or {@code 1e-3} exactly.
     *
     * @throws NumberFormatException for a literal beyond {@link #MAX_DIGITS} digits (such as {@code 1e999999999})
     */
    public static Rational parse(String text) {
        if (isShortWholeNumber(text)) return of(Long.parseLong(text)); // the common literal, without BigDecimal
        var exact = new java.math.BigDecimal(text);
        if (exact.precision() > MAX_DIGITS || Math.abs((long) exact.scale()) > MAX_DIGITS) {
            throw new NumberFormatException("the number " + (text.length() > 20 ? text.substring(0, 17) + "..." : text)
                    + " is too large: numbers have at most " + MAX_DIGITS + " digits");
        }
        if (exact.scale() <= 0) return of(exact.toBigIntegerExact());
        return new Rational(exact.unscaledValue(), BigInteger.TEN.pow(exact.scale()));
    }

    private static boolean isShortWholeNumber(String text) {
        if (text.isEmpty() || text.length() > 18) return false;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) < '0' || text.charAt(i) > '9') return false;
        return true;
    }

    /** The size of the larger of numerator and denominator, in bits. */
    public int bitLength() { return Math.max(num.bitLength(), den.bitLength()); }

    public boolean isInteger() { return den == BigInteger.ONE || den.equals(BigInteger.ONE); }
    public int signum() { return num.signum(); }
    public Rational add(Rational o) {
        if (isInteger() && o.isInteger()) return new Rational(num.add(o.num), BigInteger.ONE);
        return new Rational(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }
    public Rational subtract(Rational o) { return add(o.negate()); }
    public Rational multiply(Rational o) {
        if (isInteger() && o.isInteger()) return new Rational(num.multiply(o.num), BigInteger.ONE);
        return new Rational(num.multiply(o.num), den.multiply(o.den));
    }
    public Rational divide(Rational o) { return new Rational(num.multiply(o.den), den.multiply(o.num)); }
    public Rational negate() { return new Rational(num.negate(), den); }

    public Rational pow(int e) {
        if (e >= 0) return new Rational(num.pow(e), den.pow(e));
        return new Rational(den.pow(-e), num.pow(-e));
    }

    public BigInteger floor() {
        BigInteger[] qr = num.divideAndRemainder(den);
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    public BigInteger ceil() { return floor().add(isInteger() ? BigInteger.ZERO : BigInteger.ONE); }
    public double toDouble() {
        // Both exact as doubles: one correctly rounded division, without BigDecimal (hot in quadrature).
        if (num.bitLength() <= 53 && den.bitLength() <= 53) return num.doubleValue() / den.doubleValue();
        return new java.math.BigDecimal(num).divide(new java.math.BigDecimal(den), java.math.MathContext.DECIMAL64).doubleValue();
    }

    /** As a person wrote it: {@code 2.5} rather than {@code 5/2} when the value has a finite decimal form. */
    public String toDecimalString() {
        if (isInteger()) return text(num);
        try {
            return new java.math.BigDecimal(num).divide(new java.math.BigDecimal(den)).toPlainString();
        } catch (ArithmeticException repeating) {
            return toString();
        }
    }

    @Override public int compareTo(Rational o) {
        if (isInteger() && o.isInteger()) return num.compareTo(o.num); // the common case: no products to allocate
        return num.multiply(o.den).compareTo(o.num.multiply(den));
    }
    @Override public String toString() { return isInteger() ? text(num) : text(num) + "/" + text(den); }

    /** Decimal digits; BigInteger's own conversion divides even for small values, which a long does not need. */
    private static String text(BigInteger n) { return n.bitLength() < 64 ? Long.toString(n.longValue()) : n.toString(); }
}
