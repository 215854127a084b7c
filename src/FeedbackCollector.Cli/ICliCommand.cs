namespace FeedbackCollector.Cli;

/// <summary>
/// One sub-command (<c>analyze</c>, <c>evaluate</c>, <c>keys</c>...). Commands are found by reflection, so adding one
/// is adding a class: no shared switch to edit.
/// </summary>
public interface ICliCommand
{
    /// <summary>The word that selects the command.</summary>
    string Name { get; }

    /// <summary>One line for the help listing.</summary>
    string Summary { get; }

    /// <summary>Usage text shown by <c>feedback NAME --help</c> and on a usage error.</summary>
    string Usage { get; }

    /// <summary>Runs the command. Returns the process exit code.</summary>
    Task<int> RunAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken);
}
