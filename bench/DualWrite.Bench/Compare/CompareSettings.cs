using DualWrite.Bench.InitialSync;

namespace DualWrite.Bench.Compare;

/// <summary>What the compare benchmark was asked to measure.</summary>
/// <param name="Setup">The customers, companies and sync settings the two sides are filled with, as the initial sync benchmark takes them.</param>
/// <param name="Drift">Accounts changed in Dataverse behind the runtime's back before comparing, so the comparison has differences to find.</param>
/// <param name="MaxDifferences">Differing rows the comparison keeps in detail.</param>
internal sealed record CompareSettings(InitialSyncSettings Setup, int Drift, int MaxDifferences);
