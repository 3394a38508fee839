// nvt is a Linux tool: Konsole, D-Bus, POSIX file modes and the shells it integrates with exist only there.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
