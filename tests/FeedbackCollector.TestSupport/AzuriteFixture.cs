using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Xunit;

namespace FeedbackCollector.TestSupport;

/// <summary>
/// Runs a private Azurite (in memory, on free loopback ports) for a test assembly. Installs the pinned emulator from
/// <c>tools/azurite</c> with <c>npm ci</c> when missing (under a cross-process file lock, so test assemblies running in
/// parallel do not race), waits until all three services answer, and kills the process tree on dispose. A watchdog
/// preloaded into node ends Azurite if the test host dies without disposing (crash, kill), so no orphan is left.
/// Use one per assembly through an xunit collection fixture, and <see cref="NewScope"/> for unique names per test.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The emulator's well-known account.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The emulator's well-known account key (as in Azurite's own source; a one-character slip gives 403).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    // In memory, Azurite keeps no files; its working folder is a private temporary one all the same.
    private readonly StringBuilder _log = new();
    private Process? _process;
    private string? _workDirectory;

    /// <summary>The repository root (the folder holding <c>FeedbackCollector.sln</c>).</summary>
    public string RepositoryRoot { get; private set; } = "";

    /// <summary>Port of the Blob service.</summary>
    public int BlobPort { get; private set; }

    /// <summary>Port of the Queue service.</summary>
    public int QueuePort { get; private set; }

    /// <summary>Port of the Table service.</summary>
    public int TablePort { get; private set; }

    /// <summary>A full connection string naming the three endpoints.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
        + $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};"
        + $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>The process id of the emulator (for tests of the fixture itself).</summary>
    public int ProcessId => _process?.Id ?? 0;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        RepositoryRoot = FindRepositoryRoot();
        var azuriteDir = Path.Combine(RepositoryRoot, "tools", "azurite");
        // npm ci from the pinned lock file when missing (the scripts install it first; this covers a test run on its own).
        await NpmTool.EnsureInstalledAsync(azuriteDir, AzuriteScriptPath).ConfigureAwait(false);
        _workDirectory = Directory.CreateTempSubdirectory("feedback-azurite-").FullName;
        Exception? last = null;
        // A free port found now may be taken before Azurite binds it; try again with new ports.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await StartAsync(azuriteDir).ConfigureAwait(false);
                return;
            }
            catch (InvalidOperationException ex)
            {
                last = ex;
                await StopAsync().ConfigureAwait(false);
                if (!ex.Message.Contains("EADDRINUSE", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }
        throw new InvalidOperationException("Azurite did not start.", last);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (_workDirectory is not null)
        {
            try
            {
                Directory.Delete(_workDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Temp clean-up is best effort.
            }
        }
    }

    /// <summary>A unique table prefix: a letter and ten more letters or digits.</summary>
    public static string NewTablePrefix() => "t" + RandomToken(10);

    /// <summary>A unique queue name (3-56 lower-case letters and digits; room for "-poison").</summary>
    public static string NewQueueName() => "q" + RandomToken(12);

    /// <summary>A unique blob container name.</summary>
    public static string NewContainerName() => "c" + RandomToken(12);

    /// <summary>Unique names for one test, deleted when the scope is disposed.</summary>
    public StorageScope NewScope() => new(this);

    /// <summary>A Table service client (default SDK options).</summary>
    public TableServiceClient CreateTableServiceClient() => new(ConnectionString);

    /// <summary>A Queue service client sending plain text, like the product's.</summary>
    public QueueServiceClient CreateQueueServiceClient() => new(ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

    /// <summary>A Blob service client.</summary>
    public BlobServiceClient CreateBlobServiceClient() => new(ConnectionString);

    /// <summary>Deletes every table whose name starts with <paramref name="prefix"/>.</summary>
    public async Task DeleteTablesAsync(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var service = CreateTableServiceClient();
        var names = new List<string>();
        // Filtered here rather than with a range filter: Azurite rejects the signature of some filter characters.
        await foreach (var t in service.QueryAsync().ConfigureAwait(false))
        {
            if (t.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                names.Add(t.Name);
            }
        }
        foreach (var name in names)
        {
            await service.DeleteTableAsync(name).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes the queues and their poison queues.</summary>
    public async Task DeleteQueuesAsync(params string[] queueNames)
    {
        var service = CreateQueueServiceClient();
        foreach (var name in queueNames)
        {
            await service.GetQueueClient(name).DeleteIfExistsAsync().ConfigureAwait(false);
            await service.GetQueueClient(name + "-poison").DeleteIfExistsAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Deletes a blob container.</summary>
    public Task DeleteContainerAsync(string containerName) =>
        CreateBlobServiceClient().GetBlobContainerClient(containerName).DeleteIfExistsAsync();

    /// <summary>Walks up from the test's output folder to the folder holding <c>FeedbackCollector.sln</c>.</summary>
    public static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FeedbackCollector.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No FeedbackCollector.sln above {AppContext.BaseDirectory}.");
    }

    private static readonly string AzuriteScriptPath = Path.Combine("node_modules", "azurite", "dist", "src", "azurite.js");

    private static string AzuriteScript(string azuriteDir) => Path.Combine(azuriteDir, AzuriteScriptPath);

    private async Task StartAsync(string azuriteDir)
    {
        BlobPort = FreePort();
        QueuePort = FreePort();
        TablePort = FreePort();
        while (QueuePort == BlobPort || TablePort == BlobPort || TablePort == QueuePort)
        {
            QueuePort = FreePort();
            TablePort = FreePort();
        }
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = _workDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] args =
        [
            "-r", Path.Combine(azuriteDir, "parent-watchdog.cjs"), AzuriteScript(azuriteDir),
            "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["AZURITE_PARENT_PID"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["AZURITE_EXIT_ON_STDIN_EOF"] = "1";
        lock (_log)
        {
            _log.Clear();
        }
        var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("Could not start node.");
        }
        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var clock = Stopwatch.StartNew();
        int[] ports = [BlobPort, QueuePort, TablePort];
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with {process.ExitCode}:\n{Log()}");
            }
            var answering = 0;
            foreach (var port in ports)
            {
                if (await AnswersAsync(port).ConfigureAwait(false))
                {
                    answering++;
                }
            }
            if (answering == ports.Length)
            {
                return;
            }
            if (clock.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException($"Azurite did not answer on ports {BlobPort}, {QueuePort}, {TablePort} within {StartTimeout}:\n{Log()}");
            }
            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    private async Task StopAsync()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        finally
        {
            process.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            if (_log.Length < 64 * 1024)
            {
                _log.AppendLine(line);
            }
        }
    }

    private string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    private static async Task<bool> AnswersAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, port, cts.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RandomToken(int length)
    {
        const string chars = "abcdefghijklmnopqrstuvwxyz0123456789";
        return string.Create(length, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[RandomNumberGenerator.GetInt32(chars.Length)];
            }
        });
    }
}
