package stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import stepwise.Fixtures;

/**
 * Bad inputs and the exact first line each one prints: {@code FILE:LINE:COL: error: MESSAGE}. Every
 * one exits 2 and shows no stack trace. In the sources, {@code \n} stands for a line break.
 */
class ErrorTableTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '`', textBlock = """
        stack Q { conv(k=0) }                                   | 1:18: error: kernel size must be positive, got 0
        stack Q { conv(k=3, s=0) }                              | 1:23: error: stride must be positive, got 0
        stack Q { conv(k=3, d=0) }                              | 1:23: error: dilation must be positive, got 0
        stack Q { conv(k=3, p=-1) }                             | 1:23: error: padding must not be negative, got -1
        stack Q { conv(k=2.5) }                                 | 1:18: error: kernel size must be a whole number, got 2.5
        stack Q { convv(k=3) }                                  | 1:11: error: unknown layer 'convv'; layers are conv, maxpool, avgpool, tconv, upsample
        stack Q { conv(k=3, x=1) }                              | 1:21: error: conv has no parameter 'x'; it takes k, s, d, p
        stack Q { avgpool(k=3, d=2) }                           | 1:24: error: avgpool has no parameter 'd'; it takes k, s, p
        stack Q { conv(s=2) }                                   | 1:11: error: conv needs a kernel size: write k=...
        stack Q { upsample() }                                  | 1:11: error: upsample needs a scale factor: write f=...
        stack Q { conv(k=(3,5)) }                               | 1:16: error: a pair of values is for a 2d stack; stack Q is 1d
        stack Q { A = conv(k=3)\\n A = conv(k=3) }              | 2:2: error: duplicate layer name 'A' (first at line 1)
        stack Q { conv(k=3, k=5) }                              | 1:21: error: parameter 'k' is given twice
        stack Q { conv(3) }                                     | 1:16: error: layer parameters are named: write k=3, s=2, ...
        stack Q { conv(k=3 }                                    | 1:20: error: unexpected '}'; expected ',' or ')'
        stack Q : 3d { conv(k=3) }                              | 1:11: error: a stack is 1d or 2d, got '3d'
        stack Q { }                                             | 1:1: error: stack Q has no layers
        stack Q { conv(k=3) }\\nstack Q { conv(k=1) }           | 2:1: error: stack Q is declared twice (first at line 1)
        stack Q { conv(k=3, p=same, s=2) }\\nderive receptive_field(Q) | 1:11: error: 'L1' pads 'same' at a stride above 1: TensorFlow's padding then depends on the input length; derive receptive_field(Q, n=224) with the length
        stack Q { tconv(k=3, p=same) }                          | 1:22: error: padding 'same' is for conv and pooling layers, not tconv
        stack Q { tconv(k=3, s=2, op=2) }                       | 1:27: error: output padding must be smaller than the stride or the dilation, got op=2
        stack Q { repeat l = 1..2000000 { conv(k=3) } }         | 1:11: error: repeat block would make more than 10000 layers
        derive receptive_field(Nope)                            | 1:24: error: no stack named 'Nope'; declare it first with stack Nope { ... }
        stack Q { conv(k=3) }\\nderive foo(Q)                   | 2:8: error: unknown derivation 'foo'; derivations are receptive_field, output_size, KL, conv, conv_transpose
        stack Q { conv(k=3) }\\nderive receptive_field(Q) where H9.k = 2 | 2:33: error: no layer named 'H9' in stack Q; its layers are L1
        stack Q { conv(k=3) }\\nderive receptive_field(Q) where L1.x = 2 | 2:33: error: unknown parameter 'x'; layer parameters are k, s, d, p, op, f
        stack Q { conv(k=3) }\\nderive output_size(Q)           | 2:8: error: output_size needs the input length: output_size(S, n=64)
        stack Q { conv(k=3) }\\nderive output_size(Q, n=0)      | 2:23: error: input length must be positive, got 0
        stack Q { A = conv(k=3)\\n B = conv(k=9) }\\nderive output_size(Q, n=5) | 2:2: error: 'B' leaves no output: floor((3 + 2*0 - 1*(9 - 1) - 1)/1) + 1 = -5 for an input of length 3
        stack Q { maxpool(k=3, s=2, p=2) }                      | 1:29: error: pooling padding must be at most half the window (3/2, rounded down: 1), got p=2; PyTorch refuses it: "pad should be at most half of effective kernel size"
        stack Q { conv(k=3, ceil_mode=true) }                   | 1:21: error: ceil_mode is for pooling layers (maxpool, avgpool), not conv
        stack Q { conv(k=3, mode=linear) }                      | 1:21: error: mode is for upsampling layers, not conv
        stack Q { upsample(f=2, mode=cubic) }                   | 1:25: error: upsampling mode is nearest or linear (bilinear)
        stack Q { maxpool(k=2, ceil_mode=yes) }                 | 1:24: error: ceil_mode is true or false
        stack Q { avgpool(k=2, s=2) }\\nderive output_size(Q, n=1) | 1:11: error: 'L1' leaves no output: floor((1 + 2*0 - 2)/2) + 1 = 0 for an input of length 1
        stack Q { tconv(k=k1, s=2) }\\nderive receptive_field(Q) | 1:11: error: 'L1' needs numeric parameters: windows through transposed and upsampling layers are followed output position by output position
        stack Q { repeat l = 1..L { conv(k=3) } conv(k=1) }\\nderive receptive_field(Q) | 1:1: error: a stack of symbolic depth holds one repeat block and nothing else
        stack Q { A = conv(k=3) }\\nsolve receptive_field(Q) >= x for A.k | 2:1: error: solve needs a numeric target, got x
        stack Q { A = conv(k=3) }\\nsweep receptive_field(Q) over A.k = 5..1 | 2:37: error: empty sweep range 5..1
        stack Q { A = conv(k=3) }\\nsweep receptive_field(Q) over A.k = 1..3, A.s = 2..1 | 2:49: error: empty sweep range 2..1
        stack Q { A = conv(k=3) }\\nsweep receptive_field(Q) over A.k = 1..3, A.k = [1, 2] | 2:43: error: a two-parameter sweep needs two different parameters; A.k is given twice
        stack Q { A = conv(k=3) }\\nsweep receptive_field(Q) over A.k = 1..3, A.s = 1..7 | 2:43: error: the second parameter of a sweep gives one curve per value: at most 6 values of A.s, got 7
        stack Q { A = conv(k=3) }\\nsweep receptive_field(Q) over A.k = 1..2000, A.s = 1..6 | 2:46: error: a sweep has at most 10000 points; 2000 values of A.k times 6 of A.s make 12000
        stack Q { A = conv(k=3) }\\nsweep receptive_field(Q) over A.k = 1..3, A.s = [1], A.d = [1] | 2:54: error: a sweep is over one or two parameters, got 3
        dist q = Normal(mu, sigma^2)\\ndist p = Normal(0, 1)\\nsweep KL(q || p) over sigma = [0, 1], mu = [0, 1] | 3:31: error: at sigma = 0, mu = 0, Normal q: variance must be positive, got 0
        dist q = Normal(mu, sigma^2)\\ndist p = Normal(0, 1)\\nsweep KL(q || p) over H1.s = [1, 2] | 3:23: error: a KL divergence is swept over a symbol of its distributions' parameters (mu, sigma), not H1.s
        dist q = Gauss(0, 1)                                    | 1:1: error: unknown distribution 'Gauss'; families are Normal, Bernoulli, Exponential, Laplace, Uniform
        dist q = Normal(0, -1)                                  | 1:1: error: Normal q: variance must be positive, got -1
        dist q = Normal(0)                                      | 1:1: error: Normal q: Normal takes 2 parameters (mean, variance), got 1
        dist q = Bernoulli(1.5)                                 | 1:1: error: Bernoulli q: probability must be between 0 and 1, got 1.5
        dist q = Exponential(0)                                 | 1:1: error: Exponential q: rate must be positive, got 0
        dist q = Laplace(0, -2)                                 | 1:1: error: Laplace q: scale must be positive, got -2
        dist q = Uniform(2, 1)                                  | 1:1: error: Uniform q: the lower bound must be below the upper bound, got 2 and 1
        dist q(q) = Normal(0, 1)                                | 1:1: error: Normal q: the distribution and its variable need different names
        dist q = Normal(0, 1)\\ndist q = Normal(1, 1)          | 2:1: error: distribution q is declared twice (first at line 1)
        dist q = Normal(0, 1)\\nderive KL(q || r)              | 2:16: error: no distribution named 'r'; distributions are q
        dist q = Normal(0, 1)\\nderive KL(q)                   | 2:8: error: write KL(q || p), with two declared distributions
        let K = [[1,2],[3,4],[5]]                               | 1:22: error: row 3 of K has 1 entries, row 1 has 2
        let K = []                                              | 1:1: error: matrix K is empty
        let K = [[1],[]]                                        | 1:14: error: row 2 of K is empty
        let K = [[1]]\\nlet K = [[2]]                           | 2:1: error: matrix K is declared twice (first at line 1)
        let K_2 = 3\\nlet S = 1, K_2 = 4                       | 2:12: error: K_2 is declared twice (first at line 1)
        let a = b                                               | 1:5: error: let a: the value must be a number, got b
        let K = [[1]]\\nderive conv(X, K)                       | 2:13: error: no matrix named 'X'; matrices are K
        let K = [[1]]\\nderive conv(K)                          | 2:8: error: conv needs an input and a kernel: conv(X, K, s=1, p=0)
        let K = [[1]]\\nderive conv(K, K, op=1)                 | 2:19: error: conv takes s, p, d; got 'op'
        let K = [[1]]\\nderive conv(K, K, s=0)                  | 2:21: error: stride must be positive, got 0
        let K = [[1]]\\nderive conv(K, K, s=t)                  | 2:21: error: stride of a matrix convolution must be a number, got t
        let K = [[1]]\\nderive conv_transpose(K, K, s=2, op=2)  | 2:8: error: output padding must be smaller than the stride or the dilation, got op=2
        let X = [[1, 2]]\\nlet K = [[1, 2, 3]]\\nderive conv(X, K, d=2) | 3:8: error: the kernel reaches 5 columns with dilation 2, more than the 2 columns of the padded input
        check "x" given q { 1 + 1 = 2 }                         | 1:1: error: 'given q': no distribution named 'q' is declared before this check
        check "x" { 1 + 1 }                                     | 1:1: error: a check needs at least two lines: an expression and what it equals
        check latex "x" \""" 1 + 1 &= \\foo \"""                | 1:30: error: unknown LaTeX command '\\foo' in a checked line
        title "unterminated                                     | 1:7: error: unterminated string
        stack Q { conv(k=3) } @                                 | 1:23: error: unexpected character '@'
        derive receptive_field(                                 | 1:24: error: unexpected end of file
        `\\n\\n`                                                | 1:1: error: the file has no statements: nothing to derive
        # only a comment                                        | 1:1: error: the file has no statements: nothing to derive
        """)
    void badInputIsLocatedAndExplained(String source, String expected) throws IOException {
        Path file = dir.resolve("bad.deriv");
        Files.writeString(file, source.replace("\\n", "\n"));
        var run = Fixtures.cli("derive", file.toString());
        assertEquals(2, run.status(), run.err());
        assertEquals(file + ":" + expected, run.err().lines().findFirst().orElse(""));
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    /**
     * Values that once crashed, hung or ran with a wrong value: each is refused where it is written,
     * in well under a second.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '`', textBlock = """
        let X = [[1,2,3],[4,5,6],[7,8,9]]\\nderive conv(X, X, p=1/2)                                         | 2:21: error: padding must be a whole number, got 1/2 = 0.5
        let X = [[1,2,3],[4,5,6],[7,8,9]]\\nderive conv(X, X, s=5/2)                                         | 2:21: error: stride must be a whole number, got 5/2 = 2.5
        let X = [[1,2,3],[4,5,6],[7,8,9]]\\nderive conv(X, X, s=1+1/2)                                       | 2:21: error: stride must be a whole number, got 1 + 1/2 = 1.5
        stack S { H1 = conv(k=3, s=2)  H2 = conv(k=k2) }\\nderive receptive_field(S) where H1.s = 1/2        | 2:33: error: stride must be a whole number, got 1/2 = 0.5
        dist q = Bernoulli(r)\\ndist p = Bernoulli(r + 1)                                                    | 2:1: error: Bernoulli p: no values of its symbols make every parameter valid (the probability must be between 0 and 1)
        dist q = Uniform(a, a)                                                                              | 1:1: error: Uniform q: no values of its symbols make every parameter valid (the lower bound must be below the upper bound)
        dist q = Normal(0, -v)                                                                              | 1:1: error: Normal q: no values of its symbols make every parameter valid (the variance must be positive)
        stack S { conv(k=sqrt(4)) }                                                                         | 1:18: error: kernel size must be a whole number, got sqrt(4), which has no exact value
        stack S { conv(k=3, s=log(1)) }                                                                     | 1:23: error: stride must be a whole number, got log(1), which has no exact value
        let X = [[log(0), 1], [1, 1]]                                                                       | 1:10: error: entry (1, 1) of X must be a rational number, got log(0), which has no exact value
        let X = [[1, exp(1000)], [1, 1]]                                                                    | 1:10: error: entry (1, 2) of X must be a rational number, got exp(1000), which has no exact value
        let X = [[1, 1], [sqrt(-1), 1]]                                                                     | 1:18: error: entry (2, 1) of X must be a rational number, got sqrt(-1), which has no exact value
        let X = [[3/0, 1], [1, 1]]                                                                          | 1:10: error: entry (1, 1) of X must be a rational number, got 3/0, which divides by zero
        stack S { conv(k=3) }\\nderive output_size(S, n=0/0)                                                 | 2:23: error: input length must be a whole number, got 0/0, which divides by zero
        stack S { conv(k=1/0) }                                                                             | 1:18: error: kernel size must be a whole number, got 1/0, which divides by zero
        stack S { conv(k=10^10^10) }                                                                        | 1:18: error: kernel size must be a whole number, got 10^(10^10), which is too large or not a whole power
        stack S { conv(k=3, s=1/2) }                                                                        | 1:23: error: stride must be a whole number, got 1/2 = 0.5
        stack S { conv(k=3) upsample(f=3/2) }                                                               | 1:32: error: scale factor must be a whole number, got 3/2 = 1.5
        stack S { conv(k=3) }\\nderive output_size(S, n=2^63)                                                | 2:23: error: input length is too large: 2^63 = 9223372036854775808 (the limit is 1000000000)
        stack S : 2d { conv(k=3, s=(2^63, 1)) }                                                             | 1:29: error: stride is too large: 2^63 = 9223372036854775808 (the limit is 1000000)
        stack S { repeat l = 99999999999999999999999..L { conv(k=3) } }\\nderive receptive_field(S)          | 1:11: error: the first layer of the repeat is too large: a number of 23 digits (the limit is 1000000)
        stack S { conv(k=3, p=2^62) }                                                                       | 1:23: error: padding is too large: 2^62 = 4611686018427387904 (the limit is 1000000)
        stack S { conv(k=3, p=10^10) }                                                                      | 1:23: error: padding is too large: 10^10 = 10000000000 (the limit is 1000000)
        dist q = Normal(mu[j], 1) for j = 1..0                                                              | 1:1: error: Normal q: empty range 1..0: the coordinates run upwards, from the first to the last
        dist q = Normal(mu[j], 1) for j = 3..1                                                              | 1:1: error: Normal q: empty range 3..1: the coordinates run upwards, from the first to the last
        dist q = Normal(mu[k], 1) for j = 1..2                                                              | 1:1: error: Normal q: the mean mu[k] uses mu[k], whose index is not the coordinate index j
        stack S { repeat l = 0.5..L { conv(k=3) } }\\nderive receptive_field(S)                              | 1:11: error: the first layer of the repeat must be a whole number, got 0.5
        stack S { repeat l = 1..L { conv(k=3, s=s[p]) } }\\nderive receptive_field(S)                        | 1:41: error: s[p] is indexed by something other than the repeat variable l; write s[l]
        dist q = Normal(0, 1)\\ndist p = Normal(1, 1)\\nlet X = [[KL(q||p), 1]]                               | 3:10: error: entry (1, 1) of X must be a rational number, got KL(q || p), which has no exact value
        dist q = Normal(mu[j], 1) for j = 1..1000000                                                        | 1:1: error: Normal q: at most 1000 coordinates, got 1..1000000
        dist q = Normal(z, 1)                                                                               | 1:1: error: Normal q: the mean z uses z, the distribution's own variable; name the variable differently, as in dist q(x) = ...
        stack S { conv(k=3) }\\nderive receptive_field(S) where zz = 3                                       | 2:33: error: no layer of stack S uses the symbol 'zz'; write LAYER.zz = ... for a layer parameter
        let X = [[1,2],[3,4]]\\nlet K = [[1,2],[3,4]]\\nderive conv_transpose(X, K, s=100000)                 | 3:8: error: conv_transpose would work on a 100002 x 100002 canvas; the limit is 250000 entries
        stack Q { repeat l = 1..3 { conv(k=3) } }\\nsweep receptive_field(Q) over L1.k = 1..3 where L9.k = 2 | 2:49: error: no layer named 'L9' in stack Q; its layers are L1, L2, L3
        stack S : 2d { H1 = conv(k=3) }\\nsweep receptive_field(S) over H1.k = 1..3                          | 2:7: error: sweep and solve work on 1d stacks; stack S is 2d (declare a 1d stack for the axis you need)
        stack S : 2d { H1 = conv(k=3) }\\nsolve receptive_field(S) >= 10 for H1.k                            | 2:7: error: sweep and solve work on 1d stacks; stack S is 2d (declare a 1d stack for the axis you need)
        stack S { conv(k=k1 + 1) }\\nsolve receptive_field(S) >= 10 for k1                                   | 1:18: error: solve for k1 needs it written as a whole parameter (k=k1), not inside k1 + 1
        stack S { conv(k=1e999999999) }                                                                     | 1:18: error: the number 1e999999999 is too large: numbers have at most 1000 digits
        """)
    void extremeAndUndefinedValuesAreRefusedAtTheValue(String source, String expected) throws IOException {
        badInputIsLocatedAndExplained(source, expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        stack Q { conv(k=0) }              | stack Q { conv(k=0) }              | '                 ^'
        stack Q { convv(k=3) }             | stack Q { convv(k=3) }             | '          ^~~~~'
        """)
    void theSourceLineAndACaretFollow(String source, String line, String caret) throws IOException {
        Path file = dir.resolve("bad.deriv");
        Files.writeString(file, source);
        var lines = Fixtures.cli("derive", file.toString()).err().lines().toList();
        assertEquals(line, lines.get(1));
        assertEquals(caret.replace("'", ""), lines.get(2));
    }

    @org.junit.jupiter.api.Test
    void binaryGarbageIsNotText() throws IOException {
        Path file = dir.resolve("garbage.deriv");
        Files.write(file, new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 'x'});
        var run = Fixtures.cli("derive", file.toString());
        assertEquals(2, run.status());
        assertEquals(file + ":1:1: error: unexpected byte 0x00: is this a text file?", run.err().lines().findFirst().orElseThrow());
    }

    @org.junit.jupiter.api.Test
    void aHugeFileIsRefusedBeforeReading() throws IOException {
        Path file = dir.resolve("huge.deriv");
        try (var out = Files.newOutputStream(file)) {
            byte[] line = "# padding padding padding padding padding padding padding padding\n".getBytes();
            for (long written = 0; written <= InputFile.MAX_BYTES; written += line.length) out.write(line);
        }
        var run = Fixtures.cli("derive", file.toString());
        assertEquals(2, run.status());
        assertEquals(file + ": error: file is too large (" + Files.size(file) + " bytes; the limit is 16 MiB)", run.err().strip());
    }

    @org.junit.jupiter.api.Test
    void aMissingFileIsBadInput() {
        var run = Fixtures.cli("derive", dir.resolve("absent.deriv").toString());
        assertEquals(2, run.status());
        assertEquals(dir.resolve("absent.deriv") + ": error: cannot read the input: no such file", run.err().strip());
    }
}
