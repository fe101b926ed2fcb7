using System.Reflection;
using DualWrite.Runtime.Store;

namespace DualWrite.Runtime.Tests.Connection;

/// <summary>A store that fails to save the link, the very last step of linking, and does everything else as the real one.</summary>
public class FailingConnectionStore : DispatchProxy
{
    private IRuntimeStore inner = null!;

    public static IRuntimeStore Over(IRuntimeStore inner)
    {
        var store = Create<IRuntimeStore, FailingConnectionStore>();
        ((FailingConnectionStore)(object)store).inner = inner;
        return store;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IRuntimeStore.SaveConnectionAsync))
        {
            return Task.FromException(new IOException("the disk is full"));
        }

        try
        {
            return targetMethod.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
