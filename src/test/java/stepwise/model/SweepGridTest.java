package stepwise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import stepwise.ast.Expr;
import stepwise.ast.Infix;
import stepwise.ast.Rational;

class SweepGridTest {
    private static List<Expr> numbers(int from, int to) {
        var out = new ArrayList<Expr>();
        for (int i = from; i <= to; i++) out.add(Expr.num(Rational.of(i)));
        return out;
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void theGridIsTheProductWithTheFirstParameterOuter() {
        var grid = new SweepGrid(List.of(new SweepGrid.Axis("H3.d", numbers(1, 3)), new SweepGrid.Axis("H1.s", numbers(1, 2))));
        assertEquals(List.of("H3.d", "H1.s"), grid.params());
        assertEquals(List.of("[1, 1]", "[1, 2]", "[2, 1]", "[2, 2]", "[3, 1]", "[3, 2]"),
                grid.points().stream().map(p -> p.stream().map(Infix::print).toList().toString()).toList());
    }

    @Test
    void oneParameterGivesOnePointPerValue() {
        var grid = new SweepGrid(List.of(new SweepGrid.Axis("c.d", numbers(1, 6))));
        assertEquals(6, grid.points().size());
        assertEquals(1, grid.points().get(0).size());
    }

    @Test
    void invalidGridsAreRefusedWithAReason() {
        var a = new SweepGrid.Axis("A.k", numbers(1, 3));
        assertEquals("no values to sweep A.s over", message(() -> new SweepGrid.Axis("A.s", List.of())));
        assertEquals("a two-parameter sweep needs two different parameters; A.k is given twice",
                message(() -> new SweepGrid(List.of(a, new SweepGrid.Axis("A.k", numbers(1, 2))))));
        assertEquals("a sweep is over one or two parameters, got 0", message(() -> new SweepGrid(List.of())));
        assertEquals("a sweep is over one or two parameters, got 3",
                message(() -> new SweepGrid(List.of(a, new SweepGrid.Axis("A.s", numbers(1, 2)), new SweepGrid.Axis("A.d", numbers(1, 2))))));
        assertEquals("the second parameter of a sweep gives one curve per value: at most 6 values of A.s, got 7",
                message(() -> new SweepGrid(List.of(a, new SweepGrid.Axis("A.s", numbers(1, 7))))));
        assertEquals("a sweep has at most 10000 points; 5001 values of A.k times 2 of A.s make 10002",
                message(() -> new SweepGrid(List.of(new SweepGrid.Axis("A.k", numbers(1, 5001)), new SweepGrid.Axis("A.s", numbers(1, 2))))));
        assertEquals("a sweep has at most 10000 rows", message(() -> new SweepGrid(List.of(new SweepGrid.Axis("A.k", numbers(1, 10001))))));
    }

    @Test
    void theLargestAllowedGridIsAccepted() {
        var grid = new SweepGrid(List.of(new SweepGrid.Axis("A.k", numbers(1, 2000)), new SweepGrid.Axis("A.s", numbers(1, 5))));
        assertEquals(10_000, grid.points().size());
    }
}
