package stepwise.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import stepwise.ast.Span;
import stepwise.diag.BadInput;
import stepwise.diag.Diagnostic;
import stepwise.handcheck.Batch;
import stepwise.handcheck.CheckFiles;
import stepwise.print.CheckSummary;
import stepwise.print.Printer;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Verifies hand derivations: the check blocks of .deriv files, or the display math of .tex files; "
                + "several files or a folder are checked in one process on all cores, with a summary table.")
final class CheckCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = ".deriv or .tex files, or folders (every .tex and .deriv in them)")
    List<Path> files;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--strict", description = "a relation judged unknown, or a display not read, counts as wrong (exit 1)")
    boolean strict;

    @Override public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "check prints text or json, not '" + format + "'");
        }
        var err = spec.commandLine().getErr();
        List<Path> paths;
        try {
            paths = Batch.expand(files);
            if (paths.isEmpty()) throw new BadInput(new Diagnostic(files.get(0).toString(), Span.NONE, "no .tex or .deriv file in this folder"));
        } catch (BadInput e) {
            return Diagnostics.report(e, null, err);
        }
        var outcomes = Batch.run(paths, InputFile::read, Runtime.getRuntime().availableProcessors());
        boolean single = files.size() == 1 && !Files.isDirectory(files.get(0));
        return single ? one(outcomes.get(0)) : many(outcomes);
    }

    private int one(Batch.Outcome o) {
        if (o.error() != null) return Diagnostics.report(o.error(), o.file(), spec.commandLine().getErr());
        if (o.report().results().isEmpty()) return Diagnostics.report(CheckFiles.nothingToCheck(o.file().toString()), o.file(), spec.commandLine().getErr());
        String text = Printer.forFormat(format, false).print(o.report());
        if (format.equals("text")) text += "\n" + o.tally().words() + "\n";
        Output.write(text, null, o.file(), spec.commandLine().getOut());
        return o.tally().passes(strict) ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    /** Each file's verdicts, then the summary table; exit 2 if a file could not be read, else 1 if one fails. */
    private int many(List<Batch.Outcome> outcomes) {
        var err = spec.commandLine().getErr();
        boolean badInput = false, failed = false;
        for (var o : outcomes) {
            if (o.error() != null) {
                badInput = true;
                if (format.equals("text")) Diagnostics.report(o.error(), o.file(), err);
            } else if (!o.tally().passes(strict)) {
                failed = true;
            }
        }
        String text = format.equals("json") ? CheckSummary.json(outcomes) : CheckSummary.text(outcomes);
        Output.write(text, null, null, spec.commandLine().getOut());
        return badInput ? ExitCodes.BAD_INPUT : failed ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }
}
