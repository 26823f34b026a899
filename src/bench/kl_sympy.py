"""The seed's KL term computed by SymPy, result only: the comparison point for Stepwise's cold derive."""
import sympy as sp

z, mu = sp.symbols("z mu", real=True)
sigma = sp.symbols("sigma", positive=True)
q = sp.exp(-(z - mu) ** 2 / (2 * sigma ** 2)) / (sigma * sp.sqrt(2 * sp.pi))
p = sp.exp(-z ** 2 / 2) / sp.sqrt(2 * sp.pi)
integrand = sp.expand(sp.expand_log(sp.log(q) - sp.log(p), force=True))
kl = sp.integrate(q * integrand, (z, -sp.oo, sp.oo))
print(sp.simplify(kl))
