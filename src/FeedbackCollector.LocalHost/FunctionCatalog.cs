using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;

namespace FeedbackCollector.LocalHost;

/// <summary>What starts a function.</summary>
public enum TriggerKind
{
    /// <summary>An HTTP request.</summary>
    Http,
    /// <summary>A storage queue message.</summary>
    Queue,
    /// <summary>A schedule.</summary>
    Timer,
}

/// <summary>One function of the Functions app, as the local host serves it.</summary>
/// <param name="Name">The function name (<c>[Function]</c>).</param>
/// <param name="Method">The method to call.</param>
/// <param name="Trigger">The trigger kind.</param>
/// <param name="HttpMethods">For HTTP: lower-case methods.</param>
/// <param name="Route">For HTTP: the route template without the prefix.</param>
/// <param name="QueueName">For queues: the queue, with app-setting expressions resolved.</param>
/// <param name="Schedule">For timers: the NCRONTAB schedule, resolved.</param>
public sealed record FunctionDescriptor(
    string Name,
    MethodInfo Method,
    TriggerKind Trigger,
    IReadOnlyList<string> HttpMethods,
    string? Route,
    string? QueueName,
    string? Schedule);

/// <summary>
/// Finds the functions by the same attributes the Worker SDK reads to write <c>functions.metadata</c>, so the local
/// host cannot drift from the Functions app: a new function is served here without being listed anywhere.
/// </summary>
public static partial class FunctionCatalog
{
    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingExpression();

    /// <summary>The functions of <paramref name="assembly"/>, with <c>%Setting%</c> expressions resolved from <paramref name="settings"/>.</summary>
    public static IReadOnlyList<FunctionDescriptor> Discover(Assembly assembly, Func<string, string?> settings)
    {
        var list = new List<FunctionDescriptor>();
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                var fn = method.GetCustomAttribute<FunctionAttribute>();
                if (fn is null)
                {
                    continue;
                }
                list.Add(Describe(fn.Name, method, settings));
            }
        }
        return list.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    private static FunctionDescriptor Describe(string name, MethodInfo method, Func<string, string?> settings)
    {
        foreach (var p in method.GetParameters())
        {
            if (p.GetCustomAttribute<HttpTriggerAttribute>() is { } http)
            {
                var methods = (http.Methods ?? ["get", "post", "put", "delete", "patch", "head", "options"]).Select(m => m.ToLowerInvariant()).ToList();
                return new FunctionDescriptor(name, method, TriggerKind.Http, methods, http.Route ?? name, null, null);
            }
            if (p.GetCustomAttribute<QueueTriggerAttribute>() is { } queue)
            {
                return new FunctionDescriptor(name, method, TriggerKind.Queue, [], null, Resolve(queue.QueueName, settings, name), null);
            }
            if (p.GetCustomAttribute<TimerTriggerAttribute>() is { } timer)
            {
                return new FunctionDescriptor(name, method, TriggerKind.Timer, [], null, null, Resolve(timer.Schedule, settings, name));
            }
        }
        throw new InvalidOperationException($"Function {name} has a trigger the local host does not serve.");
    }

    /// <summary>Replaces <c>%Name%</c> with the setting, as the Functions host does; a missing setting is an error at start.</summary>
    public static string Resolve(string expression, Func<string, string?> settings, string functionName) =>
        SettingExpression().Replace(expression, m => settings(m.Groups[1].Value)
            ?? throw new InvalidOperationException($"Function {functionName} needs the app setting '{m.Groups[1].Value}'."));
}
