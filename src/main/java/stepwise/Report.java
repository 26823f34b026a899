package stepwise;

import java.util.List;
import stepwise.result.Result;

/** Everything one {@code .deriv} file produced, in statement order, and the statements that could not run (errors, located). */
public record Report(String file, List<Result> results, List<stepwise.diag.Diagnostic> errors) {
    public Report {
        results = List.copyOf(results);
        errors = List.copyOf(errors);
    }

    public Report(String file, List<Result> results) { this(file, results, List.of()); }

    /** True when every statement ran, every derived step verified and every checked line held (unknown is not a failure). */
    public boolean ok() { return errors.isEmpty() && results.stream().allMatch(Result::ok); }
}
