using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Storage;

/// <summary>Digests as blobs of the digest container, named by path (for example <c>2026-Q3/all.docx</c>), with their content type.</summary>
public sealed class BlobDigestArchive : IDigestArchive
{
    private readonly BlobContainerClient _container;

    /// <summary>Uses the container named by <paramref name="names"/>.</summary>
    public BlobDigestArchive(BlobServiceClient blobs, IOptions<StorageNamesOptions> names)
    {
        _container = blobs.GetBlobContainerClient(names.Value.DigestContainer);
    }

    /// <inheritdoc />
    public Task SaveAsync(string path, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("save digest", async ct =>
        {
            CheckPath(path);
            ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
            var blob = _container.GetBlobClient(path);
            var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } };
            try
            {
                await blob.UploadAsync(BinaryData.FromBytes(content), options, ct).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == "ContainerNotFound")
            {
                await _container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: ct).ConfigureAwait(false);
                await blob.UploadAsync(BinaryData.FromBytes(content), options, ct).ConfigureAwait(false);
            }
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ArchivedFile>> ListAsync(string prefix, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync<IReadOnlyList<ArchivedFile>>("list digests", async ct =>
        {
            ArgumentNullException.ThrowIfNull(prefix);
            var list = new List<ArchivedFile>();
            try
            {
                await foreach (var item in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix.Length == 0 ? null : prefix }, ct).ConfigureAwait(false))
                {
                    list.Add(new ArchivedFile(item.Name, item.Properties.ContentType ?? "application/octet-stream",
                        item.Properties.ContentLength ?? 0, item.Properties.LastModified));
                }
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == "ContainerNotFound")
            {
                return [];
            }
            return list;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<(ArchivedFile File, byte[] Content)?> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync<(ArchivedFile File, byte[] Content)?>("read digest", async ct =>
        {
            CheckPath(path);
            try
            {
                var result = (await _container.GetBlobClient(path).DownloadContentAsync(ct).ConfigureAwait(false)).Value;
                var bytes = result.Content.ToArray();
                return (new ArchivedFile(path, result.Details.ContentType ?? "application/octet-stream", bytes.LongLength, result.Details.LastModified), bytes);
            }
            catch (RequestFailedException ex) when (StorageFaults.IsNotFound(ex))
            {
                return null;
            }
        }, cancellationToken);

    private static void CheckPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path.Length > 1024 || path.StartsWith('/') || path.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw new ArgumentException("A digest path is 1 to 1,024 characters of non-empty segments separated by '/'.", nameof(path));
        }
    }
}
