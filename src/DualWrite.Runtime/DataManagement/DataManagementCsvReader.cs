using System.Runtime.CompilerServices;
using CsvHelper;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;

namespace DualWrite.Runtime.DataManagement;

/// <summary>
/// Reads a data-management export of one F&amp;O entity (a CSV file with a header row of field names, in any case
/// and order) row by row, each typed by the entity's fields. Only the row being read is held, so a file of millions
/// of rows reads in little memory. Columns the entity does not have, or the caller does not ask for, are ignored; a
/// header without the entity's key columns is refused before any row is read; a value that does not convert fails
/// its row only, and the rows after it are read as usual.
/// </summary>
public sealed class DataManagementCsvReader : IAsyncDisposable
{
    private static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        HasHeader = true,
        TrackLineNumbers = true,
        SkipEmptyLines = true,
        AllowLineBreaksInQuotes = true,
    };

    private readonly CsvReader csv;
    private readonly string source;
    private readonly Column[] columns;
    private readonly Column?[] keyColumns;
    private readonly int headerCount;

    private DataManagementCsvReader(CsvReader csv, string source, Column[] columns, Column?[] keyColumns, int headerCount, IReadOnlyList<string> ignored)
    {
        this.csv = csv;
        this.source = source;
        this.columns = columns;
        this.keyColumns = keyColumns;
        this.headerCount = headerCount;
        IgnoredColumns = ignored;
    }

    /// <summary>The header's columns that are not read: not fields of the entity, or not asked for.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; }

    /// <summary>How far into the input the reader is, in bytes of UTF-8, for progress.</summary>
    public long BytesRead => csv.ByteOffset;

    /// <summary>Opens an export and reads its header.</summary>
    /// <param name="input">The file's bytes, UTF-8 with or without a byte order mark; the reader owns and disposes it.</param>
    /// <param name="source">What the input is called in messages: the file name.</param>
    /// <param name="entity">The F&amp;O entity the file was exported from.</param>
    /// <param name="fields">The fields to read (the key fields are always read); null for every field of the entity.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="DataManagementCsvException">The header cannot be read or lacks a key column.</exception>
    public static async Task<DataManagementCsvReader> OpenAsync(Stream input, string source, TableSchema entity, IReadOnlyCollection<string>? fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var csv = CsvReader.Create(input, Options, leaveOpen: false);
        try
        {
            return await OpenAsync(csv, source, entity, fields, cancellationToken);
        }
        catch
        {
            await csv.DisposeAsync();
            throw;
        }
    }

    /// <summary>The rows after the header, in the file's order.</summary>
    public async IAsyncEnumerable<DataManagementRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await ReadNextAsync(cancellationToken))
        {
            yield return Current();
        }
    }

    public ValueTask DisposeAsync() => csv.DisposeAsync();

    private static async Task<DataManagementCsvReader> OpenAsync(CsvReader csv, string source, TableSchema entity, IReadOnlyCollection<string>? fields, CancellationToken cancellationToken)
    {
        try
        {
            await csv.ReadHeaderAsync(cancellationToken);
        }
        catch (CsvFormatException e)
        {
            throw new DataManagementCsvException($"{source}: line 1: the header cannot be read: {e.Message}", e);
        }

        var headers = csv.Headers;
        if (headers.Count == 0)
        {
            throw new DataManagementCsvException($"{source}: the file is empty; a data-management export starts with a header row of field names");
        }

        var wanted = fields is null ? null : new HashSet<string>(fields.Concat(entity.Key), StringComparer.OrdinalIgnoreCase);
        var read = new List<Column>();
        var ignored = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers[i].Trim().TrimStart('\uFEFF');
            var field = entity.FindField(name);
            if (field is null || (wanted is not null && !wanted.Contains(field.Name)))
            {
                ignored.Add(name);
                continue;
            }

            if (read.FirstOrDefault(c => c.Field.Name == field.Name) is { } twice)
            {
                throw new DataManagementCsvException($"{source}: line 1: columns {twice.Index + 1} and {i + 1} both name the field {field.Name}; keep one");
            }

            read.Add(new Column(i, name, field));
        }

        var keys = entity.Key.Select(k => read.FirstOrDefault(c => string.Equals(c.Field.Name, k, StringComparison.OrdinalIgnoreCase))).ToArray();
        var missing = entity.Key.Where((_, i) => keys[i] is null).ToArray();
        if (missing.Length > 0)
        {
            throw new DataManagementCsvException(
                $"{source}: line 1: the header has no column for the key field{(missing.Length > 1 ? "s" : string.Empty)} {string.Join(", ", missing.Select(m => m.ToUpperInvariant()))} "
                + $"of {entity.Name}, so its rows cannot be matched; export the entity with {(missing.Length > 1 ? "them" : "it")} (the header has {string.Join(", ", headers)})");
        }

        return new DataManagementCsvReader(csv, source, [.. read], keys, headers.Count, ignored);
    }

    private async Task<bool> ReadNextAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await csv.ReadAsync(cancellationToken);
        }
        catch (CsvFormatException e)
        {
            throw new DataManagementCsvException($"{source}: line {(e.LineNumber > 0 ? e.LineNumber : csv.LineNumber)}: the file cannot be read further: {e.Message}", e);
        }
    }

    private DataManagementRecord Current()
    {
        var line = csv.LineNumber;
        var key = new RowKey(keyColumns.Select(c => new KeyValuePair<string, object?>(c!.Field.Name, Text(c.Index))).ToArray());
        if (csv.FieldCount != headerCount)
        {
            return new DataManagementRecord(line, key, null, $"{source}: line {line}: the row has {csv.FieldCount} values and the header {headerCount} columns, so its values cannot be told apart");
        }

        var row = new Row();
        foreach (var column in columns)
        {
            var text = csv.GetString(column.Index) ?? string.Empty;
            if (!DataManagementValues.TryRead(text, column.Field, out var value, out var problem))
            {
                return new DataManagementRecord(line, key, null, $"{source}: line {line}, column {column.Index + 1} ({column.Header}): {problem} for the field {column.Field.Name}");
            }

            row[column.Field.Name] = value;
        }

        return new DataManagementRecord(line, key, row, null);
    }

    private string? Text(int index) => index < csv.FieldCount && csv.GetString(index) is { Length: > 0 } text ? text : null;

    /// <summary>A column of the file that is read: where it is, what the header calls it, and the field it fills.</summary>
    private sealed record Column(int Index, string Header, FieldSchema Field);
}
