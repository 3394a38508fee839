using System.Text;
using NeuralVision.Tools;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Files;
using NeuralVision.Tools.Platform.Processes;
using NeuralVision.Tools.Platform.Settings;
using NeuralVision.Tools.Platform.Terminals;

// Before anything opens a file: a closed 0, 1 or 2 must not be handed to it.
int closedDescriptors = StandardDescriptors.FillClosed();

// The composition root: the one place that picks the real implementations of every seam. Nothing here does work at
// construction (no terminal is opened, no writer made), since the prompt hook pays for every start.
// Output and errors: write(2) on descriptors 1 and 2 (see DescriptorStream for why neither System.Console nor
// FileStream), each made when first used. What cannot be written to stderr is dropped: it must not turn into a crash
// or another exit status.
var environment = new ProcessEnvironment();
var settings = new NvtSettings(environment);
var context = new NvtContext(
    environment,
    settings,
    RealFileSystem.Instance,
    new TtyTerminal(),
    new ProcessRunner(settings),
    TimeProvider.System,
    () => new StreamWriter(new DescriptorStream(1, "standard output", closed: (closedDescriptors & 2) != 0), new PathEncoding(), bufferSize: 16 * 1024) { AutoFlush = false },
    () => new StreamWriter(new DescriptorStream(2, "standard error", closed: (closedDescriptors & 4) != 0, ignoreErrors: true), new UTF8Encoding(false)) { AutoFlush = true });
return TopLevel.Run(context, args);
