using System.Text.Json;
using System.Text.Json.Serialization;
using DualWrite.Cli.Remote.Shapes;

namespace DualWrite.Cli.Remote;

/// <summary>The admin API's shapes, read and written with the web's defaults (camel case, names matched without case).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(RuntimeCredentials))]
[JsonSerializable(typeof(Problem))]
[JsonSerializable(typeof(IReadOnlyList<MapSummary>))]
[JsonSerializable(typeof(MapSummary))]
[JsonSerializable(typeof(RelatedMaps))]
[JsonSerializable(typeof(ActionAnswer))]
[JsonSerializable(typeof(RunBody))]
[JsonSerializable(typeof(MapsBody))]
[JsonSerializable(typeof(ResumeBody))]
[JsonSerializable(typeof(SkipToLiveBody))]
[JsonSerializable(typeof(InitialSyncRun))]
[JsonSerializable(typeof(Page<SyncRowError>))]
[JsonSerializable(typeof(Page<ErrorEntry>))]
[JsonSerializable(typeof(Page<QueuedChange>))]
[JsonSerializable(typeof(IReadOnlyList<ActivityEntry>))]
[JsonSerializable(typeof(QueueOverview))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(IReadOnlyList<SolutionSummary>))]
[JsonSerializable(typeof(ResetBody))]
[JsonSerializable(typeof(ResetAnswer))]
[JsonSerializable(typeof(LinkBody))]
[JsonSerializable(typeof(CompanyBody))]
[JsonSerializable(typeof(Page<CatchUpError>))]
[JsonSerializable(typeof(SequencesBody))]
[JsonSerializable(typeof(CountAnswer))]
[JsonSerializable(typeof(ValidationAnswer))]
[JsonSerializable(typeof(CompareBody))]
[JsonSerializable(typeof(ComparisonReport))]
[JsonSerializable(typeof(BootstrapJob))]
[JsonSerializable(typeof(CompanyBootstrapBody))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class AdminJson : JsonSerializerContext;
