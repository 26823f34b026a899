package stepwise.handcheck;

import stepwise.Report;
import stepwise.result.Result;
import stepwise.result.Verdict;

/** A file's verdicts counted: relations that hold, fail or are unknown, displays not read, and the first wrong line. */
public record Tally(long holds, long fails, long unknown, long unread, Integer firstError) {
    public static final Tally NONE = new Tally(0, 0, 0, 0, null);

    public static Tally of(Report report) {
        long holds = 0, fails = 0, unknown = 0, unread = 0;
        Integer first = null;
        for (Result r : report.results()) {
            if (!(r instanceof Result.CheckReport c)) continue;
            holds += c.count(Verdict.Status.HOLDS);
            fails += c.count(Verdict.Status.FAILS);
            unknown += c.count(Verdict.Status.UNKNOWN);
            if (c.unreadable() != null) unread++;
            Integer f = c.firstError();
            if (f != null && (first == null || f < first)) first = f;
        }
        return new Tally(holds, fails, unknown, unread, first);
    }

    public Tally plus(Tally o) {
        return new Tally(holds + o.holds, fails + o.fails, unknown + o.unknown, unread + o.unread, null);
    }

    /** Whether the file passes: nothing fails, and under {@code strict} nothing is unknown or unread either. */
    public boolean passes(boolean strict) { return fails == 0 && (!strict || unknown == 0 && unread == 0); }

    /** "12 hold, 1 fails, 2 unknown, 1 display not read". */
    public String words() {
        var sb = new StringBuilder();
        sb.append(holds).append(holds == 1 ? " holds" : " hold");
        sb.append(", ").append(fails).append(fails == 1 ? " fails" : " fail");
        sb.append(", ").append(unknown).append(" unknown");
        if (unread > 0) sb.append(", ").append(unread).append(unread == 1 ? " display not read" : " displays not read");
        return sb.toString();
    }
}
