using System.Text;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackCollector.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class DigestArchiveTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private StorageScope _scope = null!;
    private ServiceProvider _sp = null!;
    private IDigestArchive _archive = null!;

    public async Task InitializeAsync()
    {
        _scope = azurite.NewScope();
        _sp = await TestData.CreatedServicesAsync(_scope);
        _archive = _sp.GetRequiredService<IDigestArchive>();
    }

    public async Task DisposeAsync()
    {
        await _sp.DisposeAsync();
        await _scope.DisposeAsync();
    }

    [Fact]
    public async Task Saved_digests_list_by_prefix_and_read_back_with_their_content_type()
    {
        var docx = new byte[300_000];
        Random.Shared.NextBytes(docx);
        await _archive.SaveAsync("2026-Q1/all.docx", Docx, docx);
        await _archive.SaveAsync("2026-Q1/all.csv", "text/csv; charset=utf-8", Encoding.UTF8.GetBytes("theme,count\nlisten-to-me,3\n"));
        await _archive.SaveAsync("2026-Q2/all.csv", "text/csv; charset=utf-8", Encoding.UTF8.GetBytes("theme,count\n"));

        var q1 = (await _archive.ListAsync("2026-Q1/")).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        Assert.Equal(["2026-Q1/all.csv", "2026-Q1/all.docx"], q1.Select(f => f.Path));
        Assert.Equal(Docx, q1[1].ContentType);
        Assert.Equal(300_000, q1[1].Length);
        Assert.NotNull(q1[1].LastModifiedUtc);
        Assert.Equal(3, (await _archive.ListAsync("")).Count);
        Assert.Empty(await _archive.ListAsync("2025-"));

        var read = await _archive.ReadAsync("2026-Q1/all.docx");
        Assert.NotNull(read);
        Assert.Equal(docx, read.Value.Content);
        Assert.Equal(Docx, read.Value.File.ContentType);
        Assert.Null(await _archive.ReadAsync("2026-Q1/missing.pdf"));
    }

    [Fact]
    public async Task Saving_again_overwrites()
    {
        await _archive.SaveAsync("2026-Q1/all.csv", "text/csv", Encoding.UTF8.GetBytes("v1"));
        await _archive.SaveAsync("2026-Q1/all.csv", "text/plain", Encoding.UTF8.GetBytes("version two"));
        var read = (await _archive.ReadAsync("2026-Q1/all.csv"))!.Value;
        Assert.Equal("version two", Encoding.UTF8.GetString(read.Content));
        Assert.Equal("text/plain", read.File.ContentType);
    }

    [Fact]
    public async Task Unsafe_paths_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _archive.SaveAsync("../x.csv", "text/csv", new byte[1]));
        await Assert.ThrowsAsync<ArgumentException>(() => _archive.ReadAsync("/abs.csv"));
    }
}
