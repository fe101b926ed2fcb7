using DualWrite.Core.Maps;
using DualWrite.Runtime.Monitoring;

namespace DualWrite.Runtime.Store;

public sealed partial class SqliteRuntimeStore
{
    public Task AppendErrorAsync(ErrorEntry entry, CancellationToken cancellationToken) =>
        WriteAsync(async (c, t) => await Execute(c, t, """
            INSERT INTO error_log (at, map, direction, row_key, txn, type, message, payload)
            VALUES (@at, @map, @direction, @key, @txn, @type, @message, @payload)
            """, cancellationToken, ("@at", Format(entry.At)), ("@map", entry.Map), ("@direction", entry.Direction.ToString()), ("@key", entry.Key),
            ("@txn", entry.TransactionId), ("@type", entry.Type.ToString()), ("@message", entry.Message), ("@payload", entry.Payload)), cancellationToken);

    public async Task<IReadOnlyList<ErrorEntry>> SearchErrorsAsync(ErrorQuery query, CancellationToken cancellationToken)
    {
        var (where, parameters) = ErrorConditions(query);
        await using var connection = await OpenAsync(cancellationToken);
        return await Query(
            connection,
            $"SELECT id, at, map, direction, row_key, txn, type, message, payload FROM error_log{where} ORDER BY id DESC LIMIT @limit OFFSET @offset",
            r => new ErrorEntry(
                r.GetInt64(0), Parse(r.GetString(1)), r.GetString(2), Enum.Parse<SyncDirection>(r.GetString(3)), r.GetString(4), r.GetString(5),
                Enum.Parse<ErrorType>(r.GetString(6)), r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8)),
            cancellationToken,
            [.. parameters, ("@limit", query.Limit), ("@offset", query.Offset)]);
    }

    public async Task<long> CountErrorsAsync(ErrorQuery query, CancellationToken cancellationToken)
    {
        var (where, parameters) = ErrorConditions(query);
        await using var connection = await OpenAsync(cancellationToken);
        return (long)(await Scalar(connection, null, $"SELECT COUNT(*) FROM error_log{where}", cancellationToken, parameters))!;
    }

    private static (string Where, (string Name, object? Value)[] Parameters) ErrorConditions(ErrorQuery query)
    {
        var conditions = new List<string>();
        var parameters = new List<(string Name, object? Value)>();
        void Add(string condition, string name, object value)
        {
            conditions.Add(condition);
            parameters.Add((name, value));
        }

        if (query.Map is { } map)
        {
            Add("map = @map", "@map", map);
        }

        if (query.From is { } from)
        {
            Add("at >= @from", "@from", Format(from));
        }

        if (query.To is { } to)
        {
            Add("at < @to", "@to", Format(to));
        }

        if (query.Key is { } key)
        {
            // The key is matched as text anywhere in the stored key, without regard to case.
            Add("instr(lower(row_key), lower(@key)) > 0", "@key", key);
        }

        if (query.Types is { Count: > 0 } types)
        {
            var names = types.Select((type, i) => (Name: $"@type{i}", Value: (object?)type.ToString())).ToArray();
            conditions.Add($"type IN ({string.Join(", ", names.Select(n => n.Name))})");
            parameters.AddRange(names);
        }

        return (conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions), parameters.ToArray());
    }
}
