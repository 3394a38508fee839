using BenchmarkDotNet.Running;

// `dotnet run -c Release --project bench/NeuralVision.Tools.Benchmarks -- --filter '*'` runs everything;
// `--list flat` shows the names, `--job short` trades precision for time.
BenchmarkSwitcher.FromAssembly(typeof(NeuralVision.Tools.Benchmarks.PathGenerator).Assembly).Run(args);
