package stepwise.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import stepwise.ast.Expr;
import stepwise.ast.Infix;
import stepwise.ast.Statement.IndexRange;

/**
 * LaTeX as lecture notes and homework write it, and the reading a person gives it, printed in the
 * .deriv language's own syntax. Declared as a file with
 * {@code dist q = Normal(mu, sigma^2)}, {@code dist p = Normal(0, 1)},
 * {@code dist qd = Normal(m[j], s[j]^2) for j = 1..J} and {@code let K_2 = 3, S_1 = 2, RF_H_1 = 5} declares.
 * Chains of one display are separated by " ; ".
 */
class LatexReadingTableTest {
    static final LatexSyntax.Declared DECLARED = new LatexSyntax.Declared(
            Map.of("q", "z", "p", "z", "qd", "z"), Set.of("m", "s"),
            Map.of("j", new IndexRange("j", Expr.num(1), Expr.sym("J"))),
            Set.of("z", "mu", "sigma", "m", "s", "J", "K_2", "S_1", "RF_H_1"));

    static String reading(String latex) {
        var r = LatexSyntax.read(latex, 1, 1, DECLARED);
        if (!r.unread().isEmpty()) return "unread: " + r.unread().get(0).reason();
        return r.chains().stream()
                .map(c -> c.stream().map(l -> (l.relation() == null ? "" : l.relation().symbol + " ") + Infix.print(l.expr()))
                        .collect(Collectors.joining(" ")))
                .collect(Collectors.joining(" ; "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
        \\frac12 \\log\\sigma^2 = x => 1/2*log(sigma^2) = x
        \\tfrac{1}{2} + \\dfrac{1}{2} = 1. => 1/2 + 1/2 = 1
        a = b, \\label{eq:a} => a = b
        a &= b \\nonumber \\\\ &= c \\notag \\\\ &= d \\tag{3} => a = b = c = d
        0.5 = \\frac{1}{2}, => 1/2 = 1/2
        \\log 2\\pi = \\log 2 + \\log\\pi => log(2*pi) = log(2) + log(pi)
        -\\frac12\\log 2\\pi\\sigma^2 - \\frac{(z-\\mu)^2}{2\\sigma^2} = \\log q(z) => -1/2*log(2*pi*sigma^2) - (z - mu)^2/(2*sigma^2) = log(q(z))
        \\log(2)\\pi = \\pi\\log 2 => log(2)*pi = pi*log(2)
        \\log x \\cdot y = \\log_2 8 => log(x)*y = log(8)/log(2)
        RF_{H_2} = RF_{H_1} + (K_2 - 1) S_1 = 5 + (3-1)\\times 2 = 9 => RF_H_2 = RF_H_1 + (K_2 - 1)*S_1 = 5 + (3 - 1)*2 = 9
        \\mathrm{RF}_{2} = 2\\,\\mathrm{RF} => RF_2 = 2*RF
        RF = 7 => RF = 7
        L_{KL} = K_3' + K_3^\\prime => L_KL = K_3' + K_3'
        xy = 2ab => x*y = 2*a*b
        \\mathrm{Var}(w) = \\mathbb{E}[w^2] - \\mathbb{E}[w]^2 => Var(w) = E(w^2) - E(w)^2
        Var(w) = E[w^2] - E[w]^2 => Var(w) = E(w^2) - E(w)^2
        \\operatorname{Var}[z] = \\text{Var}(z) => Var(z) = Var(z)
        \\mathcal{N}(z; \\mu, \\sigma^2) = \\frac{1}{\\sqrt{2\\pi\\sigma^2}} e^{-\\frac{(z-\\mu)^2}{2\\sigma^2}} => Normal(z, mu, sigma^2) = 1/sqrt(2*pi*sigma^2)*exp(-(z - mu)^2/(2*sigma^2))
        q(z|x) = \\mathcal{N}(z \\mid \\mu, \\sigma^2) => q(z) = Normal(z, mu, sigma^2)
        D_{\\mathrm{KL}}(q_\\phi(z|x) \\| p(z)) = \\mathbb{E}_{q_\\phi(z|x)}[\\log q_\\phi(z|x) - \\log p(z)] => KL(q || p) = E[q](log(q(z)) - log(p(z)))
        \\mathrm{KL}(q \\,\\|\\, p) = D_{KL}(q, p) => KL(q || p) = KL(q || p)
        \\mathbb{E}_{z \\sim q}[z] = \\mu => E[q](z) = mu
        \\mathbb{E}_{q}\\left[ z^2 \\right] = E_q[z]^2 + \\sigma^2 => E[q](z^2) = E[q](z)^2 + sigma^2
        \\mathbb{E}_z[z] = 0 => E(z) = 0
        \\sum_{j=1}^{J} \\left(m_j^2 + s^2_j\\right) = t => sum(j = 1..J, m[j]^2 + s[j]^2) = t
        \\sum_{j} \\log s_j^2 = \\sum_j 2\\log s_j => sum(j = 1..J, log(s[j]^2)) = sum(j = 1..J, 2*log(s[j]))
        \\sum_{i=1}^{3} 2 i = 12 => sum(i = 1..3, 2*i) = 12
        \\sum_{i=1}^{n} x_i^2 + 1 = y => sum(i = 1..n, x[i]^2) + 1 = y
        \\frac{1}{2}\\sum_{j=1}^{J}\\left(s_j^2 + m_j^2 - 1 - \\log s_j^2\\right) = \\mathrm{KL}(qd \\| p) => 1/2*sum(j = 1..J, s[j]^2 + m[j]^2 - 1 - log(s[j]^2)) = KL(qd || p)
        m_1 + s_2 = \\sigma_j => m[1] + s[2] = sigma_j
        \\prod_{k=1}^{3} k = 6 => prod(k = 1..3, k) = 6
        RF_{H_3} = RF_{H_2} + (K_3 - 1) \\prod_{j=1}^2 S_j D_3 => RF_H_3 = RF_H_2 + (K_3 - 1)*prod(j = 1..2, S[j])*D_3
        \\sum_{x \\in \\{0,1\\}} x^2 = 1 => sum(x = 0..1, x^2) = 1
        \\int_{-\\infty}^{\\infty} z \\, q(z) \\, dz = \\mu => integral(z = -infinity..infinity, z*q(z)) = mu
        \\int_0^1 x^2 \\,\\mathrm{d}x = \\frac13 => integral(x = 0..1, x^2) = 1/3
        \\int q(z) \\log \\frac{q(z)}{p(z)} dz = \\mathrm{KL}(q\\|p) => integral(z = -infinity..infinity, q(z)*log(q(z)/p(z))) = KL(q || p)
        \\left\\lfloor \\frac{64 + 2 - 3}{2} \\right\\rfloor + 1 = 32 => floor((64 + 2 - 3)/2) + 1 = 32
        \\lceil 7/2 \\rceil = 4 => ceil(7/2) = 4
        e^{\\log 2} \\approx 2 => exp(log(2)) ≈ 2
        \\pi \\approx 3.14 => pi ≈ 157/50
        x \\le 3 \\leq y \\ge 2 \\geq 1 < 5 > 0 => x <= 3 <= y >= 2 >= 1 < 5 > 0
        e = \\exp(1) => exp(1) = exp(1)
        \\ln x + \\exp x = 1 => log(x) + exp(x) = 1
        a = b \\quad \\text{(by linearity)} => a = b
        a &= b \\qquad \\text{by Jensen's inequality} \\\\ &= c => a = b = c
        \\mu = 0, \\quad \\sigma = 1 => mu = 0 ; sigma = 1
        a = 1 \\quad\\text{and}\\quad b = 2 => a = 1 ; b = 2
        y = 2x \\quad \\text{for } x \\geq 0 => y = 2*x
        z \\sim q => ``
        z \\sim \\mathcal{N}(\\mu, \\sigma^2), \\quad \\mathbb{E}[z] = \\mu => E(z) = mu
        p(z) = \\mathcal{N}(0, 1) => ``
        \\mathcal{L} = \\mathbb{E}_q[\\log p(z)] - \\mathrm{KL}(q \\| p) => L = E[q](log(p(z))) - KL(q || p)
        \\mathrm{ELBO} = \\mathcal{L} => ELBO = L
        \\mathcal{L}(x) = \\mathrm{ELBO}(x; \\theta) + a(b + c) + \\lambda(1 - \\lambda) => L = ELBO + a*(b + c) + lambda*(1 - lambda)
        \\Big( a \\Big) \\bigg[ b \\bigg] \\Bigg\\{ c \\Bigg\\} = d => a*b*c = d
        \\mathbf{x} + \\boldsymbol{\\mu} + \\hat{\\mu} = y => x + mu + mu_hat = y
        a &= b + c \\\\ &\\quad + d => a = b + c + d
         a &= b + c + \\\\ &\\quad d - f => a = b + c + d - f
        a &= b \\\\[4pt] &= c => a = b = c
        a &= b \\\\ \\intertext{so that} &= c => a = b = c
        RF := 1 + 2 => RF = 1 + 2
        \\displaystyle\\sum\\limits_{i=1}^{2} i = 3 => sum(i = 1..2, i) = 3
        a \\overset{(a)}{=} b \\stackrel{\\text{lin.}}{=} c => a = b = c
        \\boxed{a} = \\underbrace{b + c}_{\\text{two terms}} => a = b + c
        \\max(0, x) + \\min(a, b) = \\left\\lvert y \\right\\rvert => max(0, x) + min(a, b) = abs(y)
        \\frac{dx}{2} = \\frac{d}{2} => d*x/2 = d/2
        """)
    void readsAsAReaderDoes(String latex, String expected) {
        assertEquals(expected == null ? "" : expected, reading(latex));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
        x = \\foo => unknown LaTeX command '\\foo' in a checked line
        1 + 2 + \\cdots + n = s => '\\cdots': elided terms cannot be checked; write the sum with \\sum
        \\sum_{k} x_k = s => a sum over k needs its bounds, \\sum_{k=1}^{J}, or an index range declared for k
        \\sum_{k=1} x_k = s => a sum from k = ... needs an upper bound: ^{...}
        \\sum x = s => a sum needs its index: \\sum_{j=1}^{J}
        \\sum_{x \\in \\{0, 2\\}} x = 2 => a sum over a set that is not a run of consecutive whole numbers
        \\int_0 f \\, dz = 1 => an integral needs both limits, or none for the whole real line
        \\int_0^1 f = 1 => an integral ends with its variable: \\, dz
        \\mathbb{E}_{r}[z] = 0 => E_{r}: no distribution named 'r' is declared; declare it with % stepwise: dist r = ...
        f(a, b) = 1 => 'f(...)' with several arguments: f is not a declared distribution or a function stepwise knows
        \\frac{\\partial f}{\\partial x} = 0 => derivatives are not checked: '\\partial'
        a \\neq b => '\\neq' (not equal) is not a relation that is checked
        \\frac{d}{dx} x^2 = 2x => derivatives are not checked: '\\frac{d}{dx}'
        \\frac{\\mathrm{d}f}{\\mathrm{d}x} = 0 => derivatives are not checked: '\\frac{\\mathrm{d}f}{\\mathrm{d}x}'
        \\max_{x} f = 1 => a maximum or minimum over a set is not checked; write max(a, b)
        \\mathrm{Var}(a, b) = 0 => Var takes one argument
        x_{i}_{j} = 1 => a name with two subscripts
        (a + b)_2 = 1 => a subscript belongs to a name
        (a + b = c => unexpected '='; expected ')', ']' or \\}
        """)
    void unreadableRowsSayWhy(String latex, String reason) {
        assertEquals("unread: " + reason, reading(latex));
    }

    @org.junit.jupiter.api.Test
    void oneUnreadableRowDoesNotHideTheOthers() {
        var r = LatexSyntax.read("a &= b \\\\\n  &= \\foo \\\\\n  &= c \\\\\n  &= d", 10, 1, DECLARED);
        assertEquals(List.of(11), r.unread().stream().map(u -> u.span().line()).toList());
        assertEquals(List.of(List.of(10, 10), List.of(12, 13)), r.chains().stream().map(c -> c.stream().map(l -> l.span().line()).toList()).toList());
    }
}
