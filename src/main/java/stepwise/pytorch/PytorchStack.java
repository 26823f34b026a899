package stepwise.pytorch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import stepwise.ast.Expr;
import stepwise.ast.Rational;
import stepwise.ast.Span;
import stepwise.ast.StackItem;
import stepwise.ast.Statement;
import stepwise.diag.BadInput;

/**
 * Turns what {@code print(model)} prints into the layers of a stack, without PyTorch: convolutions,
 * transposed convolutions, pooling and nearest upsampling become layers (named by their path in
 * the model, {@code layer1.0.conv1}); torchvision's BasicBlock and Bottleneck become parallel
 * blocks whose second path is their {@code downsample} (or the identity); layers that leave
 * positions alone (normalisation, activations, dropout) pass through. An adaptive pooling,
 * Flatten or Linear layer mixes every position: the receptive field ends before it, with a note.
 * Any other module is an error at its line.
 */
public final class PytorchStack {

    /** The layers read, the number of axes, and notes for the derivations (where the receptive field ends, what was assumed). */
    public record Read(int dims, List<StackItem> items, List<String> notes) {}

    private static final Set<String> PASS = Set.of("BatchNorm1d", "BatchNorm2d", "InstanceNorm1d", "InstanceNorm2d", "GroupNorm",
            "LayerNorm", "LocalResponseNorm", "ReLU", "ReLU6", "LeakyReLU", "PReLU", "ELU", "SELU", "CELU", "GELU", "SiLU", "Mish",
            "Sigmoid", "Tanh", "Hardswish", "Hardsigmoid", "Hardtanh", "Softplus", "Softmax", "Softmax2d", "LogSoftmax", "Dropout",
            "Dropout1d", "Dropout2d", "AlphaDropout", "Identity");
    private static final Set<String> ENDS = Set.of("AdaptiveAvgPool1d", "AdaptiveAvgPool2d", "AdaptiveMaxPool1d", "AdaptiveMaxPool2d",
            "Flatten", "Linear");
    private static final Set<String> SEQUENCES = Set.of("Sequential", "ModuleList");
    private static final Set<String> RESIDUAL = Set.of("BasicBlock", "Bottleneck");
    /** Models whose forward() runs their children in the order they are printed. */
    private static final Set<String> IN_ORDER = Set.of("Sequential", "ResNet", "VGG", "AlexNet");

    private final List<String> notes = new ArrayList<>();
    private final Set<String> customContainers = new LinkedHashSet<>();
    private int dims;
    private Span dimsSpan;
    /** Set when a module that mixes every position is met: nothing after it is read. */
    private boolean ended;

    private PytorchStack() {}

    /**
     * Reads the printed model; {@code dims} is 1 or 2 when the stack says so, else 0 (taken from the
     * layers). The children of a top-level Sequential, numbered 0, 1, ..., are named after the stack
     * ({@code Net.0}), so that no layer is called 0 (the input's index in RF_0, J_0, P_0).
     */
    public static Read read(String text, int line, int column, int dims, String stackName) {
        var reader = new PytorchStack();
        reader.dims = dims;
        PrintedModule root = PrintedModule.parse(text, line, column);
        if (root.container() && !IN_ORDER.contains(root.type())) reader.customContainers.add(root.type());
        String prefix = SEQUENCES.contains(root.type()) ? stackName : "";
        var items = root.container() ? reader.children(root, prefix) : reader.module(root, prefix);
        if (items.isEmpty()) throw new BadInput(root.span(), "no layer that reads positions (Conv, ConvTranspose, pooling, Upsample) in the printed model");
        if (!reader.customContainers.isEmpty()) {
            reader.notes.add("modules " + String.join(", ", reader.customContainers) + " are read in the order print(model) lists their"
                    + " children; connections their forward() adds (such as skip connections) are not in the printed text");
        }
        return new Read(reader.dims == 0 ? 1 : reader.dims, items, reader.notes);
    }

    private List<StackItem> children(PrintedModule container, String prefix) {
        var out = new ArrayList<StackItem>();
        for (PrintedModule child : container.children()) {
            if (ended) break;
            out.addAll(module(child, join(prefix, child.name())));
        }
        return out;
    }

    private List<StackItem> module(PrintedModule m, String path) {
        String type = m.type();
        if (m.container()) {
            if (RESIDUAL.contains(type)) return List.of(residual(m, path));
            if (!SEQUENCES.contains(type)) customContainers.add(type);
            return children(m, path);
        }
        if (PASS.contains(type)) return List.of();
        if (ENDS.contains(type)) {
            ended = true;
            notes.add("'" + path + "' (" + type + ", line " + m.span().line() + ") mixes every position, so the receptive field ends before it;"
                    + " the layers from there on are not read");
            return List.of();
        }
        return List.of(layer(m, path));
    }

    /** torchvision's residual blocks: the block's layers in one path, its downsample (or the identity) in the other. */
    private StackItem residual(PrintedModule block, String path) {
        var main = new ArrayList<StackItem>();
        List<StackItem> shortcut = List.of();
        for (PrintedModule child : block.children()) {
            if (child.name().equals("downsample")) shortcut = module(child, join(path, child.name()));
            else main.addAll(module(child, join(path, child.name())));
        }
        return new StackItem.Parallel(block.span(), path, List.of(main, shortcut));
    }

