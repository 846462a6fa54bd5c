using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace FieldReports.AspNetCore.Open311;

/// <summary>An object of a GeoReport v2 response: its members in the order the specification lists them.</summary>
internal sealed class Open311Object : List<KeyValuePair<string, object?>>
{
    public void Add(string name, object? value) => Add(new KeyValuePair<string, object?>(name, value));
}

/// <summary>A list inside an object; in XML each item is an element named <see cref="ItemName"/>.</summary>
/// <param name="ItemName">The XML element name of each item.</param>
/// <param name="Items">The items: objects or plain values.</param>
internal sealed record Open311List(string ItemName, IReadOnlyList<object?> Items);

/// <summary>Writes responses in the two formats of the specification.</summary>
internal static class Open311Writer
{
    public const string XmlContentType = "text/xml; charset=utf-8";
    public const string JsonContentType = "application/json; charset=utf-8";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes a top-level list: XML <c>&lt;root&gt;&lt;item&gt;…</c>, JSON an array.</summary>
    public static byte[] WriteList(Open311Format format, string root, string item, IEnumerable<Open311Object> items) =>
        format == Open311Format.Xml ? Xml(w => WriteElement(w, root, new Open311List(item, [.. items]))) : Json(w => WriteValue(w, new Open311List(item, [.. items])));

    /// <summary>Writes a top-level object: XML <c>&lt;root&gt;…</c>, JSON an object.</summary>
    public static byte[] WriteObject(Open311Format format, string root, Open311Object value) =>
        format == Open311Format.Xml ? Xml(w => WriteElement(w, root, value)) : Json(w => WriteValue(w, value));

    private static byte[] Xml(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = Utf8, Indent = false }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    private static void WriteElement(XmlWriter writer, string name, object? value)
    {
        writer.WriteStartElement(name);
        switch (value)
        {
            case null:
                break;
            case Open311Object obj:
                foreach (var (key, member) in obj)
                {
                    WriteElement(writer, key, member);
                }

                break;
            case Open311List list:
                foreach (var item in list.Items)
                {
                    WriteElement(writer, list.ItemName, item);
                }

                break;
            default:
                writer.WriteString(Scalar(value));
                break;
        }

        writer.WriteEndElement();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case Open311Object obj:
                writer.WriteStartObject();
                foreach (var (key, member) in obj)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, member);
                }

                writer.WriteEndObject();
                break;
            case Open311List list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            default:
                writer.WriteStringValue(Scalar(value));
                break;
        }
    }

    private static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}

/// <summary>The response format chosen by the URL's suffix.</summary>
internal enum Open311Format
{
    /// <summary><c>.xml</c>, the format the specification requires.</summary>
    Xml,

    /// <summary><c>.json</c>.</summary>
    Json,
}
