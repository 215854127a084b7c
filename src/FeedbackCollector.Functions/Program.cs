using FeedbackCollector.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// Logs go to the Functions host, which sends them to Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is set.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddFeedbackCollector(builder.Configuration);
builder.Build().Run();