    private StackItem layer(PrintedModule m, String path) {
        var args = Args.parse(m);
        String type = m.type();
        return switch (type) {
            case "Conv1d", "Conv2d" -> call(m, path, "conv", args, Map.of("kernel_size", "k", "stride", "s", "dilation", "d", "padding", "p"));
            case "ConvTranspose1d", "ConvTranspose2d" -> call(m, path, "tconv", args,
                    Map.of("kernel_size", "k", "stride", "s", "dilation", "d", "padding", "p", "output_padding", "op"));
            case "MaxPool1d", "MaxPool2d" -> call(m, path, "maxpool", args,
                    Map.of("kernel_size", "k", "stride", "s", "dilation", "d", "padding", "p", "ceil_mode", "ceil_mode"));
            case "AvgPool1d", "AvgPool2d" -> call(m, path, "avgpool", args,
                    Map.of("kernel_size", "k", "stride", "s", "padding", "p", "ceil_mode", "ceil_mode"));
            case "Upsample", "UpsamplingNearest2d", "UpsamplingBilinear2d" -> upsample(m, path, args);
            default -> throw new BadInput(m.span(), "cannot place " + type + " in a receptive field: the layers read are Conv1d/2d,"
                    + " ConvTranspose1d/2d, MaxPool1d/2d, AvgPool1d/2d and Upsample; normalisation, activation and dropout layers pass through;"
                    + " AdaptiveAvgPool, Flatten and Linear end the receptive field");
        };
    }

    private StackItem call(PrintedModule m, String path, String kind, Args args, Map<String, String> names) {
        dimensions(m);
        List<String> kernel = args.named().get("kernel_size");
        if (kernel == null || kernel.isEmpty()) throw new BadInput(m.span(), m.type() + " without kernel_size: print(model) always shows it");
        var params = new ArrayList<Statement.Arg>();
        for (var entry : args.named().entrySet()) {
            String key = names.get(entry.getKey());
            // Channels, groups, bias and padding_mode do not move positions; the stride is filled in below.
            if (key == null || key.equals("s")) continue;
            params.add(arg(m, key, entry.getValue()));
        }
        List<String> stride = args.named().get("stride");
        if (stride != null && !stride.isEmpty()) params.add(arg(m, "s", stride));
        // PyTorch's pooling layers stride by the kernel size unless told otherwise (stride=None).
        else if (kind.endsWith("pool")) params.add(arg(m, "s", kernel));
        return new StackItem.LayerCall(m.span(), path.isEmpty() ? null : path, m.span(), kind, params);
    }

    private StackItem upsample(PrintedModule m, String path, Args args) {
        String mode = args.named().containsKey("mode") ? args.named().get("mode").get(0) : "'nearest'";
        boolean linear = mode.equals("'linear'") || mode.equals("'bilinear'");
        if (!m.type().equals("UpsamplingNearest2d") && !mode.equals("'nearest'") && !linear) {
            throw new BadInput(m.span(), "Upsample with mode=" + mode + " is not followed here; modes are 'nearest', 'linear' and 'bilinear'");
        }
        if (linear) {
            notes.add("'" + path + "' (Upsample, mode=" + mode + ") is read with align_corners=False, PyTorch's default: print(model) does not"
                    + " show it, and with align_corners=True the positions read depend on the input size");
        }
        var factor = args.named().get("scale_factor");
        if (factor == null) {
            throw new BadInput(m.span(), "Upsample to a fixed size depends on the input size; give scale_factor to follow its positions");
        }
        var params = new ArrayList<Statement.Arg>(List.of(arg(m, "f", factor)));
        if (linear) params.add(new Statement.Arg(m.span(), "mode", List.of(new Expr.Sym("linear")), List.of(m.span())));
        return new StackItem.LayerCall(m.span(), path.isEmpty() ? null : path, m.span(), "upsample", params);
    }

    private Statement.Arg arg(PrintedModule m, String key, List<String> values) {
        var exprs = new ArrayList<Expr>();
        for (String v : values) exprs.add(value(m, key, v));
        if (exprs.size() == 2 && exprs.get(0).equals(exprs.get(1)) && dims != 2) exprs.remove(1);
        return new Statement.Arg(m.span(), key, exprs, exprs.stream().map(e -> m.span()).toList());
    }

    private static Expr value(PrintedModule m, String key, String text) {
        switch (text) {
            // Conv2d prints a string padding without quotes (padding=same); accept both.
            case "'same'", "same" -> { return new Expr.Sym("same"); }
            case "'valid'", "valid" -> { return new Expr.Sym("valid"); }
            case "True" -> { return new Expr.Sym("true"); }
            case "False" -> { return new Expr.Sym("false"); }
            default -> { }
        }
        try {
            Rational r = Rational.parse(text.endsWith(".0") ? text.substring(0, text.length() - 2) : text);
            return new Expr.Num(r);
        } catch (RuntimeException notANumber) {
            throw new BadInput(m.span(), "cannot read " + key + "=" + text + " of " + m.type());
        }
    }

    /** The number of axes, from the layer names (Conv1d, MaxPool2d, ...); 1d and 2d layers do not mix. */
    private void dimensions(PrintedModule m) {
        int d = m.type().endsWith("1d") ? 1 : m.type().endsWith("2d") ? 2 : 0;
        if (d == 0) return;
        if (dims == 0) { dims = d; dimsSpan = m.span(); return; }
        if (dims != d) {
            throw new BadInput(m.span(), m.type() + " is " + d + "d, but the stack is " + dims + "d"
                    + (dimsSpan == null ? "" : " (from line " + dimsSpan.line() + ")"));
        }
    }

    private static String join(String prefix, String name) { return prefix.isEmpty() ? name : prefix + "." + name; }
}
