package stepwise;

import java.util.List;
import stepwise.result.Result;

/** Everything one {@code .deriv} file produced, in statement order. */
public record Report(String file, List<Result> results) {
    public Report { results = List.copyOf(results); }

    /** True when every derived step verified and every checked line held (unknown is not a failure). */
    public boolean ok() { return results.stream().allMatch(Result::ok); }
}
