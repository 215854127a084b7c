using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;

namespace FeedbackCollector.LocalHost;

/// <summary>
/// Calls a function method the way the isolated worker does: a new instance of the function class from DI for each
/// invocation, the trigger's value for the trigger parameter, route values for route parameters, the cancellation token.
/// </summary>
public static class FunctionInvoker
{
    /// <summary>Fails at start when a function takes a parameter this host cannot supply.</summary>
    public static void CheckSupported(FunctionDescriptor f)
    {
        foreach (var p in f.Method.GetParameters())
        {
            var ok = p.ParameterType == typeof(CancellationToken)
                     || (f.Trigger == TriggerKind.Http && (p.ParameterType == typeof(HttpRequest) || p.ParameterType == typeof(string)))
                     || (f.Trigger == TriggerKind.Queue && p.ParameterType == typeof(string))
                     || (f.Trigger == TriggerKind.Queue && IsDequeueCount(p))
                     || (f.Trigger == TriggerKind.Timer && p.ParameterType == typeof(TimerInfo));
            if (!ok)
            {
                throw new InvalidOperationException($"Function {f.Name}: the local host cannot bind parameter '{p.Name}' of type {p.ParameterType.Name}.");
            }
        }
        var r = f.Method.ReturnType;
        if (r != typeof(void) && r != typeof(Task) && r != typeof(IActionResult) && r != typeof(Task<IActionResult>))
        {
            throw new InvalidOperationException($"Function {f.Name}: the local host cannot use a return type of {r.Name}.");
        }
    }

    /// <summary>Serves an HTTP request with an HTTP-triggered function.</summary>
    public static async Task InvokeHttpAsync(FunctionDescriptor f, HttpContext context)
    {
        var args = f.Method.GetParameters().Select(p =>
            p.ParameterType == typeof(HttpRequest) ? context.Request
            : p.ParameterType == typeof(CancellationToken) ? context.RequestAborted
            : (object?)context.GetRouteValue(p.Name!)?.ToString()).ToArray();
        var result = await CallAsync(f, context.RequestServices, args);
        if (result is IActionResult action)
        {
            await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
        }
    }

    /// <summary>
    /// Runs a queue-triggered function with a message body. A parameter named <c>dequeueCount</c> gets the delivery count,
    /// as the isolated worker binds it from the trigger's metadata by name.
    /// </summary>
    public static Task InvokeQueueAsync(FunctionDescriptor f, IServiceProvider services, string message, long dequeueCount, CancellationToken cancellationToken) =>
        CallAsync(f, services, f.Method.GetParameters().Select(p =>
            p.ParameterType == typeof(CancellationToken) ? (object)cancellationToken
            : IsDequeueCount(p) ? (p.ParameterType == typeof(int) ? (object)(int)dequeueCount : dequeueCount)
            : message).ToArray());

    private static bool IsDequeueCount(ParameterInfo p) =>
        string.Equals(p.Name, "dequeueCount", StringComparison.OrdinalIgnoreCase) && (p.ParameterType == typeof(long) || p.ParameterType == typeof(int));

    /// <summary>Runs a timer-triggered function.</summary>
    public static Task InvokeTimerAsync(FunctionDescriptor f, IServiceProvider services, TimerInfo timer, CancellationToken cancellationToken) =>
        CallAsync(f, services, f.Method.GetParameters().Select(p => p.ParameterType == typeof(CancellationToken) ? (object)cancellationToken : timer).ToArray());

    private static async Task<object?> CallAsync(FunctionDescriptor f, IServiceProvider services, object?[] args)
    {
        using var scope = services.CreateScope();
        var instance = f.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, f.Method.DeclaringType!);
        object? returned;
        try
        {
            returned = f.Method.Invoke(instance, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
        switch (returned)
        {
            case Task<IActionResult> withResult:
                return await withResult;
            case Task task:
                await task;
                return null;
            default:
                return returned;
        }
    }
}
