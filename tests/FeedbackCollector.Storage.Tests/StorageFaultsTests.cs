using System.Net.Sockets;
using Azure;
using Azure.Identity;
using FeedbackCollector.Core.Storage;

namespace FeedbackCollector.Storage.Tests;

public class StorageFaultsTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(404, false)]
    [InlineData(409, false)]
    [InlineData(412, false)]
    [InlineData(403, false)]
    public void Request_failures_are_unavailable_only_for_transport_statuses(int status, bool unavailable) =>
        Assert.Equal(unavailable, StorageFaults.IsUnavailable(new RequestFailedException(status, "x")));

    [Fact]
    public void Transport_exceptions_and_sdk_timeouts_are_unavailable_but_the_callers_cancellation_is_not()
    {
        Assert.True(StorageFaults.IsUnavailable(new HttpRequestException("refused")));
        Assert.True(StorageFaults.IsUnavailable(new SocketException((int)SocketError.ConnectionRefused)));
        Assert.True(StorageFaults.IsUnavailable(new TaskCanceledException("network timeout")));
        Assert.True(StorageFaults.IsUnavailable(new AuthenticationFailedException("no token")));
        Assert.True(StorageFaults.IsUnavailable(new AggregateException(new RequestFailedException(0, "a"), new HttpRequestException("b"))));
        Assert.False(StorageFaults.IsUnavailable(new AggregateException(new RequestFailedException(0, "a"), new InvalidOperationException())));
        Assert.False(StorageFaults.IsUnavailable(new InvalidOperationException()));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.False(StorageFaults.IsUnavailable(new OperationCanceledException(cts.Token), cts.Token));
    }

    [Fact]
    public void The_message_is_one_line_about_the_innermost_cause()
    {
        var inner = new RequestFailedException(0, "Connection refused (127.0.0.1:1)\nStatus: 0\nHeaders: ...", new HttpRequestException("Connection refused (127.0.0.1:1)"));
        var ex = StorageFaults.Unavailable("find survey", new AggregateException("Retry failed after 3 tries.", inner, inner));
        Assert.IsType<StorageUnavailableException>(ex);
        Assert.Equal("Storage is unavailable (find survey): Connection refused (127.0.0.1:1)", ex.Message);
    }
}
