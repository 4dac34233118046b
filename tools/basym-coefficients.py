#!/usr/bin/env python3
"""The coefficients d_0 .. d_20 of the uniform asymptotic expansion of the incomplete beta function
(Temme; ACM TOMS 708 BASYM), as BetaMath.ASYMPTOTIC_D holds them.

BASYM builds d_n from h = min(a, b) / max(a, b), r0 = 1 / (1 + h) and r1 = (b - a) / max(a, b) by
an O(n^3) recursion at every call. With r1 = 1 - h (a < b) the recursion's a0 are polynomials in h
(r0 (1 + h^(n+1)) = 1 - h + h^2 - ... + h^n for even n), so each d_n is a polynomial of degree
n + 1 in h with rational coefficients; for a >= b (r1 = h - 1) d_n changes by the factor
(-1)^(n+1). This script runs the recursion in exact rational arithmetic and prints the
polynomials' coefficients, constant term first, as Java double literals (correctly rounded).

    python3 tools/basym-coefficients.py
"""
from fractions import Fraction as F

TERMS = 20


def add(p, q):
    n = max(len(p), len(q))
    return [(p[i] if i < len(p) else 0) + (q[i] if i < len(q) else 0) for i in range(n)]


def mul(p, q):
    r = [F(0)] * (len(p) + len(q) - 1)
    for i, x in enumerate(p):
        for j, y in enumerate(q):
            r[i + j] += x * y
    return r


def scale(c, p):
    return [c * x for x in p]


def trim(p):
    while len(p) > 1 and p[-1] == 0:
        p = p[:-1]
    return p


def coefficients():
    one_minus_h = [F(1), F(-1)]
    a0 = [None] * (TERMS + 2)
    b0 = [None] * (TERMS + 2)
    c = [None] * (TERMS + 2)
    d = [None] * (TERMS + 2)
    a0[0] = scale(F(2, 3), one_minus_h)
    c[0] = scale(F(-1, 2), a0[0])
    d[0] = scale(F(-1), c[0])
    squares = [F(1)]  # 1 + h^2 + ... + h^n
    for n in range(2, TERMS + 1, 2):
        a0[n - 1] = scale(F(2, n + 2), [F((-1) ** j) for j in range(n + 1)])
        squares = squares + [F(0), F(1)]
        a0[n] = scale(F(2, n + 3), mul(one_minus_h, squares))
        for i in (n, n + 1):
            r = F(-(i + 1), 2)
            b0[0] = scale(r, a0[0])
            for m in range(2, i + 1):
                s = [F(0)]
                for j in range(1, m):
                    s = add(s, scale(j * r - (m - j), mul(a0[j - 1], b0[m - j - 1])))
                b0[m - 1] = trim(add(scale(r, a0[m - 1]), scale(F(1, m), s)))
            c[i - 1] = scale(F(1, i + 1), b0[i - 1])
            s = [F(0)]
            for j in range(1, i):
                s = add(s, mul(d[i - j - 1], c[j - 1]))
            d[i - 1] = trim(scale(F(-1), add(s, c[i - 1])))
    return d[:TERMS + 1]


def main():
    for n, p in enumerate(coefficients()):
        assert len(p) == n + 2, (n, len(p))
        print("        {" + ", ".join(repr(float(x)) for x in p) + "},")


if __name__ == "__main__":
    main()
