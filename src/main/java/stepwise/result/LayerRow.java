package stepwise.result;

import java.util.List;
import stepwise.ast.Expr;

/**
 * One row of a stack's layer table; one value per axis in each column. {@code size} is empty unless
 * asked for. {@code rfMin} holds, per axis, the smallest receptive field over output positions
 * where it differs from the largest ({@code rf}), else it is empty. {@code aligned} is null for a
 * layer and true or false for a parallel block, with the {@code reason} when false.
 */
public record LayerRow(String name, List<Expr> rf, List<Expr> stride, List<Expr> padding, List<Expr> size,
                       List<Expr> rfMin, Boolean aligned, String reason) {
    public LayerRow {
        rf = List.copyOf(rf);
        stride = List.copyOf(stride);
        padding = List.copyOf(padding);
        size = List.copyOf(size);
        rfMin = List.copyOf(rfMin);
    }

    public LayerRow(String name, List<Expr> rf, List<Expr> stride, List<Expr> padding, List<Expr> size) {
        this(name, rf, stride, padding, size, List.of(), null, null);
    }

    /** Whether the receptive field differs between output positions on some axis. */
    public boolean rfVaries() { return !rfMin.isEmpty(); }
}
