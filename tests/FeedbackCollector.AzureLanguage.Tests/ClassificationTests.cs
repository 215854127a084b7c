namespace FeedbackCollector.AzureLanguage.Tests;

/// <summary>Themes from a custom multi-label classification project through the analyze-text jobs API.</summary>
public sealed class ClassificationTests : AnalyzerTestBase
{
    private AzureLanguageAnalyzer Classifying(Action<CustomClassificationOptions>? configure = null) => Analyzer(o =>
    {
        o.CustomClassification = new CustomClassificationOptions
        {
            ProjectName = "feedback-themes",
            DeploymentName = "prod",
            PollInterval = TimeSpan.FromMilliseconds(20),
            JobTimeout = TimeSpan.FromSeconds(10),
            Labels = { ["school-life"] = "School life" },
        };
        configure?.Invoke(o.CustomClassification);
    });

    [Fact]
    public async Task Themes_come_from_the_custom_project_via_a_polled_job()
    {
        Service.JobRunningPolls = 2;
        var results = await Classifying().AnalyzeAsync(Requests("Nobody at school will listen to Alice", "I am bored at school"));

        var r = results[0];
        Assert.Equal(AzureLanguageAnalyzer.AzureName, r.Analyzer.Name);
        Assert.Equal("custom:feedback-themes/prod", r.Analyzer.TaxonomyVersion);
        Assert.Equal(["listen-to-me", "school-life"], r.Themes.Select(t => t.ThemeId));
        Assert.Equal("Being listened to", r.Themes[0].Label); // the local taxonomy's label and evidence for a theme it knows
        Assert.Equal(["listen"], r.Themes[0].Evidence);
        Assert.Equal(0.91, r.Themes[0].Confidence, 6);
        Assert.Equal("School life", r.Themes[1].Label); // from configuration
        Assert.Empty(r.Themes[1].Evidence);
        Assert.Equal(["school-life"], results[1].Themes.Select(t => t.ThemeId)); // "things-to-do" at 0.3 is under the threshold

        var job = Assert.Single(Service.OfKind("Job"));
        Assert.Equal("/language/analyze-text/jobs", job.Path);
        Assert.Contains("api-version=2025-11-01", job.Query, StringComparison.Ordinal);
        var task = job.Body!["tasks"]![0]!;
        Assert.Equal("CustomMultiLabelClassification", (string?)task["kind"]);
        Assert.Equal("feedback-themes", (string?)task["parameters"]!["projectName"]);
        Assert.Equal("prod", (string?)task["parameters"]!["deploymentName"]);
        Assert.All(job.Documents, d => Assert.DoesNotContain("Alice", d.Text, StringComparison.Ordinal)); // redacted text only
        Assert.Equal(3, Service.OfKind("JobStatus").Count); // two "running", then "succeeded"
        Assert.All(Service.OfKind("JobStatus"), p => Assert.Equal("test-key", p.Headers["Ocp-Apim-Subscription-Key"]));
    }

    [Fact]
    public async Task Jobs_hold_at_most_25_documents()
    {
        var texts = Enumerable.Range(0, 30).Select(i => $"At school nobody will listen, number {i}").ToArray();
        var results = await Classifying().AnalyzeAsync(Requests(texts));

        var jobs = Service.OfKind("Job");
        Assert.Equal(2, jobs.Count);
        Assert.All(jobs, j => Assert.InRange(j.Documents.Count, 1, 25));
        Assert.All(results, r => Assert.Equal(AzureLanguageAnalyzer.AzureName, r.Analyzer.Name));
    }

    [Fact]
    public async Task A_failed_job_leaves_themes_to_the_local_model()
    {
        Service.JobFinalStatus = "failed";
        var r = (await Classifying().AnalyzeAsync(Requests("Nobody at school will listen")))[0];

        Assert.Equal(AzureLanguageAnalyzer.FallbackName, r.Analyzer.Name);
        Assert.Equal("taxonomy-7", r.Analyzer.TaxonomyVersion);
        Assert.Equal("listen-to-me", Assert.Single(r.Themes).ThemeId);
        Assert.Equal(0.6, r.Themes[0].Confidence, 6);
    }

    [Fact]
    public async Task A_job_that_never_finishes_times_out_and_falls_back()
    {
        Service.JobRunningPolls = int.MaxValue;
        var r = (await Classifying(c => c.JobTimeout = TimeSpan.FromMilliseconds(300)).AnalyzeAsync(Requests("Nobody will listen")))[0];

        Assert.Equal(AzureLanguageAnalyzer.FallbackName, r.Analyzer.Name);
        Assert.Equal("taxonomy-7", r.Analyzer.TaxonomyVersion);
    }

    [Fact]
    public async Task An_operation_location_on_another_host_is_not_followed()
    {
        Service.OperationHost = "http://127.0.0.2:9";
        var r = (await Classifying().AnalyzeAsync(Requests("Nobody will listen")))[0];

        Assert.Empty(Service.OfKind("JobStatus"));
        Assert.Equal(AzureLanguageAnalyzer.FallbackName, r.Analyzer.Name);
    }

    [Fact]
    public async Task Non_english_texts_are_not_classified()
    {
        var r = (await Classifying().AnalyzeAsync(Requests("Bonjour, personne ne nous écoute")))[0];
        Assert.Empty(Service.OfKind("Job"));
        Assert.Empty(r.Themes);
        Assert.Equal(AzureLanguageAnalyzer.AzureName, r.Analyzer.Name);
    }
}
