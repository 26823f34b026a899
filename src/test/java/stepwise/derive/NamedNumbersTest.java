package stepwise.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import stepwise.ast.Rational;
import stepwise.syntax.DerivSyntax;

/** {@code let K_2 = 3}: named numbers a session keeps for the checks after them. */
class NamedNumbersTest {

    @Test
    void numbersAreKeptExactlyAndMayUseEarlierOnes() {
        var session = new Session();
        session.run(DerivSyntax.parse("let K_2 = 3, S_1 = 2\nlet RF_H_1 = 5\nlet half = 1/2, S_2 = S_1 + 1"));
        assertEquals(Map.of("K_2", Rational.of(3), "S_1", Rational.of(2), "RF_H_1", Rational.of(5),
                "half", Rational.of(1, 2), "S_2", Rational.of(3)), session.numbers());
    }
}
