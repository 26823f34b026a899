package stepwise.model;

import java.util.List;
import stepwise.ast.Span;

/** A stack ready to derive from: layers in order, repeats unrolled, parallel blocks kept as blocks. */
public record Net(String name, int dims, List<Node> nodes, boolean named) {
    public Net { nodes = List.copyOf(nodes); }

    public sealed interface Node {
        String name();
        Span span();
    }

    public record LayerNode(Layer layer) implements Node {
        public String name() { return layer.name(); }
        public Span span() { return layer.span(); }
    }

    /** Paths that read the same input and whose outputs are combined (a residual or inception block). */
    public record ParallelNode(String name, List<List<Node>> paths, Span span) implements Node {
        public ParallelNode { paths = paths.stream().map(List::copyOf).toList(); }
    }

    /** Every layer in order, looking inside parallel paths. */
    public List<Layer> allLayers() {
        var out = new java.util.ArrayList<Layer>();
        collect(nodes, out);
        return out;
    }

    private static void collect(List<Node> nodes, List<Layer> out) {
        for (Node n : nodes) {
            if (n instanceof LayerNode l) out.add(l.layer());
            else for (var path : ((ParallelNode) n).paths()) collect(path, out);
        }
    }
}
