package stepwise.handcheck;

import java.util.LinkedHashMap;
import java.util.Map;
import stepwise.ast.Rational;
import stepwise.model.Distribution;

/**
 * What a file has said so far that its hand derivations may use: the declared distributions, and
 * named numbers, from {@code let K_2 = 3} or from an earlier line that defined a name
 * ({@code RF_{H_1} = 5}), each with the line that gave it.
 */
public final class Givens {
    /** A named number and where it was given. */
    public record Number(Rational value, int line) {}

    private final Map<String, Distribution> dists;
    private final Map<String, Number> numbers = new LinkedHashMap<>();

    public Givens(Map<String, Distribution> dists) { this.dists = dists; }

    public Map<String, Distribution> dists() { return dists; }

    public Map<String, Number> numbers() { return numbers; }

    /** Records a named number; the first value given stands. */
    public void name(String key, Rational value, int line) { numbers.putIfAbsent(key, new Number(value, line)); }

    public boolean isNamed(String key) { return lookup(key) != null; }

    /** The number a key names; {@code S[1]} is also the named number {@code S_1}. */
    public Number lookup(String key) {
        Number n = numbers.get(key);
        if (n == null && key.endsWith("]") && key.indexOf('[') > 0) {
            n = numbers.get(key.substring(0, key.indexOf('[')) + "_" + key.substring(key.indexOf('[') + 1, key.length() - 1));
        }
        return n;
    }
}
