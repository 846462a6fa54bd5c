using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace FieldReports.AspNetCore.Endpoints;

/// <summary>Writes statistics as CSV and XLSX. Rows hold counts and codes only, never personal data.</summary>
internal static class SpreadsheetExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] Header = ["agency", "field", "state", "count", "urgent", "overdue"];

    public static byte[] Csv(IReadOnlyList<StatisticsRowDto> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Header).Append("\r\n");
        foreach (var r in rows)
        {
            text.Append(Cell(r.AgencyId)).Append(',').Append(Cell(r.FieldCode)).Append(',').Append(Cell(r.State)).Append(',')
                .Append(r.Count.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(r.Urgent.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(r.Overdue.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(IReadOnlyList<StatisticsRowDto> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("statistics");
        for (var c = 0; c < Header.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = Header[c];
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var row = i + 2;

            // Codes are written as text so that a spreadsheet never evaluates them as formulas.
            sheet.Cell(row, 1).SetValue(r.AgencyId ?? "");
            sheet.Cell(row, 2).SetValue(r.FieldCode ?? "");
            sheet.Cell(row, 3).SetValue(r.State);
            sheet.Cell(row, 4).SetValue(r.Count);
            sheet.Cell(row, 5).SetValue(r.Urgent);
            sheet.Cell(row, 6).SetValue(r.Overdue);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    // Quotes a cell, and defuses text a spreadsheet would run as a formula (CSV injection).
    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
