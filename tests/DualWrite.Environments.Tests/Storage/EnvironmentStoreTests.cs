using DualWrite.Core.Filtering;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Environments.Storage;
using Microsoft.Data.Sqlite;

namespace DualWrite.Environments.Tests.Storage;

public sealed class EnvironmentStoreTests : IDisposable
{
    private const string Schema = """
        {
          "environment": "test",
          "enums": [ { "name": "Colour", "members": { "Red": 1, "Green": 2 } } ],
          "tables": [
            { "name": "Item", "key": ["Code"], "fields": [
              { "name": "Code", "type": "string", "length": 10, "required": true },
              { "name": "Price", "type": "money", "scale": 2 },
              { "name": "Weight", "type": "decimal", "scale": 4 },
              { "name": "Count", "type": "integer" },
              { "name": "Active", "type": "boolean" },
              { "name": "Since", "type": "date" },
              { "name": "Seen", "type": "datetime" },
              { "name": "Ref", "type": "guid" },
              { "name": "Colour", "type": "enum", "enum": "Colour" }
            ] },
            { "name": "Team", "primaryId": "TeamId", "fields": [
              { "name": "TeamId", "type": "guid" },
              { "name": "Name", "type": "string", "length": 20 }
            ] },
            { "name": "Member", "primaryId": "MemberId",
              "alternateKeys": [ { "name": "member_code_team", "fields": ["Code", "TeamId"] } ],
              "fields": [
              { "name": "MemberId", "type": "guid" },
              { "name": "Code", "type": "string", "length": 10 },
              { "name": "TeamId", "type": "lookup", "target": "Team" },
              { "name": "MentorId", "type": "lookup", "target": "Member" }
            ] }
          ]
        }
        """;

    private static readonly WriteActor Actor = new("client", Guid.NewGuid());
    private readonly string directory = Path.Combine(Path.GetTempPath(), "dualwrite-tests", Guid.NewGuid().ToString("N"));
    private readonly EnvironmentStore store;
    private readonly TableSchema items;
    private readonly TableSchema teams;
    private readonly TableSchema members;

    public EnvironmentStoreTests()
    {
        Directory.CreateDirectory(directory);
        store = new EnvironmentStore(SchemaReader.Parse(Schema, "test"), Path.Combine(directory, "test.db"), TimeProvider.System);
        items = store.Schema.GetTable("Item");
        teams = store.Schema.GetTable("Team");
        members = store.Schema.GetTable("Member");
    }

