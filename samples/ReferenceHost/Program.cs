var builder = WebApplication.CreateBuilder(args);

var app = builder.Build();

app.MapGet("/", () => TypedResults.Content(
    """
    <!doctype html>
    <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
    <title>FieldReports — Reference host</title></head>
    <body><h1>FieldReports</h1><p>Hệ thống tiếp nhận và xử lý phản ánh hiện trường — reference host.</p></body></html>
    """, "text/html; charset=utf-8"));
app.MapGet("/health/live", () => TypedResults.Ok("live"));

app.Run();

/// <summary>The reference host's entry point, visible to functional tests.</summary>
public partial class Program;
