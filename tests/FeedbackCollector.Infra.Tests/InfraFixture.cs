using System.Text.Json.Nodes;

namespace FeedbackCollector.Infra.Tests;

/// <summary>One build of the templates shared by every test class (each bicep run takes seconds).</summary>
[CollectionDefinition(Name)]
public sealed class InfraCollection : ICollectionFixture<InfraFixture>
{
    public const string Name = "infra";
}

/// <summary>Builds the templates once for all tests: the compiled ARM template and two evaluated snapshots.</summary>
public sealed class InfraFixture : IDisposable
{
    public InfraFixture()
    {
        WorkDir = BicepCli.CopyInfra();
        Build = BicepCli.Run(WorkDir, null, "build", "main.bicep", "--outfile", "main.json");
        if (Build.ExitCode == 0)
        {
            Template = JsonNode.Parse(File.ReadAllText(Path.Combine(WorkDir, "main.json")))!.AsObject();
        }
        BuildParams = BicepCli.Run(WorkDir, null, "build-params", "main.bicepparam", "--outfile", "main.parameters.built.json");
        DefaultSnapshot = Snapshot(new Dictionary<string, string>());
        LanguageSnapshot = Snapshot(new Dictionary<string, string>
        {
            ["FEEDBACK_DEPLOY_LANGUAGE"] = "true",
            ["AZURE_PRINCIPAL_ID"] = "11111111-2222-3333-4444-555555555555",
            ["AZURE_ENV_NAME"] = "fc-test",
        });
    }

    public string WorkDir { get; }

    public BicepCli.Result Build { get; }

    public BicepCli.Result BuildParams { get; }

    public JsonObject? Template { get; }

    public SnapshotResult DefaultSnapshot { get; }

    public SnapshotResult LanguageSnapshot { get; }

    public sealed record SnapshotResult(BicepCli.Result Run, JsonObject? Snapshot)
    {
        public IEnumerable<JsonObject> Resources(string type) =>
            Snapshot!["predictedResources"]!.AsArray().Select(r => r!.AsObject())
                .Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

        public JsonObject Single(string type) => Assert.Single(Resources(type));
    }

    private SnapshotResult Snapshot(Dictionary<string, string> env)
    {
        var dir = Path.Combine(WorkDir, "snap-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        foreach (var file in Directory.EnumerateFiles(WorkDir, "*.bicep*", SearchOption.TopDirectoryOnly).Append(Path.Combine(WorkDir, "bicepconfig.json")))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }
        CopyDir(Path.Combine(WorkDir, "modules"), Path.Combine(dir, "modules"));
        var run = BicepCli.Run(dir, env, "snapshot", "main.bicepparam", "--mode", "overwrite",
            "--subscription-id", "00000000-0000-0000-0000-0000000000aa", "--resource-group", "rg-feedback-test", "--location", "uksouth");
        var path = Path.Combine(dir, "main.snapshot.json");
        return new SnapshotResult(run, File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : null);
    }

    private static void CopyDir(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.EnumerateFiles(from))
        {
            File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkDir, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

/// <summary>Walks an ARM template, nested module deployments included (resources as an array or, in language version 2.0, an object).</summary>
public static class Arm
{
    public sealed record Resource(string Module, string SymbolicName, JsonObject Node)
    {
        public string Type => (string)Node["type"]!;

        public JsonNode? Properties => Node["properties"];
    }

    public static IEnumerable<Resource> AllResources(JsonObject template, string module = "main")
    {
        foreach (var (name, node) in Entries(template["resources"]))
        {
            var r = new Resource(module, name, node);
            yield return r;
            if (r.Type == "Microsoft.Resources/deployments" && r.Properties?["template"] is JsonObject inner)
            {
                foreach (var child in AllResources(inner, name))
                {
                    yield return child;
                }
            }
        }
    }

    public static IEnumerable<Resource> OfType(JsonObject template, string type) =>
        AllResources(template).Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public static Resource Module(JsonObject template, string name) =>
        Assert.Single(AllResources(template), r => r.Module == "main" && r.SymbolicName == name && r.Type == "Microsoft.Resources/deployments");

    private static IEnumerable<(string Name, JsonObject Node)> Entries(JsonNode? resources) => resources switch
    {
        JsonObject o => o.Select(kv => (kv.Key, kv.Value!.AsObject())),
        JsonArray a => a.Select((n, i) => ((string?)n!["name"] ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture), n!.AsObject())),
        _ => [],
    };
}
