namespace FeedbackCollector.Core;

/// <summary>What a handler decided, mapped to HTTP by the hosts (200, 201, 202, 404, 409, 400...).</summary>
public enum OutcomeKind
{
    /// <summary>Done; the value is the answer.</summary>
    Ok,
    /// <summary>Created; the value is the new item.</summary>
    Created,
    /// <summary>Accepted for processing; the value is the receipt.</summary>
    Accepted,
    /// <summary>No such item.</summary>
    NotFound,
    /// <summary>The item's state does not allow it (a closed survey, a changed item).</summary>
    Conflict,
    /// <summary>The input is wrong; errors name the fields.</summary>
    Invalid,
    /// <summary>The upload is larger than allowed (413).</summary>
    TooLarge,
    /// <summary>The upload's type is not supported; the message lists the supported ones (415).</summary>
    UnsupportedMediaType,
    /// <summary>Storage failed part-way (503 with Retry-After); the value says what was done and how to finish.</summary>
    Unavailable,
}

/// <summary>A handler's result: a kind, an optional value, and for failures a message and field errors.</summary>
public sealed record Outcome(OutcomeKind Kind, object? Value = null, string? Message = null, IReadOnlyDictionary<string, string>? Errors = null)
{
    /// <summary>200 with a value.</summary>
    public static Outcome Ok(object? value) => new(OutcomeKind.Ok, value);

    /// <summary>201 with the new item.</summary>
    public static Outcome Created(object value) => new(OutcomeKind.Created, value);

    /// <summary>202 with a receipt.</summary>
    public static Outcome Accepted(object value) => new(OutcomeKind.Accepted, value);

    /// <summary>404 with a message.</summary>
    public static Outcome NotFound(string message) => new(OutcomeKind.NotFound, Message: message);

    /// <summary>409 with a message.</summary>
    public static Outcome Conflict(string message) => new(OutcomeKind.Conflict, Message: message);

    /// <summary>400 with field errors.</summary>
    public static Outcome Invalid(IReadOnlyDictionary<string, string> errors, string message = "The request has problems; see errors.") =>
        new(OutcomeKind.Invalid, Message: message, Errors: errors);

    /// <summary>413 with a message.</summary>
    public static Outcome TooLarge(string message) => new(OutcomeKind.TooLarge, Message: message);

    /// <summary>415 with a message listing what is supported.</summary>
    public static Outcome UnsupportedMediaType(string message) => new(OutcomeKind.UnsupportedMediaType, Message: message);

    /// <summary>503 with a message and a value that says what was done before the fault.</summary>
    public static Outcome Unavailable(string message, object? value = null) => new(OutcomeKind.Unavailable, value, message);

    /// <summary>400 with one field error.</summary>
    public static Outcome Invalid(string field, string error) => Invalid(new Dictionary<string, string> { [field] = error });
}
