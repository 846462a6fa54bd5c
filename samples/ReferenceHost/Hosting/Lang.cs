namespace ReferenceHost.Hosting;

/// <summary>The page language: Vietnamese by default, English when the "lang" cookie says so.</summary>
public sealed class Lang(IHttpContextAccessor accessor)
{
    public const string Cookie = "lang";

    public bool IsEnglish => accessor.HttpContext?.Request.Cookies[Cookie] == "en";

    public string Code => IsEnglish ? "en" : "vi";

    public string this[string vi, string en] => IsEnglish ? en : vi;
}
