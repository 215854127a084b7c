using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FeedbackCollector.Functions;

/// <summary>GET /console: the staff console's page. Anyone may load it; every action it takes needs a staff key.</summary>
public sealed class StaffConsole
{
    /// <summary>Serves the page.</summary>
    [Function(nameof(StaffConsole))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console")] HttpRequest req) =>
        ConsoleAssets.Serve(req, null);
}
