using DualWrite.Server.Admin.Problems;

namespace DualWrite.Server.Admin.Paging;

/// <summary>Which page of a list: <c>offset</c> from 0, <c>limit</c> from 1 to 1,000.</summary>
internal readonly record struct PageRequest(int Offset, int Limit)
{
    public const int MaxLimit = 1000;
    public const int DefaultLimit = 100;

    /// <exception cref="AdminRequestException">An offset below 0, or a limit outside 1 to 1,000.</exception>
    public static PageRequest Of(int? offset, int? limit)
    {
        if (offset is < 0)
        {
            throw new AdminRequestException("offset", $"offset is {offset}; it counts from 0.");
        }

        return limit is < 1 or > MaxLimit
            ? throw new AdminRequestException("limit", $"limit is {limit}; ask for 1 to {MaxLimit:N0} at a time and page with offset.")
            : new PageRequest(offset ?? 0, limit ?? DefaultLimit);
    }
}
