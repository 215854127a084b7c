using System.Text;
using CsvHelper;

namespace FeedbackCollector.Notes;

/// <summary>Reads CSV text into records with the line each starts on; the separator (comma, semicolon, tab) is detected.</summary>
internal static class CsvRows
{
    /// <summary>Every non-empty record: its fields, its raw text and its first line.</summary>
    /// <exception cref="CsvFormatException">The CSV is malformed beyond recovery.</exception>
    public static IEnumerable<(string[] Record, string Raw, int Line)> Read(string text)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            // A stray quote inside a field ("she said "no"") is kept as written rather than refusing the file.
            MalformedData = CsvMalformedDataHandling.Recover,
            MaxRecordSize = 1024 * 1024,
        };
        using var reader = CsvReader.FromText(text, options);
        while (reader.Read())
        {
            var record = new string[reader.FieldCount];
            for (var i = 0; i < record.Length; i++)
            {
                record[i] = reader.GetString(i) ?? "";
            }
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            yield return (record, Encoding.UTF8.GetString(reader.RawRecord), (int)reader.LineNumber);
        }
    }
}
