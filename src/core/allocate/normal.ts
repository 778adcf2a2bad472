/**
 * Complementary error function by the Chebyshev fit of Numerical Recipes (Press, Teukolsky,
 * Vetterling & Flannery, "Numerical Recipes in C", 2nd ed., §6.2, `erfcc`): its *fractional*
 * error is below 1.2e-7 for every real x. A relative bound matters here, because hopeless races
 * have tiny win probabilities that must still compare correctly; the common Abramowitz–Stegun
 * 7.1.26 formula only bounds the absolute error (1.5e-7) and would drown them.
 * The tests check it against reference values to that relative accuracy.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const value = t * Math.exp(poly);
  return x >= 0 ? value : 2 - value;
}

/** Standard normal cumulative distribution, Φ(x) = erfc(-x / √2) / 2, relative error < 1.2e-7. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}
