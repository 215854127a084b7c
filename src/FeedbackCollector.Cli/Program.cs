using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using FeedbackCollector.Cli;
using FeedbackCollector.Cli.Commands;

return await CliApp.RunAsync(args, CliConsole.System(), CancellationToken.None);

namespace FeedbackCollector.Cli
{
    /// <summary>Finds the commands and dispatches to one.</summary>
    public static class CliApp
    {
        /// <summary>
        /// The commands that work on storage: they go through the Azure SDKs and the core's reflection-based JSON,
        /// which the native (AOT) build cannot run, so it leaves them out and says so when one is asked for. (Declared before <see cref="Commands"/>: static fields are initialised in order.)
        /// </summary>
        internal static readonly string[] StorageCommandNames = ["digest", "import", "keys", "poison", "projection", "reanalyse", "surveys"];

        /// <summary>
        /// Every command, by name. A command is constructed only when it is looked up (some read settings in their
        /// constructors), so running one command builds only that one; listing them builds all.
        /// </summary>
        public static CliCommandCatalog Commands { get; } = CreateCommands();

        // RuntimeFeature.IsDynamicCodeSupported is a constant false in a native build: the compiler drops the branch, and
        // with it the storage commands, the Azure SDKs and the reflection-based JSON they use (none of which it could
        // compile without trimming warnings). In the JIT build the branch always runs.
        [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Reached only when dynamic code is supported, i.e. not in the native build, where the branch is removed.")]
        private static CliCommandCatalog CreateCommands()
        {
            var commands = new CliCommandCatalog().Add<AnalyzeCommand>().Add<EvaluateCommand>();
            if (RuntimeFeature.IsDynamicCodeSupported)
            {
                AddStorageCommands(commands);
            }
            else
            {
                foreach (var name in StorageCommandNames)
                {
                    commands.AddUnavailable(name, $"The native build runs only analyze and evaluate; run '{name}' with the JIT build: dotnet run --project src/FeedbackCollector.Cli -c Release -- {name} ...");
                }
            }
            return commands;
        }

        [RequiresUnreferencedCode("The storage commands use the Azure SDKs and reflection-based JSON.")]
        [RequiresDynamicCode("The storage commands use the Azure SDKs and reflection-based JSON.")]
        private static void AddStorageCommands(CliCommandCatalog commands) => commands
            .Add<DigestCommand>().Add<ImportCommand>().Add<KeysCommand>().Add<PoisonCommand>()
            .Add<ProjectionCommand>().Add<ReanalyseCommand>().Add<SurveysCommand>();

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
                var parsed = CliArgs.Parse(args.Skip(1).ToList(), [.. Commands.FlagsOf(args[0])]);
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
