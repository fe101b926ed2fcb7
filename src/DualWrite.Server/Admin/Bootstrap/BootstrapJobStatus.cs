namespace DualWrite.Server.Admin.Bootstrap;

internal enum BootstrapJobStatus
{
    Running,
    Completed,
    Failed,
}
