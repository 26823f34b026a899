package stepwise.syntax;

import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import stepwise.ast.Span;
import stepwise.ast.Statement;
import stepwise.diag.BadInput;
import stepwise.syntax.gen.DerivLexer;
import stepwise.syntax.gen.DerivParser;

/** The façade over the {@code .deriv} grammar: text in, statements out, or a located error. */
public final class DerivSyntax {
    private DerivSyntax() {}

    /** Parses a whole file; throws {@link BadInput} with the first problem found. */
    public static List<Statement> parse(String text) {
        List<Statement> statements = new AstBuilder().file(parseTree(text));
        if (statements.isEmpty()) throw new BadInput(new Span(1, 1, 1), "the file has no statements: nothing to derive");
        return statements;
    }

    /**
     * The fast SLL prediction first, which suffices for almost every file; only when it fails is the
     * file parsed again with full LL prediction, recovering after each syntax error so that every
     * one found is reported (in file order), not only the first.
     */
    private static DerivParser.FileContext parseTree(String text) {
        var errors = new java.util.ArrayList<stepwise.diag.Diagnostic>();
        var lexer = new DerivLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new FirstErrorListener(errors));
        var tokens = new CommonTokenStream(lexer);
        tokens.fill();
        Nesting.check(tokens.getTokens());
        var parser = new DerivParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        DerivParser.FileContext tree;
        try {
            tree = parser.file();
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.addErrorListener(new FirstErrorListener(errors));
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            tree = parser.file();
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt((stepwise.diag.Diagnostic d) -> d.span().line()).thenComparingInt(d -> d.span().column()));
            throw new BadInput(errors);
        }
        return tree;
    }

    /** Parses one expression in the language's syntax (used by the LaTeX reader and by tests). */
    public static stepwise.ast.Expr parseExpr(String text) {
        var lexer = FirstErrorListener.reportingTo(new DerivLexer(CharStreams.fromString(text)));
        var tokens = new CommonTokenStream(lexer);
        tokens.fill();
        Nesting.check(tokens.getTokens());
        var parser = FirstErrorListener.reportingTo(new DerivParser(tokens));
        var ctx = parser.expr();
        if (parser.getCurrentToken().getType() != org.antlr.v4.runtime.Token.EOF) {
            var t = parser.getCurrentToken();
            throw new BadInput(new Span(t.getLine(), t.getCharPositionInLine() + 1, 1), "unexpected '" + t.getText() + "'");
        }
        return new AstBuilder().expr(ctx);
    }
}
