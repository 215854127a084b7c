using System.Diagnostics;

namespace FeedbackCollector.TestSupport;

/// <summary>
/// Installs a pinned npm tool folder (a <c>package.json</c> with its committed <c>package-lock.json</c>, such as
/// <c>tools/axe</c>) with <c>npm ci</c> when it is missing, under a cross-process file lock so test assemblies running in
/// parallel do not race. The scripts install the same folders first; this covers a test run started on its own.
/// </summary>
public static class NpmTool
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(8);

    /// <summary>
    /// Makes sure <paramref name="toolDirectory"/> is installed: <paramref name="requiredFile"/> (relative to the folder)
    /// exists and npm finished (it writes <c>node_modules/.package-lock.json</c> last). Returns the required file's full path.
    /// </summary>
    public static async Task<string> EnsureInstalledAsync(string toolDirectory, string requiredFile)
    {
        var required = Path.Combine(toolDirectory, requiredFile);
        if (IsInstalled(toolDirectory, required))
        {
            return required;
        }
        var lockPath = Path.Combine(toolDirectory, ".npm-install.lock");
        var clock = Stopwatch.StartNew();
        FileStream? held = null;
        while (held is null)
        {
            try
            {
                // FileShare.None takes an exclusive advisory lock that other processes honour.
                held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.Elapsed < InstallTimeout)
            {
                await Task.Delay(500).ConfigureAwait(false);
            }
        }
        await using (held.ConfigureAwait(false))
        {
            if (IsInstalled(toolDirectory, required))
            {
                return required;
            }
            var psi = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
            {
                WorkingDirectory = toolDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { "ci", "--no-audit", "--no-fund" })
            {
                psi.ArgumentList.Add(a);
            }
            using var npm = Process.Start(psi) ?? throw new InvalidOperationException("Could not start npm.");
            var output = npm.StandardOutput.ReadToEndAsync();
            var error = npm.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(InstallTimeout);
            try
            {
                await npm.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                npm.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"npm ci in {toolDirectory} took longer than {InstallTimeout}.");
            }
            if (npm.ExitCode != 0 || !IsInstalled(toolDirectory, required))
            {
                throw new InvalidOperationException($"npm ci in {toolDirectory} failed ({npm.ExitCode}):\n{await output.ConfigureAwait(false)}\n{await error.ConfigureAwait(false)}");
            }
        }
        return required;
    }

    private static bool IsInstalled(string toolDirectory, string required) =>
        File.Exists(required) && File.Exists(Path.Combine(toolDirectory, "node_modules", ".package-lock.json"));
}
