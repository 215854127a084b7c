using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace FeedbackCollector.Cli;

/// <summary>
/// The commands of an assembly by name, each constructed on first look-up. A command class <c>FooCommand</c> is
/// named <c>foo</c>: the name is known from the type, so dispatching needs no instance of the other commands
/// (a test checks that every command's <see cref="ICliCommand.Name"/> agrees with its type's name).
/// </summary>
public sealed class CliCommandCatalog : IReadOnlyDictionary<string, ICliCommand>
{
    private const string Suffix = "Command";

    private readonly Dictionary<string, Lazy<ICliCommand>> commands;

    /// <summary>Finds the command classes (public parameterless constructor, name ending in "Command") of <paramref name="assembly"/>.</summary>
    public CliCommandCatalog(Assembly assembly)
    {
        commands = new Dictionary<string, Lazy<ICliCommand>>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in assembly.GetTypes())
        {
            if (type is { IsAbstract: false, IsInterface: false } && typeof(ICliCommand).IsAssignableFrom(type)
                && type.GetConstructor(Type.EmptyTypes) is not null)
            {
                commands.Add(NameOf(type), new Lazy<ICliCommand>(() => (ICliCommand)Activator.CreateInstance(type)!));
            }
        }
    }

    /// <summary>The command name a type stands for: its name without the "Command" suffix, in lower case.</summary>
    public static string NameOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = type.Name.EndsWith(Suffix, StringComparison.Ordinal) ? type.Name[..^Suffix.Length] : type.Name;
        return name.ToLowerInvariant();
    }

    /// <summary>Whether the command named <paramref name="name"/> has been constructed yet.</summary>
    public bool IsCreated(string name) => commands.TryGetValue(name, out var lazy) && lazy.IsValueCreated;

    /// <inheritdoc />
    public ICliCommand this[string key] => commands[key].Value;

    /// <inheritdoc />
    public IEnumerable<string> Keys => commands.Keys;

    /// <summary>Every command; constructs all of them.</summary>
    public IEnumerable<ICliCommand> Values => commands.Values.Select(c => c.Value);

    /// <inheritdoc />
    public int Count => commands.Count;

    /// <inheritdoc />
    public bool ContainsKey(string key) => commands.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out ICliCommand value)
    {
        if (commands.TryGetValue(key, out var lazy))
        {
            value = lazy.Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, ICliCommand>> GetEnumerator() =>
        commands.Select(c => new KeyValuePair<string, ICliCommand>(c.Key, c.Value.Value)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
