namespace DualWrite.Runtime.LiveSync;

/// <summary>The environment a hook call comes from.</summary>
public enum HookSource
{
    FinOps,
    Dataverse,
}
