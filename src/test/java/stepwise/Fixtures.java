package stepwise;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import stepwise.cli.Main;
import stepwise.result.Result;

/** Shared helpers: derive a source text, run the command line with captured streams. */
public final class Fixtures {
    private Fixtures() {}

    public static Report derive(String source) { return Stepwise.derive("test.deriv", source); }

    @SuppressWarnings("unchecked")
    public static <T extends Result> List<T> results(Report report, Class<T> kind) {
        return report.results().stream().filter(kind::isInstance).map(r -> (T) r).toList();
    }

    public static Result.Derivation firstDerivation(String source) { return results(derive(source), Result.Derivation.class).get(0); }

    public record Run(int status, String out, String err) {}

    public static Run cli(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }
}
