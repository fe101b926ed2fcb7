using DualWrite.Environments.Auth;
using DualWrite.Environments.Faults;

namespace DualWrite.Environments.Hosting;

/// <summary>How to run one emulated environment.</summary>
public sealed record EnvironmentOptions
{
    public required EnvironmentKind Kind { get; init; }

    /// <summary>Where the database and the credentials file live.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The address to listen on; port 0 picks a free one.</summary>
    public string Url { get; init; } = "http://127.0.0.1:0";

    /// <summary>Seed the demo companies, reference data, customers and vendors on start.</summary>
    public bool Demo { get; init; }

    /// <summary>The principals and signing key; by default read from (or first written to) the data folder.</summary>
    public EnvironmentCredentials? Credentials { get; init; }

    /// <summary>How long a synchronous hook or webhook may take before the write fails.</summary>
    public TimeSpan HookTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a write waits for another write to finish before it fails as busy.</summary>
    public TimeSpan WriteWait { get; init; } = TimeSpan.FromMinutes(3);

    public FaultSettings Faults { get; init; } = new();

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Log requests and hook calls to the console.</summary>
    public bool Verbose { get; init; }
}
