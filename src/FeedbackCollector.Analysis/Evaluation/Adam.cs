namespace FeedbackCollector.Analysis.Evaluation;

/// <summary>The optimiser and the weighted logistic regression the concern and name trainers share and the theme trainer (per-row penalties and frozen weights).</summary>
internal static class Adam
{
    /// <summary>Full-batch Adam: <paramref name="gradient"/> adds the loss gradient into cleared buffers; L2 on weights, not biases.</summary>
    public static void Minimise(double[] w, double[] b, int iterations, double rate, double l2, Action<double[], double[]> gradient) =>
        Minimise(w, b, iterations, rate, [l2], Math.Max(1, w.Length), null, gradient);

    /// <summary>
    /// Full-batch Adam with an L2 penalty per block of <paramref name="stride"/> weights (weight q takes
    /// <paramref name="l2"/>[q / stride]: the theme model's rows, one weight per class) and weights that stay where they are
    /// (<paramref name="frozen"/>, e.g. a prior carried from the taxonomy).
    /// </summary>
    public static void Minimise(double[] w, double[] b, int iterations, double rate, double[] l2, int stride, bool[]? frozen, Action<double[], double[]> gradient)
    {
        const double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        var gw = new double[w.Length];
        var gb = new double[b.Length];
        var mw = new double[w.Length];
        var vw = new double[w.Length];
        var mb = new double[b.Length];
        var vb = new double[b.Length];
        for (var step = 1; step <= iterations; step++)
        {
            Array.Clear(gw);
            Array.Clear(gb);
            gradient(gw, gb);
            var lr = rate * Math.Sqrt(1 - Math.Pow(beta2, step)) / (1 - Math.Pow(beta1, step));
            for (var q = 0; q < w.Length; q++)
            {
                if (frozen is not null && frozen[q])
                {
                    continue;
                }

                var g = gw[q] + (l2[q / stride] * w[q]);
                mw[q] = (beta1 * mw[q]) + ((1 - beta1) * g);
                vw[q] = (beta2 * vw[q]) + ((1 - beta2) * g * g);
                w[q] -= lr * mw[q] / (Math.Sqrt(vw[q]) + eps);
            }

            for (var q = 0; q < b.Length; q++)
            {
                mb[q] = (beta1 * mb[q]) + ((1 - beta1) * gb[q]);
                vb[q] = (beta2 * vb[q]) + ((1 - beta2) * gb[q] * gb[q]);
                b[q] -= lr * mb[q] / (Math.Sqrt(vb[q]) + eps);
            }
        }
    }

    /// <summary>
    /// Weighted logistic regression over sparse rows of hashed buckets: the buckets are numbered in order of first
    /// appearance (<paramref name="index"/>), and a positive row weighs <paramref name="positiveWeight"/> in the loss.
    /// </summary>
    public static (double[] Weights, double Bias) FitLogistic(IReadOnlyList<((int Bucket, float Count)[] X, int Y)> rows, Dictionary<int, int> index,
        int iterations, double rate, double l2, double positiveWeight)
    {
        foreach (var (x, _) in rows)
        {
            foreach (var (b, _) in x)
            {
                index.TryAdd(b, index.Count);
            }
        }

        var compact = rows.Select(r => (X: r.X.Select(f => (index[f.Bucket], f.Count)).ToArray(), r.Y)).ToArray();
        var w = new double[index.Count];
        var bias = new double[1];
        Minimise(w, bias, iterations, rate, l2, (gw, gb) =>
        {
            var n = compact.Length;
            foreach (var (x, y) in compact)
            {
                var z = bias[0];
                foreach (var (j, v) in x)
                {
                    z += w[j] * v;
                }

                var g = ((1 / (1 + Math.Exp(-z))) - y) * (y == 1 ? positiveWeight : 1) / n;
                gb[0] += g;
                foreach (var (j, v) in x)
                {
                    gw[j] += g * v;
                }
            }
        });

        return (w, bias[0]);
    }
}
