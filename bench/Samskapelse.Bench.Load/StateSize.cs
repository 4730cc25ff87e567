using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;

namespace Samskapelse.Bench.Load;

/// <summary>The bytes one conversation left in the bot's SQLite file: each stored item that belongs to it.</summary>
public sealed record StateSize(IReadOnlyList<(string Key, long Bytes)> Items)
{
    public long Total => Items.Sum(i => i.Bytes);

    /// <summary>The conversation's state, the user's state, the plans the user's profile lists, and anything else keyed by the conversation or the user.</summary>
    public static StateSize Measure(string databasePath, ConversationResult conversation)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        var items = new List<(string, long)>();
        var planIds = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT key, json FROM items WHERE instr(key, $conversation) > 0 OR instr(key, $user) > 0";
            command.Parameters.AddWithValue("$conversation", conversation.ConversationId);
            command.Parameters.AddWithValue("$user", conversation.UserId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var json = reader.GetString(1);
                items.Add((reader.GetString(0), System.Text.Encoding.UTF8.GetByteCount(json)));
                planIds.AddRange(JObject.Parse(json).SelectTokens("$..PlanIds[*]").Select(t => (string)t!));
            }
        }

        foreach (var planId in planIds.Distinct())
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT key, json FROM items WHERE key = $key";
            command.Parameters.AddWithValue("$key", "plans/" + planId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                items.Add((reader.GetString(0), System.Text.Encoding.UTF8.GetByteCount(reader.GetString(1))));
            }
        }

        return new StateSize(items);
    }
}
