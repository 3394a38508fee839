using System.Text;
using NeuralVision.Tools;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Files;
using NeuralVision.Tools.Platform.Processes;
using NeuralVision.Tools.Platform.Settings;
using NeuralVision.Tools.Platform.Terminals;

// The composition root: the one place that picks the real implementations of every seam. Nothing here does work at
// construction (no terminal is opened, no writer made), since the prompt hook pays for every start.
// Output and errors: write(2) on descriptors 1 and 2 (see DescriptorStream for why neither System.Console nor
// FileStream), each made when first used.
var environment = new ProcessEnvironment();
var settings = new NvtSettings(environment);
var context = new NvtContext(
    environment,
    settings,
    RealFileSystem.Instance,
    new TtyTerminal(),
    new ProcessRunner(settings),
    TimeProvider.System,
    () => new StreamWriter(new DescriptorStream(1), new UTF8Encoding(false), bufferSize: 16 * 1024) { AutoFlush = false },
    () => new StreamWriter(new DescriptorStream(2), new UTF8Encoding(false)) { AutoFlush = true });
return TopLevel.Run(context, args);
