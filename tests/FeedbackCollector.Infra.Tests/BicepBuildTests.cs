namespace FeedbackCollector.Infra.Tests;

/// <summary>The templates build and lint with no diagnostic at all: a warning fails the build here.</summary>
[Collection(InfraCollection.Name)]
public sealed class BicepBuildTests(InfraFixture infra)
{
    public static TheoryData<string> BicepFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(BicepCli.InfraDir, "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(BicepCli.InfraDir, f));
        }
        return data;
    }

    [Fact]
    public void The_bicep_cli_is_the_pinned_version()
    {
        var version = BicepCli.Run(BicepCli.InfraDir, null, "--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Contains("0.49.2", version.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Main_builds_without_diagnostics()
    {
        Assert.True(infra.Build.ExitCode == 0, infra.Build.AllOutput);
        Assert.Equal("", infra.Build.AllOutput);
        Assert.NotNull(infra.Template);
    }

    [Fact]
    public void Parameters_file_builds_without_diagnostics()
    {
        Assert.True(infra.BuildParams.ExitCode == 0, infra.BuildParams.AllOutput);
        Assert.Equal("", infra.BuildParams.AllOutput);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Every_file_lints_clean(string file)
    {
        // bicep lint does not follow modules, so each file is linted on its own.
        var lint = BicepCli.Run(infra.WorkDir, null, "lint", file);
        Assert.True(lint.ExitCode == 0, lint.AllOutput);
        Assert.Equal("", lint.AllOutput);
    }

    [Fact]
    public void Every_module_is_local()
    {
        // Registry modules cannot be restored here, and the deployment must not depend on one.
        foreach (var f in Directory.EnumerateFiles(BicepCli.InfraDir, "*.bicep", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(f);
            Assert.DoesNotContain("'br/", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'br:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'ts:", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Snapshots_evaluate_without_diagnostics()
    {
        foreach (var s in new[] { infra.DefaultSnapshot, infra.LanguageSnapshot })
        {
            Assert.True(s.Run.ExitCode == 0, s.Run.AllOutput);
            Assert.NotNull(s.Snapshot);
            Assert.Empty(s.Snapshot!["diagnostics"]?.AsArray() ?? []);
        }
    }
}
