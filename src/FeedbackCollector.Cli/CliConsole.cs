namespace FeedbackCollector.Cli;

/// <summary>The standard streams, replaceable in tests.</summary>
public sealed class CliConsole(TextReader input, TextWriter output, TextWriter error, bool errorIsTerminal)
{
    /// <summary>Standard input.</summary>
    public TextReader In { get; } = input;

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; } = output;

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>True when standard error is a terminal, so progress may be drawn there.</summary>
    public bool ErrorIsTerminal { get; } = errorIsTerminal;

    /// <summary>The process's real console.</summary>
    public static CliConsole System() =>
        new(Console.In, Console.Out, Console.Error, !Console.IsErrorRedirected);
}
