using System.Reflection;
using FeedbackCollector.Cli;

return await CliApp.RunAsync(args, CliConsole.System(), CancellationToken.None);

namespace FeedbackCollector.Cli
{
    /// <summary>Finds the commands and dispatches to one.</summary>
    public static class CliApp
    {
        /// <summary>
        /// Every command in this assembly, by name. A command is constructed only when it is looked up (some read
        /// settings in their constructors), so running one command builds only that one; listing them builds all.
        /// </summary>
        public static CliCommandCatalog Commands { get; } = new(typeof(CliApp).Assembly);

        /// <summary>Runs the command named by the first argument.</summary>
        public static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
        {
            if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
            {
                await WriteHelpAsync(console);
                return args.Count == 0 ? 2 : 0;
            }
            if (!Commands.TryGetValue(args[0], out var command))
            {
                await console.Error.WriteLineAsync($"Unknown command '{args[0]}'.");
                await WriteHelpAsync(console);
                return 2;
            }
            try
            {
                var parsed = CliArgs.Parse(args.Skip(1).ToList(), FlagsOf(command));
                if (parsed.Has("help"))
                {
                    await console.Out.WriteLineAsync(command.Usage);
                    return 0;
                }
                return await command.RunAsync(parsed, console, cancellationToken);
            }
            catch (CliUsageException ex)
            {
                await console.Error.WriteLineAsync(ex.Message);
                await console.Error.WriteLineAsync(command.Usage);
                return 2;
            }
        }

        private static string[] FlagsOf(ICliCommand command) =>
            command.GetType().GetCustomAttributes<CliFlagsAttribute>().SelectMany(a => a.Names).ToArray();

        private static async Task WriteHelpAsync(CliConsole console)
        {
            await console.Out.WriteLineAsync("Usage: feedback <command> [options]   (feedback <command> --help for details)");
            await console.Out.WriteLineAsync();
            foreach (var c in Commands.Values.OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                await console.Out.WriteLineAsync($"  {c.Name,-12} {c.Summary}");
            }
        }
    }

    /// <summary>Names the options of a command that take no value (<c>--verbose</c>).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
    public sealed class CliFlagsAttribute(params string[] names) : Attribute
    {
        /// <summary>The flag names, without dashes.</summary>
        public IReadOnlyList<string> Names { get; } = names;
    }
}
