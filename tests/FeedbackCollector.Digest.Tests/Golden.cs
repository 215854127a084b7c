using System.Runtime.CompilerServices;
using System.Text;

namespace FeedbackCollector.Digest.Tests;

/// <summary>Compares output with the golden files embedded in the test assembly.</summary>
internal static class Golden
{
    public static void Match(string name, byte[] actual, [CallerFilePath] string caller = "")
    {
        if (Environment.GetEnvironmentVariable("FEEDBACK_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(Path.Combine(Path.GetDirectoryName(caller)!, "Golden", name), actual);
            return;
        }
        using var stream = typeof(Golden).Assembly.GetManifestResourceStream("Golden." + name)
                           ?? throw new Xunit.Sdk.XunitException($"No golden file {name}; run the tests once with FEEDBACK_UPDATE_GOLDEN=1 and review it.");
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        var expected = ms.ToArray();
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            var e = Encoding.UTF8.GetString(expected).Split('\n');
            var a = Encoding.UTF8.GetString(actual).Split('\n');
            var line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
            Assert.Fail($"{name} differs from its golden file at line {line + 1}:\n expected: {(line < e.Length ? e[line] : "<end>")}\n actual:   {(line < a.Length ? a[line] : "<end>")}");
        }
    }
}
