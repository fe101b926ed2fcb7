using System.CommandLine;
using DualWrite.Bench.Bootstrap;
using DualWrite.Bench.Compare;
using DualWrite.Bench.InitialSync;
using DualWrite.Bench.LiveSync;

namespace DualWrite.Bench;

/// <summary>The benchmarks, one subcommand each.</summary>
internal static class BenchCommand
{
    public static RootCommand Create() => new("Benchmarks of DualWrite over the emulated environments, each printing its figures and how they compare with a baseline.")
    {
        InitialSyncCommand.Create(),
        LiveSyncCommand.Create(),
        CompareCommand.Create(),
        BootstrapCommand.Create(),
    };
}
