using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace TaskChat.DeployTests.Support;

/// <summary>
/// YAML as plain maps, lists and strings (anchors and `&lt;&lt;` merge keys resolved), and a few
/// accessors that fail with the path they were looking for.
/// </summary>
internal static class Yaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    public static Dictionary<object, object> Load(string text) =>
        Deserializer.Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(new StringReader(text))));

    public static List<Dictionary<object, object>> LoadAll(string text)
    {
        var parser = new MergingParser(new Parser(new StringReader(text)));
        parser.Consume<StreamStart>();
        var documents = new List<Dictionary<object, object>>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (Deserializer.Deserialize<Dictionary<object, object>>(parser) is { } document)
            {
                documents.Add(document);
            }
        }
        return documents;
    }

    public static Dictionary<object, object> Map(this object? node, string key) =>
        node.Find(key) as Dictionary<object, object> ?? throw new KeyNotFoundException($"no mapping '{key}'");

    public static Dictionary<object, object>? MapOrNull(this object? node, string key) => node.Find(key) as Dictionary<object, object>;

    public static List<object> List(this object? node, string key) => node.Find(key) as List<object> ?? [];

    public static string? Text(this object? node, string key) => node.Find(key) as string;

    public static object? Find(this object? node, string key) =>
        node is Dictionary<object, object> map && map.TryGetValue(key, out var value) ? value : null;

    public static IEnumerable<Dictionary<object, object>> Maps(this IEnumerable<object> items) => items.OfType<Dictionary<object, object>>();
}
