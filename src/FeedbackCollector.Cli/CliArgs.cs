namespace FeedbackCollector.Cli;

/// <summary>Thrown for a usage mistake; the message is shown with the command's usage and exit code 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);

/// <summary>
/// Parsed arguments: <c>--name value</c>, <c>--name=value</c>, bare <c>--flag</c>, and positionals.
/// A lone <c>-</c> is a value (standard input or output).
/// </summary>
public sealed class CliArgs
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Positional arguments, in order.</summary>
    public IReadOnlyList<string> Positionals { get; }

    private CliArgs(Dictionary<string, string?> options, List<string> positionals)
    {
        _options = options;
        Positionals = positionals;
    }

    /// <summary>Parses <paramref name="args"/>; <paramref name="flags"/> names options that take no value.</summary>
    public static CliArgs Parse(IReadOnlyList<string> args, params string[] flags)
    {
        var flagSet = new HashSet<string>(flags, StringComparer.OrdinalIgnoreCase) { "help" };
        var options = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var positionals = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                var body = a[2..];
                var eq = body.IndexOf('=');
                string name;
                string? value;
                if (eq >= 0)
                {
                    name = body[..eq];
                    value = body[(eq + 1)..];
                }
                else if (flagSet.Contains(body))
                {
                    name = body;
                    value = null;
                }
                else
                {
                    name = body;
                    if (i + 1 >= args.Count)
                    {
                        throw new CliUsageException($"--{name} needs a value.");
                    }
                    value = args[++i];
                }
                if (!options.TryAdd(name, value))
                {
                    throw new CliUsageException($"--{name} is given twice.");
                }
            }
            else
            {
                positionals.Add(a);
            }
        }
        return new CliArgs(options, positionals);
    }

    /// <summary>True when <c>--name</c> was given.</summary>
    public bool Has(string name)
    {
        _read.Add(name);
        return _options.ContainsKey(name);
    }

    /// <summary>The value of <c>--name</c>, or null.</summary>
    public string? Get(string name)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out var v) ? v : null;
    }

    /// <summary>The value of <c>--name</c>; a usage error when missing.</summary>
    public string Require(string name) =>
        Get(name) ?? throw new CliUsageException($"--{name} is required.");

    /// <summary>Fails on options that the command never asked about (a typo should not be ignored).</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException("Unknown option: " + string.Join(", ", unknown.Select(u => "--" + u)));
        }
    }
}
