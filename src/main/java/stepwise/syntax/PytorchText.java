package stepwise.syntax;

import stepwise.ast.Statement;
import stepwise.diag.BadInput;
import stepwise.pytorch.PytorchStack;
import stepwise.syntax.gen.DerivParser.StackStmtContext;

/** {@code stack Net from pytorch """ ... """}: the pasted text of print(model), read by {@link PytorchStack}. */
final class PytorchText {
    private PytorchText() {}

    static Statement stack(StackStmtContext ctx, int dims) {
        if (!ctx.source.getText().equals("pytorch")) {
            throw new BadInput(AstBuilder.span(ctx.source), "stacks are read from pytorch (what print(model) prints), not '" + ctx.source.getText() + "'");
        }
        String raw = ctx.body.getText();
        var at = AstBuilder.span(ctx.body);
        var read = PytorchStack.read(raw.substring(3, raw.length() - 3), at.line(), at.column() + 3, dims, ctx.name.getText());
        return new Statement.StackDecl(AstBuilder.span(ctx), ctx.name.getText(), read.dims(), read.items(), read.notes());
    }
}
