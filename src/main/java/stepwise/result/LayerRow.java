package stepwise.result;

import java.util.List;
import stepwise.ast.Expr;

/** One row of a stack's layer table; one value per axis in each column. {@code size} is empty unless asked for. */
public record LayerRow(String name, List<Expr> rf, List<Expr> stride, List<Expr> padding, List<Expr> size) {
    public LayerRow {
        rf = List.copyOf(rf);
        stride = List.copyOf(stride);
        padding = List.copyOf(padding);
        size = List.copyOf(size);
    }
}
