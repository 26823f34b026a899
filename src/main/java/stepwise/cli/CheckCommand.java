package stepwise.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import stepwise.Report;
import stepwise.Stepwise;
import stepwise.ast.Span;
import stepwise.diag.BadInput;
import stepwise.diag.Diagnostic;
import stepwise.print.Printer;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Verifies hand derivations: the check blocks of a .deriv file, or the display math of a .tex file.")
final class CheckCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a .deriv or .tex file")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    String format;

    @Override public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "check prints text or json, not '" + format + "'");
        }
        var err = spec.commandLine().getErr();
        try {
            String text = InputFile.read(file);
            Report all = file.toString().endsWith(".tex") ? Stepwise.checkTex(file.toString(), text) : Stepwise.derive(file.toString(), text);
            // Declarations and derivations run, so that checks can use them; only the checks are printed.
            Report report = new Report(all.file(), all.results().stream().filter(r -> r instanceof stepwise.result.Result.CheckReport).toList());
            if (report.results().isEmpty()) {
                throw new BadInput(new Diagnostic(file.toString(), Span.NONE, "the file has no check blocks"));
            }
            Output.write(Printer.forFormat(format, false).print(report), null, file, spec.commandLine().getOut());
            return report.ok() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        } catch (BadInput e) {
            return Diagnostics.report(e, file, err);
        }
    }
}
