using System.Diagnostics;
using System.Reflection;

namespace FeedbackCollector.Infra.Tests;

/// <summary>Runs the Bicep CLI restored from the Azure.Bicep.CommandLine.linux-x64 package.</summary>
public static class BicepCli
{
    private static readonly Lazy<string> BinaryPath = new(Locate);

    public static string InfraDir { get; } = Metadata("InfraDir")
        ?? throw new InvalidOperationException("InfraDir assembly metadata is missing.");

    public static string Binary => BinaryPath.Value;

    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        public string AllOutput => (StdOut + StdErr).Trim();
    }

    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var psi = new ProcessStartInfo(Binary)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        // Keep the run offline and quiet: no telemetry, no update checks.
        psi.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var name in new[] { "AZURE_ENV_NAME", "AZURE_LOCATION", "AZURE_PRINCIPAL_ID", "FEEDBACK_INSTANCE_MEMORY_MB", "FEEDBACK_MAX_INSTANCES", "FEEDBACK_DEPLOY_LANGUAGE", "FEEDBACK_SURVEY_BASE_URL" })
        {
            psi.Environment.Remove(name);
        }
        if (environment is not null)
        {
            foreach (var (k, v) in environment)
            {
                psi.Environment[k] = v;
            }
        }
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("bicep did not start");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', args)} did not finish in 3 minutes");
        }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Copies infra/ to a fresh temporary folder so that outputs never land in the source tree.</summary>
    public static string CopyInfra()
    {
        var target = Path.Combine(Path.GetTempPath(), "feedback-infra-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(InfraDir, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(InfraDir, file);
            if (rel.EndsWith(".json", StringComparison.Ordinal) && rel != "bicepconfig.json" && rel != "main.parameters.json")
            {
                continue; // a stray build output must not mask a broken template
            }
            var dest = Path.Combine(target, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        return target;
    }

    private static string Locate()
    {
        var candidates = new List<string>();
        var packageDir = Metadata("BicepPackageDir");
        if (!string.IsNullOrEmpty(packageDir))
        {
            candidates.Add(Path.Combine(packageDir, "tools", "bicep"));
        }
        // Fallback: the NuGet global packages folder, at the version the build pinned.
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var packageRoot = Path.Combine(globalPackages, "azure.bicep.commandline.linux-x64");
        if (Directory.Exists(packageRoot))
        {
            candidates.AddRange(Directory.EnumerateDirectories(packageRoot).OrderDescending().Select(d => Path.Combine(d, "tools", "bicep")));
        }
        var found = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException("The Bicep CLI was not found; restore tests/FeedbackCollector.Infra.Tests. Looked in: " + string.Join(", ", candidates));
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(found);
            const UnixFileMode exec = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(found, mode | exec);
            }
        }
        return found;
    }

    private static string? Metadata(string key) => typeof(BicepCli).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == key)?.Value;
}
