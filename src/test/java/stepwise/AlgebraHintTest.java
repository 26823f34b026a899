package stepwise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The scan that decides whether to start Symja early agrees with the regular expression it replaces. */
class AlgebraHintTest {
    private static final Pattern HINT = Pattern.compile("(?m)^\\s*(dist|check)\\s");

    @Property(tries = 3000, seed = "20260125")
    void agreesWithTheRegularExpression(@ForAll("texts") String text) {
        assertEquals(HINT.matcher(text).find(), Stepwise.mentionsAlgebra(text), () -> "for " + text.replace("\n", "\\n"));
    }

    /** Texts made of the pieces that matter: the two words, their near misses (and where, which no longer counts), every kind of space, word characters. */
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("dist", "check", "checks", "recheck", "where", "distance", "nowhere", "_where", "where_", "wheres", "dis", "here", " ", "\t", "\n", "\r",
                        "\r\n", "\u000B", "\f", "x", "1", "=", "(", "#", "é", "\u2028", "\u2029", "\u0085", "stack S {", "}")
                .list().ofMinSize(0).ofMaxSize(12).map(parts -> String.join("", parts));
    }

    @Test
    void filesAsPeopleWriteThem() {
        for (String text : new String[] {
                "dist q = Normal(mu, sigma^2)\nderive KL(q || p)\n",
                "  dist p = Normal(0, 1)\n",
                "derive receptive_field(S) where L1.s = s\n",
                "stack S {\n  conv(k=3)\n}\nderive receptive_field(S)\n",
                "# the distance between windows\nderive output_size(S, n=64)\n",
                "text \"somewhere else\"\n",
                "derive receptive_field(S) where\n  L1.k = k\n",
                "check \"step 2\" latex \"\"\"a &= b\"\"\"\n",
                "text \"check this\"\n"}) {
            assertEquals(HINT.matcher(text).find(), Stepwise.mentionsAlgebra(text), text);
        }
    }
}
