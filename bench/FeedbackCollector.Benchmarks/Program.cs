using System.Globalization;
using BenchmarkDotNet.Running;
using FeedbackCollector.Benchmarks;

// dotnet run -c Release --project bench/FeedbackCollector.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/FeedbackCollector.Benchmarks -- stages INPUT.jsonl [PASSES]   (time per stage)
if (args.Length >= 2 && args[0] == "stages")
{
    return StageProfile.Run(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3);
}
if (args.Length >= 2 && args[0] == "cli")
{
    // The whole analyze command in-process, run several times: the first run pays JIT warm-up, later ones do not.
    var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
    var console = new FeedbackCollector.Cli.CliConsole(TextReader.Null, TextWriter.Null, Console.Error, false);
    for (var r = 1; r <= runs; r++)
    {
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var rc = await FeedbackCollector.Cli.CliApp.RunAsync(["analyze", "--input", args[1], "--output", "/dev/null"], console, CancellationToken.None);
        var used = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"run {r}: exit {rc}, cpu {used.TotalSeconds:0.00} s, jit {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms, gc {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
    }
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
