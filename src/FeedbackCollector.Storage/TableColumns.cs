using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using FeedbackCollector.Core;

namespace FeedbackCollector.Storage;

/// <summary>
/// Column helpers shared by the table adapters. A Table string property holds at most 32K UTF-16 characters and an
/// entity at most 1 MB, so long JSON is split across <c>Name</c>, <c>Name1</c>, <c>Name2</c>... of at most
/// <see cref="ChunkSize"/> characters each.
/// </summary>
internal static class TableColumns
{
    /// <summary>Characters per chunk: under the 32,768 limit with room to spare.</summary>
    public const int ChunkSize = 30_000;

    /// <summary>Most chunks of one column: 16 × 60 KB is about the 1 MB an entity may hold.</summary>
    public const int MaxChunks = 16;

    /// <summary>The name of chunk <paramref name="index"/> of <paramref name="column"/>.</summary>
    public static string ChunkName(string column, int index) =>
        index == 0 ? column : column + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every possible chunk name of <paramref name="column"/> (to name in a <c>$select</c>).</summary>
    public static IEnumerable<string> ChunkNames(string column) => Enumerable.Range(0, MaxChunks).Select(i => ChunkName(column, i));

    /// <summary>Stores <paramref name="value"/> across chunks of <paramref name="column"/>, removing chunks of an older, longer value.</summary>
    public static void SetChunked(TableEntity entity, string column, string? value)
    {
        for (var i = 0; i < MaxChunks; i++)
        {
            entity.Remove(ChunkName(column, i));
        }
        if (value is null)
        {
            return;
        }
        if (value.Length == 0)
        {
            entity[column] = string.Empty;
            return;
        }
        var index = 0;
        for (var pos = 0; pos < value.Length; index++)
        {
            if (index == MaxChunks)
            {
                throw new ArgumentException($"{column} is {value.Length:N0} characters, more than a table entity can hold.", nameof(value));
            }
            var length = Math.Min(ChunkSize, value.Length - pos);
            // Never split a surrogate pair: each chunk must be valid UTF-16 on its own.
            if (pos + length < value.Length && char.IsHighSurrogate(value[pos + length - 1]))
            {
                length--;
            }
            entity[ChunkName(column, index)] = value.Substring(pos, length);
            pos += length;
        }
    }

    /// <summary>The value stored by <see cref="SetChunked"/>, or null when there is none.</summary>
    public static string? GetChunked(TableEntity entity, string column)
    {
        if (!entity.TryGetValue(column, out var first) || first is not string head)
        {
            return null;
        }
        StringBuilder? sb = null;
        for (var i = 1; i < MaxChunks; i++)
        {
            // A $select that names a missing chunk returns it as null.
            if (!entity.TryGetValue(ChunkName(column, i), out var next) || next is not string part)
            {
                break;
            }
            sb ??= new StringBuilder(head, head.Length + part.Length);
            sb.Append(part);
        }
        return sb?.ToString() ?? head;
    }

    /// <summary>Serialises with the product's JSON convention.</summary>
    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, FeedbackJson.Options);

    /// <summary>Deserialises with the product's JSON convention; default when <paramref name="json"/> is null.</summary>
    public static T? FromJson<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, FeedbackJson.Options);

    /// <summary>Sets a string column, or removes it when null (null properties are not stored).</summary>
    public static void SetOptional(TableEntity entity, string column, object? value)
    {
        if (value is null)
        {
            entity.Remove(column);
        }
        else
        {
            entity[column] = value;
        }
    }

    /// <summary>Reads an enum stored by its kebab-case wire name.</summary>
    public static T GetWire<T>(TableEntity entity, string column) where T : struct, Enum =>
        FeedbackJson.TryParseWireName<T>(entity.GetString(column), out var v) ? v
            : throw new InvalidDataException($"Stored entity {entity.PartitionKey}/{entity.RowKey} has no valid {column}.");

    /// <summary>A required string column.</summary>
    public static string Required(TableEntity entity, string column) =>
        entity.GetString(column) ?? throw new InvalidDataException($"Stored entity {entity.PartitionKey}/{entity.RowKey} lacks {column}.");
}
