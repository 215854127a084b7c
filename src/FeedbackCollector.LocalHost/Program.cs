using FeedbackCollector.LocalHost;

var app = LocalHostApp.Build(args);
app.Run();
