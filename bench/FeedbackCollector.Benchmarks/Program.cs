using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/FeedbackCollector.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