    [Fact]
    public void The_database_is_in_WAL_mode()
    {
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task Every_value_type_comes_back_as_written_with_money_rounded_to_its_scale()
    {
        var reference = Guid.NewGuid();
        await WriteAsync(tx => tx.Insert(items, new Row
        {
            ["Code"] = "A",
            ["Price"] = 10.125m,
            ["Weight"] = 0.0001m,
            ["Count"] = -7L,
            ["Active"] = true,
            ["Since"] = new DateOnly(2021, 6, 23),
            ["Seen"] = new DateTimeOffset(2020, 8, 25, 13, 3, 0, TimeSpan.FromHours(2)),
            ["Ref"] = reference,
            ["Colour"] = 2,
        }));

        var row = store.FindBy(items, ["Code"], ["a"])!.Values;
        Assert.Equal(10.13m, row["Price"]);
        Assert.Equal(0.0001m, row["Weight"]);
        Assert.Equal(-7L, row["Count"]);
        Assert.Equal(true, row["Active"]);
        Assert.Equal(new DateOnly(2021, 6, 23), row["Since"]);
        Assert.Equal(new DateTimeOffset(2020, 8, 25, 11, 3, 0, TimeSpan.Zero), row["Seen"]);
        Assert.Equal(reference, row["Ref"]);
        Assert.Equal(2, row["Colour"]);
    }

    [Fact]
    public async Task Each_write_gives_a_higher_version_and_the_change_log_keeps_commit_order()
    {
        var first = await WriteAsync(tx => tx.Insert(items, new Row { ["Code"] = "V", ["Count"] = 1L }));
        var second = await WriteAsync(tx => tx.Update(items, first, new Row { ["Count"] = 2L }));
        var third = await WriteAsync(tx => tx.Update(items, second, new Row { ["Count"] = 3L }));
        Assert.True(first.Version < second.Version && second.Version < third.Version);

        var changes = store.ChangesSince(items, first.Version - 1);
        var only = Assert.Single(changes);
        Assert.Equal(third.Version, only.Sequence);
        Assert.Equal(3L, only.Row!.Values["Count"]);
    }

    [Fact]
    public async Task A_rolled_back_transaction_leaves_no_row_and_no_change_and_does_not_use_up_versions()
    {
        var before = store.CommittedSequence();
        await using (var tx = await store.BeginWriteAsync(Actor, TimeSpan.FromSeconds(5), CancellationToken.None))
        {
            tx.Insert(items, new Row { ["Code"] = "R1" });
            tx.Insert(items, new Row { ["Code"] = "R2" });
            Assert.Equal(2, tx.Changes.Count);
        }

        Assert.Null(store.FindBy(items, ["Code"], ["R1"]));
        Assert.Equal(before, store.CommittedSequence());
        var next = await WriteAsync(tx => tx.Insert(items, new Row { ["Code"] = "R3" }));
        Assert.Equal(before + 1, next.Version);
    }

    [Fact]
    public async Task A_deleted_row_is_tracked_by_its_key()
    {
        var row = await WriteAsync(tx => tx.Insert(items, new Row { ["Code"] = "D" }));
        await WriteAsync(tx =>
        {
            tx.Delete(items, row);
            return row;
        });

        var change = Assert.Single(store.ChangesSince(items, row.Version - 1));
        Assert.Null(change.Row);
        Assert.Equal("D", change.Key["Code"]);
    }

    [Fact]
    public async Task Invalid_values_are_refused_with_the_table_field_and_value()
    {
        var tooLong = await Assert.ThrowsAsync<StorageException>(() => WriteAsync(tx => tx.Insert(items, new Row { ["Code"] = "ELEVEN-CHAR" })));
        Assert.Contains("Item.Code", tooLong.Message, StringComparison.Ordinal);
        var badEnum = await Assert.ThrowsAsync<StorageException>(() => WriteAsync(tx => tx.Insert(items, new Row { ["Code"] = "E", ["Colour"] = 9 })));
        Assert.Contains("9 is not a value of Colour", badEnum.Message, StringComparison.Ordinal);
        var missing = await Assert.ThrowsAsync<StorageException>(() => WriteAsync(tx => tx.Insert(items, new Row { ["Count"] = 1L })));
        Assert.Contains("'Code' is required", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cursor_paging_with_nulls_and_descending_order_visits_every_row_once()
    {
        await WriteAsync(tx =>
        {
            StoredRow last = null!;
            for (var i = 0; i < 50; i++)
            {
                last = tx.Insert(items, new Row { ["Code"] = $"P{i:D2}", ["Count"] = i % 4 == 0 ? null : (long)(i % 5) });
            }

            return last;
        });

        var query = new RowQuery(items)
        {
            Filter = new MatchExpression("Code", MatchKind.StartsWith, "P"),
            OrderBy = [new SortField(items.GetField("Count"), Descending: true)],
            Take = 7,
        };
        var seen = new List<string>();
        PageCursor? after = null;
        do
        {
            var page = store.Query(query with { After = after });
            seen.AddRange(page.Rows.Select(r => (string)r.Values["Code"]!));
            after = page.Rows.Count == 7 ? page.Cursors[^1] : null;
        }
        while (after is not null);

        Assert.Equal(50, seen.Count);
        Assert.Equal(50, seen.Distinct().Count());
    }

    [Fact]
    public async Task A_duplicate_key_or_alternate_key_is_refused_by_name_and_the_transaction_can_go_on_without_losing_a_version()
    {
        var team = Guid.NewGuid();
        var first = Guid.NewGuid();
        await WriteAsync(tx =>
        {
            tx.Insert(teams, new Row { ["TeamId"] = team, ["Name"] = "Blue" });
            return tx.Insert(members, new Row { ["MemberId"] = first, ["Code"] = "M1", ["TeamId"] = team });
        });
        var before = store.CommittedSequence();

        await using (var tx = await store.BeginWriteAsync(Actor, TimeSpan.FromSeconds(5), CancellationToken.None))
        {
            var sameId = Assert.Throws<StorageException>(() => tx.Insert(members, new Row { ["MemberId"] = first, ["Code"] = "M2", ["TeamId"] = team }));
            Assert.Equal(StorageError.Duplicate, sameId.Error);
            Assert.Equal($"A record with the key MemberId={first} already exists in Member.", sameId.Message);

            var sameCode = Assert.Throws<StorageException>(() => tx.Insert(members, new Row { ["MemberId"] = Guid.NewGuid(), ["Code"] = "m1", ["TeamId"] = team }));
            Assert.Equal(StorageError.Duplicate, sameCode.Error);
            Assert.Equal($"A record with the alternate key member_code_team (Code='m1',TeamId='{team}') already exists in Member.", sameCode.Message);

            var written = tx.Insert(members, new Row { ["MemberId"] = Guid.NewGuid(), ["Code"] = "M3", ["TeamId"] = team });
            Assert.Equal(before + 1, written.Version);
            tx.Commit();
        }

        Assert.Equal(before + 1, store.CommittedSequence());
        Assert.Equal(2, store.Count(new RowQuery(members)));
    }

    [Fact]
    public async Task A_lookup_must_find_its_row_also_after_the_row_was_deleted_in_the_same_transaction()
    {
        var team = Guid.NewGuid();
        await using var tx = await store.BeginWriteAsync(Actor, TimeSpan.FromSeconds(5), CancellationToken.None);
        var inserted = tx.Insert(teams, new Row { ["TeamId"] = team, ["Name"] = "Red" });
        var mentor = tx.Insert(members, new Row { ["MemberId"] = Guid.NewGuid(), ["Code"] = "L1", ["TeamId"] = team });
        tx.Insert(members, new Row { ["MemberId"] = Guid.NewGuid(), ["Code"] = "L2", ["TeamId"] = team, ["MentorId"] = mentor.Values["MemberId"] });
        var nowhere = Guid.NewGuid();
        var missing = Assert.Throws<StorageException>(() => tx.Insert(members, new Row { ["MemberId"] = Guid.NewGuid(), ["Code"] = "L3", ["TeamId"] = nowhere }));
        Assert.Equal($"Member.TeamId: Team({nowhere}) does not exist", missing.Message);

        var empty = Guid.NewGuid();
        var emptied = tx.Insert(teams, new Row { ["TeamId"] = empty, ["Name"] = "Empty" });
        tx.Insert(members, new Row { ["MemberId"] = Guid.NewGuid(), ["Code"] = "L4", ["TeamId"] = empty });
        tx.Delete(members, tx.FindBy(members, ["Code"], ["L4"])!);
        tx.Delete(teams, emptied);
        var deleted = Assert.Throws<StorageException>(() => tx.Insert(members, new Row { ["MemberId"] = Guid.NewGuid(), ["Code"] = "L5", ["TeamId"] = empty }));
        Assert.Equal(StorageError.NotFound, deleted.Error);
        Assert.NotNull(inserted);
    }

    public void Dispose()
    {
        store.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private async Task<StoredRow> WriteAsync(Func<WriteTransaction, StoredRow> write)
    {
        await using var tx = await store.BeginWriteAsync(Actor, TimeSpan.FromSeconds(5), CancellationToken.None);
        var row = write(tx);
        tx.Commit();
        return row;
    }
}
