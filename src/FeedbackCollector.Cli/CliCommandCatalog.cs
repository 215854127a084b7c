using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace FeedbackCollector.Cli;

/// <summary>
/// The commands by name, each constructed on first look-up. A command class <c>FooCommand</c> is named <c>foo</c>:
/// the name is known from the type, so dispatching needs no instance of the other commands (a test checks that every
/// command's <see cref="ICliCommand.Name"/> agrees with its type's name, and that every command class is registered).
/// Commands are registered explicitly rather than found by reflection over the assembly, so that the native (AOT)
/// build knows statically which command types it must keep.
/// </summary>
public sealed class CliCommandCatalog : IReadOnlyDictionary<string, ICliCommand>
{
    private const string Suffix = "Command";

    private readonly Dictionary<string, Entry> commands = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers <typeparamref name="T"/> under the name <see cref="NameOf"/> gives; it is constructed on first look-up.</summary>
    public CliCommandCatalog Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>()
        where T : ICliCommand, new()
    {
        var flags = typeof(T).GetCustomAttributes<CliFlagsAttribute>().SelectMany(a => a.Names).ToArray();
        commands.Add(NameOf(typeof(T)), new Entry(new Lazy<ICliCommand>(() => new T()), flags));
        return this;
    }

    /// <summary>
    /// Registers a command that this build cannot run: looking it up gives a command that says so (with
    /// <paramref name="reason"/>) and exits 2, instead of "unknown command".
    /// </summary>
    public CliCommandCatalog AddUnavailable(string name, string reason)
    {
        commands.Add(name, new Entry(new Lazy<ICliCommand>(() => new UnavailableCommand(name, reason)), []));
        return this;
    }

    /// <summary>The command name a type stands for: its name without the "Command" suffix, in lower case.</summary>
    public static string NameOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = type.Name.EndsWith(Suffix, StringComparison.Ordinal) ? type.Name[..^Suffix.Length] : type.Name;
        return name.ToLowerInvariant();
    }

    /// <summary>Whether the command named <paramref name="name"/> has been constructed yet.</summary>
    public bool IsCreated(string name) => commands.TryGetValue(name, out var entry) && entry.Command.IsValueCreated;

    /// <summary>The options of the command named <paramref name="name"/> that take no value (its <see cref="CliFlagsAttribute"/>s).</summary>
    public IReadOnlyList<string> FlagsOf(string name) => commands[name].Flags;

    /// <inheritdoc />
    public ICliCommand this[string key] => commands[key].Command.Value;

    /// <inheritdoc />
    public IEnumerable<string> Keys => commands.Keys;

    /// <summary>Every command; constructs all of them.</summary>
    public IEnumerable<ICliCommand> Values => commands.Values.Select(c => c.Command.Value);

    /// <inheritdoc />
    public int Count => commands.Count;

    /// <inheritdoc />
    public bool ContainsKey(string key) => commands.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out ICliCommand value)
    {
        if (commands.TryGetValue(key, out var entry))
        {
            value = entry.Command.Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, ICliCommand>> GetEnumerator() =>
        commands.Select(c => new KeyValuePair<string, ICliCommand>(c.Key, c.Value.Command.Value)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed record Entry(Lazy<ICliCommand> Command, string[] Flags);

    /// <summary>A command left out of this build: says why and how to run it instead.</summary>
    private sealed class UnavailableCommand(string name, string reason) : ICliCommand
    {
        public string Name => name;

        public string Summary => $"(not in this build: see 'feedback {name} --help')";

        public string Usage => $"feedback {name}: not in this build. {reason}";

        public async Task<int> RunAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken)
        {
            await console.Error.WriteLineAsync(Usage);
            return 2;
        }
    }
}
