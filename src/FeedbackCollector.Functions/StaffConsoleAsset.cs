using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FeedbackCollector.Functions;

/// <summary>GET /console/{file}: the console's script, style sheet and page files (embedded in this assembly).</summary>
public sealed class StaffConsoleAsset
{
    /// <summary>Serves one file.</summary>
    [Function(nameof(StaffConsoleAsset))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/{*path}")] HttpRequest req,
        string? path) =>
        ConsoleAssets.Serve(req, path);
}
