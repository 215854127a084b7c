namespace FeedbackCollector.Cli;

/// <summary>The files a command reads and writes: the disk, or a stand-in in tests (which touch no disk).</summary>
internal interface ICliFiles
{
    /// <summary>Whether the file exists.</summary>
    bool Exists(string path);

    /// <summary>The file's bytes.</summary>
    Task<byte[]> ReadAllBytesAsync(string path, CancellationToken cancellationToken);

    /// <summary>Creates the folder (and its parents) when missing.</summary>
    void CreateDirectory(string path);

    /// <summary>Writes the file, replacing it.</summary>
    Task WriteAllBytesAsync(string path, byte[] content, CancellationToken cancellationToken);
}

/// <summary>The disk.</summary>
internal sealed class DiskFiles : ICliFiles
{
    /// <summary>The one instance.</summary>
    public static readonly DiskFiles Instance = new();

    /// <inheritdoc />
    public bool Exists(string path) => File.Exists(path);

    /// <inheritdoc />
    public Task<byte[]> ReadAllBytesAsync(string path, CancellationToken cancellationToken) => File.ReadAllBytesAsync(path, cancellationToken);

    /// <inheritdoc />
    public void CreateDirectory(string path) => Directory.CreateDirectory(path);

    /// <inheritdoc />
    public Task WriteAllBytesAsync(string path, byte[] content, CancellationToken cancellationToken) => File.WriteAllBytesAsync(path, content, cancellationToken);
}
