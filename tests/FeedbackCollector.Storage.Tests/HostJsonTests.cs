using System.Text.Json;
using Azure.Storage.Queues;
using FeedbackCollector.TestSupport;

namespace FeedbackCollector.Storage.Tests;

/// <summary>The queue trigger reads messages with host.json's encoding; our sender must write the same.</summary>
public class HostJsonTests
{
    [Fact]
    public void Sender_encoding_agrees_with_the_functions_host()
    {
        var path = Path.Combine(AzuriteFixture.FindRepositoryRoot(), "host.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var encoding = doc.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("messageEncoding").GetString();
        var expected = encoding switch
        {
            "none" => QueueMessageEncoding.None,
            "base64" => QueueMessageEncoding.Base64,
            _ => throw new InvalidDataException($"Unknown messageEncoding '{encoding}' in host.json."),
        };
        Assert.Equal(expected, StorageClientFactory.QueueOptions().MessageEncoding);
    }
}
