using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using DualWrite.Testing;

namespace DualWrite.Scenarios.Tests;

/// <summary>
/// <c>dualwrite serve</c> as a process of its own, as an operator runs it: started on a data folder, and stopped
/// the hard way (SIGKILL) when a test wants to see what a crash leaves.
/// </summary>
internal sealed class RuntimeProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private RuntimeProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>What the process wrote, both streams together.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>The most memory the process has held at once (VmHWM, its peak resident set), in bytes.</summary>
    public long PeakMemoryBytes
    {
        get
        {
            var line = File.ReadLines($"/proc/{process.Id}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
    }

    /// <param name="dataFolder">The data folder, whose store the runtime works on.</param>
    /// <param name="port">Where it listens.</param>
    /// <param name="heapLimit">The most managed memory the process may use, in bytes; beyond it the process fails out of memory.</param>
    /// <param name="options">More options of <c>dualwrite serve</c>.</param>
    public static async Task<RuntimeProcess> StartAsync(string dataFolder, int port, long? heapLimit, params string[] options)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (heapLimit is { } limit)
        {
            start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + limit.ToString("X", CultureInfo.InvariantCulture);
        }

        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "dualwrite.dll"), "serve", "--data", dataFolder, "--port", port.ToString(CultureInfo.InvariantCulture), .. options])
        {
            start.ArgumentList.Add(argument);
        }

        var runtime = new RuntimeProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
        if (!await Eventually.HoldsAsync(async () => runtime.process.HasExited || await AcceptsAsync(port), TimeSpan.FromMinutes(1)) || runtime.process.HasExited)
        {
            runtime.Dispose();
            throw new InvalidOperationException($"dualwrite serve did not start listening on port {port}:\n{runtime.Output}");
        }

        return runtime;
    }

    /// <summary>Kills the process at once, as a crash or an out-of-memory killer would: nothing is closed or flushed.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
