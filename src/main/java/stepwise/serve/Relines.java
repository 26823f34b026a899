package stepwise.serve;

import stepwise.result.Result;

/** A remembered result moved to the line its statement is on now (lines above it were added or removed). */
final class Relines {
    private Relines() {}

    static Result at(Result r, int line) {
        if (r instanceof Result.Derivation d && d.line() != line) {
            return new Result.Derivation(d.target(), line, d.steps(), d.result(), d.layers(), d.notes());
        }
        if (r instanceof Result.Sweep w && w.line() != line) return new Result.Sweep(w.target(), line, w.params(), w.rows());
        if (r instanceof Result.Solution s && s.line() != line) {
            return new Result.Solution(s.target(), line, s.param(), s.relation(), s.bound(), s.value(), s.reason(), s.steps());
        }
        return r;
    }
}
